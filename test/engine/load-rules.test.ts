import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { loadRuleDir, loadRuleFile } from '../../src/engine/load-rules.js';
import { compilePattern } from '../../src/engine/pattern.js';
import { configErrorsOf, configErrorsOfAsync, tempTree } from './helpers.js';

const HEAD =
  'id: my-rule\nkind: pattern\nseverity: warning\nmessage: 不要写“{match}”\ndescription: 测试规则\n';

/** Loads one user rule file (untrusted, as from `--rules`) and returns its errors as `file:line:column: message`. */
function errorsOf(text: string): { file: string; errors: string[] } {
  const dir = tempTree({ 'my-pack/my-rule.yaml': text });
  const file = join(dir, 'my-pack/my-rule.yaml');
  return { file, errors: configErrorsOf(() => loadRuleDir(dir, { trusted: false })) };
}

describe('rule file validation: exact message and file:line:column', () => {
  it('loads a valid user rule', () => {
    const dir = tempTree({ 'my-pack/my-rule.yaml': `${HEAD}pattern: 法制\n` });
    const [rule] = loadRuleDir(dir, { trusted: false });
    expect(rule).toMatchObject({
      id: 'my-rule',
      kind: 'pattern',
      severity: 'warning',
      pack: 'my-pack',
      trusted: false,
      options: { pattern: '法制', ignoreCase: false },
    });
  });

  const cases: [string, string, string][] = [
    [
      'broken YAML',
      `${HEAD}pattern: [法制\n`,
      '7:1: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'tab indentation',
      `${HEAD}examples:\n\tinvalid: []\n`,
      '7:1: YAML 语法错误：Tabs are not allowed as indentation',
    ],
    ['duplicate key', `${HEAD}pattern: 法制\npattern: 法治\n`, '7:1: YAML 语法错误：Map keys must be unique'],
    ['not a mapping', '- id: my-rule\n', '1:1: 规则文件应是一个 YAML 映射（key: value）'],
    [
      'missing required field',
      'id: my-rule\nkind: pattern\nseverity: warning\ndescription: 测试\npattern: 法制\n',
      '1:1: 缺少必填字段 “message”',
    ],
    [
      'bad id',
      `${HEAD.replace('my-rule', 'My_Rule')}pattern: 法制\n`,
      '1:1: “id” 应为小写英文、数字和连字符组成的规则名，如 closing-date',
    ],
    [
      'bad severity',
      `${HEAD.replace('warning', 'fatal')}pattern: 法制\n`,
      '3:1: “severity” 只能是 error、warning 或 info',
    ],
    [
      'message not a string',
      `id: my-rule\nkind: pattern\nseverity: warning\nmessage: [a]\ndescription: 测试\npattern: 法制\n`,
      '4:1: “message” 应为字符串',
    ],
    [
      'unknown key (a typo of an option)',
      `${HEAD}patern: 法制\n`,
      '6:1: 规则类型 pattern 没有选项 “patern”；可用选项：pattern、ignoreCase',
    ],
    [
      'wrong option type',
      `${HEAD}pattern: 法制\nignoreCase: "yes"\n`,
      '7:1: 选项 “ignoreCase” 应为true 或 false',
    ],
    [
      'wrong option type (number for a regex)',
      `${HEAD}pattern: 12\n`,
      '6:1: 选项 “pattern” 应为正则表达式字符串',
    ],
    [
      'missing required option',
      HEAD,
      '1:1: 规则类型 pattern 缺少必填选项 “pattern”（要报告的写法（正则表达式；用户规则使用 RE2 语法））',
    ],
    [
      'unknown message id',
      `${HEAD}pattern: 法制\nmessages:\n  nope: x\n`,
      '7:1: 规则类型 pattern 没有消息编号 “nope”；可用：default',
    ],
    [
      'examples not lists',
      `${HEAD}pattern: 法制\nexamples:\n  invalid: 法制\n`,
      '7:1: “examples.invalid” 应为字符串列表',
    ],
    [
      'a regex that does not compile',
      `${HEAD}pattern: '(法制'\n`,
      '6:1: 选项 “pattern” 的正则表达式无法编译：error parsing regexp: missing closing ): `(法制`（用户规则的正则表达式使用 RE2 语法，不支持反向引用和环视）',
    ],
    [
      'lookbehind in a user rule (RE2 has none)',
      `${HEAD}pattern: '(?<!依)法制'\n`,
      '6:1: 选项 “pattern” 的正则表达式无法编译：error parsing regexp: invalid named capture: `(?<!依)法制`（用户规则的正则表达式使用 RE2 语法，不支持反向引用和环视）',
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const { file, errors } = errorsOf(text);
      expect(errors).toEqual([`${file}:${expected}`]);
    });
  }

  it('an unknown kind lists the kinds there are', () => {
    const { file, errors } = errorsOf(HEAD.replace('kind: pattern', 'kind: patern'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: 未知的规则类型 “patern”；可用类型：.*pattern`,
      ),
    );
    expect(errors[0]).toContain('substitution');
  });

  it('an alias bomb fails fast (yaml caps alias expansion)', () => {
    const lines = [HEAD.trimEnd(), 'pattern: 法制', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    const { file, errors } = errorsOf(`${lines.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(errors).toEqual([
      `${file}:1:1: YAML 无法展开：Excessive alias count indicates a resource exhaustion attack`,
    ]);
  });

  it('collects the errors of every file, so a user fixes all of them in one round', () => {
    const dir = tempTree({
      'p/a.yaml': `${HEAD}patern: x\n`,
      'p/b.yaml': `${HEAD.replace('my-rule', 'other').replace('warning', 'high')}pattern: x\n`,
    });
    expect(configErrorsOf(() => loadRuleDir(dir, { trusted: false }))).toEqual([
      `${join(dir, 'p/a.yaml')}:6:1: 规则类型 pattern 没有选项 “patern”；可用选项：pattern、ignoreCase`,
      `${join(dir, 'p/b.yaml')}:3:1: “severity” 只能是 error、warning 或 info`,
    ]);
  });

  it('a missing rule folder is an error naming it', () => {
    const dir = tempTree();
    expect(configErrorsOf(() => loadRuleDir(join(dir, 'nope'), { trusted: false }))).toEqual([
      `${join(dir, 'nope')}: 无法读取规则目录：ENOENT`,
    ]);
  });

  it('a duplicate rule id across two files', async () => {
    const dir = tempTree({ 'p/a.yaml': `${HEAD}pattern: x\n`, 'p/b.yaml': `${HEAD}pattern: y\n` });
    expect(
      await configErrorsOfAsync(() => createLinter({ cwd: dir, builtin: false, rulesDirs: [dir] })),
    ).toEqual([`${join(dir, 'p/b.yaml')}:1:1: 规则 id “my-rule” 重复，已在 ${join(dir, 'p/a.yaml')} 中定义`]);
  });

  it('a user rule may not take the id of a shipped rule', async () => {
    const dir = tempTree({ 'p/closing-date.yaml': `${HEAD.replace('my-rule', 'closing-date')}pattern: x\n` });
    const errors = await configErrorsOfAsync(() => createLinter({ cwd: dir, rulesDirs: [dir] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /p\/closing-date\.yaml:1:1: 规则 id “closing-date” 重复，已在 .*rules\/fazhi-zhengfu\/closing-date\.yaml 中定义$/,
    );
  });

  it('the same file text validates identically through loadRuleFile', () => {
    expect(
      configErrorsOf(() => loadRuleFile('/x/r.yaml', `${HEAD}patern: 1\n`, 'x', { trusted: false })),
    ).toEqual(['/x/r.yaml:6:1: 规则类型 pattern 没有选项 “patern”；可用选项：pattern、ignoreCase']);
  });
});

describe('user patterns run on RE2: no catastrophic backtracking', () => {
  it('(a+)+$ from a user folder lints a 50,000-character adversarial line', async () => {
    const dir = tempTree({ 'p/redos.yaml': `${HEAD.replace('my-rule', 'redos')}pattern: '(a+)+$'\n` });
    const linter = await createLinter({ cwd: dir, builtin: false, rulesDirs: [dir] });
    const line = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    const result = linter.lintText(`${line}\n`, join(dir, 'report.txt'));
    const ms = performance.now() - started;
    expect(result.messages).toEqual([]);
    // A guard only: V8's backtracking engine would not finish this in the lifetime of the test run.
    expect(ms).toBeLessThan(20_000);
    // And it still matches where it should (RE2's `$` is the end of the text).
    expect(
      linter.lintText('aaa', join(dir, 'report.txt')).messages.map((m) => [m.ruleId, m.message]),
    ).toEqual([['redos', '不要写“aaa”']]);
  });

  it('the same pattern is compiled for RE2 only when untrusted', () => {
    expect(compilePattern('(?<=依)法', true).findAll('依法')).toHaveLength(1);
    expect(() => compilePattern('(?<=依)法', false)).toThrow(/RE2/);
  });
});
