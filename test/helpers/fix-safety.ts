import { expect } from 'vitest';
import { type Linter, textSource } from '../../src/engine/linter.js';
import type { LintMessage } from '../../src/engine/types.js';

/**
 * The promises of `--fix` for one text and the findings `only` selects: each fix stays inside its finding, text
 * outside the findings survives in order, and fixing the result again changes nothing. Returns the fixed text.
 */
export function expectSafeFixes(linter: Linter, text: string, only: (m: LintMessage) => boolean): string {
  const messages = linter.lintText(text, 'x.txt').messages.filter(only);
  for (const m of messages) {
    if (!m.fix) continue;
    expect(m.fix.range[0]).toBeGreaterThanOrEqual(m.start);
    expect(m.fix.range[1]).toBeLessThanOrEqual(m.end);
  }
  const once = linter.fixSource(textSource(text, 'x.txt'), only).output;
  let cursor = 0;
  let pos = 0;
  for (const m of [...messages].sort((a, b) => a.start - b.start)) {
    const keep = text.slice(cursor, m.start);
    const at = once.indexOf(keep, pos);
    expect(at).toBeGreaterThanOrEqual(0);
    pos = at + keep.length;
    cursor = Math.max(cursor, m.end);
  }
  expect(once.endsWith(text.slice(cursor))).toBe(true);
  expect(linter.fixSource(textSource(once, 'x.txt'), only).output).toBe(once);
  return once;
}
