import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { allMatches } from '../../util/regex.js';
import { ignoredTester } from '../shared/ranges.js';
import type { CompiledFormulations, Options } from './types.js';

/** Series with a fixed order (尊法、学法、守法、用法) written with all their parts in another order. */
export function orderReports(model: DocumentModel, c: CompiledFormulations, _o: Options): Report[] {
  const reports: Report[] = [];
  const ignored = ignoredTester(model.ignoredRanges);
  for (const { parts, re } of c.ordered) {
    for (const m of allMatches(re, model.text)) {
      const start = m.index ?? 0;
      const found = m[0];
      // Split into the parts as written and the separators between them.
      const seen: string[] = [];
      const seps: string[] = [];
      let i = 0;
      while (i < found.length) {
        const part = parts.find((p) => found.startsWith(p, i));
        if (part) {
          seen.push(part);
          i += part.length;
          continue;
        }
        const sepStart = i;
        while (i < found.length && !parts.some((p) => found.startsWith(p, i))) i++;
        seps.push(found.slice(sepStart, i));
      }
      if (new Set(seen).size !== parts.length || seen.every((p, k) => p === parts[k])) continue;
      if (ignored(start, start + found.length)) continue;
      const sepAt = seps.length === parts.length - 1 ? seps : parts.slice(1).map(() => '');
      const fixed = parts.map((p, k) => (k === 0 ? p : `${sepAt[k - 1]}${p}`)).join('');
      reports.push({
        messageId: 'order',
        start,
        end: start + found.length,
        data: { found, term: fixed },
        fix: { range: [start, start + found.length], text: fixed },
      });
    }
  }
  return reports;
}
