import type { SourceFile } from '../input/types.js';
import { getSegmenter } from '../segment/index.js';
import { utf16Codes } from '../util/codes.js';
import { allMatches } from '../util/regex.js';
import { partitionPoint } from '../util/search.js';
import { isBlank, lineIndexAt, splitLines, trimRange } from './lines.js';
import { readMarkdown } from './markdown.js';
import { markOffsets } from './marks.js';
import { INLINE_ENUM, matchMarker, RUN_IN_STOP } from './numbering.js';
import { classifyResidue } from './residue.js';
import type {
  ClosingBlock,
  Directive,
  DocumentModel,
  Heading,
  Line,
  Paragraph,
  Section,
  Span,
  Title,
  Token,
} from './types.js';
import { taggedWordFinder, wordBoundaryTester } from './words.js';

/** Markdown block prefixes that carry no text: indentation, blockquote marks, bullets, ATX hashes. */
const MD_PREFIX = /^ {0,3}(?:> ?)*(?:[-*+] +)?(?:#{1,6}(?: +|$))?/;
const MD_EMPHASIS = /^(?:\*\*|__)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+) *$/;

/** A title names the report; it is short and is no sentence. */
const TITLE_WORDS = /报告|法治政府建设|依法行政|法治建设/;
const SENTENCE_END = /[。；;，,：:！？!?]$/;
const ISSUER_END = /关于|\d{4}\s*年|[〇零一二三四五六七八九]{4}\s*年|法治政府建设|法治建设|依法行政/;
/** A year written out in the title (二〇二四年). */
const CN_YEAR = /([〇零一二三四五六七八九]{4})\s*年/;
/** An issuer after the year (2024年青山街道法治政府建设…): the stretch up to the subject, when it names an organ. */
const ISSUER_AFTER_YEAR =
  /^(?:关于)?(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?(.{2,30}?)(?:关于|法治政府建设|法治建设|依法行政)/u;
/**
 * Text glued before an issuer's name: up to the last separator, or a run of ASCII with a digit or a currency sign
 * (hg0088). Letters alone stay: XX镇 is a template's blank, for the placeholder rule to report.
 */
const GLUED_BEFORE_ISSUER = /^.*[-_|｜—–•·:：/\\>›»]\s*|^[A-Za-z]*[0-9¥￥$][\x21-\x7e¥￥]*/u;
/** A level or organ word alone is no issuer (街道2024年…, 镇人民政府…): the name is missing. */
const BARE_ORGAN =
  /^(?:本|我|全)?(?:省|市|县|区|镇|乡|街道|人民政府|政府|办事处|街道办事处|党委|委员会)?(?:人民政府|政府|办事处)?$/u;

/** The closing block: a signer names an organ; a date line is short and date-like (its form is judged by a rule). */
const ORGAN_SUFFIX =
  /(?:政府|委员会|党委|党组|委|局|办公室|办|镇|乡|街道|办事处|中心|所|院|厅|处|部|县|区|市|组|会|司|站|队)$/;
const DATE_LIKE =
  /^(?:\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{8}|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/;
/**
 * A date line of a template left unfilled (2025年X月X日, 20XX年×月×日): still the closing's date line, so the
 * signer above it is read as a signer; the `placeholder` rule reports the blank, `closing-date` leaves it alone.
 */
const BLANK = '[XxＸｘ×某□○〇_＿]';
const PLACEHOLDER_DATE = new RegExp(
  `^(?:\\d{4}|\\d{0,2}${BLANK}{2,4})年(?:\\d{1,2}|${BLANK}{1,2})月(?:\\d{1,2}|${BLANK}{1,2})日$`,
  'u',
);

/** Whether a closing date line is a template's blank date (2025年X月X日) rather than a date. */
export function isPlaceholderDate(text: string): boolean {
  const compact = text.replace(/[\s\u00a0\u3000]+/gu, '');
  return PLACEHOLDER_DATE.test(compact) && !DATE_LIKE.test(compact);
}
const SELF_REFERENCE = /我(镇|乡|县|区|市|局|街道|委|厅|办|所)/g;

const MAX_CLOSING_LINE = 40;

export function buildModel(source: SourceFile): DocumentModel {
  const text = source.text;
  const lines = splitLines(text);
  const md = source.format === 'markdown' ? readMarkdown(text) : null;
  const ignoredRanges = md?.ignored ?? [];
  const directives: Directive[] = md?.directives ?? [];

  const paragraphs = readParagraphs(source, lines, md?.headingDepth, ignoredRanges);
  const residueLines = classifyResidue(paragraphs, {
    isTitleLike: looksLikeTitle,
    isHeading: (p) => md?.headingDepth.has(p.line) ?? false,
    isNumbered: (p) => matchMarker(p.text) !== null,
  });
  for (const p of paragraphs) if (residueLines.has(p.line)) p.role = 'residue';

  const closing = findClosing(lines, paragraphs);
  const closingLines = new Set<number>();
  for (const p of paragraphs) if (p.start >= closing.start && p.role !== 'residue') closingLines.add(p.line);
  for (const p of paragraphs) if (closingLines.has(p.line)) p.role = 'closing';

  const title = findTitle(paragraphs, md?.headingDepth);
  const headings: Heading[] = [];
  const enumerations: Heading[] = [];
  const depths = md?.headingDepth;
  const minDepth = depths ? minHeadingDepth(depths, title?.line) : 1;
  for (const p of paragraphs) {
    if (p.role !== 'body') continue;
    const styleLevel = source.docx?.[p.line - 1]?.headingLevel;
    const depth = depths?.get(p.line);
    const h = headingOf(p, depth !== undefined ? depth - minDepth + 1 : undefined, styleLevel);
    if (h && h.style === 'enum') enumerations.push(h);
    else if (h) {
      p.heading = h;
      p.role = 'heading';
      headings.push(h);
    }
  }

  const bodyEnd = closing.start;
  const root = buildSections(headings, paragraphs, lines, bodyEnd);
  assignEnumerationLevels(enumerations, root);
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading') continue;
    for (const e of inlineEnumerations(p, text)) enumerations.push(e);
  }
  enumerations.sort((a, b) => a.markerStart - b.markerStart);
  assignEnumerationLevels(enumerations, root);

  const year = title?.year ?? firstBodyYear(paragraphs);
  const selfReference = mostFrequentSelfReference(paragraphs);

  let tokenCache: Token[] | null = null;
  let wordBoundary: ((offset: number) => boolean) | null = null;
  let taggedWord: ReturnType<typeof taggedWordFinder> | null = null;
  let markCache: Int32Array | null = null;
  let codeCache: Uint16Array | null = null;
  let derivedFacts: Map<object, unknown> | null = null;
  const model: DocumentModel = {
    source,
    format: source.format,
    text,
    lines,
    paragraphs,
    headings,
    enumerations,
    root,
    title,
    year,
    selfReference,
    closing,
    residueLines,
    ignoredRanges,
    directives,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = lines[lineIndexAt(lines, clamped)] as Line;
      return { line: line.number, column: Math.min(clamped, line.end) - line.start + 1 };
    },
    offsetAt(lineNumber, column) {
      const line = lines[Math.max(0, Math.min(lineNumber, lines.length) - 1)] as Line;
      return Math.min(line.start + Math.max(column, 1) - 1, line.end);
    },
    lineAt(offset) {
      return lines[lineIndexAt(lines, offset)] as Line;
    },
    tokens() {
      if (!tokenCache) tokenCache = tokenize(text);
      return tokenCache;
    },
    codes() {
      codeCache ??= utf16Codes(text);
      return codeCache;
    },
    marks() {
      markCache ??= markOffsets(model.codes());
      return markCache;
    },
    isWordBoundary(offset) {
      wordBoundary ??= wordBoundaryTester(text);
      return wordBoundary(offset);
    },
    wordAt(offset) {
      taggedWord ??= taggedWordFinder(text);
      return taggedWord(offset);
    },
    derived<T>(key: object, compute: (model: DocumentModel) => T): T {
      derivedFacts ??= new Map();
      if (derivedFacts.has(key)) return derivedFacts.get(key) as T;
      const value = compute(model);
      derivedFacts.set(key, value);
      return value;
    },
    sectionAt(offset) {
      let section = root;
      for (;;) {
        const child = childAt(section, offset);
        if (!child) return section;
        section = child;
      }
    },
  };
  return model;
}

function readParagraphs(
  source: SourceFile,
  lines: Line[],
  headingDepth: Map<number, number> | undefined,
  ignored: Span[],
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let ig = 0;
  for (const line of lines) {
    while (ig < ignored.length && (ignored[ig] as Span).end <= line.start) ig++;
    const block = ignored[ig];
    if (block && block.start <= line.start && line.end <= block.end && line.end > line.start) continue;
    if (isBlank(line.text)) continue;
    let from = 0;
    if (source.format === 'markdown') {
      if (SETEXT_UNDERLINE.test(line.text) && headingDepth?.has(line.number - 1)) continue;
      from = (MD_PREFIX.exec(line.text)?.[0] ?? '').length;
    }
    const [a, b] = trimRange(line.text.slice(from));
    if (a === b) continue;
    const start = line.start + from + a;
    const end = line.start + from + b;
    paragraphs.push({
      start,
      end,
      text: line.text.slice(from + a, from + b),
      line: line.number,
      endLine: line.number,
      role: 'body',
    });
  }
  return paragraphs;
}

function minHeadingDepth(depths: Map<number, number>, titleLine: number | undefined): number {
  let min = 6;
  for (const [line, depth] of depths) if (line !== titleLine && depth < min) min = depth;
  return min;
}

/** Recognises the heading a paragraph opens with: Markdown or Word style level, or official numbering. */
function headingOf(
  p: Paragraph,
  markdownLevel: number | undefined,
  styleLevel: number | undefined,
): Heading | null {
  const emphasis = MD_EMPHASIS.exec(p.text)?.[0].length ?? 0;
  const body = p.text.slice(emphasis);
  const marker = matchMarker(body);
  const explicit = markdownLevel ?? styleLevel;
  if (!marker && explicit === undefined) return null;
  const markerText = marker?.marker ?? '';
  const markerStart = p.start + emphasis;
  const afterMarker = body.slice(markerText.length);
  const stopMatch = explicit === undefined ? RUN_IN_STOP.exec(afterMarker) : null;
  const stopAt = stopMatch ? stopMatch.index : afterMarker.length;
  const spanEnd = markerStart + markerText.length + stopAt;
  const rest = afterMarker.slice(stopAt + 1);
  const style = marker ? marker.style : markdownLevel !== undefined ? 'markdown' : 'style';
  return {
    level: marker && marker.style !== 'enum' ? marker.level : (explicit ?? 0),
    style,
    marker: markerText,
    ordinal: marker?.ordinal ?? null,
    span: { start: p.start, end: spanEnd, text: p.text.slice(0, spanEnd - p.start) },
    markerStart,
    text: afterMarker.slice(0, stopAt).replace(/^[\s\u3000]+|[\s*_]+$/gu, ''),
    runIn: stopMatch !== null && !isBlank(rest),
    paragraph: p,
  };
}

/** Enumeration leads after a sentence boundary inside a paragraph (主要表现为：一是……。二是……). */
function inlineEnumerations(p: Paragraph, text: string): Heading[] {
  const out: Heading[] = [];
  // Every lead ends in 是, which most paragraphs lack: one native search spares them the pattern's scan.
  if (!p.text.includes('是')) return out;
  for (const m of allMatches(INLINE_ENUM, p.text)) {
    const lead = m[1] as string;
    const local = (m.index ?? 0) + (m[0] as string).length - lead.length;
    const marker = matchMarker(p.text.slice(local));
    if (marker?.style !== 'enum') continue;
    const after = p.text.slice(local + marker.marker.length);
    const stop = /[。；;！？!?]/.exec(after);
    const stopAt = stop ? stop.index : after.length;
    const start = p.start + local;
    const end = start + marker.marker.length + stopAt;
    out.push({
      level: 0,
      style: 'enum',
      marker: marker.marker,
      ordinal: marker.ordinal,
      span: { start, end, text: text.slice(start, end) },
      markerStart: start,
      text: after.slice(0, stopAt),
      runIn: true,
      paragraph: p,
    });
  }
  return out;
}

function assignEnumerationLevels(enumerations: Heading[], root: Section): void {
  for (const e of enumerations) {
    let section = root;
    for (;;) {
      const child = childAt(section, e.markerStart);
      if (!child) break;
      section = child;
    }
    e.level = section.level + 1;
  }
}

/** The year a title names, in figures or written out (二〇二四年). */
function titleYear(text: string): number | null {
  const figures = /(\d{4})\s*年/.exec(text);
  if (figures) return Number(figures[1]);
  const written = CN_YEAR.exec(text);
  if (!written) return null;
  return Number(
    [...(written[1] as string)].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''),
  );
}

/** A line that is only an organ's name (大河乡人民政府, 某县司法局): short, no digits, no punctuation. */
function isIssuerLine(text: string): boolean {
  return (
    text.length <= 30 &&
    ORGAN_SUFFIX.test(text) &&
    !/[\d，。；：:,;、（）()《》“”]/u.test(text) &&
    !BARE_ORGAN.test(text)
  );
}

/** A title names the report: it is short, is no sentence, and has a report's words. */
function looksLikeTitle(p: Paragraph): boolean {
  return (
    p.text.length <= 80 && TITLE_WORDS.test(p.text) && !SENTENCE_END.test(p.text) && !p.text.includes('。')
  );
}

function findTitle(paragraphs: Paragraph[], headingDepth: Map<number, number> | undefined): Title | null {
  let seen = 0;
  let title: Title | null = null;
  let previous: Paragraph | null = null;
  for (const p of paragraphs) {
    if (p.role === 'residue') continue;
    if (p.role !== 'body') break;
    const before = previous;
    previous = p;
    const isMdHeading = headingDepth?.has(p.line) ?? false;
    if (!title && looksLikeTitle(p) && (isMdHeading || !matchMarker(p.text))) {
      const issuerEnd = ISSUER_END.exec(p.text);
      let issuer = issuerEnd ? p.text.slice(0, issuerEnd.index).replace(/[的\s]+$/u, '') : null;
      if (!issuer) {
        const after = ISSUER_AFTER_YEAR.exec(p.text)?.[1]?.replace(/[的\s]+$/u, '');
        if (after && ORGAN_SUFFIX.test(after)) issuer = after;
      }
      // No organ's name holds a separator: what stands before one was glued on (新葡京娱乐城-某镇…, 网站名|某镇…).
      if (issuer) issuer = issuer.replace(GLUED_BEFORE_ISSUER, '');
      if (issuer && BARE_ORGAN.test(issuer)) issuer = null;
      // A title broken after the issuer's name (大河乡人民政府 / 关于法治政府建设的情况报告): the line above names it.
      if (!issuer && before && before.line === p.line - 1 && isIssuerLine(before.text)) {
        issuer = before.text.replace(/[\s\u3000]+/gu, '');
        before.role = 'title';
      }
      p.role = 'title';
      title = {
        span: { start: p.start, end: p.end, text: p.text },
        line: p.line,
        issuer: issuer && issuer.length > 0 ? issuer : null,
        year: titleYear(p.text),
      };
      continue;
    }
    if (title && p.text === title.span.text) {
      // Pages often repeat the title under the metadata line; the copy is no body text.
      p.role = 'title';
      continue;
    }
    if (p.text.length <= 30 && /[：:]$/.test(p.text) && !matchMarker(p.text)) {
      p.role = 'addressee';
      continue;
    }
    if (++seen >= 3 || matchMarker(p.text)) break;
  }
  return title;
}

function findClosing(lines: Line[], paragraphs: Paragraph[]): ClosingBlock {
  const substantive = paragraphs.filter((p) => p.role !== 'residue');
  const last = substantive[substantive.length - 1];
  const lastLine = last ? (lines[last.line - 1] as Line) : null;
  const signers: Span[] = [];
  let date: Span | null = null;
  let start = last ? last.end : 0;
  for (let i = substantive.length - 1; i >= 0 && substantive.length - i <= 5; i--) {
    const p = substantive[i] as Paragraph;
    if (p.text.length > MAX_CLOSING_LINE || SENTENCE_END.test(p.text) || matchMarker(p.text)) break;
    const compact = p.text.replace(/[\s\u00a0\u3000]+/gu, '');
    if (!date && signers.length === 0 && (DATE_LIKE.test(compact) || PLACEHOLDER_DATE.test(compact))) {
      date = { start: p.start, end: p.end, text: p.text };
    } else if (ORGAN_SUFFIX.test(compact) && !/\d/.test(compact)) {
      signers.unshift({ start: p.start, end: p.end, text: p.text });
    } else break;
    start = p.start;
  }
  return { signers, date, start, lastLine };
}

/** Sections nest by level; each runs to the next heading of the same or a higher level, the last to the closing. */
function buildSections(
  headings: Heading[],
  paragraphs: Paragraph[],
  lines: Line[],
  bodyEnd: number,
): Section {
  const firstBody = paragraphs.find((p) => p.role === 'body' || p.role === 'heading');
  const lineOf = (offset: number) => (lines[lineIndexAt(lines, offset)] as Line).number;
  const rootStart = firstBody ? firstBody.start : 0;
  const root: Section = {
    heading: null,
    level: 0,
    parent: null,
    children: [],
    start: rootStart,
    end: Math.max(bodyEnd, rootStart),
    line: lineOf(rootStart),
    endLine: lineOf(Math.max(bodyEnd, rootStart)),
    paragraphs: [],
  };
  const stack: Section[] = [root];
  const close = (s: Section, end: number) => {
    s.end = Math.max(end, s.start);
    s.endLine = lineOf(s.end > s.start ? s.end - 1 : s.start);
  };
  for (const h of headings) {
    while (stack.length > 1 && (stack[stack.length - 1] as Section).level >= h.level) {
      close(stack.pop() as Section, h.paragraph.start);
    }
    const parent = stack[stack.length - 1] as Section;
    const section: Section = {
      heading: h,
      level: h.level,
      parent,
      children: [],
      start: h.paragraph.start,
      end: bodyEnd,
      line: h.paragraph.line,
      endLine: h.paragraph.line,
      paragraphs: [],
    };
    parent.children.push(section);
    stack.push(section);
  }
  while (stack.length > 1) close(stack.pop() as Section, bodyEnd);
  root.endLine = lineOf(root.end > root.start ? root.end - 1 : root.start);
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading') continue;
    let s: Section | undefined = root;
    while (s) {
      s.paragraphs.push(p);
      s = childAt(s, p.start);
    }
  }
  return root;
}

/**
 * The child section containing an offset. Children are sorted and disjoint (each ends where the next begins), so
 * this is a binary search: a long document has hundreds of sections at one level.
 */
function childAt(section: Section, offset: number): Section | undefined {
  const children = section.children;
  const child = children[partitionPoint(children, (c) => c.start > offset) - 1];
  return child && offset < child.end ? child : undefined;
}

function firstBodyYear(paragraphs: Paragraph[]): number | null {
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading') continue;
    // Not the end of a range (《…纲要（2023—2027年）》 names no report year).
    const m = /(?<![\d—\-－~～至到])(\d{4})\s*年/.exec(p.text);
    if (m) return Number(m[1]);
  }
  return null;
}

function mostFrequentSelfReference(paragraphs: Paragraph[]): string | null {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading') continue;
    for (const m of allMatches(SELF_REFERENCE, p.text))
      counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [unit, n] of counts) if (n > bestCount) [best, bestCount] = [unit, n];
  return best;
}

function tokenize(text: string): Token[] {
  const words = getSegmenter().cut(text);
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of words) {
    tokens.push({ word, start: offset, end: offset + word.length });
    offset += word.length;
  }
  return tokens;
}
