import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers.js';

/** The CLI refuses to lint (exit 2, nothing on stdout) when a rule file or config is invalid, naming file:line:column. */
const HEAD =
  'id: my-rule\nkind: pattern\nseverity: warning\nmessage: 不要写“{match}”\ndescription: 测试规则\n';
const REPORT = '某镇2024年法治政府建设情况报告\n推进法制宣传。\n';

describe('CLI: invalid rules or config → exit 2 without linting', () => {
  const ruleCases: [string, Record<string, string>, string][] = [
    ['broken YAML', { 'r.yaml': `${HEAD}pattern: [法制\n` }, 'r.yaml:7:1: YAML 语法错误'],
    [
      'alias bomb',
      {
        'r.yaml': `${HEAD}pattern: x\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
      },
      'r.yaml:1:1: YAML 无法展开',
    ],
    [
      'wrong option type',
      { 'r.yaml': `${HEAD}pattern: x\nignoreCase: 1\n` },
      'r.yaml:7:1: 选项 “ignoreCase” 应为true 或 false',
    ],
    ['unknown key', { 'r.yaml': `${HEAD}patern: x\n` }, 'r.yaml:6:1: 规则类型 pattern 没有选项 “patern”'],
    [
      'unknown kind',
      { 'r.yaml': HEAD.replace('kind: pattern', 'kind: nope') },
      'r.yaml:2:1: 未知的规则类型 “nope”',
    ],
    ['missing required option', { 'r.yaml': HEAD }, 'r.yaml:1:1: 规则类型 pattern 缺少必填选项 “pattern”'],
    [
      'duplicate id',
      { 'a.yaml': `${HEAD}pattern: x\n`, 'b.yaml': `${HEAD}pattern: y\n` },
      'b.yaml:1:1: 规则 id “my-rule” 重复',
    ],
    [
      'regex that does not compile',
      { 'r.yaml': `${HEAD}pattern: '(x'\n` },
      'r.yaml:6:1: 选项 “pattern” 的正则表达式无法编译',
    ],
  ];
  for (const [name, files, expected] of ruleCases) {
    it(`rule file: ${name}`, () => {
      const dir = tempTree({
        '.fazhi-lint.yaml': 'root: true\n',
        'report.txt': REPORT,
        ...Object.fromEntries(Object.entries(files).map(([f, t]) => [`my/${f}`, t])),
      });
      const r = runCli(['--rules', 'my', 'report.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^fazhi-lint: 规则或配置有误，未进行检查：\n/);
      expect(r.stderr).toContain(`  ${join(dir, 'my', expected)}`);
    });
  }

  const configCases: [string, string, string][] = [
    ['broken YAML', 'root: true\nrules: [x\n', ':3:1: YAML 语法错误'],
    ['unknown key', 'root: true\nrule: {}\n', ':2:1: 未知的配置项 “rule”'],
    [
      'unknown rule',
      'root: true\nrules:\n  closing-dat: off\n',
      ':3:3: 未知的规则 “closing-dat”；是不是：closing-date',
    ],
    [
      'unknown rule option',
      'root: true\nrules:\n  closing-date: [error, { deadlin: "3-1" }]\n',
      ':3:3: 规则 closing-date（类型 closing-date）没有选项 “deadlin”',
    ],
  ];
  for (const [name, config, expected] of configCases) {
    it(`config: ${name}`, () => {
      const dir = tempTree({ '.fazhi-lint.yaml': config, 'report.txt': REPORT });
      const r = runCli(['report.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${join(dir, '.fazhi-lint.yaml')}${expected}`);
    });
  }
});
