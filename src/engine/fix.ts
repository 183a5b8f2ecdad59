import type { Fix, LintMessage } from './types.js';

/** Applies non-overlapping fixes in one pass (later overlapping ones wait for the next pass, as in ESLint). */
export function applyFixes(text: string, messages: LintMessage[]): { output: string; applied: number } {
  const fixes = messages
    .map((m) => m.fix)
    .filter((f): f is Fix => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  let lastEnd = -1;
  for (const fix of fixes) {
    // Touching ranges conflict too: two insertions at one point would depend on their order.
    if (fix.range[0] < lastEnd || (fix.range[0] === lastEnd && applied > 0)) continue;
    if (text.slice(fix.range[0], fix.range[1]) === fix.text) continue;
    output += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    lastEnd = fix.range[1];
    applied++;
  }
  output += text.slice(cursor);
  return { output, applied };
}
