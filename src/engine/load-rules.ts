import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kinds } from '../kinds/index.js';
import { ConfigError, ConfigErrors } from './errors.js';
import { validateOptions } from './options.js';
import type { Kind, LoadedRule, Severity } from './types.js';
import { parseYamlSource } from './yaml-source.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RULE_KEYS = new Set([
  'id',
  'kind',
  'severity',
  'message',
  'messages',
  'description',
  'url',
  'examples',
]);
const RULE_ID = /^[a-z][a-z0-9-]*$/;

/** The shipped rule packs, next to `dist/` and `src/`. */
export const BUILTIN_RULES_DIR = new URL('../../rules/', import.meta.url);

export interface LoadOptions {
  /** Patterns of trusted (shipped) rules run on V8's RegExp; user rules on RE2. */
  trusted: boolean;
}

/** Loads every `*.yaml`/`*.yml` below `dir` (one pack per sub-folder). Collects all errors before throwing. */
export function loadRuleDir(dir: string, options: LoadOptions): LoadedRule[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) files.push(full);
    }
  };
  try {
    walk(dir);
  } catch (e) {
    throw new ConfigErrors([
      new ConfigError(dir, `无法读取规则目录：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`),
    ]);
  }
  const rules: LoadedRule[] = [];
  const errors: ConfigError[] = [];
  for (const file of files) {
    try {
      const pack = relative(dir, file).includes('/')
        ? (relative(dir, file).split('/')[0] as string)
        : basename(dir);
      rules.push(loadRuleFile(file, readFileSync(file, 'utf8'), pack, options));
    } catch (e) {
      if (e instanceof ConfigError) errors.push(e);
      else if (e instanceof ConfigErrors) errors.push(...e.errors);
      else throw e;
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
  return rules;
}

/** Validates one rule file against its kind's option schema (Vale's definition.go, in one place). */
export function loadRuleFile(file: string, text: string, pack: string, options: LoadOptions): LoadedRule {
  const src = parseYamlSource(file, text);
  const fail = (key: string | undefined, message: string): never => {
    const pos = src.at(key);
    throw new ConfigError(file, message, pos.line, pos.column);
  };
  const value = src.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(undefined, '规则文件应是一个 YAML 映射（key: value）');
  const raw = value as Record<string, unknown>;
  for (const key of ['id', 'kind', 'severity', 'message', 'description']) {
    if (raw[key] === undefined) fail(undefined, `缺少必填字段 “${key}”`);
  }
  const id = raw.id;
  if (typeof id !== 'string' || !RULE_ID.test(id))
    fail('id', '“id” 应为小写英文、数字和连字符组成的规则名，如 closing-date');
  const kindName = raw.kind;
  const kind: Kind | undefined =
    typeof kindName === 'string' ? (kinds[kindName] as Kind | undefined) : undefined;
  if (!kind)
    fail('kind', `未知的规则类型 “${String(kindName)}”；可用类型：${Object.keys(kinds).sort().join('、')}`);
  const severity = raw.severity;
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
    fail('severity', '“severity” 只能是 error、warning 或 info');
  }
  for (const key of ['message', 'description', 'url']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') fail(key, `“${key}” 应为字符串`);
  }
  const k = kind as Kind;
  const messages: Record<string, string> = { ...k.messages, default: raw.message as string };
  if (raw.messages !== undefined) {
    if (typeof raw.messages !== 'object' || raw.messages === null || Array.isArray(raw.messages)) {
      fail('messages', '“messages” 应为 “消息编号: 模板” 的映射');
    }
    for (const [mid, tpl] of Object.entries(raw.messages as Record<string, unknown>)) {
      if (!(mid in k.messages))
        fail(
          'messages',
          `规则类型 ${k.name} 没有消息编号 “${mid}”；可用：${Object.keys(k.messages).join('、')}`,
        );
      if (typeof tpl !== 'string') fail('messages', `消息 “${mid}” 应为字符串`);
      messages[mid] = tpl as string;
    }
  }
  const kindOptions: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (RULE_KEYS.has(key)) continue;
    if (!(key in k.options)) {
      const known = Object.keys(k.options);
      fail(
        key,
        `规则类型 ${k.name} 没有选项 “${key}”${known.length ? `；可用选项：${known.join('、')}` : ''}`,
      );
    }
    kindOptions[key] = v;
  }
  const problems = validateOptions(k, kindOptions, options.trusted);
  const firstProblem = problems[0];
  if (firstProblem) fail(firstProblem.option, firstProblem.message);
  return {
    id: id as string,
    kind: k.name,
    severity: severity as Severity,
    message: raw.message as string,
    messages,
    description: joinFoldedLines(raw.description as string),
    url: typeof raw.url === 'string' ? raw.url : defaultRuleUrl(id as string, file, options.trusted),
    file,
    pack,
    trusted: options.trusted,
    options: kindOptions,
    examples: readExamples(raw.examples, (m) => fail('examples', m)),
  };
}

/** Shipped rules link to their page in docs/rules/ (generated by scripts/rule-docs.mjs); users' rules to their file. */
export function defaultRuleUrl(id: string, file: string, trusted: boolean): string {
  const page = new URL(`../../docs/rules/${id}.md`, import.meta.url);
  return trusted && existsSync(page) ? page.href : pathToFileURL(file).href;
}

/** A folded YAML scalar (`>-`) joins lines with a space, which Chinese text does not have between characters. */
function joinFoldedLines(text: string): string {
  return text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[ \n]+(?=[\u3000-\u9fff\uff00-\uffef])/gu, '');
}

function readExamples(value: unknown, fail: (m: string) => never): LoadedRule['examples'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('“examples” 应包含 invalid 和 valid 两个列表');
  const out: { invalid?: string[]; valid?: string[] } = {};
  for (const key of ['invalid', 'valid'] as const) {
    const list = (value as Record<string, unknown>)[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))
      fail(`“examples.${key}” 应为字符串列表`);
    out[key] = list as string[];
  }
  return out;
}
