import { describe, expect, it, vi } from 'vitest';
import { runExplain } from '../../src/cli/explain.js';
import { createLinter } from '../../src/engine/linter.js';
import { ROOT, runCli, tempTree } from '../engine/helpers.js';

describe('fazhi-lint explain <rule-id>', () => {
  it('prints description, norm, severity, kind, a failing example with its finding, a passing one, and options', () => {
    const r = runCli(['explain', 'closing-date'], { cwd: tempTree({ '.fazhi-lint.yaml': 'root: true\n' }) });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^closing-date {2}错误 {2}类型：closing-date（.+）\n/);
    expect(out).toContain(
      '说明：\n    GB/T 9704-2012 党政机关公文格式：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位',
    );
    expect(out).toContain(
      '依据：\n    GB/T 9704-2012 党政机关公文格式\n    《法治政府建设与责任落实督察工作规定》\n',
    );
    expect(out).toContain(
      '不符合的写法：\n    某镇2024年法治政府建设情况报告\n    我镇深入推进依法行政。\n    某镇人民政府\n',
    );
    expect(out).toContain(
      '  检查结果：\n    3:1  错误  文末缺少成文日期：请在署名下一行用阿拉伯数字写明年月日，如“2025年1月20日”\n',
    );
    expect(out).toContain(
      '符合的写法：\n    某镇2024年法治政府建设情况报告\n    我镇深入推进依法行政。\n    某镇人民政府\n    2025年1月20日\n',
    );
    expect(out).toMatch(/选项：\n {4}deadline（字符串）：.+\n {6}当前值（默认）："3-31"\n/);
  });

  it('explains the two rules of issue #14; a data list shows its first items and its length', () => {
    const law = runCli(['explain', 'law-title'], { cwd: ROOT });
    expect(law.code, law.stderr).toBe(0);
    expect(law.stdout).toContain('依据：\n    《党政机关公文处理工作条例》\n    《现行有效法律目录》\n\n');
    expect(law.stdout).toContain('应为《中华人民共和国城市居民委员会组织法》');
    expect(law.stdout).toMatch(
      /laws（字符串列表，必填）：.+\n {6}当前值：\n {8}- 中华人民共和国宪法\n(?: {8}- .+\n){2} {8}……（共 \d{3} 项，见规则文件）\n/,
    );
    const level = runCli(['explain', 'level-consistency'], { cwd: ROOT });
    expect(level.code, level.stderr).toBe(0);
    expect(level.stdout).toContain('“我镇”不是本单位的自称：发文单位“某县人民政府”是县级单位，应写作“我县”');
  });

  it('shows the severity and option values the config sets', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  quantified-results: [info, { minimum: 1 }]\n',
    });
    const r = runCli(['explain', 'quantified-results'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^quantified-results {2}提示 /);
    expect(r.stdout).toMatch(/minimum（数字）：.+\n {6}当前值：1\n/);
    expect(r.stdout).toMatch(/检查结果：\n {4}\d+:\d+ {2}提示 {2}/);
  });

  it('explains a rule the config switched off, running its example anyway', () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: off\n' });
    const r = runCli(['explain', 'closing-date'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^closing-date {2}错误（已在配置中关闭）/);
    expect(r.stdout).toContain('3:1  错误  文末缺少成文日期');
  });

  it('explains a user rule from --rules', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\n',
      'my/fazhi-xuanchuan.yaml':
        'id: fazhi-xuanchuan\nkind: substitution\nseverity: warning\nmessage: “{match}”应写作“{replacement}”\ndescription: 依据《中华人民共和国宪法》第五条，统一写“法治”。\nswap:\n  法制宣传: 法治宣传\nexamples:\n  invalid: [推进法制宣传。]\n  valid: [推进法治宣传。]\n',
    });
    const r = runCli(['explain', 'fazhi-xuanchuan', '--rules', 'my'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('依据：\n    《中华人民共和国宪法》第五条\n');
    expect(r.stdout).toContain('  检查结果：\n    1:3  警告  “法制宣传”应写作“法治宣传”\n');
    expect(r.stdout).toContain(
      '选项：\n    swap（映射，必填）：“错误写法: 规范写法” 的映射（按原文匹配）\n      当前值：\n        法制宣传: 法治宣传\n',
    );
  });

  it('an unknown id is a clear Chinese error with close ids, exit 2', () => {
    const r = runCli(['explain', 'closing-dat'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'fazhi-lint: 没有名为 “closing-dat” 的规则。相近的规则：closing-date、closing-signer。运行 fazhi-lint rules 查看全部规则\n',
    );
    const far = runCli(['explain', 'zzzz'], { cwd: ROOT });
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('fazhi-lint: 没有名为 “zzzz” 的规则。运行 fazhi-lint rules 查看全部规则\n');
  });

  it('every shipped rule can be explained, its failing example producing a finding (in-process, for speed)', async () => {
    const linter = await createLinter({ cwd: '/' });
    expect(linter.rules.length).toBeGreaterThan(0);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const { id } of linter.rules) {
        write.mockClear();
        expect(await runExplain(id, { rules: [] }), id).toBe(0);
        const out = write.mock.calls.map((c) => String(c[0])).join('');
        expect(out, id).toMatch(new RegExp(`^${id} `));
        expect(out, id).toContain('检查结果：');
        expect(out, id).not.toContain('未产生该规则的检查结果');
      }
    } finally {
      write.mockRestore();
    }
  });
});
