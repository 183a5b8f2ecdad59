import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter, textSource } from '../../src/engine/linter.js';
import type { LintResult } from '../../src/engine/types.js';
import { buildModel } from '../../src/model/build.js';

const SEEDS = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const seeds = readdirSync(SEEDS)
  .sort()
  .map((f) => readFileSync(SEEDS + f, 'utf8'));
const linter = await createLinter({ cwd: '/' });

/** Every finding lies inside the text, and its line/column point at exactly its offsets. */
function checkPositions(text: string, name: string, result: LintResult): void {
  const model = buildModel(textSource(text, name));
  for (const m of result.messages) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThanOrEqual(m.start);
    expect(m.end).toBeLessThanOrEqual(model.text.length);
    expect(model.offsetAt(m.line, m.column)).toBe(m.start);
    expect(model.offsetAt(m.endLine, m.endColumn)).toBe(m.end);
    if (m.fix) {
      expect(m.fix.range[0]).toBeGreaterThanOrEqual(m.start);
      expect(m.fix.range[1]).toBeLessThanOrEqual(m.end);
    }
  }
}

function lintTwice(text: string, name: string): LintResult {
  const a = linter.lintText(text, name);
  const b = linter.lintText(text, name);
  expect(JSON.stringify(b.messages)).toBe(JSON.stringify(a.messages)); // deterministic
  expect(a.messages.some((m) => m.data?.internal)).toBe(false); // no rule threw
  return a;
}

/** Pieces of Chinese official documents, so random texts exercise headings, enumerations and closings. */
const piece = fc.oneof(
  fc.constantFrom(
    '一、',
    '二、',
    '（一）',
    '(二)',
    '1.',
    '2．',
    '（1）',
    '一是',
    '二是',
    '三是',
    '\n',
    '\r\n',
    '\r',
    '。',
    '，',
    ',',
    '：',
    '“',
    '”',
    '《',
    '》',
    '(',
    ')',
  ),
  fc.constantFrom(
    '法治政府建设',
    '习近平法治思想',
    '第一责任人',
    '存在的不足',
    '下一步工作安排',
    '某镇人民政府',
    '2024年3月1日',
    '20211223',
    '2021-2025年',
    '20 项',
    '3.15',
    '平合',
    '\u3000\u3000',
    '\u00a0',
    '\u200b',
    '𠀀',
    '您当前的位置: 首页 > 专题',
    '扫一扫在手机打开当前页',
    '# ',
    '<!-- fazhi-lint-disable -->',
    '```',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const document = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('the linter on any input', () => {
  it('never throws on random Unicode, and positions are exact (text and Markdown)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, md) => {
        const name = md ? '/r.md' : '/r.txt';
        checkPositions(text, name, lintTwice(text, name));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random official-document structures', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (text, md) => {
        const name = md ? '/r.md' : '/r.txt';
        checkPositions(text, name, lintTwice(text, name));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random mutations of the real reports', () => {
    const mutation = fc.record({
      seed: fc.integer({ min: 0, max: seeds.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 400 }),
      insert: fc.oneof(piece, fc.string({ maxLength: 20 })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = seeds[(edits[0] as { seed: number }).seed] as string;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        checkPositions(text, '/r.txt', lintTwice(text, '/r.txt'));
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile documents', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\u3000\u3000\n\u00a0\t\r\n'],
    ['a BOM only', '\ufeff'],
  ])('%s: findings point inside the text', (_name, text) => {
    const r = lintTwice(text, '/r.txt');
    checkPositions(text, '/r.txt', r);
  });

  it('a 1 MB line finishes and stays exact', () => {
    const line = '我镇深入推进依法行政，办理案件12件，平合建设2021-2025年。'.repeat(30_000);
    const r = lintTwice(line, '/r.txt');
    checkPositions(line, '/r.txt', r);
    expect(r.messages.some((m) => m.ruleId === 'typo')).toBe(true);
  });

  it('deeply nested Markdown does not overflow the stack', () => {
    const quotes = `${'>'.repeat(5_000)} 一、主要举措\n`;
    const lists = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- 项目${i}`).join('\n');
    for (const text of [quotes, lists]) checkPositions(text, '/r.md', lintTwice(text, '/r.md'));
  });
});
