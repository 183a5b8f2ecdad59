import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { allMatches } from '../../util/regex.js';
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
  const text = model.text;
  if (!text.includes('全会')) return [];
  const ignored = ignoredTester(model.ignoredRanges);
  const reports: Report[] = [];
  const add = (m: RegExpExecArray, term: string, messageId?: string) => {
    const start = m.index;
    const end = start + m[0].length;
    if (ignored(start, end)) return;
    reports.push({
      ...(messageId ? { messageId } : {}),
      start,
      end,
      data: { found: m[0], term },
      fix: { range: [start, end], text: term },
    });
  };
  for (const m of allMatches(RUN_TOGETHER, text)) {
    const [, first, items, second, rest] = m as unknown as string[];
    if (first === second) continue;
    const own = (items as string).replace(new RegExp(`${SEPARATOR}$`, 'u'), '');
    add(m, `${first}届${own}全会、${second}届${rest}全会`, 'plenum');
  }
  for (const m of allMatches(CONGRESS_LIST, text)) add(m, `${m[1]}届${m[2]}全会`);
  return reports;
}
