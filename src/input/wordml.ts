import type { ParagraphProperties } from './numbering.js';
import { attribute, firstChild, parseXmlTree, textContent, type XmlNode } from './xml-tree.js';

/**
 * The text of a Word document body, read in one walk of word/document.xml that also records where every
 * character comes from: the linter reads the text, and the annotator puts comments and tracked changes on the
 * same characters, so the two can never disagree.
 *
 * What counts as text follows mammoth 1.13 (which fazhi-lint used before, and which the tests still compare
 * against): runs of paragraphs, tables (rows deleted as tracked changes dropped), hyperlinks, smart tags, custom
 * XML, content controls (check boxes as ☑/☐), the author's tracked insertions and moves (deletions dropped), field
 * results (not field codes; FORMCHECKBOX as ☑/☐), tabs, line breaks (page and column breaks are not text), non-
 * breaking and soft hyphens, and text boxes through the VML fallback of alternate content, whose paragraphs follow
 * the paragraph that anchors them. A paragraph whose mark is deleted as a tracked change joins the next one.
 * Where mammoth drops text Word shows, this reader keeps it: the result of a simple field (w:fldSimple, such as a
 * date), the base text of ruby (拼音 guides), bidirectional containers. Symbol characters (w:sym) are glyphs of a
 * symbol font, not text, and are skipped.
 */

export interface TextPiece {
  /** Offset of the first character in the paragraph's text. */
  at: number;
  /** The characters in the paragraph's text (a line break inside a w:t becomes a space there). */
  text: string;
  /**
   * 'text': the characters of a w:t, one for one with its decoded content (`value`); 'char': one character that
   * stands for the whole element (a tab, a break, a check box).
   */
  kind: 'text' | 'char';
  /** The decoded content of the w:t (kind 'text'). */
  value: string;
  node: XmlNode;
  /** The run holding `node`, or null (a check box content control without text). */
  run: XmlNode | null;
  /**
   * Whether a tracked change may replace these characters: a plain run, at most inside hyperlinks, smart tags,
   * custom XML and content controls; not in a field, a text box or the author's own tracked changes.
   */
  editable: boolean;
}

export interface WordParagraph {
  /** The w:p element (for paragraphs joined because of a deleted paragraph mark: the last one). */
  node: XmlNode;
  props: ParagraphProperties;
  text: string;
  pieces: TextPiece[];
  /** In a text box: read from the VML fallback, which is not what Word displays. */
  textBox: boolean;
  /** The table cell holding the paragraph, or null in the body. */
  cell: XmlNode | null;
}

export interface WordBody {
  xml: string;
  root: XmlNode;
  body: XmlNode | null;
  paragraphs: WordParagraph[];
}

interface Context {
  run: XmlNode | null;
  /** Inside a container a tracked change may not cross (w:ins, w:fldSimple, a text box…). */
  opaque: boolean;
  textBox: boolean;
  cell: XmlNode | null;
}

interface Builder {
  node: XmlNode;
  pieces: TextPiece[];
  /** Paragraphs of text boxes anchored in this one, in order, emitted after it. */
  after: WordParagraph[];
}

type Field =
  | { type: 'begin'; fldChar: XmlNode }
  | { type: 'checkbox'; checked: boolean }
  | { type: 'hyperlink' | 'unknown' };

const LINE_BREAKS = /[\r\n\u2028\u2029]/g;

/** Elements mammoth reads as text (a check box control replaces the first of them). */
const TEXT_ELEMENTS = new Set(['w:t', 'w:noBreakHyphen', 'w:softHyphen']);

/** Elements whose children are read as they are (mammoth's list, plus the containers of text it drops). */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml']);
const OPAQUE = new Set(['w:ins', 'w:moveTo', 'w:fldSimple', 'w:dir', 'w:bdo', 'w:object']);
const TEXT_BOX = new Set([
  'w:pict',
  'v:shape',
  'v:textbox',
  'w:txbxContent',
  'v:roundrect',
  'v:group',
  'v:rect',
]);

function booleanElement(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const value = attribute(node, 'w:val');
  return value !== 'false' && value !== '0';
}

/** A paragraph's own properties: style, numbering and outline level (not those of a tracked property change). */
export function paragraphProperties(p: XmlNode): ParagraphProperties {
  const props: ParagraphProperties = {};
  const pPr = firstChild(p, 'w:pPr');
  if (!pPr) return props;
  const int = (node: XmlNode | undefined) => {
    const n = Number.parseInt(attribute(node, 'w:val') ?? '', 10);
    return Number.isFinite(n) ? n : undefined;
  };
  const style = attribute(firstChild(pPr, 'w:pStyle'), 'w:val');
  if (style !== undefined) props.pStyle = style;
  const numPr = firstChild(pPr, 'w:numPr');
  const numId = attribute(firstChild(numPr, 'w:numId'), 'w:val');
  if (numId !== undefined) props.numId = numId;
  const ilvl = int(firstChild(numPr, 'w:ilvl'));
  if (ilvl !== undefined) props.ilvl = ilvl;
  const outline = int(firstChild(pPr, 'w:outlineLvl'));
  if (outline !== undefined) props.outlineLvl = outline;
  return props;
}

class BodyReader {
  readonly paragraphs: WordParagraph[] = [];
  private current: Builder | null = null;
  private readonly fields: Field[] = [];
  private instruction: string[] = [];
  /** Content of paragraphs whose mark is deleted, waiting for the next paragraph. */
  private deleted: XmlNode[] = [];

  constructor(private readonly xml: string) {}

  readChildren(node: XmlNode, ctx: Context): void {
    for (const child of node.children) this.read(child, ctx);
  }

  private piece(node: XmlNode, ctx: Context, kind: 'text' | 'char', value: string): void {
    const builder = this.current;
    if (!builder || value.length === 0) return;
    builder.pieces.push({
      at: 0,
      text: kind === 'text' ? value.replace(LINE_BREAKS, ' ') : value,
      kind,
      value,
      node,
      run: ctx.run,
      editable: !ctx.opaque && this.fields.length === 0 && ctx.run !== null && node.parent === ctx.run,
    });
  }

  read(node: XmlNode, ctx: Context): void {
    const name = node.name;
    switch (name) {
      case 'w:p':
        this.paragraph(node, ctx);
        return;
      case 'w:r':
        this.readChildren(node, { ...ctx, run: node });
        return;
      case 'w:t':
        this.piece(node, ctx, 'text', textContent(this.xml, node));
        return;
      case 'w:tab':
        this.piece(node, ctx, 'char', '\t');
        return;
      case 'w:br': {
        const type = attribute(node, 'w:type');
        if (type === undefined || type === 'textWrapping') this.piece(node, ctx, 'char', ' ');
        return;
      }
      case 'w:noBreakHyphen':
        this.piece(node, ctx, 'char', '\u2011');
        return;
      case 'w:softHyphen':
        this.piece(node, ctx, 'char', '\u00AD');
        return;
      case 'w:fldChar':
        this.fieldChar(node, ctx);
        return;
      case 'w:instrText':
        this.instruction.push(textContent(this.xml, node));
        return;
      case 'w:sdt':
        this.contentControl(node, ctx);
        return;
      case 'mc:AlternateContent':
        this.readChildren(firstChild(node, 'mc:Fallback') ?? node, ctx);
        return;
      case 'w:tbl':
        this.readChildren(node, ctx);
        return;
      case 'w:tr':
        if (!firstChild(firstChild(node, 'w:trPr'), 'w:del')) this.readChildren(node, ctx);
        return;
      case 'w:tc':
        this.readChildren(node, { ...ctx, cell: node });
        return;
      case 'w:ruby':
        this.readChildren(firstChild(node, 'w:rubyBase') ?? { ...node, children: [] }, {
          ...ctx,
          opaque: true,
        });
        return;
      default:
        if (TRANSPARENT.has(name)) this.readChildren(node, ctx);
        else if (OPAQUE.has(name)) this.readChildren(node, { ...ctx, opaque: true });
        else if (TEXT_BOX.has(name)) this.readChildren(node, { ...ctx, opaque: true, textBox: true });
    }
  }

  private paragraph(p: XmlNode, ctx: Context): void {
    if (firstChild(firstChild(firstChild(p, 'w:pPr'), 'w:rPr'), 'w:del')) {
      this.deleted.push(p);
      return;
    }
    const joined = this.deleted;
    this.deleted = [];
    const outer = this.current;
    const builder: Builder = { node: p, pieces: [], after: [] };
    this.current = builder;
    const inner = { ...ctx, run: null };
    for (const d of joined) this.readChildren(d, inner);
    this.readChildren(p, inner);
    this.current = outer;

    let text = '';
    for (const piece of builder.pieces) {
      piece.at = text.length;
      text += piece.text;
    }
    const paragraph: WordParagraph = {
      node: p,
      props: paragraphProperties(p),
      text,
      pieces: builder.pieces,
      textBox: ctx.textBox,
      cell: ctx.cell,
    };
    const target = outer ? outer.after : this.paragraphs;
    target.push(paragraph, ...builder.after);
  }

  private fieldChar(node: XmlNode, ctx: Context): void {
    const type = attribute(node, 'w:fldCharType');
    if (type === 'begin') {
      this.fields.push({ type: 'begin', fldChar: node });
      this.instruction = [];
    } else if (type === 'separate') {
      const field = this.fields.pop();
      if (field) this.fields.push(this.parseInstruction(field));
    } else if (type === 'end') {
      let field = this.fields.pop();
      if (field?.type === 'begin') field = this.parseInstruction(field);
      if (field?.type === 'checkbox') this.piece(node, ctx, 'char', field.checked ? '☑' : '☐');
    }
  }

  private parseInstruction(field: Field): Field {
    const text = this.instruction.join('');
    if (/^\s*HYPERLINK\s/.test(text)) return { type: 'hyperlink' };
    if (/\s*FORMCHECKBOX\s*/.test(text)) {
      const box = firstChild(
        firstChild(field.type === 'begin' ? field.fldChar : undefined, 'w:ffData'),
        'w:checkBox',
      );
      const checked = firstChild(box, 'w:checked');
      return { type: 'checkbox', checked: booleanElement(checked ?? firstChild(box, 'w:default')) };
    }
    return { type: 'unknown' };
  }

  /** A content control: its content; a check box control shows ☑/☐ in place of its first text. */
  private contentControl(node: XmlNode, ctx: Context): void {
    const builder = this.current;
    const before = builder?.pieces.length ?? 0;
    this.readChildren(firstChild(node, 'w:sdtContent') ?? { ...node, children: [] }, ctx);
    const checkbox = firstChild(firstChild(node, 'w:sdtPr'), 'w14:checkbox');
    if (!checkbox || !builder) return;
    const checkedNode = firstChild(checkbox, 'w14:checked');
    const value = checkedNode ? attribute(checkedNode, 'w14:val') : undefined;
    const mark = checkedNode && value !== 'false' && value !== '0' ? '☑' : '☐';
    const added = builder.pieces.slice(before);
    const first = added.find((p) => TEXT_ELEMENTS.has(p.node.name));
    if (first) {
      Object.assign(first, { kind: 'char', text: mark, value: mark, editable: false });
      return;
    }
    builder.pieces.length = before;
    builder.pieces.push({ at: 0, text: mark, kind: 'char', value: mark, node, run: null, editable: false });
  }
}

/**
 * Read word/document.xml: every paragraph's text with where each character comes from. Throws XmlSyntaxError
 * when the part is not well-formed.
 */
export function readWordBody(xml: string): WordBody {
  const root = parseXmlTree(xml);
  const document = root.children.find((c) => c.name === 'w:document') ?? root.children[0];
  const body = firstChild(document, 'w:body') ?? null;
  const reader = new BodyReader(xml);
  if (body) reader.readChildren(body, { run: null, opaque: false, textBox: false, cell: null });
  return { xml, root, body, paragraphs: reader.paragraphs };
}

/** One run of text outside the body: a header, a footer, or one footnote or endnote. */
export interface WordStory {
  /** The note's w:id (footnotes and endnotes), or null (headers and footers). */
  id: string | null;
  paragraphs: WordParagraph[];
}

/** Note types Word draws between the notes and the text, which hold no text of the author's. */
const NOTE_SEPARATORS = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

/**
 * Read a header or footer part (w:hdr, w:ftr: one story), or the footnotes or endnotes part (w:footnotes,
 * w:endnotes: a story per note, in order, separators left out), the same way as the body. Throws XmlSyntaxError
 * when the part is not well-formed.
 */
export function readWordStories(xml: string): WordStory[] {
  const root = parseXmlTree(xml);
  const top = root.children.find((c) => c.name.startsWith('w:')) ?? root.children[0];
  if (!top) return [];
  const read = (node: XmlNode, id: string | null): WordStory => {
    const reader = new BodyReader(xml);
    reader.readChildren(node, { run: null, opaque: false, textBox: false, cell: null });
    return { id, paragraphs: reader.paragraphs };
  };
  if (top.name === 'w:footnotes' || top.name === 'w:endnotes') {
    return top.children
      .filter((n) => n.name === 'w:footnote' || n.name === 'w:endnote')
      .filter((n) => !NOTE_SEPARATORS.has(attribute(n, 'w:type') ?? ''))
      .map((n) => read(n, attribute(n, 'w:id') ?? null));
  }
  return [read(top, null)];
}
