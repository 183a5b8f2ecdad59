import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/util/regex.js';

/** What a match tells a caller: text, position, groups. */
const view = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, [...m], m.groups]);

describe('allMatches', () => {
  it('gives what matchAll gives: positions, groups, named groups', () => {
    const re = /(?<year>(?:19|20)\d{2})年/gu;
    const text = '2023年和2024年，2025年度';
    expect(view(allMatches(re, text))).toEqual(view(text.matchAll(re)));
    expect(allMatches(re, text).map((m) => m.groups?.year)).toEqual(['2023', '2024', '2025']);
  });

  it('steps over empty matches by code point in Unicode mode, by code unit otherwise', () => {
    const text = 'a𠀀b';
    expect(view(allMatches(/x*/gu, text))).toEqual(view(text.matchAll(/x*/gu)));
    expect(view(allMatches(/x*/g, text))).toEqual(view(text.matchAll(/x*/g)));
    expect(allMatches(/x*/gu, text).map((m) => m.index)).toEqual([0, 1, 3, 4]);
  });

  it('leaves the expression ready for reuse, also inside a loop over its own matches', () => {
    const re = /\d+/g;
    re.lastIndex = 5;
    const outer = allMatches(re, '1 22 333');
    expect(re.lastIndex).toBe(0);
    const inner = outer.map((m) => allMatches(re, m[0].repeat(2)).length);
    expect(outer.map((m) => m[0])).toEqual(['1', '22', '333']);
    expect(inner).toEqual([1, 1, 1]);
  });

  it('refuses a non-global expression (matchAll throws too)', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });

  it('agrees with matchAll on random patterns and texts', () => {
    const patterns = [
      /年|年度/gu,
      /(?<![\d.])\d+(?:\.\d+)?/gu,
      /[，,]?\s*/gu,
      /(?:)/g,
      /[^a]*/gu,
      /a|(?=b)/g,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.string({ unit: fc.constantFrom(...'ab1.年度，, 𠀀'), maxLength: 20 }),
        (re, text) => {
          expect(view(allMatches(re, text))).toEqual(view(text.matchAll(re)));
        },
      ),
      { seed: 3, numRuns: 2000 },
    );
  });
});
