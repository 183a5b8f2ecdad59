import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd } from '../../src/output/text-width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['平台', 4],
    ['第 3 项', 7],
    ['，。（）', 8],
    ['𠀀', 2], // astral CJK: one character of two code units, two columns
    ['a𠀀b', 4],
    ['😀', 1], // outside the wide ranges: one column
    ['\ud800', 1], // a lone surrogate is one unit
  ])('%j → %i', (s, expected) => {
    expect(displayWidth(s)).toBe(expected);
  });

  it('padEnd pads by columns, not code units', () => {
    expect(padEnd('平台', 6)).toBe('平台  ');
    expect(padEnd('abc', 2)).toBe('abc');
  });
});
