/**
 * Edit distance with adjacent transpositions (optimal string alignment), bounded: returns `max + 1` as soon as
 * the distance must exceed `max`, so scanning a report for near misses stays cheap.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/**
 * Finds the substring starting at `at` (length within ±max of `term`) closest to `term`.
 * Used to catch a formulation with characters inserted, dropped or swapped.
 */
export function closestAt(
  text: string,
  at: number,
  term: string,
  max: number,
): { end: number; distance: number } | null {
  let best: { end: number; distance: number } | null = null;
  for (let len = Math.max(1, term.length - max); len <= term.length + max; len++) {
    if (at + len > text.length) break;
    const d = boundedDistance(text.slice(at, at + len), term, max);
    if (d <= max && (!best || d < best.distance)) best = { end: at + len, distance: d };
  }
  return best;
}
