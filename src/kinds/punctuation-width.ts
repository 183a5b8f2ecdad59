import type { Report } from '../engine/types.js';
import { firstMarkAtOrAfter, isIndexedMark } from '../model/marks.js';
import type { DocumentModel, Paragraph } from '../model/types.js';
import { charBits, hasChar } from '../util/charset.js';
import { partitionPoint } from '../util/search.js';
import { defineKind } from './define.js';
import { ignoredOrUrlChecker, isChineseAt, isChineseBefore, textParagraphs } from './shared/text.js';

interface Options {
  documentRatio: number;
  documentMinimum: number;
}

const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '?': '？',
  '!': '！',
};
/** 0-9 and ０-９, by code unit (NaN, past either end of the text, is none). */
const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/** The marks the scan stops at (the half-width marks and the full-width brackets), by UTF-16 unit. */
const SCANNED = new Uint8Array(0x10000);
/** The full-width clause marks, counted for the document ratio. */
const FULL_WIDTH = new Uint8Array(0x10000);
/** SCANNED values: a half-width mark of FULL, and the full-width brackets. */
const HALF = 1;
const FULL_OPEN = 2;
const FULL_CLOSE = 3;
for (const c of Object.keys(FULL)) SCANNED[c.charCodeAt(0)] = HALF;
SCANNED[0xff08] = FULL_OPEN; // （
SCANNED[0xff09] = FULL_CLOSE; // ）
for (const c of '，；：（）？！') FULL_WIDTH[c.charCodeAt(0)] = 1;
// The scan visits the model's punctuation index: every mark above must be in it.
for (const c of [...Object.keys(FULL), ...'，；：（）？！']) {
  if (!isIndexedMark(c.charCodeAt(0))) throw new Error(`model/marks.ts must index ${c}`);
}

/** One half-width mark that Chinese text around it makes wrong: its range (with spaces the fix absorbs) and replacement. */
export interface WidthFinding {
  start: number;
  end: number;
  mark: string;
  text: string;
}

/** Space or tab, by code unit: a one-character string per CJK character would be an allocation. */
const isSpaceCode = (c: number) => c === 0x20 || c === 0x09;

const CANDIDATE = 1;
const FLAGGED = 2;
const CLOSER = 4;
const OPENER = 8;

/**
 * Finds half-width , ; : ( ) ? ! in Chinese text. A mark counts when a neighbour is Chinese (a Han character or
 * full-width punctuation); digits on both sides (1,000 10:30), URLs, Markdown code and list markers (1) 列表) are
 * left alone. Brackets are judged as pairs so a fix never leaves （…).
 */
export function findHalfWidth(model: DocumentModel): WidthFinding[] {
  const text = model.text;
  const out: WidthFinding[] = [];
  const ignored = ignoredOrUrlChecker(model);
  const marks = model.marks();
  const markdown = model.format === 'markdown';
  // Per offset: CANDIDATE, FLAGGED (becomes full-width), CLOSER (closes a half-width pair), OPENER (opens one).
  const state = new Uint8Array(text.length);
  const has = (i: number, bits: number) => ((state[i] as number) & bits) !== 0;
  const set = (i: number, bit: number) => {
    state[i] = (state[i] as number) | bit;
  };
  for (const p of textParagraphs(model)) {
    const candidates: number[] = [];
    const open: number[] = [];
    // Made when the paragraph has a half-width pair or a Markdown link (most have neither).
    let pairs: Map<number, number> | null = null;
    const markdownListMarker = (i: number) =>
      markdown &&
      i - model.lineAt(i).start <= 12 && // the most a list number with its indent can take
      /^\s{0,3}\d{1,9}$/.test(text.slice(model.lineAt(i).start, i)) &&
      /^\)(?:[ \t]|$)/.test(text.slice(i, i + 2));
    const forced: number[] = [];
    let linkOpen: Set<number> | null = null;
    for (let k = firstMarkAtOrAfter(marks, p.start); k < marks.length && (marks[k] as number) < p.end; k++) {
      const i = marks[k] as number;
      const scanned = SCANNED[text.charCodeAt(i)] as number;
      if (scanned === 0 || ignored(i)) continue;
      if (scanned !== HALF) {
        // Brackets pair across widths, so the pairing is the same before and after a partial fix: (党组） is one pair.
        if (scanned === FULL_OPEN) open.push(i);
        else {
          const o = open.pop();
          if (o !== undefined && text.charCodeAt(o) === 0x28) forced.push(o);
        }
        continue;
      }
      const c = text[i] as string; // ASCII: V8's single-character strings, no allocation
      const afterBracket = text.charCodeAt(i - 1) === 0x5d; // ]
      if (c === ')' && markdownListMarker(i)) continue;
      if (c === ':' && afterBracket) continue; // Markdown reference definition [x]: url
      if (c === '(' && afterBracket) {
        // Markdown link [文字](url): its brackets are syntax, and so is the ) that closes it.
        open.push(i);
        linkOpen ??= new Set();
        linkOpen.add(i);
        continue;
      }
      if (
        c !== '(' &&
        c !== ')' &&
        isDigitCode(text.charCodeAt(i - 1)) &&
        isDigitCode(text.charCodeAt(i + 1))
      )
        continue; // 1,000 10:30 1:2
      if (c === '(') open.push(i);
      else if (c === ')') {
        const o = open.pop();
        if (o !== undefined && linkOpen?.has(o)) continue;
        if (o !== undefined && text.charCodeAt(o) === 0xff08)
          forced.push(i); // （
        else if (o !== undefined) {
          pairs ??= new Map();
          pairs.set(o, i);
          set(o, OPENER);
          set(i, CLOSER);
        }
      }
      candidates.push(i);
      set(i, CANDIDATE);
    }
    // A mark is wrong when a neighbour is Chinese — or is itself a mark that becomes full-width (,, and ),): computed
    // to a fixpoint, so that converting one mark never makes its neighbour newly wrong and --fix is idempotent.
    for (const i of forced) if (has(i, CANDIDATE)) set(i, FLAGGED);
    const chineseAt = (pos: number) =>
      pos >= p.start &&
      pos < p.end &&
      (has(pos, FLAGGED) || isChineseAt(text, pos) || isLowSurrogateOfChinese(pos));
    const isLowSurrogateOfChinese = (pos: number) => {
      const c = text.charCodeAt(pos);
      return c >= 0xdc00 && c <= 0xdfff && isChineseBefore(text, pos + 1);
    };
    const prevPos = (i: number) => {
      let j = i - 1;
      while (j >= p.start && isSpaceCode(text.charCodeAt(j))) j--; // 项目 , 以及
      return j;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const i of candidates) {
        if (has(i, FLAGGED | CLOSER)) continue;
        let wrong: boolean;
        const close = has(i, OPENER) ? pairs?.get(i) : undefined;
        if (close !== undefined) {
          let inside = false;
          for (let j = i + 1; j < close && !inside; j++) inside = chineseAt(j);
          wrong = inside || chineseAt(prevPos(i)) || chineseAt(close + 1);
        } else {
          // After the mark spaces are not skipped: (test)! 详见 ends a Latin phrase.
          wrong = chineseAt(prevPos(i)) || chineseAt(i + 1);
        }
        if (!wrong) continue;
        set(i, FLAGGED);
        if (close !== undefined) set(close, FLAGGED);
        changed = true;
      }
    }
    for (const i of candidates) {
      if (!has(i, FLAGGED)) continue;
      const c = text[i] as string;
      let end = i + 1;
      // 项目, 以及 → 项目，以及: a full-width mark carries its own spacing.
      if (c !== '(' && c !== ')') {
        let j = end;
        while (j < p.end && isSpaceCode(text.charCodeAt(j))) j++;
        if (j > end && chineseAt(j)) end = j;
      }
      out.push({ start: i, end, mark: c, text: FULL[c] as string });
    }
  }
  return out;
}

/** Full-width clause marks in the text the rule reads, for the whole-document ratio. */
function fullWidthCount(model: DocumentModel): number {
  const marks = model.marks();
  let n = 0;
  for (const p of textParagraphs(model)) {
    for (let k = firstMarkAtOrAfter(marks, p.start); k < marks.length && (marks[k] as number) < p.end; k++)
      n += FULL_WIDTH[model.text.charCodeAt(marks[k] as number)] as number;
  }
  return n;
}

/**
 * Half-width punctuation in Chinese text (GB/T 15834: Chinese text takes full-width marks).
 *
 * A drafter whose whole file came out of a converter half-width (every seed report does) needs one finding, not
 * three hundred: when more than `documentRatio` of the clause marks are half-width and there are at least
 * `documentMinimum` of them, the rule reports once, at the first, with the count — and that one finding's range runs
 * from the first to the last half-width mark, so its fix (`--fix`, or the editor's quick fix) converts them all while
 * staying inside its range. Otherwise each mark is its own finding with its own fix.
 */
export default defineKind<Options>({
  name: 'punctuation-width',
  description: '中文行文中的半角标点（, ; : ( ) ? !）应为全角（GB/T 15834）',
  options: {
    documentRatio: {
      type: 'number',
      default: 0.8,
      description: '半角标点占句读标点的比例超过此值时，视为整篇转换造成，只报告一次',
    },
    documentMinimum: { type: 'number', default: 10, description: '整篇只报告一次所需的最少半角标点数' },
  },
  messages: {
    default: '半角“{mark}”应改为全角“{expected}”：中文行文使用全角标点（GB/T 15834）',
    space: '{mark}{side}有多余的空格，应删除：中文标点前后不加空格',
    document:
      '全文有{count}处标点为半角（自此处的“{mark}”起），中文行文应使用全角标点（GB/T 15834）。多半是复制或格式转换造成的：运行 fazhi-lint --fix 可一次全部改为全角',
  },
  validate(o) {
    const errors: { option: string; message: string }[] = [];
    if (!(o.documentRatio > 0 && o.documentRatio <= 1))
      errors.push({ option: 'documentRatio', message: '应为 0 到 1 之间的比例，如 0.8' });
    if (!(o.documentMinimum >= 1)) errors.push({ option: 'documentMinimum', message: '应为不小于 1 的整数' });
    return errors;
  },
  check(model, o) {
    const found = findHalfWidth(model);
    const spaces = straySpaces(model, found);
    if (found.length === 0) return spaces;
    const full = fullWidthCount(model);
    const ratio = found.length / (found.length + full);
    if (found.length >= o.documentMinimum && ratio > o.documentRatio) {
      const first = found[0] as WidthFinding;
      const last = found[found.length - 1] as WidthFinding;
      const start = first.start;
      const end = last.end;
      let fixed = '';
      let cursor = start;
      for (const f of found) {
        fixed += model.text.slice(cursor, f.start) + f.text;
        cursor = f.end;
      }
      fixed += model.text.slice(cursor, end);
      return [
        ...spaces,
        {
          messageId: 'document',
          start,
          end,
          data: { count: found.length, mark: first.mark },
          fix: { range: [start, end], text: fixed },
        },
      ];
    }
    return [
      ...spaces,
      ...found.map(
        (f): Report => ({
          start: f.start,
          end: f.end,
          data: { mark: f.mark, expected: f.text },
          fix: { range: [f.start, f.end], text: f.text },
        }),
      ),
    ];
  },
});

/** Full-width punctuation of Chinese text: a space on either side of one is a slip (GB/T 15834 gives them none). */
const CHINESE_MARKS = '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—';
const CHINESE_MARK = charBits(CHINESE_MARKS);
/** A Chinese mark, or a half-width mark that may be a finding of `findHalfWidth`, by code unit. */
const MARK_BESIDE_SPACE = charBits([...CHINESE_MARKS, ...Object.keys(FULL)]);

/**
 * Stray spaces next to Chinese punctuation: a run of ASCII spaces or tabs between a full-width mark and Chinese text
 * (体系。 法治, “双减” 等, （一） 健全), or before a half-width mark that becomes full-width (项目 , 以及: the spaces
 * after it go with the mark's own fix). Spaces at a line's ends are the paragraph's indent or trailing blanks, and runs
 * holding U+3000 or U+00A0 are hidden-characters' to report; Latin text, digits, code and URLs keep their spaces, and
 * so does the space a Word line break (Shift+Enter) is read as.
 */
function straySpaces(model: DocumentModel, halfWidth: WidthFinding[]): Report[] {
  const text = model.text;
  const ignored = ignoredOrUrlChecker(model);
  // Findings are sorted by start: the one at an offset is a binary search away (asked only next to a space).
  const halfAt = (offset: number) => {
    const f = halfWidth[partitionPoint(halfWidth, (x) => x.start >= offset)];
    return f?.start === offset ? f : undefined;
  };
  const reports: Report[] = [];
  const paragraphs = textParagraphs(model);
  const nextSpace = spaceFinder(text);
  let k = 0;
  // Native searches for the spaces and tabs, in text order, with the paragraphs in step.
  for (let at = nextSpace(0); at >= 0; ) {
    while (k < paragraphs.length && (paragraphs[k] as Paragraph).end <= at) k++;
    const p = paragraphs[k];
    if (!p) break;
    let end = at;
    while (end < text.length && isSpaceCode(text.charCodeAt(end))) end++;
    if (at > p.start && end < p.end) {
      const found = straySpace(text, at, end, halfAt);
      if (found && !ignored(at) && !wordLineBreak(model, at, end)) reports.push(found);
    }
    at = nextSpace(end);
  }
  return reports;
}

/** `from` → the next space or tab at or after it, or -1; `from` must not decrease (each kind is searched once). */
function spaceFinder(text: string): (from: number) => number {
  let space = -2;
  let tab = -2;
  return (from) => {
    if (space !== -1 && space < from) space = text.indexOf(' ', from);
    if (tab !== -1 && tab < from) tab = text.indexOf('\t', from);
    return space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
  };
}

/** Whether [at, end) holds a space that stands for a line break of a .docx paragraph. */
function wordLineBreak(model: DocumentModel, at: number, end: number): boolean {
  const line = model.lineAt(at);
  const breaks = model.source.docx?.[line.number - 1]?.lineBreaks;
  return breaks?.some((b) => b >= at - line.start && b < end - line.start) ?? false;
}

/** The finding for the spaces [at, end) when a Chinese mark stands on one side and Chinese text on the other. */
function straySpace(
  text: string,
  at: number,
  end: number,
  halfAt: (offset: number) => WidthFinding | undefined,
): Report | null {
  // Most spaces have no mark on either side (2024 年, English words): nothing below could report them.
  if (
    !hasChar(MARK_BESIDE_SPACE, text.charCodeAt(at - 1)) &&
    !hasChar(MARK_BESIDE_SPACE, text.charCodeAt(end))
  )
    return null;
  // A half-width mark that becomes full-width counts as the full-width mark it becomes.
  const halfBefore = halfAt(at - 1);
  const halfAfter = halfAt(end);
  if (halfBefore && halfBefore.end > at) return null; // spaces the mark's own fix takes
  const before = halfBefore?.text ?? (text[at - 1] as string);
  const after = halfAfter?.text ?? (text[end] as string);
  const markBefore = before.length === 1 && hasChar(CHINESE_MARK, before.charCodeAt(0));
  if (!markBefore && !(after.length === 1 && hasChar(CHINESE_MARK, after.charCodeAt(0)))) return null;
  if (!(halfBefore || isChineseBefore(text, at)) || !(halfAfter || isChineseAt(text, end))) return null;
  return {
    messageId: 'space',
    start: at,
    end,
    data: { mark: markName(markBefore ? before : after), side: markBefore ? '后' : '前' },
    fix: { range: [at, end], text: '' },
  };
}

const QUOTE_NAMES: Record<string, string> = {
  '“': '左引号',
  '”': '右引号',
  '‘': '左单引号',
  '’': '右单引号',
};

/** A mark as a message names it: quotes by name (a quote in quotes reads as noise), others in quotes. */
function markName(mark: string): string {
  return QUOTE_NAMES[mark] ?? `“${mark}”`;
}
