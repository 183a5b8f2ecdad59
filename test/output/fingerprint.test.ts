import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/types.js';
import { fingerprints } from '../../src/output/formatters/fingerprint.js';
import { finding, messagesA, result, SOURCE_A } from './fixtures.js';

const PATH = 'reports/a.md';

/** The same report with a paragraph inserted above every finding: offsets and lines all shift. */
function withParagraphAbove(): LintResult {
  const source = SOURCE_A.replace('\n\n', '\n\n一段新插入的文字，含“引号”。\n\n');
  const shifted = result(PATH, source, messagesA(source));
  expect(shifted.messages.map((m) => m.line)).toEqual([5, 5, 7, 6]);
  return shifted;
}

describe('fingerprints', () => {
  const original = result(PATH, SOURCE_A, messagesA());

  it('one per message, distinct within a file', () => {
    const prints = fingerprints(original);
    expect(prints).toHaveLength(4);
    expect(new Set(prints).size).toBe(4);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/);
  });

  it('survive inserting a paragraph above the findings', () => {
    expect(fingerprints(withParagraphAbove())).toEqual(fingerprints(original));
    expect(fingerprints(withParagraphAbove(), { path: PATH })).toEqual(
      fingerprints(original, { path: PATH }),
    );
  });

  it('do not depend on the order the engine lists messages in', () => {
    const reversed = { ...original, messages: [...original.messages].reverse() };
    expect(fingerprints(reversed)).toEqual([...fingerprints(original)].reverse());
  });

  it('change when the quoted text changes', () => {
    const source = SOURCE_A.replace('"依法行政"', '"依法治国"');
    const [quote, ...others] = messagesA(SOURCE_A);
    const edited = result(PATH, source, [
      finding(source, '"依法治国"', { ruleId: quote.ruleId, severity: 'error', message: quote.message }),
      ...others,
    ]);
    const prints = fingerprints(edited);
    expect(prints[0]).not.toBe(fingerprints(original)[0]);
    // The other findings keep theirs (same length replacement: offsets unchanged).
    expect(prints.slice(1)).toEqual(fingerprints(original).slice(1));
  });

  it('tell identical findings apart by occurrence, in document order', () => {
    const [, first, second] = fingerprints(original);
    expect(first).not.toBe(second);
    // Removing the first `&` makes the second one occurrence 0: it takes over the first one's fingerprint.
    const source = SOURCE_A.replace(' & 规范', ' 规范');
    const fewer = result(PATH, source, [
      finding(source, '&', { ruleId: 'fazhi/no-ampersand', severity: 'warning', message: 'x' }),
    ]);
    expect(fingerprints(fewer)[0]).toBe(first);
  });

  it('differ by path only when asked to (Code Quality), and fall back to the message without source', () => {
    expect(fingerprints(original)).not.toEqual(fingerprints(original, { path: PATH }));
    expect(fingerprints(original, { path: 'a' })).not.toEqual(fingerprints(original, { path: 'b' }));
    const withoutSource = { ...original, source: undefined };
    const prints = fingerprints(withoutSource);
    expect(prints[0]).not.toBe(fingerprints(original)[0]);
    expect(new Set(prints).size).toBe(4);
  });
});
