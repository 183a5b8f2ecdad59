import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { createLinter, textSource } from '../../src/engine/linter.js';
import { toMessage } from '../../src/engine/messages.js';
import type { LintMessage, LoadedRule } from '../../src/engine/types.js';
import { buildModel } from '../../src/model/build.js';
import { tempTree } from './helpers.js';

const fixAt = (start: number, end: number, text: string): LintMessage => ({
  ruleId: 'r',
  severity: 'error',
  message: 'm',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  start,
  end,
  fix: { range: [start, end], text },
});

describe('applyFixes: one pass, never two overlapping fixes', () => {
  it('applies disjoint fixes in any order', () => {
    expect(applyFixes('abcdef', [fixAt(4, 5, 'E'), fixAt(0, 1, 'A')])).toEqual({
      output: 'AbcdEf',
      applied: 2,
    });
  });

  it('skips a fix overlapping an earlier one (it waits for the next pass)', () => {
    expect(applyFixes('abcdef', [fixAt(0, 3, 'X'), fixAt(2, 4, 'Y')])).toEqual({
      output: 'Xdef',
      applied: 1,
    });
  });

  it('treats touching ranges as a conflict (two insertions at one point depend on order)', () => {
    expect(applyFixes('abcdef', [fixAt(0, 2, 'X'), fixAt(2, 4, 'Y')])).toEqual({
      output: 'Xcdef',
      applied: 1,
    });
    expect(applyFixes('ab', [fixAt(1, 1, 'X'), fixAt(1, 1, 'Y')])).toEqual({ output: 'aXb', applied: 1 });
  });

  it('does not count a fix that changes nothing', () => {
    expect(applyFixes('abc', [fixAt(0, 1, 'a')])).toEqual({ output: 'abc', applied: 0 });
  });

  it('ignores findings without a fix', () => {
    const { fix: _, ...plain } = fixAt(0, 1, 'x');
    expect(applyFixes('abc', [plain])).toEqual({ output: 'abc', applied: 0 });
  });
});

describe('toMessage keeps only fixes inside the reported range', () => {
  const model = buildModel(textSource('法制宣传教育', '/v/a.txt'));
  const rule = {
    id: 'r',
    severity: 'error',
    message: 'm',
    messages: { default: 'm' },
  } as unknown as LoadedRule;
  it('keeps a fix inside', () => {
    expect(toMessage(model, rule, { start: 0, end: 4, fix: { range: [0, 2], text: '法治' } }).fix).toEqual({
      range: [0, 2],
      text: '法治',
    });
  });
  it('drops a fix reaching outside', () => {
    expect(
      toMessage(model, rule, { start: 0, end: 2, fix: { range: [0, 4], text: '法治宣传' } }).fix,
    ).toBeUndefined();
    expect(
      toMessage(model, rule, { start: 2, end: 4, fix: { range: [1, 3], text: 'x' } }).fix,
    ).toBeUndefined();
    expect(
      toMessage(model, rule, { start: 0, end: 4, fix: { range: [3, 2], text: 'x' } }).fix,
    ).toBeUndefined();
  });
});

describe('fixSource', () => {
  it('re-runs until stable and reports no fixable finding afterwards', async () => {
    const linter = await createLinter({ cwd: '/' });
    const text =
      '某镇2024年法治政府建设情况报告\n下放行政职权20 项，推进法制宣传。\n某镇人民政府\n20250120\n';
    const { output, passes, result } = linter.fixSource(textSource(text, '/v/a.txt'));
    expect(output).toBe(
      '某镇2024年法治政府建设情况报告\n下放行政职权20项，推进法治宣传。\n某镇人民政府\n2025年1月20日\n',
    );
    expect(passes).toBeGreaterThanOrEqual(1);
    expect(result.messages.filter((m) => m.fix)).toEqual([]);
    expect(linter.fixSource(textSource(output, '/v/a.txt'))).toMatchObject({ output, passes: 0 });
  });

  it('stops after a bounded number of passes even when two user rules undo each other', async () => {
    const dir = tempTree({
      'p/a.yaml':
        'id: to-fazhi\nkind: substitution\nseverity: warning\nmessage: “{match}”改为“{replacement}”\ndescription: 测试\nswap:\n  法制: 法治\n',
      'p/b.yaml':
        'id: to-fazhi-back\nkind: substitution\nseverity: warning\nmessage: “{match}”改为“{replacement}”\ndescription: 测试\nswap:\n  法治: 法制\n',
    });
    const linter = await createLinter({ cwd: dir, builtin: false, rulesDirs: [dir] });
    const started = performance.now();
    const { passes } = linter.fixSource(textSource('法制', `${dir}/a.txt`));
    expect(passes).toBe(10);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('applies only the findings selected by `only`', async () => {
    const linter = await createLinter({ cwd: '/' });
    const text = '下放行政职权20 项，推进法制宣传。';
    expect(linter.fixSource(textSource(text, '/v/a.txt'), (m) => m.ruleId === 'number-format').output).toBe(
      '下放行政职权20项，推进法制宣传。',
    );
  });
});
