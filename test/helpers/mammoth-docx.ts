import type JSZip from 'jszip';
import { headingLevelFromStyle, relationshipTarget } from '../../src/input/docx.js';
import { InputError } from '../../src/input/errors.js';
import {
  NumberingCounter,
  NumberingDefinitions,
  type ParagraphProperties,
} from '../../src/input/numbering.js';
import type { DocxParagraphInfo } from '../../src/input/types.js';
import { parseAttributes, qualifier, scanTags, wordPrefix } from '../../src/input/xml.js';

/**
 * The reader fazhi-lint used before its own (src/input/wordml.ts), kept as the reference the tests compare
 * against: mammoth reads the text, our code the numbering.
 *
 * .docx → text with one Word paragraph per line (line N = paragraph N), plus per-line heading
 * level and automatic numbering.
 *
 * mammoth reads the text (runs, hyperlinks, fields, tracked insertions, content controls, symbols,
 * tables); what it does not expose (w:numPr, w:outlineLvl, list formats) we read from the XML
 * ourselves. To pair our paragraphs with mammoth's exactly — mammoth drops tracked-deleted
 * paragraphs, reads only the mc:Fallback of alternate content, and nests text-box paragraphs —
 * every <w:p> gets a bookmark `__fazhi_p<N>` before mammoth sees the document, and the bookmark
 * found in each mammoth paragraph says which XML paragraph it is.
 */

const MARKER = '__fazhi_p';
const MARKER_RE = /^__fazhi_p(\d+)$/;

interface DocxText {
  text: string;
  docx: DocxParagraphInfo[];
}

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  name?: string;
  breakType?: string;
  checked?: boolean;
  styleId?: string | null;
  styleName?: string | null;
}

/** Insert a bookmark into every paragraph and collect each paragraph's own properties, by index. */
export function markParagraphs(xml: string): { xml: string; paragraphs: ParagraphProperties[] } {
  const prefix = wordPrefix(xml);
  const q = qualifier(prefix);
  const names = {
    p: q('p'),
    pPr: q('pPr'),
    pStyle: q('pStyle'),
    numPr: q('numPr'),
    numId: q('numId'),
    ilvl: q('ilvl'),
    outlineLvl: q('outlineLvl'),
    val: q('val'),
  };
  const paragraphs: ParagraphProperties[] = [];
  const parts: string[] = [];
  let copied = 0;
  // Element names from the current paragraph down; the paragraph stack handles text-box nesting.
  const stack: string[] = [];
  const open: { index: number; depth: number }[] = [];
  const bookmark = (n: number) => `<${q('bookmarkStart')} ${q('id')}="${n}" ${q('name')}="${MARKER}${n}"/>`;

  scanTags(xml, (tag) => {
    if (tag.closing) {
      const at = stack.lastIndexOf(tag.name);
      if (at >= 0) stack.length = at;
      while (open.length && (open[open.length - 1] as { depth: number }).depth >= stack.length) open.pop();
      return;
    }
    if (tag.name === names.p) {
      const index = paragraphs.length;
      paragraphs.push({});
      parts.push(xml.slice(copied, tag.start));
      if (tag.selfClosing) {
        parts.push(`<${names.p}${tag.rawAttributes}>${bookmark(index)}</${names.p}>`);
      } else {
        parts.push(xml.slice(tag.start, tag.end), bookmark(index));
        open.push({ index, depth: stack.length });
        stack.push(tag.name);
      }
      copied = tag.end;
      return;
    }
    const current = open[open.length - 1];
    if (current) {
      // Path below the paragraph: only its own w:pPr counts (not w:pPrChange, not nested paragraphs).
      const path = stack.slice(current.depth + 1);
      const props = paragraphs[current.index] as ParagraphProperties;
      const value = () => parseAttributes(tag.rawAttributes)[names.val];
      if (path.length === 1 && path[0] === names.pPr) {
        if (tag.name === names.pStyle) props.pStyle = value() ?? props.pStyle;
        else if (tag.name === names.outlineLvl) {
          const n = Number.parseInt(value() ?? '', 10);
          if (Number.isFinite(n)) props.outlineLvl = n;
        }
      } else if (path.length === 2 && path[0] === names.pPr && path[1] === names.numPr) {
        if (tag.name === names.numId) props.numId = value() ?? props.numId;
        else if (tag.name === names.ilvl) {
          const n = Number.parseInt(value() ?? '', 10);
          if (Number.isFinite(n)) props.ilvl = n;
        }
      }
    }
    if (!tag.selfClosing) stack.push(tag.name);
  });
  parts.push(xml.slice(copied));
  return { xml: parts.join(''), paragraphs };
}

interface CollectedParagraph {
  text: string;
  /** Offsets in `text` of the spaces written for line breaks. */
  breaks?: number[];
  styleId?: string | null;
  styleName?: string | null;
  index?: number;
}

/** One entry per mammoth paragraph in document order; text-box paragraphs follow their anchor paragraph. */
function collectParagraphs(document: MammothElement): CollectedParagraph[] {
  const out: CollectedParagraph[] = [];
  const paragraph = (p: MammothElement) => {
    const parts: string[] = [];
    const breaks: number[] = [];
    const nested: MammothElement[] = [];
    let index: number | undefined;
    const visit = (node: MammothElement) => {
      switch (node.type) {
        case 'paragraph':
          nested.push(node);
          return;
        case 'text':
          parts.push(node.value ?? '');
          return;
        case 'tab':
          parts.push('\t');
          return;
        case 'break':
          // A line break inside a paragraph is a space, so that line N stays paragraph N.
          if (node.breakType === 'line' || node.breakType === undefined) {
            breaks.push(parts.join('').length);
            parts.push(' ');
          }
          return;
        case 'checkbox':
          parts.push(node.checked ? '☑' : '☐');
          return;
        case 'bookmarkStart': {
          const m = MARKER_RE.exec(node.name ?? '');
          // The last marker wins: a tracked-deleted paragraph mark merges into the paragraph after it.
          if (m) index = Number(m[1]);
          return;
        }
        case 'noteReference':
        case 'commentReference':
        case 'image':
          return;
        default:
          for (const c of node.children ?? []) visit(c);
      }
    };
    for (const c of p.children ?? []) visit(c);
    const entry: CollectedParagraph = {
      text: parts.join('').replace(/\r\n?|\n|\u2028|\u2029/g, ' '),
      styleId: p.styleId ?? null,
      styleName: p.styleName ?? null,
    };
    if (index !== undefined) entry.index = index;
    if (breaks.length > 0) entry.breaks = breaks;
    out.push(entry);
    for (const n of nested) paragraph(n);
  };
  const walk = (node: MammothElement) => {
    if (node.type === 'paragraph') paragraph(node);
    else for (const c of node.children ?? []) walk(c);
  };
  walk(document);
  return out;
}

function invalid(path: string, detail: string, cause?: unknown): InputError {
  return new InputError(
    path,
    'docx-invalid',
    `无法读取 ${path}：${detail}。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    undefined,
    { cause },
  );
}

/**
 * Read a .docx: one line per Word paragraph (joined with \n), each with its heading level (style
 * 'heading N' / '标题 N', else outline level) and the automatic number Word renders, which is
 * prefixed to the line. Throws InputError 'docx-invalid' for anything that is not a readable .docx.
 */
export async function readDocxWithMammoth(buffer: Uint8Array, path: string): Promise<DocxText> {
  // Word support loads only when a .docx is read: mammoth and jszip are large CommonJS modules (cold start).
  const [{ default: JSZipClass }, { default: mammoth }] = await Promise.all([
    import('jszip'),
    import('mammoth'),
  ]);
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) {
    throw new InputError(
      path,
      'docx-invalid',
      `无法读取 ${path}：扩展名是 .docx，内容却是旧版 Word（.doc）格式或加密文档。请在 Word/WPS 中另存为 .docx（不设密码）后再检查`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(buffer);
  } catch (error) {
    throw invalid(path, '文件不是有效的 .docx（不是 ZIP 压缩格式，可能已损坏或只是改了扩展名）', error);
  }
  const read = async (name: string | undefined) => {
    const file = name === undefined ? null : zip.file(name);
    return file ? file.async('string') : undefined;
  };
  let documentPath: string;
  let documentXml: string | undefined;
  let numberingXml: string | undefined;
  let stylesXml: string | undefined;
  try {
    documentPath = relationshipTarget(await read('_rels/.rels'), 'officeDocument', '') ?? 'word/document.xml';
    documentXml = await read(documentPath);
    const slash = documentPath.lastIndexOf('/');
    const folder = documentPath.slice(0, slash + 1);
    const rels = await read(`${folder}_rels/${documentPath.slice(slash + 1)}.rels`);
    numberingXml = await read(relationshipTarget(rels, 'numbering', folder) ?? `${folder}numbering.xml`);
    stylesXml = await read(relationshipTarget(rels, 'styles', folder) ?? `${folder}styles.xml`);
  } catch (error) {
    throw invalid(path, '压缩包内容已损坏', error);
  }
  if (documentXml === undefined) throw invalid(path, '压缩包中没有 Word 正文（word/document.xml）');

  const marked = markParagraphs(documentXml);
  zip.file(documentPath, marked.xml);
  // mammoth accepts an opened zip through `file` (lib/unzip.js); it is the same JSZip it would open.
  const file = {
    exists: (name: string) => zip.file(name) !== null,
    read: async (name: string, encoding?: string) => {
      const array = await (zip.file(name) as JSZip.JSZipObject).async('uint8array');
      if (encoding === 'base64') return Buffer.from(array).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(array) : array;
    },
    write: (name: string, contents: string) => void zip.file(name, contents),
    toArrayBuffer: () => zip.generateAsync({ type: 'arraybuffer' }),
  };
  let collected: CollectedParagraph[] = [];
  try {
    await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
      transformDocument: (document: MammothElement) => {
        collected = collectParagraphs(document);
        // Nothing to render: we only wanted the tree.
        return { ...document, children: [] };
      },
    });
  } catch (error) {
    throw invalid(
      path,
      `Word 正文无法解析（${error instanceof Error ? error.message : String(error)}）`,
      error,
    );
  }

  const definitions = new NumberingDefinitions(numberingXml, stylesXml);
  const counter = new NumberingCounter(definitions);
  const lines: string[] = [];
  const docx: DocxParagraphInfo[] = [];
  for (const p of collected) {
    const props: ParagraphProperties =
      p.index === undefined
        ? { ...(p.styleId ? { pStyle: p.styleId } : {}) }
        : (marked.paragraphs[p.index] ?? {});
    const info: DocxParagraphInfo = {};
    let level = headingLevelFromStyle(p.styleName, p.styleId);
    if (level === undefined) {
      const outline = definitions.outlineLevel(props);
      if (outline !== undefined && outline >= 0 && outline <= 8) level = outline + 1;
    }
    if (level !== undefined) info.headingLevel = level;
    const prefix = counter.next(props);
    if (prefix !== undefined) info.numberingPrefix = prefix;
    if (p.breaks) info.lineBreaks = p.breaks.map((b) => (prefix ?? '').length + b);
    lines.push((prefix ?? '') + p.text);
    docx.push(info);
  }
  return { text: lines.join('\n'), docx };
}
