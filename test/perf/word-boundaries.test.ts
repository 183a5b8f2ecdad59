import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import type { DocumentModel } from '../../src/model/types.js';

/**
 * `isWordBoundary` segments only the clause around an offset (see src/model/words.ts); it must agree with the
 * whole-text segmentation at every offset, or the typo rule would change its findings.
 */
const model = (text: string): DocumentModel =>
  buildModel({
    path: 'x.txt',
    format: 'text',
    text,
    encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
  });

function agreesEverywhere(text: string): void {
  const m = model(text);
  const starts = new Set(m.tokens().map((t) => t.start));
  const expected = (offset: number) => starts.has(offset) || (offset === text.length && text.length > 0);
  const wrong: number[] = [];
  for (let offset = 0; offset <= text.length; offset++)
    if (m.isWordBoundary(offset) !== expected(offset)) wrong.push(offset);
  expect(wrong.map((o) => `${o}:${text.slice(Math.max(0, o - 5), o)}|${text.slice(o, o + 5)}`)).toEqual([]);
}

describe('isWordBoundary agrees with the whole-text segmentation', () => {
  const seeds = new URL('../../fixtures/seeds/', import.meta.url);
  for (const file of readdirSync(seeds)) {
    it(file, () => agreesEverywhere(readFileSync(new URL(file, seeds), 'utf8')));
  }

  it('mixed scripts, CR LF, symbols and astral characters', () => {
    agreesEverywhere(
      '公平合法，平合a1_b-c.d%e#f&g+h 热线平合运行（平合）《平合》“平合”、平合·平合…平合—平合：平合；平合!平合?' +
        '平合@平合 平合\u3000平合\u00a0平合\r\n平合\r平合\n\n2024年平合3.5%平合ABC平合𠀀平合 www.gov.cn/x?a=1 平合',
    );
  });

  it('an offset asked twice, in any order, and the empty text', () => {
    const m = model('热线平合运行，公平合法性');
    const asked = [10, 2, 4, 2, 9, 7].map((o) => m.isWordBoundary(o));
    const starts = new Set(m.tokens().map((t) => t.start));
    expect(asked).toEqual([10, 2, 4, 2, 9, 7].map((o) => starts.has(o)));
    expect(model('').isWordBoundary(0)).toBe(false);
  });
});
