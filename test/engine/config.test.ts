import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFiles, readConfigChain, resolveConfig } from '../../src/engine/config.js';
import { createLinter } from '../../src/engine/linter.js';
import { configErrorsOf, configErrorsOfAsync, tempTree } from './helpers.js';

const REPORT = '某镇2024年法治政府建设情况报告\n我镇深入推进依法行政。\n某镇人民政府\n20250120\n';

const severities = (c: ReturnType<typeof resolveConfig>) =>
  Object.fromEntries([...c.rules].map(([id, s]) => [id, s.options ? [s.severity, s.options] : s.severity]));

describe('cascade per folder', () => {
  it('reads three levels, nearest wins for each rule, farther settings survive', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml':
        'root: true\nrules:\n  closing-date: warning\n  quantified-results: off\n  closing-signer: info\nignore:\n  closing-signer: [某镇]\n',
      'a/.fazhi-lint.yaml': 'rules:\n  closing-date: info\nignore:\n  closing-date: "20250120"\n',
      'a/b/.fazhi-lint.yml':
        'rules:\n  quantified-results: [error, { minimum: 1 }]\n  closing-signer: warning\n',
    });
    const deep = resolveConfig(join(dir, 'a/b/c/report.txt'));
    expect(severities(deep)).toEqual({
      'closing-date': 'info',
      'quantified-results': ['error', { minimum: 1 }],
      'closing-signer': 'warning',
    });
    expect(deep.files).toEqual([
      join(dir, '.fazhi-lint.yaml'),
      join(dir, 'a/.fazhi-lint.yaml'),
      join(dir, 'a/b/.fazhi-lint.yml'),
    ]);
    expect(Object.fromEntries(deep.ignore)).toEqual({
      'closing-signer': ['某镇'],
      'closing-date': ['20250120'],
    });

    const middle = resolveConfig(join(dir, 'a/report.txt'));
    expect(severities(middle)).toEqual({
      'closing-date': 'info',
      'quantified-results': 'off',
      'closing-signer': 'info',
    });
    const top = resolveConfig(join(dir, 'report.txt'));
    expect(severities(top)).toEqual({
      'closing-date': 'warning',
      'quantified-results': 'off',
      'closing-signer': 'info',
    });
    expect(top.files).toEqual([join(dir, '.fazhi-lint.yaml')]);
  });

  it('applies the cascade when linting: severity from the nearest file, rule off from a farther one', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: warning\n  quantified-results: off\n',
      'a/b/.fazhi-lint.yaml': 'rules:\n  closing-date: info\n',
    });
    const linter = await createLinter({ cwd: dir });
    const top = linter.lintText(REPORT, join(dir, 'report.txt')).messages;
    const deep = linter.lintText(REPORT, join(dir, 'a/b/c/report.txt')).messages;
    expect(top.find((m) => m.ruleId === 'closing-date')?.severity).toBe('warning');
    expect(deep.find((m) => m.ruleId === 'closing-date')?.severity).toBe('info');
    expect([...top, ...deep].some((m) => m.ruleId === 'quantified-results')).toBe(false);
  });

  it('uses .fazhi-lint.yaml over .fazhi-lint.yml in the same folder', () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\n', '.fazhi-lint.yml': 'root: true\n' });
    expect(findConfigFiles(join(dir, 'x.txt')).at(-1)).toBe(join(dir, '.fazhi-lint.yaml'));
  });

  it('stops at root: true without reading the files above (a broken file above does not matter)', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'rules: [oops\n',
      'project/.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: info\n',
      'project/sub/.fazhi-lint.yaml': 'rules:\n  closing-signer: off\n',
      'other/.fazhi-lint.yaml': 'rules:\n  closing-date: info\n',
    });
    const c = resolveConfig(join(dir, 'project/sub/report.txt'));
    expect(severities(c)).toEqual({ 'closing-date': 'info', 'closing-signer': 'off' });
    expect(c.files).toEqual([
      join(dir, 'project/.fazhi-lint.yaml'),
      join(dir, 'project/sub/.fazhi-lint.yaml'),
    ]);
    // Without root: true the walk goes on and the broken file is reported.
    expect(configErrorsOf(() => resolveConfig(join(dir, 'other/report.txt')))).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:2:1: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('--config replaces the cascade', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: info\n',
      'ci.yaml': 'rules:\n  closing-signer: warning\n',
    });
    const c = resolveConfig(join(dir, 'report.txt'), join(dir, 'ci.yaml'));
    expect(severities(c)).toEqual({ 'closing-signer': 'warning' });
  });
});

describe('extends', () => {
  it('reads the chain first, so each file wins over what it extends', () => {
    const dir = tempTree({
      'shared/core.yaml':
        'rules:\n  closing-date: info\n  closing-signer: info\n  quantified-results: info\nignores: [草稿/**]\n',
      'shared/base.yaml':
        'extends: ./core.yaml\nrules:\n  closing-signer: warning\n  quantified-results: warning\n',
      'project/.fazhi-lint.yaml':
        'root: true\nextends: [../shared/base.yaml]\nrules:\n  quantified-results: error\n',
    });
    const c = resolveConfig(join(dir, 'project/report.txt'));
    expect(severities(c)).toEqual({
      'closing-date': 'info',
      'closing-signer': 'warning',
      'quantified-results': 'error',
    });
    expect(c.files).toEqual([
      join(dir, 'shared/core.yaml'),
      join(dir, 'shared/base.yaml'),
      join(dir, 'project/.fazhi-lint.yaml'),
    ]);
    // `ignores` of an extended file are relative to that file's folder.
    expect(resolveConfig(join(dir, 'shared/草稿/a.txt'), join(dir, 'project/.fazhi-lint.yaml')).ignored).toBe(
      true,
    );
    expect(resolveConfig(join(dir, 'project/草稿/a.txt')).ignored).toBe(false);
  });

  it('reads a file extended twice (a diamond) once, without calling it a cycle', () => {
    const dir = tempTree({
      'd.yaml': 'rules:\n  closing-date: info\n',
      'b.yaml': 'extends: d.yaml\n',
      'c.yaml': 'extends: d.yaml\n',
      'a.yaml': 'root: true\nextends: [b.yaml, c.yaml]\n',
    });
    expect(severities(resolveConfig(join(dir, 'x.txt'), join(dir, 'a.yaml')))).toEqual({
      'closing-date': 'info',
    });
  });

  it('reports a cycle', () => {
    const dir = tempTree({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: a.yaml\n' });
    expect(configErrorsOf(() => readConfigChain(join(dir, 'a.yaml')))).toEqual([
      `${join(dir, 'a.yaml')}: “extends” 形成了循环引用`,
    ]);
  });

  it('reports a missing file at the extends key', () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\n\nextends: ./nope.yaml\n' });
    expect(configErrorsOf(() => resolveConfig(join(dir, 'x.txt')))).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:3:1: “extends” 指向的配置文件不存在：${join(dir, 'nope.yaml')}`,
    ]);
  });
});

describe('overrides, ignores, ignore', () => {
  it('applies overrides by glob relative to the config folder, later ones winning', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': [
        'root: true',
        'rules:',
        '  closing-date: error',
        'overrides:',
        '  - files: "**/*.md"',
        '    rules:',
        '      closing-date: off',
        '  - files: [drafts/*.txt, "{old,archive}/**"]',
        '    rules:',
        '      closing-date: info',
        '  - files: drafts/final.txt',
        '    rules:',
        '      closing-date: warning',
        '',
      ].join('\n'),
    });
    const sev = (f: string) => resolveConfig(join(dir, f)).rules.get('closing-date')?.severity;
    expect(sev('report.txt')).toBe('error');
    expect(sev('a/b/report.md')).toBe('off');
    expect(sev('drafts/x.txt')).toBe('info');
    expect(sev('drafts/deeper/x.txt')).toBe('error');
    expect(sev('archive/2023/x.txt')).toBe('info');
    expect(sev('drafts/final.txt')).toBe('warning');
  });

  it('a nearer file wins over an override of a farther file', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\noverrides:\n  - files: "*.txt"\n    rules:\n      closing-date: off\n',
      'sub/.fazhi-lint.yaml': 'rules:\n  closing-date: info\n',
    });
    expect(resolveConfig(join(dir, 'x.txt')).rules.get('closing-date')?.severity).toBe('off');
    expect(resolveConfig(join(dir, 'sub/x.txt')).rules.get('closing-date')?.severity).toBe('info');
  });

  it('ignores files by glob, from every config in the cascade', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nignores: ["*.bak.txt", 草稿/**]\n',
      'sub/.fazhi-lint.yaml': 'ignores: old/\n',
    });
    const linter = await createLinter({ cwd: dir });
    expect(linter.isIgnored(join(dir, 'a.bak.txt'))).toBe(true);
    expect(linter.isIgnored(join(dir, 'sub/deep/a.bak.txt'))).toBe(true);
    expect(linter.isIgnored(join(dir, '草稿/一稿.txt'))).toBe(true);
    expect(linter.isIgnored(join(dir, 'sub/old/x.txt'))).toBe(true);
    expect(linter.isIgnored(join(dir, 'old/x.txt'))).toBe(false);
    expect(linter.isIgnored(join(dir, 'sub/草稿/一稿.txt'))).toBe(false);
    expect(linter.isIgnored(join(dir, 'a.txt'))).toBe(false);
    expect(linter.isIgnored(join(dir, 'sub/deep/a.txt'))).toBe(false);
  });

  it('overrides tell apart two files of one folder (the linter caches config per file, not per folder)', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\noverrides:\n  - files: "*.md"\n    rules:\n      closing-date: off\n',
    });
    const linter = await createLinter({ cwd: dir });
    const ids = (f: string) => linter.lintText(REPORT, join(dir, f)).messages.map((m) => m.ruleId);
    expect(ids('report.md')).not.toContain('closing-date');
    expect(ids('report.txt')).toContain('closing-date');
    expect(linter.rulesFor(join(dir, 'x.md')).some((r) => r.id === 'closing-date')).toBe(false);
    expect(linter.rulesFor(join(dir, 'x.txt')).some((r) => r.id === 'closing-date')).toBe(true);
  });

  it('shares one resolved config among the files of a chain without globs, and resolves per file with them', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: warning\n',
      'globs/.fazhi-lint.yaml': 'overrides:\n  - files: "*.md"\n    rules:\n      closing-date: off\n',
    });
    const a = resolveConfig(join(dir, 'a.txt'));
    expect(resolveConfig(join(dir, 'b.md'))).toBe(a);
    expect(severities(a)).toEqual({ 'closing-date': 'warning' });
    const txt = resolveConfig(join(dir, 'globs/a.txt'));
    const md = resolveConfig(join(dir, 'globs/a.md'));
    expect(md).not.toBe(txt);
    expect(severities(txt)).toEqual({ 'closing-date': 'warning' });
    expect(severities(md)).toEqual({ 'closing-date': 'off' });
  });

  it("a linter's own settings do not leak into the shared config of another linter", async () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-date: warning\n' });
    const quiet = await createLinter({
      cwd: dir,
      settings: new Map([['closing-date', { severity: 'off' }]]),
    });
    const plain = await createLinter({ cwd: dir });
    const ids = (linter: typeof plain) =>
      linter.lintText(REPORT, join(dir, 'report.txt')).messages.map((m) => m.ruleId);
    expect(ids(quiet)).not.toContain('closing-date');
    expect(ids(plain)).toContain('closing-date');
    expect(severities(resolveConfig(join(dir, 'report.txt')))).toEqual({ 'closing-date': 'warning' });
  });

  it('ignore drops findings whose quoted text contains a listed text, for that rule only', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nignore:\n  closing-date: ["20250120"]\n  closing-signer: 不相干\n',
    });
    const plain = await createLinter({ cwd: '/' });
    const linter = await createLinter({ cwd: dir });
    const before = plain.lintText(REPORT, '/virtual/report.txt').messages.map((m) => m.ruleId);
    const after = linter.lintText(REPORT, join(dir, 'report.txt')).messages.map((m) => m.ruleId);
    expect(before).toContain('closing-date');
    expect(after).not.toContain('closing-date');
    expect(after).toEqual(before.filter((id) => id !== 'closing-date'));
  });

  it('rule options from config reach the rule and are validated against its kind', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  quantified-results: [info, { minimum: 1 }]\n',
    });
    const linter = await createLinter({ cwd: dir });
    const rule = linter.rulesFor(join(dir, 'x.txt')).find((r) => r.id === 'quantified-results');
    expect(rule?.severity).toBe('info');
    expect(rule?.options.minimum).toBe(1);
    expect(typeof rule?.options.quantity).toBe('string');
  });
});

describe('invalid config files → ConfigError with file:line:column', () => {
  const cases: [string, string, string][] = [
    [
      'broken YAML',
      'root: true\nrules:\n  closing-date: [warning\n',
      '4:1: YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'duplicate key',
      'root: true\nrules:\n  closing-date: info\n  closing-date: error\n',
      '4:3: YAML 语法错误：Map keys must be unique',
    ],
    ['not a mapping', '- closing-date\n', '1:1: 配置文件应是一个 YAML 映射'],
    [
      'unknown top-level key',
      'root: true\n\nrule:\n  closing-date: off\n',
      '3:1: 未知的配置项 “rule”；可用：root、extends、rules、rulesDirs、ignores、ignore、overrides',
    ],
    ['root not boolean', 'root: "yes"\n', '1:1: “root” 应为 true 或 false'],
    [
      'rules not a mapping',
      'root: true\nrules: [closing-date]\n',
      '2:1: “rules” 应为 “规则名: off|info|warning|error” 的映射',
    ],
    [
      'bad severity',
      'root: true\nrules:\n  closing-date: on\n',
      '3:3: 规则 “closing-date” 的设置应为 off、info、warning、error，或 [级别, {选项}]',
    ],
    [
      'options not a mapping',
      'root: true\nrules:\n  closing-date: [error, 3]\n',
      '3:3: 规则 “closing-date” 的选项应为映射',
    ],
    [
      'too many items',
      'root: true\nrules:\n  closing-date: [error, {}, {}]\n',
      '3:3: 规则 “closing-date” 的设置最多两项：[级别, {选项}]',
    ],
    ['ignores wrong type', 'root: true\nignores: 3\n', '2:1: “ignores” 应为字符串或字符串列表'],
    ['extends wrong type', 'root: true\nextends: { a: b }\n', '2:1: “extends” 应为字符串或字符串列表'],
    [
      'ignore not a mapping',
      'root: true\nignore: [a]\n',
      '2:1: “ignore” 应为 “规则名: [要忽略的原文…]” 的映射',
    ],
    [
      'overrides not a list',
      'root: true\noverrides: { files: a }\n',
      '2:1: “overrides” 应为列表，每项含 files 和 rules',
    ],
    [
      'override without files',
      'root: true\noverrides:\n  - rules: { closing-date: off }\n',
      '3:5: “overrides” 的每一项都要用 files 写明适用的文件（如 "**/*.md"）',
    ],
    [
      'unknown key in override',
      'root: true\noverrides:\n  - files: "*.md"\n    rule: { closing-date: off }\n',
      '4:5: “overrides” 中未知的配置项 “rule”；可用：files、rules',
    ],
    [
      'bad severity in override',
      'root: true\noverrides:\n  - files: "*.md"\n    rules:\n      closing-date: 2\n',
      '5:7: 规则 “closing-date” 的设置应为 off、info、warning、error，或 [级别, {选项}]',
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const dir = tempTree({ '.fazhi-lint.yaml': text });
      const file = join(dir, '.fazhi-lint.yaml');
      expect(configErrorsOf(() => resolveConfig(join(dir, 'report.txt')))).toEqual([`${file}:${expected}`]);
    });
  }

  it('an alias bomb (billion laughs) fails fast instead of expanding', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const dir = tempTree({ '.fazhi-lint.yaml': `${lines.join('\n')}\n` });
    const started = performance.now();
    const errors = configErrorsOf(() => resolveConfig(join(dir, 'report.txt')));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(errors).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:1:1: YAML 无法展开：Excessive alias count indicates a resource exhaustion attack`,
    ]);
  });

  it('an unknown rule id is reported at its key, with close ids', async () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\nrules:\n  closing-dat: off\n' });
    const linter = await createLinter({ cwd: dir });
    expect(await configErrorsOfAsync(async () => linter.lintText(REPORT, join(dir, 'report.txt')))).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:3:3: 未知的规则 “closing-dat”；是不是：closing-date、closing-signer`,
    ]);
  });

  it('an unknown rule id in an override is reported where it is written', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml':
        'root: true\noverrides:\n  - files: "*.txt"\n    rules:\n      zzz-nothing-like-it: off\n',
    });
    const linter = await createLinter({ cwd: dir });
    expect(await configErrorsOfAsync(async () => linter.lintText(REPORT, join(dir, 'report.txt')))).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:5:7: 未知的规则 “zzz-nothing-like-it”；fazhi-lint rules 列出全部规则`,
    ]);
  });

  it('an unknown option is reported in the file that set it (not merely the nearest one)', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  quantified-results: [warning, { minimun: 2 }]\n',
      'sub/.fazhi-lint.yaml': 'rules:\n  closing-date: info\n',
    });
    const linter = await createLinter({ cwd: dir });
    const [error, ...more] = await configErrorsOfAsync(async () =>
      linter.lintText(REPORT, join(dir, 'sub/report.txt')),
    );
    expect(more).toEqual([]);
    expect(error).toMatch(
      /^.*:3:3: 规则 quantified-results（类型 quantified-results）没有选项 “minimun”；可用选项：.*minimum/,
    );
    expect(error?.startsWith(`${join(dir, '.fazhi-lint.yaml')}:3:3: `)).toBe(true);
  });

  it('a wrong option type is reported at the rule entry', async () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\nrules:\n  quantified-results: [warning, { minimum: "三" }]\n',
    });
    const linter = await createLinter({ cwd: dir });
    expect(await configErrorsOfAsync(async () => linter.lintText(REPORT, join(dir, 'report.txt')))).toEqual([
      `${join(dir, '.fazhi-lint.yaml')}:3:3: 规则 quantified-results：选项 “minimum” 应为数字`,
    ]);
  });
});
