import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { allMatches } from '../../util/regex.js';
import { plenumMatches } from './plenum.js';
import type { CompiledFormulations, Entry } from './types.js';

/** Matched through `plenumMatches`: its characters are the plenum lists' (LIST_CHARACTERS), then 全会. */
const PLENUM_LIST =
  /(十九|二十)届(?:中央)?([一二三四五六七八九]中(?:(?:[、，,和及与]|以及)[一二三四五六七八九]中)+)全会/gu;
const PLENUM_ITEM = /[一二三四五六七八九]中/gu;

/**
 * Formulations cited in the report of a year before they came into being: exact forms with `held` later than the
 * March after the report's year (reports are written by then), and each plenum of a list (十九届二中、三中全会).
 */
export function anachronisms(
  model: DocumentModel,
  c: CompiledFormulations,
  exact: { start: number; end: number; entry: Entry }[],
  year: number,
): Report[] {
  const limit = `${year + 1}-03`;
  const reports: Report[] = [];
  const report = (start: number, end: number, found: string, held: string) => {
    const [y, m] = held.split('-');
    reports.push({
      messageId: 'anachronism',
      start,
      end,
      severity: 'warning',
      data: { found, held: `${y}年${Number(m)}月`, year },
    });
  };
  for (const x of exact)
    if (x.entry.held && x.entry.held > limit) report(x.start, x.end, x.entry.term, x.entry.held);
  for (const m of plenumMatches(model, PLENUM_LIST)) {
    const session = m[1] as string;
    const listStart = (m.index ?? 0) + m[0].indexOf(m[2] as string);
    for (const item of allMatches(PLENUM_ITEM, m[2] as string)) {
      const term = `${session}届${item[0]}全会`;
      const held = c.heldByTerm.get(term);
      const start = listStart + (item.index ?? 0);
      if (held && held > limit) report(start, start + item[0].length, term, held);
    }
  }
  return reports;
}
