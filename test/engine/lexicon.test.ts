import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../src/engine/lexicon.js';
import { compileMatcher } from '../../src/util/matcher.js';

/** Matchers from one lexicon must answer exactly as matchers compiled on their own. */
describe('createLexicon', () => {
  it.each([
    [
      'disjoint lists',
      [
        ['平合', '登陆'],
        ['足彩', '注册送'],
      ],
      '政务平合上注册送足彩，登陆平合',
    ],
    [
      'a word in two lists',
      [
        ['平合', '法制'],
        ['法制', '宣传'],
      ],
      '法制宣传和平合',
    ],
    ['a word twice in one list keeps its first index', [['甲', '乙', '甲']], '甲乙甲'],
    ['overlapping words across lists', [['法治政府'], ['政府建设', '法治']], '法治政府建设'],
    ['empty words and an empty list', [['', '公平'], []], '公平合理'],
  ])('%s', (_name, lists, text) => {
    const lexicon = createLexicon();
    const shared = lists.map((l) => lexicon.matcher(l));
    lists.forEach((list, i) => {
      const alone = compileMatcher(list);
      const m = shared[i];
      expect(m?.size).toBe(alone.size);
      expect(m?.findAll(text)).toEqual(alone.findAll(text));
      expect(m?.findOverlapping(text)).toEqual(alone.findOverlapping(text));
    });
  });

  it('a list added after a scan is matched too, and a new text is scanned afresh', () => {
    const lexicon = createLexicon();
    const a = lexicon.matcher(['平合']);
    const b = lexicon.matcher(['足彩']);
    const codes = Uint16Array.from('平合足彩', (c) => c.charCodeAt(0));
    expect(a.findAll(codes).map((m) => m.start)).toEqual([0]);
    expect(b.findAll(codes).map((m) => m.start)).toEqual([2]);
    const c = lexicon.matcher(['合足']);
    expect(c.findAll(codes).map((m) => [m.start, m.end])).toEqual([[1, 3]]);
    expect(a.findAll('足彩平合').map((m) => m.start)).toEqual([2]);
  });

  it('random lists over a small alphabet agree with compileMatcher', () => {
    const word = fc.string({ unit: fc.constantFrom(...'法治政府建设平台合'), maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.string({ unit: fc.constantFrom(...'法治政府建设平台合，'), maxLength: 30 }),
        (lists, text) => {
          const lexicon = createLexicon();
          const shared = lists.map((l) => lexicon.matcher(l));
          lists.forEach((list, i) => {
            expect(shared[i]?.findAll(text)).toEqual(compileMatcher(list).findAll(text));
            expect(shared[i]?.findOverlapping(text)).toEqual(compileMatcher(list).findOverlapping(text));
          });
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});
