import type { Fix, LintMessage } from './types.js';

/**
 * The fixes one pass applies, in text order: non-overlapping (later overlapping ones wait for the next pass, as in
 * ESLint) and not already in place. `--fix` and the annotator's tracked changes choose the same ones.
 */
export function selectFixes(text: string, messages: LintMessage[]): LintMessage[] {
  const fixable = messages
    .filter((m): m is LintMessage & { fix: Fix } => m.fix !== undefined)
    .sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const chosen: LintMessage[] = [];
  let lastEnd = -1;
  for (const m of fixable) {
    const { range } = m.fix;
    // Touching ranges conflict too: two insertions at one point would depend on their order.
    if (range[0] < lastEnd || (range[0] === lastEnd && chosen.length > 0)) continue;
    if (text.slice(range[0], range[1]) === m.fix.text) continue;
    chosen.push(m);
    lastEnd = range[1];
  }
  return chosen;
}

/** Applies non-overlapping fixes in one pass (later overlapping ones wait for the next pass, as in ESLint). */
export function applyFixes(text: string, messages: LintMessage[]): { output: string; applied: number } {
  let output = '';
  let cursor = 0;
  const chosen = selectFixes(text, messages);
  for (const { fix } of chosen) {
    const { range } = fix as Fix;
    output += text.slice(cursor, range[0]) + (fix as Fix).text;
    cursor = range[1];
  }
  output += text.slice(cursor);
  return { output, applied: chosen.length };
}
