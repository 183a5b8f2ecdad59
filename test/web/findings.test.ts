/** The page's offset bookkeeping (src/web/page/findings.ts), which needs no browser. */
import { describe, expect, it } from 'vitest';
import { findingAt, normalizeBreaks, shiftFindings } from '../../src/web/page/findings.js';
import type { Finding } from '../../src/web/page/types.js';

const finding = (index: number, start: number, end: number, fix?: Finding['fix']): Finding => ({
  index,
  ruleId: 'r',
  severity: 'error',
  message: 'm',
  line: 1,
  column: 1,
  start,
  end,
  column_: 'r',
  ...(fix ? { fix } : {}),
});

describe('normalizeBreaks: a textarea holds \\n only', () => {
  it('maps offsets past each removed \\r of \\r\\n; a lone \\r becomes \\n in place', () => {
    const text = 'ab\r\ncd\ref\r\ngh';
    const { text: lf, map } = normalizeBreaks(text);
    expect(lf).toBe('ab\ncd\nef\ngh');
    for (const word of ['ab', 'cd', 'ef', 'gh']) {
      const at = text.indexOf(word);
      expect(lf.slice(map(at), map(at + 2))).toBe(word);
    }
    expect(map(text.length)).toBe(lf.length);
  });
});

describe('shiftFindings: findings follow an edit until the next answer', () => {
  const before = '0123456789';
  it('keeps findings before the edit, shifts those after it (and their fixes), drops those it touched', () => {
    const after = '0123XYZ6789'; // 45 → XYZ
    const out = shiftFindings(before, after, [
      finding(0, 0, 2),
      finding(1, 3, 5),
      finding(2, 7, 9, { start: 7, end: 8, text: 'x' }),
    ]);
    expect(out.map((f) => [f.index, f.start, f.end])).toEqual([
      [0, 0, 2],
      [2, 8, 10],
    ]);
    expect(out[1]?.fix).toEqual({ start: 8, end: 9, text: 'x' });
  });

  it('findingAt picks the narrowest finding under the caret, and a point finding only at its offset', () => {
    const fs = [finding(0, 0, 9), finding(1, 3, 5), finding(2, 7, 7)];
    expect(findingAt(fs, 4)?.index).toBe(1);
    expect(findingAt(fs, 7)?.index).toBe(2);
    expect(findingAt(fs, 8)?.index).toBe(0);
    expect(findingAt(fs, 10)).toBeUndefined();
  });
});
