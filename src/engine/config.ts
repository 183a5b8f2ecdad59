import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createIgnoreMatcher } from '../util/glob.js';
import { ConfigError } from './errors.js';
import type { Severity } from './types.js';
import { parseYamlSource, type YamlSource, yaml } from './yaml-source.js';

export const CONFIG_FILE_NAMES = ['.fazhi-lint.yaml', '.fazhi-lint.yml'];

/** A rule's setting in a config: `off`, a severity, or `[severity, options]`. */
export interface RuleSetting {
  severity: Severity | 'off';
  options?: Record<string, unknown>;
  /** Where a config file set it, so an unknown rule or a bad option is reported at file:line:column. */
  where?: { file: string; line: number; column: number };
}

/** One config file after validation; paths are absolute. */
interface ConfigFile {
  file: string;
  dir: string;
  root: boolean;
  rules: Map<string, RuleSetting>;
  rulesDirs: string[];
  ignores: PathMatcher;
  ignore: Map<string, string[]>;
  overrides: { files: PathMatcher; rules: Map<string, RuleSetting> }[];
  /** Whether it has `ignores` or `overrides` globs, so its settings can differ between two files of one folder. */
  perFile: boolean;
}

/**
 * The settings that apply to one linted file, after cascading. Files whose configs have no per-file globs share
 * one object: treat it as read-only.
 */
export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  rulesDirs: string[];
  /** Quoted texts to ignore per rule id (match-scoped suppression for text and Word files). */
  ignore: Map<string, string[]>;
  /** True when an `ignores` glob excludes the file. */
  ignored: boolean;
  /** Config files that contributed, nearest last. */
  files: string[];
}

/** Whether a path (relative to the config's folder, '/'-separated) matches a list of globs. */
type PathMatcher = (relativePath: string) => boolean;

const TOP_KEYS = new Set(['root', 'extends', 'rules', 'rulesDirs', 'ignores', 'ignore', 'overrides']);

type Locate = (path: (string | number)[]) => { line: number; column: number };

/** Positions of nested keys and list items (`rules.closing-date`, `overrides[1].files`), parsed on first use. */
function locator(text: string): Locate {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  let doc: ReturnType<typeof parseDocument> | undefined;
  const lineCounter = new LineCounter();
  return (path) => {
    doc ??= parseDocument(text, { lineCounter });
    let node: unknown = doc.contents;
    let offset = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        offset = (node as { range?: [number] }).range?.[0] ?? offset;
      } else break;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

function parseRuleSettings(
  src: YamlSource,
  locate: Locate,
  path: (string | number)[],
  value: unknown,
): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  if (value === undefined || value === null) return out;
  const fail = (at: (string | number)[], m: string): never => {
    const pos = locate(at);
    throw new ConfigError(src.file, m, pos.line, pos.column);
  };
  if (typeof value !== 'object' || Array.isArray(value))
    fail(path, `“${path.join('.')}” 应为 “规则名: off|info|warning|error” 的映射`);
  for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
    const sev = Array.isArray(v) ? v[0] : v;
    if (sev !== 'off' && sev !== 'error' && sev !== 'warning' && sev !== 'info') {
      fail([...path, id], `规则 “${id}” 的设置应为 off、info、warning、error，或 [级别, {选项}]`);
    }
    if (Array.isArray(v) && v.length > 2) fail([...path, id], `规则 “${id}” 的设置最多两项：[级别, {选项}]`);
    const options = Array.isArray(v) ? v[1] : undefined;
    if (
      options !== undefined &&
      (typeof options !== 'object' || options === null || Array.isArray(options))
    ) {
      fail([...path, id], `规则 “${id}” 的选项应为映射`);
    }
    const where = { file: src.file, ...locate([...path, id]) };
    out.set(id, {
      severity: sev as RuleSetting['severity'],
      ...(options !== undefined ? { options: options as Record<string, unknown> } : {}),
      where,
    });
  }
  return out;
}

function stringList(src: YamlSource, key: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    const pos = src.at(key);
    throw new ConfigError(src.file, `“${key}” 应为字符串或字符串列表`, pos.line, pos.column);
  }
  return list as string[];
}

const cache = new Map<string, ConfigFile[]>();

/** Reads a config file and, first, the files it extends (so the file itself wins). */
export function readConfigChain(file: string, seen: Set<string> = new Set()): ConfigFile[] {
  const abs = resolve(file);
  const hit = cache.get(abs);
  if (hit) return hit;
  if (seen.has(abs)) throw new ConfigError(abs, '“extends” 形成了循环引用');
  seen.add(abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(
      abs,
      `无法读取配置文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const src = parseYamlSource(abs, text);
  const locate = locator(text);
  const value = src.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError(abs, '配置文件应是一个 YAML 映射', 1, 1);
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.has(key)) {
      const pos = src.at(key);
      throw new ConfigError(
        abs,
        `未知的配置项 “${key}”；可用：${[...TOP_KEYS].join('、')}`,
        pos.line,
        pos.column,
      );
    }
  }
  if (raw.root !== undefined && typeof raw.root !== 'boolean') {
    const pos = src.at('root');
    throw new ConfigError(abs, '“root” 应为 true 或 false', pos.line, pos.column);
  }
  const dir = dirname(abs);
  const chain: ConfigFile[] = [];
  for (const ext of stringList(src, 'extends', raw.extends)) {
    if (!existsSync(resolve(dir, ext))) {
      const pos = src.at('extends');
      throw new ConfigError(
        abs,
        `“extends” 指向的配置文件不存在：${resolve(dir, ext)}`,
        pos.line,
        pos.column,
      );
    }
    chain.push(...readConfigChain(resolve(dir, ext), seen));
  }
  const ignore = new Map<string, string[]>();
  if (raw.ignore !== undefined) {
    if (typeof raw.ignore !== 'object' || raw.ignore === null || Array.isArray(raw.ignore)) {
      const pos = src.at('ignore');
      throw new ConfigError(abs, '“ignore” 应为 “规则名: [要忽略的原文…]” 的映射', pos.line, pos.column);
    }
    for (const [id, list] of Object.entries(raw.ignore as Record<string, unknown>))
      ignore.set(id, stringList(src, 'ignore', list));
  }
  const overrides: ConfigFile['overrides'] = [];
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) {
      const pos = src.at('overrides');
      throw new ConfigError(abs, '“overrides” 应为列表，每项含 files 和 rules', pos.line, pos.column);
    }
    for (const [i, o] of (raw.overrides as Record<string, unknown>[]).entries()) {
      const fail = (at: (string | number)[], m: string): never => {
        const pos = locate(at);
        throw new ConfigError(abs, m, pos.line, pos.column);
      };
      if (typeof o !== 'object' || o === null || Array.isArray(o))
        fail(['overrides', i], '“overrides” 的每一项应为含 files 和 rules 的映射');
      for (const key of Object.keys(o))
        if (key !== 'files' && key !== 'rules')
          fail(['overrides', i, key], `“overrides” 中未知的配置项 “${key}”；可用：files、rules`);
      const files = stringList(src, 'overrides', o.files);
      if (files.length === 0)
        fail(['overrides', i], '“overrides” 的每一项都要用 files 写明适用的文件（如 "**/*.md"）');
      overrides.push({
        files: createIgnoreMatcher(files),
        rules: parseRuleSettings(src, locate, ['overrides', i, 'rules'], o.rules),
      });
    }
  }
  const ignores = stringList(src, 'ignores', raw.ignores);
  chain.push({
    file: abs,
    dir,
    root: raw.root === true,
    rules: parseRuleSettings(src, locate, ['rules'], raw.rules),
    rulesDirs: stringList(src, 'rulesDirs', raw.rulesDirs).map((d) => resolve(dir, d)),
    ignores: createIgnoreMatcher(ignores),
    ignore,
    overrides,
    perFile: ignores.length > 0 || overrides.length > 0,
  });
  cache.set(abs, chain);
  return chain;
}

/** Config files that apply to a file: the nearest `.fazhi-lint.yaml` walking up, and those above it until `root: true`. */
export function findConfigFiles(forFile: string): string[] {
  return [...configFilesIn(dirname(resolve(forFile)))];
}

/**
 * Resolved configs shared by every file of a chain without per-file globs, by the chain's files: a batch of a
 * thousand reports in a few folders resolves a few configs, not a thousand (each took path arithmetic per file).
 */
const sharedByFiles = new Map<string, ResolvedConfig>();

/**
 * Per folder, memoised: a run over a thousand reports asks the same folders again and again. Bounded, for a
 * batch with a folder per unit (100,000 folders).
 */
const filesByDir = new Map<string, string[]>();
const MAX_CACHED_DIRS = 4096;

function configFilesIn(dir: string): string[] {
  const hit = filesByDir.get(dir);
  if (hit) return hit;
  const parent = dirname(dir);
  const above = parent === dir ? [] : configFilesIn(parent);
  const own = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
  const found = own ? [...above, own] : above;
  if (filesByDir.size >= MAX_CACHED_DIRS) filesByDir.clear();
  filesByDir.set(dir, found);
  return found;
}

/** Cascades config files (farthest first, nearest wins per rule and per key) into the settings for `forFile`. */
export function resolveConfig(forFile: string, explicit?: string): ResolvedConfig {
  const files = explicit ? [explicit] : configFilesIn(dirname(resolve(forFile)));
  const key = files.join('\0');
  const shared = sharedByFiles.get(key);
  if (shared) return shared;
  const chain: ConfigFile[] = [];
  // Nearest first, so `root: true` stops the walk before files above it are even read.
  for (let i = files.length - 1; i >= 0; i--) {
    const c = readConfigChain(files[i] as string);
    chain.unshift(...c);
    if (c.some((x) => x.root)) break;
  }
  const out: ResolvedConfig = {
    rules: new Map(),
    rulesDirs: [],
    ignore: new Map(),
    ignored: false,
    files: [],
  };
  const perFile = chain.some((c) => c.perFile);
  const abs = resolve(forFile);
  for (const c of chain) {
    for (const [id, s] of c.rules) out.rules.set(id, s);
    if (c.perFile) {
      const rel = relative(c.dir, abs).replace(/\\/g, '/');
      const inside = !rel.startsWith('..') && !isAbsolute(rel);
      for (const o of c.overrides)
        if (inside && o.files(rel)) for (const [id, s] of o.rules) out.rules.set(id, s);
      if (inside && c.ignores(rel)) out.ignored = true;
    }
    for (const d of c.rulesDirs) if (!out.rulesDirs.includes(d)) out.rulesDirs.push(d);
    for (const [id, list] of c.ignore) out.ignore.set(id, list);
    out.files.push(c.file);
  }
  if (!perFile) sharedByFiles.set(key, out);
  return out;
}

/** For the language server: a changed config file must be read again. */
export function clearConfigCache(): void {
  cache.clear();
  filesByDir.clear();
  sharedByFiles.clear();
}
