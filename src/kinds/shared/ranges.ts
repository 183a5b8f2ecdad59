import type { Span } from '../../model/types.js';

/**
 * A test "does [start, end) touch an ignored range (Markdown code, comments, front matter)?". The ranges are sorted
 * and disjoint, so each test is a binary search, in whatever order the matches come.
 */
export function ignoredTester(ranges: readonly Span[]): (start: number, end: number) => boolean {
  if (ranges.length === 0) return () => false;
  return (start, end) => {
    // Last range starting before `end`; earlier ones end before it starts.
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges[mid] as Span).start < end) lo = mid + 1;
      else hi = mid - 1;
    }
    const r = ranges[hi];
    return r !== undefined && r.end > start;
  };
}
