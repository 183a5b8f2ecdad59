import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Match } from '../../src/util/matcher.js';

/** Every occurrence by brute force, ordered as findOverlapping orders them; duplicates keep the first index. */
function naiveOverlapping(words: string[], text: string): Match[] {
  const out: Match[] = [];
  const first = words.map((w, index) => words.indexOf(w) === index && w.length > 0);
  for (let start = 0; start < text.length; start++)
    for (const [index, w] of words.entries())
      if (first[index] && text.startsWith(w, start)) out.push({ start, end: start + w.length, index });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

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

  it('agrees with brute force on random lists and texts (the table of a small alphabet)', () => {
    const alphabet = [...'法治政府建设平台合，'];
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 5 }), { maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(...alphabet, 'x'), maxLength: 40 }),
        (words, text) => {
          expect(compileMatcher(words).findOverlapping(text)).toEqual(naiveOverlapping(words, text));
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('agrees with brute force on a list too large for the table (per-state maps)', () => {
    // 1,500 words over 2,000 characters: about 4,000 states × 2,000 columns, far above the table's limit.
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const char = () => String.fromCharCode(0x4e00 + random(2000));
    const words = Array.from({ length: 1500 }, () => char() + char() + char());
    const text = Array.from({ length: 3000 }, (_, i) =>
      i % 50 === 0 ? (words[random(words.length)] as string) : char(),
    ).join('');
    const found = compileMatcher(words).findOverlapping(text);
    expect(found.length).toBeGreaterThanOrEqual(60);
    expect(found).toEqual(naiveOverlapping(words, text));
  });

  it('is linear: a long text with many entries', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `词${i}号`);
    const m = compileMatcher(words);
    const text = `${'法治政府建设'.repeat(20000)}词1999号`;
    const found = m.findAll(text);
    expect(found).toEqual([{ start: text.length - 6, end: text.length, index: 1999 }]);
  });
});
