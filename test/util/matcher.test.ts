import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/util/matcher.js';

describe('compileMatcher', () => {
  it('finds every entry in one pass, with offsets and indices', () => {
    const m = compileMatcher(['平合', '执法杈', '发择']);
    expect(m.size).toBe(3);
    expect(m.findAll('热线平合运行，充分发择执法杈作用')).toEqual([
      { start: 2, end: 4, index: 0 },
      { start: 9, end: 11, index: 2 },
      { start: 11, end: 14, index: 1 },
    ]);
  });

  it('an empty list, and empty words, match nothing', () => {
    expect(compileMatcher([]).findAll('任何文字')).toEqual([]);
    expect(compileMatcher(['']).findOverlapping('任何文字')).toEqual([]);
    expect(compileMatcher(['', '文字']).findAll('任何文字')).toEqual([{ start: 2, end: 4, index: 1 }]);
    expect(compileMatcher(['法治']).findAll('')).toEqual([]);
  });

  it('overlapping entries: findAll is leftmost-longest and non-overlapping', () => {
    const m = compileMatcher(['法制', '法制宣传', '宣传教育', '制宣']);
    expect(m.findAll('加强法制宣传教育')).toEqual([{ start: 2, end: 6, index: 1 }]);
    expect(m.findOverlapping('加强法制宣传教育')).toEqual([
      { start: 2, end: 4, index: 0 },
      { start: 2, end: 6, index: 1 },
      { start: 3, end: 5, index: 3 },
      { start: 4, end: 8, index: 2 },
    ]);
  });

  it('suffix entries found through the fail links (he/she/his/hers)', () => {
    const m = compileMatcher(['he', 'she', 'his', 'hers']);
    expect(m.findOverlapping('ushers')).toEqual([
      { start: 1, end: 4, index: 1 },
      { start: 2, end: 4, index: 0 },
      { start: 2, end: 6, index: 3 },
    ]);
    expect(m.findAll('ushers')).toEqual([{ start: 1, end: 4, index: 1 }]);
  });

  it('repeated and self-overlapping occurrences', () => {
    const m = compileMatcher(['aa']);
    expect(m.findOverlapping('aaaa').map((x) => x.start)).toEqual([0, 1, 2]);
    expect(m.findAll('aaaa').map((x) => x.start)).toEqual([0, 2]);
  });

  it('duplicate words keep the first index', () => {
    expect(compileMatcher(['平合', '平合']).findAll('平合')).toEqual([{ start: 0, end: 2, index: 0 }]);
  });

  it('astral characters: offsets in UTF-16 code units, no match across half characters', () => {
    const m = compileMatcher(['𠀀平合', '平合', '𠀁']);
    expect(m.findAll('𠀀平合、𠀀𠀁平合')).toEqual([
      { start: 0, end: 4, index: 0 },
      { start: 7, end: 9, index: 2 },
      { start: 9, end: 11, index: 1 },
    ]);
    // A lone surrogate entry must not match the first half of another astral character.
    expect(compileMatcher(['\ud840\udc01']).findAll('\ud840\udc00')).toEqual([]);
  });

  it('is linear: a long text with many entries', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `词${i}号`);
    const m = compileMatcher(words);
    const text = `${'法治政府建设'.repeat(20000)}词1999号`;
    const found = m.findAll(text);
    expect(found).toEqual([{ start: text.length - 6, end: text.length, index: 1999 }]);
  });
});
