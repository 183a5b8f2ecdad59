import { stringify } from 'yaml';
import type { OptionSchema, Severity } from '../engine/types.js';
import { type ExampleFinding, type Explanation, explainRule } from '../service/explain.js';
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

const findingLine = (m: ExampleFinding) =>
  `    ${m.line}:${m.column}  ${LABEL[m.severity]}  ${m.message.replace(/\s*\n\s*/g, ' ')}`;

/** The explanation as the terminal shows it. */
export function formatExplanation(x: Explanation): string {
  const out: string[] = [];
  out.push(
    `${x.id}  ${LABEL[x.severity]}${x.active ? '' : '（已在配置中关闭）'}  类型：${x.kind.name}（${x.kind.description}）`,
  );
  out.push(`规则包：${x.pack}  文件：${x.file}`);
  out.push('', '说明：', indent(x.description));
  out.push(
    '',
    '依据：',
    x.norms.length ? x.norms.map((n) => `    ${n}`).join('\n') : '    （说明中未引用规范）',
  );
  out.push('', '不符合的写法：');
  if (x.invalid && x.invalid.findings.length > 0) {
    out.push(indent(x.invalid.text), '', '  检查结果：', ...x.invalid.findings.map(findingLine));
  } else if (x.invalid) {
    out.push(indent(x.invalid.text), '', '  （此示例未产生该规则的检查结果，请报告此问题）');
  } else out.push('    （规则文件未提供示例）');
  out.push('', '符合的写法：', x.valid !== null ? indent(x.valid) : '    （规则文件未提供示例）');
  out.push('', '选项：');
  if (x.options.length === 0) out.push('    （无）');
  for (const o of x.options) {
    out.push(`    ${o.name}（${TYPE_LABEL[o.type]}${o.required ? '，必填' : ''}）：${o.description}`);
    out.push(
      `      当前值${o.isDefault ? '（默认）' : ''}：${o.value === undefined ? '（未设置）' : formatValue(o.value)}`,
    );
  }
  out.push(
    '',
    `在 .fazhi-lint.yaml 中调整：rules: { ${x.id}: [warning, { 选项: 值 }] }，或 ${x.id}: off 关闭`,
  );
  return `${out.join('\n')}\n`;
}

/** `fazhi-lint explain <rule-id>`: why a rule exists, what it reports (shown by running it), and its options. */
export async function runExplain(id: string, opts: ExplainOptions): Promise<number> {
  try {
    const outcome = await explainRule(id, {
      cwd: process.cwd(),
      rulesDirs: opts.rules,
      configPath: opts.config,
    });
    if ('unknown' in outcome) {
      const close = outcome.similar;
      process.stderr.write(
        `fazhi-lint: 没有名为 “${id}” 的规则。${close.length ? `相近的规则：${close.join('、')}。` : ''}运行 fazhi-lint rules 查看全部规则\n`,
      );
      return EXIT.failure;
    }
    process.stdout.write(formatExplanation(outcome.explanation));
    return EXIT.ok;
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
}
