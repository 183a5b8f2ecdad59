import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../../src/engine/linter.js';
import { normalizationInvariant, normalizeCodes } from '../../../src/kinds/shared/normalized.js';
import { utf16Codes } from '../../../src/util/codes.js';
import { compileMatcher } from '../../../src/util/matcher.js';

const seeds = readdirSync(new URL('../../../fixtures/seeds/', import.meta.url)).map((f) =>
  readFileSync(new URL(`../../../fixtures/seeds/${f}`, import.meta.url), 'utf8'),
);

it('normalizes brackets, dashes, quotes, half-width clause marks, full-width digits and 一 between digits', () => {
  const text = '(一)2021一2025年，"平台"，１２３；一是';
  const out = String.fromCharCode(...normalizeCodes(utf16Codes(text)));
  expect(out).toBe('（一）2021—2025年，“平台“，123；一是');
  const plain = utf16Codes('法治政府建设');
  expect(normalizeCodes(plain)).toBe(plain);
});

it('tells the word lists whose hits normalization cannot change', () => {
  expect(normalizationInvariant(['人民日报', '平合', '足彩网'])).toBe(true);
  for (const w of ['党的19大', '（2021—2025年）', '一站式', '“八五”普法', 'a-b'])
    expect(normalizationInvariant([w]), w).toBe(false);
});

/**
 * `lexiconCodes` hands an invariant list the normalized units: its hits there must be its hits in the text itself,
 * on the seeds and on text made of the characters normalization touches.
 */
it('an invariant list finds the same hits in the normalized units as in the text', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const lists: string[][] = [];
  for (const id of ['typo', 'book-title', 'web-residue', 'spam', 'confusable']) {
    const o = linter.rules.find((r) => r.id === id)?.options as Record<string, unknown>;
    if (id === 'typo') lists.push(Object.keys(o.confusions as object));
    if (id === 'book-title') lists.push(o.titles as string[]);
    if (id === 'web-residue') lists.push([...(o.strongWords as string[]), ...(o.weakWords as string[])]);
    if (id === 'spam') lists.push(o.words as string[]);
    if (id === 'confusable') lists.push((o.pairs as { found: string }[]).map((p) => p.found));
  }
  const mixed = `人民日报(人民日报)"人民日报"平合,平合；足彩网－足彩网１２人民日报一２${seeds.join('')}`;
  let hits = 0;
  for (const words of lists) {
    expect(normalizationInvariant(words)).toBe(true);
    const matcher = compileMatcher(words);
    for (const text of [mixed, ...seeds]) {
      const codes = utf16Codes(text);
      const own = matcher.findOverlapping(codes);
      expect(matcher.findOverlapping(normalizeCodes(codes))).toEqual(own);
      hits += own.length;
    }
  }
  expect(hits).toBeGreaterThan(20);
});
