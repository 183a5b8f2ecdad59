import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RuleSetting } from '../engine/config.js';
import { createLinter, similarIds } from '../engine/linter.js';
import type { Kind, LintMessage, OptionSchema, Severity } from '../engine/types.js';
import { kinds } from '../kinds/index.js';
import { describeFailure, EXIT } from './common.js';

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const TYPE_LABEL: Record<OptionSchema['type'], string> = {
  string: '字符串',
  number: '数字',
  boolean: 'true/false',
  regex: '正则表达式',
  'string[]': '字符串列表',
  map: '映射',
  object: '结构化选项',
};

export interface ExplainOptions {
  rules: string[];
  config?: string;
}

/** The norms a rule cites: book-titled regulations 《…》 and national standards (GB/T 9704-2012 …). */
export function citedNorms(description: string): string[] {
  const found =
    description.match(
      /《[^》]+》(?:第[一二三四五六七八九十百零〇\d]+条)?|GB(?:\/T)?\s*[\d.]+(?:-\d{4})?(?:\s+[^\s：:，,。；;（(、]+)?/g,
    ) ?? [];
  const norms = [...new Set(found.map((s) => s.trim()))];
  // “GB/T 15835” later in the text is the same norm as “GB/T 15835-2011 出版物上数字的用法” earlier.
  return norms.filter((n) => !norms.some((o) => o !== n && o.startsWith(n)));
}

const indent = (text: string, by = '    ') =>
  text
    .replace(/\s+$/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => (l ? by + l : l))
    .join('\n');

const LONG_LIST = 20;

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.join('').length < 160) {
    return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  }
  if (v !== null && typeof v === 'object' && Object.keys(v).length === 0) return '{}';
  // A data list (law-title's hundreds of titles) is shown by its first items and its length.
  if (Array.isArray(v) && v.length > LONG_LIST) {
    const head = stringify(v.slice(0, 3), { lineWidth: 0 });
    return `\n${indent(`${head}……（共 ${v.length} 项，见规则文件）`, '        ')}`;
  }
  return `\n${indent(stringify(v, { lineWidth: 0 }), '        ')}`;
}

const findingLine = (m: LintMessage) =>
  `    ${m.line}:${m.column}  ${LABEL[m.severity]}  ${m.message.replace(/\s*\n\s*/g, ' ')}`;

/** `fazhi-lint explain <rule-id>`: why a rule exists, what it reports (shown by running it), and its options. */
export async function runExplain(id: string, opts: ExplainOptions): Promise<number> {
  try {
    const cwd = process.cwd();
    const probe = join(cwd, '示例.txt');
    const linter = await createLinter({ cwd, rulesDirs: opts.rules, configPath: opts.config });
    const effective = linter.rulesFor(probe);
    const all = [...effective, ...linter.rules.filter((r) => !effective.some((e) => e.id === r.id))];
    const active = effective.find((r) => r.id === id);
    const rule = active ?? all.find((r) => r.id === id);
    if (!rule) {
      const close = similarIds(
        id,
        all.map((r) => r.id),
      );
      process.stderr.write(
        `fazhi-lint: 没有名为 “${id}” 的规则。${close.length ? `相近的规则：${close.join('、')}。` : ''}运行 fazhi-lint rules 查看全部规则\n`,
      );
      return EXIT.failure;
    }
    const kind = kinds[rule.kind] as Kind;
    const out: string[] = [];
    out.push(
      `${rule.id}  ${LABEL[rule.severity]}${active ? '' : '（已在配置中关闭）'}  类型：${kind.name}（${kind.description}）`,
    );
    out.push(`规则包：${rule.pack}  文件：${rule.file}`);
    out.push('', '说明：', indent(rule.description));
    const norms = citedNorms(rule.description);
    out.push(
      '',
      '依据：',
      norms.length ? norms.map((n) => `    ${n}`).join('\n') : '    （说明中未引用规范）',
    );

    // The examples run with this rule switched on at its current severity and options, whatever the config says.
    const settings = new Map<string, RuleSetting>([
      [rule.id, { severity: rule.severity, options: { ...rule.options } }],
    ]);
    const exampleLinter = await createLinter({
      cwd,
      rulesDirs: opts.rules,
      configPath: opts.config,
      settings,
    });
    const lint = (text: string) => {
      const file = join(cwd, /^#{1,6}\s|<!--/m.test(text) ? '示例.md' : '示例.txt');
      return exampleLinter.lintText(text, file).messages.filter((m) => m.ruleId === rule.id);
    };
    const invalid = rule.examples?.invalid ?? [];
    const failing = invalid.map((text) => ({ text, found: lint(text) })).find((x) => x.found.length > 0);
    out.push('', '不符合的写法：');
    if (failing) {
      out.push(indent(failing.text), '', '  检查结果：', ...failing.found.map(findingLine));
    } else if (invalid[0] !== undefined) {
      out.push(indent(invalid[0]), '', '  （此示例未产生该规则的检查结果，请报告此问题）');
    } else out.push('    （规则文件未提供示例）');
    const valid = rule.examples?.valid ?? [];
    const passing = valid.find((text) => lint(text).length === 0) ?? valid[0];
    out.push('', '符合的写法：', passing !== undefined ? indent(passing) : '    （规则文件未提供示例）');

    const options = Object.entries(kind.options);
    out.push('', '选项：');
    if (options.length === 0) out.push('    （无）');
    for (const [name, schema] of options) {
      const value = rule.options[name];
      const isDefault =
        schema.default !== undefined && JSON.stringify(schema.default) === JSON.stringify(value);
      out.push(
        `    ${name}（${TYPE_LABEL[schema.type]}${schema.required ? '，必填' : ''}）：${schema.description}`,
      );
      out.push(
        `      当前值${isDefault ? '（默认）' : ''}：${value === undefined ? '（未设置）' : formatValue(value)}`,
      );
    }
    out.push(
      '',
      `在 .fazhi-lint.yaml 中调整：rules: { ${rule.id}: [warning, { 选项: 值 }] }，或 ${rule.id}: off 关闭`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
}
