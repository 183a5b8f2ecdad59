import type { Report } from '../engine/types.js';
import { firstMarkAtOrAfter, isIndexedMark } from '../model/marks.js';
import type { Paragraph } from '../model/types.js';
import { defineKind } from './define.js';
import { charAt, charBefore, ignoredOrUrlChecker, isChinese, textParagraphs } from './shared/text.js';

type Family =
  | 'quote'
  | 'single-quote'
  | 'book'
  | 'inner-book'
  | 'paren'
  | 'lenticular'
  | 'tortoise'
  | 'angle'
  | 'guillemet';

const OPEN: Record<string, Family> = {
  '“': 'quote',
  '‘': 'single-quote',
  '《': 'book',
  '〈': 'inner-book',
  '（': 'paren',
  '(': 'paren',
  '【': 'lenticular',
  '〔': 'tortoise',
  '<': 'angle',
  '«': 'guillemet',
};
const CLOSE: Record<string, Family> = {
  '”': 'quote',
  '’': 'single-quote',
  '》': 'book',
  '〉': 'inner-book',
  '）': 'paren',
  ')': 'paren',
  '】': 'lenticular',
  '〕': 'tortoise',
  '>': 'angle',
  '»': 'guillemet',
};
/** The canonical pair of each family, for messages. */
const PAIR: Record<Family, [string, string]> = {
  quote: ['“', '”'],
  'single-quote': ['‘', '’'],
  book: ['《', '》'],
  'inner-book': ['〈', '〉'],
  paren: ['（', '）'],
  lenticular: ['【', '】'],
  tortoise: ['〔', '〕'],
  angle: ['<', '>'],
  guillemet: ['«', '»'],
};
const NAME: Record<string, string> = {
  '“': '左引号“',
  '”': '右引号”',
  '‘': '左单引号‘',
  '’': '右单引号’',
  '《': '左书名号《',
  '》': '右书名号》',
  '〈': '左单书名号〈',
  '〉': '右单书名号〉',
  '（': '左括号（',
  '(': '左括号(',
  '）': '右括号）',
  ')': '右括号)',
  '【': '左方头括号【',
  '】': '右方头括号】',
  '〔': '左六角括号〔',
  '〕': '右六角括号〕',
  '<': '小于号<',
  '>': '大于号>',
  '«': '左尖引号«',
  '»': '右尖引号»',
};
const BOOKISH: Family[] = ['book', 'inner-book', 'angle'];

/** Every opener and closer; all of them are in the model's punctuation index. */
const MARKS = [...Object.keys(OPEN), ...Object.keys(CLOSE)];
/**
 * The marks the scan stops at, by UTF-16 unit: 1 + the mark's index in MARKS, 0 for any other character. The scan
 * reads a mark's string and families from here, without making a one-character string per mark it visits.
 */
const PAIRED = new Uint8Array(0x10000);
const OPEN_FAMILY: (Family | undefined)[] = [];
const CLOSE_FAMILY: (Family | undefined)[] = [];
for (const [n, c] of MARKS.entries()) {
  if (!isIndexedMark(c.charCodeAt(0))) throw new Error(`model/marks.ts must index ${c}`);
  PAIRED[c.charCodeAt(0)] = n + 1;
  OPEN_FAMILY.push(OPEN[c]);
  CLOSE_FAMILY.push(CLOSE[c]);
}
/** Spaces skipped when looking for the solid neighbour of a mark. */
const isGap = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
/** A list item number before ) or ）: 1) 2) a) 十) after a clause mark or at the paragraph start. */
const LIST_NUMBER_AT_START = /^[0-9０-９a-zA-Z一二三四五六七八九十]{1,2}$/;
const LIST_NUMBER_AFTER_MARK = /[。；;：:，,、\s][0-9０-９a-zA-Z一二三四五六七八九十]{1,2}$/;
/** Book-title marks that take no 顿号 between them (》、《). */
const BOOK_CLOSERS = '》〉';
const BOOK_OPENERS = '《〈';
/** What ends a list of titled or quoted items: clause punctuation between two of its 顿号. */
const LIST_BREAK = /[，。；：！？,;:!?\n]/;

interface Open {
  ch: string;
  family: Family;
  at: number;
}

/**
 * Paired marks (GB/T 15834): quotes, book-title marks, brackets, scanned per paragraph (in these reports a quotation
 * never spans paragraphs). Reports unclosed openers, stray closers, and both ends of a cross-match (“一网通办》);
 * ASCII <…> and «» used as book-title marks (the former fixed to 《…》, or 〈…〉 inside 《》); and 》、《 or ”、“
 * between listed items, which usually take no 顿号 (one warning per list).
 */
export default defineKind({
  name: 'paired-punctuation',
  description:
    '成对标点（引号、书名号、括号）须配对，书名号不用 <> «»，并列的书名号、引号之间通常不用顿号（GB/T 15834）',
  options: {},
  messages: {
    default: '{name}没有配对的{pairName}：请补全或删去',
    stray: '{name}前面没有与之配对的{pairName}：请补全或删去',
    cross: '{openName}与{closeName}不配对：左右应是同一种标点，写作{suggestion}',
    ascii: '用“{open}…{close}”作书名号不符合 GB/T 15834：应写作“{expectedOpen}…{expectedClose}”',
    list: '并列的{count}个书名号之间通常不用顿号：宜删去其间的顿号（GB/T 15834 4.5.3.5）',
    'quote-list': '并列的{count}个引号之间通常不用顿号：宜删去其间的顿号（GB/T 15834 4.5.3.5）',
  },
  check(model) {
    const text = model.text;
    const reports: Report[] = [];
    const scan = paragraphScanner(text, model.marks(), ignoredOrUrlChecker(model), reports);
    for (const p of textParagraphs(model)) scan(p);
    return reports.sort((a, b) => a.start - b.start);
  },
});

/**
 * The scan of one paragraph, adding to `reports`. Its helpers are made once per document, not per paragraph: a
 * report has a hundred paragraphs, and the closures were this rule's largest allocation.
 */
function paragraphScanner(
  text: string,
  marks: Int32Array,
  ignored: (offset: number) => boolean,
  reports: Report[],
): (paragraph: Paragraph) => void {
  let p: Paragraph;
  const stack: Open[] = [];
  // Reports built with plain properties: spreading a helper's { start, end } copied each object on V8's slow path.
  const unclosed = (o: Open) =>
    reports.push({
      start: o.at,
      end: o.at + 1,
      data: { name: NAME[o.ch] as string, pairName: NAME[PAIR[o.family][1]] as string },
    });
  const stray = (ch: string, at: number, family: Family) =>
    reports.push({
      messageId: 'stray',
      start: at,
      end: at + 1,
      data: { name: NAME[ch] as string, pairName: NAME[PAIR[family][0]] as string },
    });
  const prevSolid = (i: number) => {
    let j = i;
    while (j > p.start && isGap(text.charCodeAt(j - 1))) j--;
    return charBefore(text, j);
  };
  const nextSolid = (i: number) => {
    let j = i + 1;
    while (j < p.end && isGap(text.charCodeAt(j))) j++;
    return j < p.end ? charAt(text, j) : undefined;
  };
  /** Whether the paragraph text before `i` ends in a list item number (at most three characters are needed). */
  const afterListNumber = (i: number) =>
    i - p.start <= 2
      ? LIST_NUMBER_AT_START.test(text.slice(p.start, i)) ||
        LIST_NUMBER_AFTER_MARK.test(text.slice(p.start, i))
      : LIST_NUMBER_AFTER_MARK.test(text.slice(i - 3, i));
  /** Whether the family's closer comes before its next opener, later in the paragraph (then this closer is stray). */
  const closesLater = (family: Family, fromMark: number) => {
    for (let k = fromMark + 1; k < marks.length && (marks[k] as number) < p.end; k++) {
      const j = marks[k] as number;
      const n = PAIRED[text.charCodeAt(j)] as number;
      if (n === 0 || ignored(j)) continue;
      const c = MARKS[n - 1] as string;
      if (OPEN_FAMILY[n - 1] === family && c !== '<') return false;
      if (CLOSE_FAMILY[n - 1] === family && c !== '>') return true;
    }
    return false;
  };

  /**
   * 》、《 〉、〈 》、〈 〉、《 and ”、“ between adjacent items, found from the 顿号 in the punctuation index: one finding
   * per list (《甲》、《乙》、《丙》 is one), so a long list of titles does not read as many defects. GB/T 15834
   * 4.5.3.5 says 通常不用 for quoted and titled items alike, so both are warnings; “6·26”国际禁毒日、“12·4”国家宪法日
   * keeps its 顿号 (the marks are not adjacent).
   */
  const listScan = (para: Paragraph, first: number) => {
    /** The list being collected: its report, extended while further items follow. */
    let list = null as (Report & { data: { count: number } }) | null;
    for (let k = first; k < marks.length && (marks[k] as number) < para.end; k++) {
      const at = marks[k] as number;
      if (text.charCodeAt(at) !== 0x3001 || at - 1 < para.start || at + 1 >= para.end) continue;
      // Mostly 、 between words: its neighbours are looked at as strings only when both are marks.
      if (PAIRED[text.charCodeAt(at - 1)] === 0 || PAIRED[text.charCodeAt(at + 1)] === 0) continue;
      const close = text[at - 1] as string;
      const open = text[at + 1] as string;
      const quotes = close === '”' && open === '“';
      if (!quotes && !(BOOK_CLOSERS.includes(close) && BOOK_OPENERS.includes(open))) continue;
      const start = at - 1;
      if (ignored(start)) continue;
      const messageId = quotes ? 'quote-list' : 'list';
      // The same list: the same kind of mark, and only the one item between the previous 、 and this one.
      if (list?.messageId === messageId && !LIST_BREAK.test(text.slice(list.end, start))) {
        list.end = start + 3;
        list.data.count++;
        continue;
      }
      list = { messageId, start, end: start + 3, data: { count: 2 }, severity: 'warning' };
      reports.push(list);
    }
  };

  return (paragraph) => {
    p = paragraph;
    stack.length = 0;
    const first = firstMarkAtOrAfter(marks, p.start);
    for (let k = first; k < marks.length && (marks[k] as number) < p.end; k++) {
      const i = marks[k] as number;
      const n = PAIRED[text.charCodeAt(i)] as number;
      if (n === 0 || ignored(i)) continue;
      const c = MARKS[n - 1] as string;
      const openFamily = OPEN_FAMILY[n - 1];
      const closeFamily = CLOSE_FAMILY[n - 1];
      if (openFamily) {
        // < is a bracket only before Chinese text (<行政处罚法>), never in 5<x or HTML, which Markdown already hides.
        if (c === '<' && !isChinese(nextSolid(i))) continue;
        const top = stack[stack.length - 1];
        // A double quote never nests in another (the inner pair is ‘’): the earlier one was left open.
        if (c === '“' && top?.ch === '“') {
          unclosed(stack.pop() as Open);
        }
        stack.push({ ch: c, family: openFamily, at: i });
        continue;
      }
      const family = closeFamily as Family;
      const prev = prevSolid(i);
      const inStack = stack.some((o) => o.family === family);
      if (c === '>' && !inStack && !(isChinese(prev) || (prev !== undefined && prev in CLOSE))) continue;
      if (
        c === '’' &&
        !inStack &&
        /[A-Za-z]/.test(charBefore(text, i) ?? '') &&
        /[A-Za-z]/.test(text[i + 1] ?? '')
      )
        continue; // people’s
      if ((c === ')' || c === '）') && !inStack && afterListNumber(i)) continue; // 1) 2)
      if (inStack) {
        while ((stack[stack.length - 1] as Open).family !== family) unclosed(stack.pop() as Open);
        const o = stack.pop() as Open;
        if (family === 'angle' || family === 'guillemet') {
          const depth = stack.filter((s) => BOOKISH.includes(s.family)).length;
          const [expectedOpen, expectedClose] = depth % 2 === 0 ? ['《', '》'] : ['〈', '〉'];
          const inner = text.slice(o.at + 1, i);
          reports.push({
            messageId: 'ascii',
            start: o.at,
            end: i + 1,
            data: { open: o.ch, close: c, expectedOpen, expectedClose },
            fix:
              family === 'angle'
                ? { range: [o.at, i + 1], text: `${expectedOpen}${inner}${expectedClose}` }
                : undefined,
          });
        }
        continue;
      }
      const top = stack[stack.length - 1];
      if (!top || closesLater(top.family, k)) {
        stray(c, i, family);
        continue;
      }
      // “一网通办》: the opener's own closer never comes, so this closer was meant to end it — report both ends.
      stack.pop();
      // <> and «» are no Chinese marks: only the Chinese pair is offered (〈…> → 〈…〉, <…》 → 《…》).
      const foreign = (f: Family) => f === 'angle' || f === 'guillemet';
      const options = [
        ...(foreign(top.family) ? [] : [`${top.ch}…${PAIR[top.family][1]}`]),
        ...(foreign(family) ? [] : [`${PAIR[family][0]}…${c}`]),
      ];
      const data = {
        openName: NAME[top.ch] as string,
        closeName: NAME[c] as string,
        suggestion: options.join('或') || '《…》',
      };
      reports.push({ messageId: 'cross', start: top.at, end: top.at + 1, data });
      reports.push({ messageId: 'cross', start: i, end: i + 1, data });
    }
    for (const o of stack) unclosed(o);

    listScan(p, first);
  };
}
