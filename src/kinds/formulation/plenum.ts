import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { charBits, hasChar } from '../../util/charset.js';
import { ignoredTester } from '../shared/ranges.js';

const SESSION = '(十九|二十)';
const ITEM = '[一二三四五六七八九]中';
const SEPARATOR = '(?:[、，,和及与]|以及)';

/** 十九届六中二十届一中全会: the plenums of two congresses written as one. */
const RUN_TOGETHER = new RegExp(
  `${SESSION}届((?:${ITEM}${SEPARATOR}?)+?)${SEPARATOR}?${SESSION}届((?:${ITEM}${SEPARATOR})*${ITEM})全会`,
  'gu',
);
/** 二十大二中、三中全会: a list of plenums named after the congress (大) instead of its central committee (届). */
const CONGRESS_LIST = new RegExp(`${SESSION}大(${ITEM}(?:${SEPARATOR}${ITEM})+)全会`, 'gu');

/**
 * Plenum lists the grammar of the names rules out, each with the one reading it can have: 十九届六中全会、二十届一中全会
 * for 十九届六中二十届一中全会, and 二十届二中、三中全会 for 二十大二中、三中全会 (single plenums of this kind are
 * variants in the rule file). Garbled lists of other shapes (十九大和历届全会) are variants there too.
 */
export function plenumReports(model: DocumentModel): Report[] {
  if (plenumStretches(model).length === 0) return [];
  const ignored = ignoredTester(model.ignoredRanges);
  const reports: Report[] = [];
  const add = (m: RegExpExecArray, term: string, messageId?: string) => {
    const start = m.index;
    const end = start + m[0].length;
    if (ignored(start, end)) return;
    reports.push({
      messageId,
      start,
      end,
      data: { found: m[0], term },
      fix: { range: [start, end], text: term },
    });
  };
  for (const m of plenumMatches(model, RUN_TOGETHER)) {
    const [, first, items, second, rest] = m as unknown as string[];
    if (first === second) continue;
    const own = (items as string).replace(new RegExp(`${SEPARATOR}$`, 'u'), '');
    add(m, `${first}届${own}全会、${second}届${rest}全会`, 'plenum');
  }
  for (const m of plenumMatches(model, CONGRESS_LIST)) add(m, `${m[1]}届${m[2]}全会`);
  return reports;
}

/** The characters a list of plenums is written with before its 全会: sessions, 届 or 大, 中央, items, separators. */
const LIST_CHARACTERS = charBits('十九二三四五六七八一届大中央、，,和及与以');

/**
 * Where a list of plenums can stand: before each 全会, the run of LIST_CHARACTERS that ends there, with the 全会.
 * Found once per document by a native search for 全会, which most paragraphs lack.
 */
function plenumStretches(model: DocumentModel): [number, number][] {
  return model.derived(plenumStretches, (m) => {
    const text = m.text;
    const out: [number, number][] = [];
    for (let at = text.indexOf('全会'); at >= 0; at = text.indexOf('全会', at + 2)) {
      let from = at;
      while (from > 0 && hasChar(LIST_CHARACTERS, text.charCodeAt(from - 1))) from--;
      if (from < at) out.push([from, at + 2]);
    }
    return out;
  });
}

/**
 * Every match of a plenum pattern in the text: a pattern made of LIST_CHARACTERS and then 全会, with no lookaround,
 * matches only inside a stretch of `plenumStretches`, at most once in each (a stretch holds one 全会, at its end).
 * So the matches are the stretches' own, found without a scan of the whole text, which stops at every 十 and 二.
 */
export function plenumMatches(model: DocumentModel, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const [from, to] of plenumStretches(model)) {
    re.lastIndex = 0;
    const m = re.exec(model.text.slice(from, to));
    if (m) {
      m.index += from;
      out.push(m);
    }
  }
  re.lastIndex = 0;
  return out;
}
