import type { Fix } from '../../engine/types.js';
import type { DocxLine, DocxPackage } from '../../input/docx.js';
import type { TextPiece, WordParagraph } from '../../input/wordml.js';
import { firstChild, textContent, type XmlNode } from '../../input/xml-tree.js';
import { replacements } from '../diff.js';
import { escapeXmlAttribute, escapeXmlText, XmlEdits } from './xml-edits.js';

/**
 * Comments and tracked changes in word/document.xml, placed on the characters of the linted text.
 *
 * Every character of a line comes from a piece of the XML (wordml.ts): the characters of a w:t, or one element
 * (a tab, a break, a check box). A place between two characters is found in the piece around it; where it falls
 * inside a run, the run is split there, each part keeping the run's properties (w:rPr). A range's start is placed
 * just before its first character and its end just after its last, so markup between runs (bookmarks, the author's
 * own comment marks) stays outside. Runs that are not split are copied byte for byte, and so is everything else.
 */

/** Order of what is put at one place: a fix's inserted text, then ends of comments, then starts. */
const RANK = { insertAtEnd: 0, commentEnd: 1, commentStart: 2, insertAtStart: 3 } as const;

export interface RevisionStamp {
  author: string;
  initials: string;
  /** ISO 8601, seconds, UTC. */
  date: string;
  /** A fresh w:id for a comment or a tracked change. */
  nextId(): number;
}

/** A place between two characters of a paragraph's text, and which side it belongs to. */
interface TextPoint {
  line: DocxLine;
  char: number;
}

type XmlPoint = { kind: 'offset'; offset: number } | { kind: 'run'; run: XmlNode; atom: number };

/** A run's content as atoms: each character of its w:t elements, and each other element (one atom). */
interface RunLayout {
  run: XmlNode;
  children: XmlNode[];
  /** Atom index where each content child starts; one more entry: the total. */
  starts: number[];
  values: (string | null)[];
}

interface RunPlan {
  layout: RunLayout;
  /** Injections at atom boundaries strictly inside the run. */
  cuts: Map<number, { rank: number; seq: number; text: string }[]>;
  /** Atoms deleted as a tracked change. */
  deleted: Set<number>;
}

export class DocumentAnnotator {
  private readonly xml: string;
  private readonly edits = new XmlEdits();
  private readonly layouts = new Map<XmlNode, RunLayout>();
  private readonly plans = new Map<XmlNode, RunPlan>();
  /** Empty paragraphs written as <w:p/> that receive markup: opened up. */
  private readonly openedParagraphs = new Set<XmlNode>();
  private seq = 0;
  private readonly q: (local: string) => string;

  constructor(
    private readonly pkg: DocxPackage,
    private readonly stamp: RevisionStamp,
  ) {
    this.xml = pkg.body.xml;
    const qname = pkg.body.body?.qname ?? 'w:body';
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    this.q = prefix ? (local) => `${prefix}:${local}` : (local) => local;
  }

  /** The line holding a model offset (the last line starting at or before it). */
  private lineAt(offset: number): DocxLine {
    const lines = this.pkg.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as DocxLine).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo] as DocxLine;
  }

  private point(offset: number): TextPoint | null {
    if (this.pkg.lines.length === 0) return null;
    const line = this.lineAt(Math.max(0, offset));
    const column = Math.max(0, offset - line.start);
    // A place inside the automatic number is the start of the paragraph's own text.
    const char = Math.min(line.paragraph.text.length, Math.max(0, column - line.prefix.length));
    return { line, char };
  }

  /**
   * Where a range of the linted text is in the paragraphs: start and end points, or null when it cannot be marked
   * where it is (a text box, whose text is read from a copy Word does not show).
   */
  locate(start: number, end: number): { from: TextPoint; to: TextPoint } | null {
    const from = this.point(start);
    let to = this.point(Math.max(start, end));
    if (!from || !to) return null;
    // A range that ends just after a line break ends at the end of the line before.
    if (end > start && to.line !== from.line && end === to.line.start) {
      const previous = this.pkg.lines[this.pkg.lines.indexOf(to.line) - 1] as DocxLine;
      to = { line: previous, char: previous.paragraph.text.length };
    }
    if (from.line.paragraph.textBox || to.line.paragraph.textBox) return null;
    // A comment may span paragraphs of the body, not leave a table cell.
    if (from.line.paragraph.cell !== to.line.paragraph.cell) {
      to = { line: from.line, char: from.line.paragraph.text.length };
    }
    return { from, to };
  }

  private layout(run: XmlNode): RunLayout {
    let layout = this.layouts.get(run);
    if (!layout) {
      const children = run.children.filter((c) => c.name !== 'w:rPr');
      const starts: number[] = [];
      const values: (string | null)[] = [];
      let n = 0;
      for (const c of children) {
        starts.push(n);
        const value = c.name === 'w:t' ? textContent(this.xml, c) : null;
        values.push(value);
        n += value === null || value.length === 0 ? 1 : value.length;
      }
      starts.push(n);
      layout = { run, children, starts, values };
      this.layouts.set(run, layout);
    }
    return layout;
  }

  private plan(run: XmlNode): RunPlan {
    let plan = this.plans.get(run);
    if (!plan) {
      plan = { layout: this.layout(run), cuts: new Map(), deleted: new Set() };
      this.plans.set(run, plan);
    }
    return plan;
  }

  /**
   * The atoms of its run that a piece's characters [from, to) occupy: one for one in a w:t; a 'char' piece's one
   * character stands for all of its element.
   */
  private atoms(piece: TextPiece, from: number, to: number): { run: XmlNode; first: number; end: number } {
    const run = piece.run as XmlNode;
    const layout = this.layout(run);
    // Text nested deeper in the run (alternate content) counts as one element of the run.
    let node = piece.node;
    while (node.parent && node.parent !== run) node = node.parent;
    const index = layout.children.indexOf(node);
    const start = layout.starts[index] as number;
    if (piece.kind === 'text' && node === piece.node) return { run, first: start + from, end: start + to };
    const next = layout.starts[index + 1] as number;
    return { run, first: from === 0 ? start : next, end: to === 0 ? start : next };
  }

  /** The XML place of a text point: just before the next character ('start') or just after the previous ('end'). */
  private xmlPoint(p: TextPoint, bias: 'start' | 'end'): XmlPoint {
    const paragraph = p.line.paragraph;
    const pieces = paragraph.pieces;
    let piece: TextPiece | undefined;
    let within = 0;
    if (bias === 'start') {
      piece = pieces.find((x) => x.at + x.text.length > p.char);
      if (piece) within = p.char - piece.at;
      else {
        piece = pieces[pieces.length - 1];
        within = piece?.text.length ?? 0;
      }
    } else {
      piece = pieces.findLast((x) => x.at < p.char);
      if (piece) within = p.char - piece.at;
      else {
        piece = pieces[0];
        within = 0;
      }
    }
    if (!piece) return { kind: 'offset', offset: this.paragraphContentStart(paragraph) };
    if (!piece.run) return { kind: 'offset', offset: within === 0 ? piece.node.start : piece.node.end };
    const { run, first } = this.atoms(piece, within, within);
    const layout = this.layout(run);
    const total = layout.starts[layout.starts.length - 1] as number;
    if (first === 0) return { kind: 'offset', offset: run.start };
    if (first >= total) return { kind: 'offset', offset: run.end };
    return { kind: 'run', run, atom: first };
  }

  /** Where markup goes in a paragraph without text: after its properties. */
  private paragraphContentStart(paragraph: WordParagraph): number {
    const p = paragraph.node;
    if (p.selfClosing) {
      this.openedParagraphs.add(p);
      return p.start;
    }
    return firstChild(p, 'w:pPr')?.end ?? p.openEnd;
  }

  private inject(point: XmlPoint, rank: number, text: string): void {
    if (point.kind === 'offset') {
      this.edits.insert(point.offset, rank, text);
      return;
    }
    const plan = this.plan(point.run);
    const list = plan.cuts.get(point.atom) ?? [];
    list.push({ rank, seq: this.seq++, text });
    plan.cuts.set(point.atom, list);
  }

  private tag(local: string, attributes: Record<string, string | number>, selfClosing: boolean): string {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${this.q(k)}="${escapeXmlAttribute(String(v))}"`)
      .join('');
    return `<${this.q(local)}${attrs}${selfClosing ? '/' : ''}>`;
  }

  private revision(): Record<string, string | number> {
    return { id: this.stamp.nextId(), author: this.stamp.author, date: this.stamp.date };
  }

  /**
   * A comment on [start, end) of the linted text, with the given id. Returns false when the range cannot carry
   * one where it is (then the caller lists the finding elsewhere).
   */
  addComment(id: number, start: number, end: number): boolean {
    const where = this.locate(start, end);
    if (!where) return false;
    const { from, to } = where;
    const rangeStart = this.tag('commentRangeStart', { id }, true);
    const rangeEnd = this.tag('commentRangeEnd', { id }, true);
    const reference = `<${this.q('r')}>${this.tag('commentReference', { id }, true)}</${this.q('r')}>`;
    if (from.line === to.line && from.char >= to.char) {
      // No characters: one place holds the whole comment.
      this.inject(this.xmlPoint(from, 'start'), RANK.commentStart, rangeStart + rangeEnd + reference);
      return true;
    }
    this.inject(this.xmlPoint(from, 'start'), RANK.commentStart, rangeStart);
    this.inject(this.xmlPoint(to, 'end'), RANK.commentEnd, rangeEnd + reference);
    return true;
  }

  /**
   * A safe fix as tracked changes: the fix reduced to its smallest replacements (a fix that rewrites a phrase to
   * change two marks gives two), each replaced character in w:del and each new text in w:ins with the formatting of
   * the text it replaces or follows. All or nothing: returns false, changing nothing, when some part does not map
   * cleanly (across paragraphs, into an automatic number, a field, a text box or the author's own tracked changes).
   * `findingStart` is where the fix's finding starts: inserted text stays inside its comment.
   */
  addTrackedChange(fix: Fix, findingStart: number): boolean {
    const [start, end] = fix.range;
    if (fix.text.includes('\r')) return false;
    const old = this.pkg.text.slice(start, end);
    if (old.includes('\n') && fix.text === '') return this.deleteParagraphs(fix);
    const parts = replacements(old, fix.text).map((r) => ({
      start: start + r.start,
      end: start + r.end,
      text: r.text,
    }));
    const planned: (() => void)[] = [];
    for (const part of parts) {
      const plan = this.planReplacement(part.start, part.end, part.text, part.start > findingStart);
      if (!plan) return false;
      planned.push(plan);
    }
    for (const apply of planned) apply();
    return true;
  }

  /** A replacement within one paragraph's own text, to apply later; null when it does not map cleanly. */
  private planReplacement(
    start: number,
    end: number,
    text: string,
    afterPrevious: boolean,
  ): (() => void) | null {
    if (text.includes('\n')) return null;
    const from = this.point(start);
    const to = this.point(end);
    if (!from || !to || from.line !== to.line) return null;
    const line = from.line;
    const paragraph = line.paragraph;
    if (paragraph.textBox || start - line.start < line.prefix.length) return null;
    if (end - line.start > line.prefix.length + paragraph.text.length) return null;
    const covered =
      from.char < to.char
        ? paragraph.pieces.filter((p) => p.at < to.char && p.at + p.text.length > from.char)
        : [];
    if (covered.some((p) => !p.editable)) return null;
    // The run whose formatting the inserted text takes.
    let model: TextPiece | undefined = covered[0];
    if (!model) {
      const before = paragraph.pieces.findLast((p) => p.at < from.char);
      const after = paragraph.pieces.find((p) => p.at >= from.char);
      model = (afterPrevious || !after) && before ? before : (after ?? before);
    }
    if (!model?.editable || !model.run) return null;
    const run = model.run;
    return () => {
      for (const piece of covered) {
        const atoms = this.atoms(
          piece,
          Math.max(0, from.char - piece.at),
          Math.min(piece.text.length, to.char - piece.at),
        );
        const plan = this.plan(atoms.run);
        for (let a = atoms.first; a < atoms.end; a++) plan.deleted.add(a);
      }
      if (!text) return;
      const rPr = firstChild(run, 'w:rPr');
      // A tracked formatting change of the model run is the author's, not part of the new text's formatting.
      const properties = rPr
        ? this.xml.slice(rPr.start, rPr.end).replace(/<([\w.-]+:)?rPrChange\b[\s\S]*?<\/\1?rPrChange>/g, '')
        : '';
      const content = text
        .split('\t')
        .map((part) =>
          part ? `<${this.q('t')} xml:space="preserve">${escapeXmlText(part)}</${this.q('t')}>` : '',
        )
        .join(`<${this.q('tab')}/>`);
      const inserted = `${this.tag('ins', this.revision(), false)}<${this.q('r')}>${properties}${content}</${this.q('r')}></${this.q('ins')}>`;
      if (covered.length > 0) this.inject(this.xmlPoint(to, 'end'), RANK.insertAtEnd, inserted);
      else if (afterPrevious) this.inject(this.xmlPoint(from, 'end'), RANK.insertAtEnd, inserted);
      else this.inject(this.xmlPoint(from, 'start'), RANK.insertAtStart, inserted);
    };
  }

  /**
   * A fix that deletes whole lines with their line breaks (page residue, say): each paragraph's text and its
   * paragraph mark deleted, as Word records deleting a paragraph. Only plain body paragraphs without an automatic
   * number (deleting one would renumber the rest); the paragraph after them stays.
   */
  private deleteParagraphs(fix: Fix): boolean {
    const [start, end] = fix.range;
    const lines = this.pkg.lines;
    const first = lines.findIndex((l) => l.start === start);
    const next = lines.findIndex((l) => l.start === end);
    if (fix.text !== '' || first < 0 || next <= first) return false;
    const plain = (l: DocxLine) => !l.paragraph.textBox && l.paragraph.cell === null;
    const deleted = lines.slice(first, next);
    for (const l of deleted) {
      const p = l.paragraph.node;
      if (!plain(l) || l.prefix !== '' || p.selfClosing || l.paragraph.pieces.some((x) => !x.editable))
        return false;
      if (firstChild(firstChild(p, 'w:pPr'), 'w:sectPr')) return false;
    }
    if (!plain(lines[next] as DocxLine)) return false;
    for (const l of deleted) {
      for (const piece of l.paragraph.pieces) {
        const { run, first: a, end: b } = this.atoms(piece, 0, piece.text.length);
        const plan = this.plan(run);
        for (let i = a; i < b; i++) plan.deleted.add(i);
      }
      this.deleteMark(l.paragraph.node);
    }
    return true;
  }

  /** Mark a paragraph's mark deleted: w:del in the paragraph mark's run properties (w:pPr/w:rPr), first. */
  private deleteMark(p: XmlNode): void {
    const del = this.tag('del', this.revision(), true);
    const rPrWith = `<${this.q('rPr')}>${del}</${this.q('rPr')}>`;
    const pPr = firstChild(p, 'w:pPr');
    if (!pPr) {
      this.edits.insert(p.openEnd, -1, `<${this.q('pPr')}>${rPrWith}</${this.q('pPr')}>`);
      return;
    }
    const rPr = firstChild(pPr, 'w:rPr');
    if (rPr?.selfClosing) this.edits.replace(rPr.start, rPr.end, rPrWith);
    else if (rPr) this.edits.insert(rPr.openEnd, -1, del);
    else if (pPr.selfClosing)
      this.edits.replace(pPr.start, pPr.end, `<${pPr.qname}${pPr.rawAttributes}>${rPrWith}</${pPr.qname}>`);
    else {
      // w:rPr comes before a section break and a tracked property change in w:pPr.
      const after = pPr.children.find((c) => c.name === 'w:sectPr' || c.name === 'w:pPrChange');
      this.edits.insert(after ? after.start : pPr.closeStart, -1, rPrWith);
    }
  }

  /** word/document.xml with every comment mark and tracked change in place. */
  render(): string {
    for (const plan of this.plans.values()) {
      if (plan.cuts.size === 0 && plan.deleted.size === 0) continue;
      const run = plan.layout.run;
      this.edits.replace(run.start, run.end, this.renderRun(plan));
    }
    for (const p of this.openedParagraphs) {
      const open = `<${p.qname}${p.rawAttributes}>`;
      this.edits.insert(p.start, -1, open);
      this.edits.insert(p.start, 99, `</${p.qname}>`);
      this.edits.replace(p.start, p.end, '');
    }
    return this.edits.apply(this.xml);
  }

  private renderRun(plan: RunPlan): string {
    const { layout, cuts, deleted } = plan;
    const { run, children, starts, values } = layout;
    const xml = this.xml;
    const open = xml.slice(run.start, run.openEnd);
    const close = xml.slice(run.closeStart, run.end);
    const rPr = firstChild(run, 'w:rPr');
    const properties = rPr ? xml.slice(rPr.start, rPr.end) : '';
    const total = starts[starts.length - 1] as number;
    // Segment boundaries: every cut, and wherever deletion starts or stops.
    const bounds = new Set<number>([0, total, ...cuts.keys()]);
    for (let a = 1; a < total; a++) if (deleted.has(a) !== deleted.has(a - 1)) bounds.add(a);
    const sorted = [...bounds].sort((x, y) => x - y);
    const out: string[] = [];
    for (let s = 0; s < sorted.length - 1; s++) {
      const from = sorted[s] as number;
      const to = sorted[s + 1] as number;
      const injected = cuts.get(from);
      if (injected) out.push(...injected.sort((x, y) => x.rank - y.rank || x.seq - y.seq).map((i) => i.text));
      const isDeleted = deleted.has(from);
      const content: string[] = [];
      children.forEach((child, i) => {
        const cs = starts[i] as number;
        const ce = starts[i + 1] as number;
        if (ce <= from || cs >= to) return;
        const value = values[i];
        if (value === null || value === undefined || value.length === 0) {
          content.push(xml.slice(child.start, child.end));
          return;
        }
        const whole = cs >= from && ce <= to;
        if (whole && !isDeleted) {
          content.push(xml.slice(child.start, child.end));
          return;
        }
        const text = value.slice(Math.max(from, cs) - cs, Math.min(to, ce) - cs);
        const name = this.q(isDeleted ? 'delText' : 't');
        content.push(`<${name} xml:space="preserve">${escapeXmlText(text)}</${name}>`);
      });
      const segment = `${open}${properties}${content.join('')}${close}`;
      out.push(
        isDeleted ? `${this.tag('del', this.revision(), false)}${segment}</${this.q('del')}>` : segment,
      );
    }
    return out.join('');
  }
}
