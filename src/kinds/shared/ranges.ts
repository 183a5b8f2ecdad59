import type { Span } from '../../model/types.js';
import { partitionPoint } from '../../util/search.js';

/**
 * A test "does [start, end) touch an ignored range (Markdown code, comments, front matter)?". The ranges are sorted
 * and disjoint, so each test is a binary search, in whatever order the matches come.
 */
export function ignoredTester(ranges: readonly Span[]): (start: number, end: number) => boolean {
  if (ranges.length === 0) return () => false;
  return (start, end) => {
    // Last range starting before `end`; earlier ones end before it starts.
    const r = ranges[partitionPoint(ranges, (x) => x.start >= end) - 1];
    return r !== undefined && r.end > start;
  };
}

/** Whether an offset stands inside 《…》 on its line: the wording of a quoted title is the title's, not ours to change. */
export function insideBookTitle(text: string, offset: number): boolean {
  // One scan back to the line start: the nearest 《 or 》 decides.
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x300a) return true; // 《
    if (c === 0x300b || c === 10) return false; // 》 or a line break
  }
  return false;
}
