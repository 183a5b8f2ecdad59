import { extname, resolve } from 'node:path';
import type { SourceFile, SourceFormat } from '../input/types.js';
import { kinds } from '../kinds/index.js';
import { buildModel } from '../model/build.js';
import { loadMarkdownParser } from '../model/markdown.js';
import type { DocumentModel } from '../model/types.js';
import { boundedDistance } from '../util/fuzzy.js';
import type { MessageFilter } from './baseline.js';
import { loadBuiltinRules } from './builtin-rules.js';
import { type ResolvedConfig, type RuleSetting, resolveConfig } from './config.js';
import { ConfigError, ConfigErrors } from './errors.js';
import { applyFixes } from './fix.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { loadRuleDir } from './load-rules.js';
import { applyDirectives, applyIgnoreList, compareMessages, toMessage } from './messages.js';
import { validateOptions } from './options.js';
import { preloadRe2 } from './pattern.js';
import type { Kind, LintMessage, LintResult, LoadedRule } from './types.js';
import { preloadYaml } from './yaml-source.js';

export interface LinterOptions {
  cwd?: string;
  /** Extra rule folders (`--rules`), loaded as untrusted (their patterns run on RE2). */
  rulesDirs?: string[];
  /** `--config`: use this file instead of the per-folder cascade. */
  configPath?: string;
  /** Load the shipped packs (default true). */
  builtin?: boolean;
  /**
   * Load optional parsers (remark, yaml, RE2) only when a file needs them, synchronously. The CLI sets this for
   * a fast start; by default (editors, library users, bundles) they are loaded up front through dynamic imports.
   */
  loadOnDemand?: boolean;
  /** Rule settings applied over every file's config (editor settings, tests). */
  settings?: Map<string, RuleSetting>;
  /** Post-processing steps over each file's findings, after directives and `ignore` (e.g. the baseline). */
  filters?: MessageFilter[];
}

/** A rule ready to run: options validated and merged, patterns compiled (once, not per document). */
interface ActiveRule {
  rule: LoadedRule;
  kind: Kind;
  prepared: unknown;
}

export interface Linter {
  /** Rules loaded from the shipped packs and `--rules` (before per-file config). */
  readonly rules: LoadedRule[];
  rulesFor(filePath: string): LoadedRule[];
  lintSource(source: SourceFile): LintResult;
  lintModel(model: DocumentModel, config?: ResolvedConfig): LintResult;
  /**
   * Lints a passage that is not a report of its own (a Word header, footer or footnote) with the rules whose kind
   * reads any text (`scope` 'passage'), under the config of the document it belongs to (`model.source.path`).
   */
  lintPassage(model: DocumentModel, config?: ResolvedConfig): LintResult;
  lintText(text: string, filePath: string): LintResult;
  /** Lints and applies safe fixes until stable (at most 10 passes). */
  fixSource(
    source: SourceFile,
    only?: (m: LintMessage) => boolean,
  ): { output: string; result: LintResult; passes: number };
  /** Whether a file is excluded by an `ignores` glob of its config. */
  isIgnored(filePath: string): boolean;
}

export function formatFor(filePath: string): SourceFormat {
  const ext = extname(filePath).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : ext === '.docx' ? 'docx' : 'text';
}

export function textSource(text: string, filePath: string): SourceFile {
  return {
    path: filePath,
    format: formatFor(filePath) === 'markdown' ? 'markdown' : 'text',
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    encoding: { encoding: 'utf-8', bom: false, eol: text.includes('\r\n') ? '\r\n' : '\n', detected: false },
  };
}

function prepare(rule: LoadedRule, lexicon: Lexicon): ActiveRule {
  const kind = kinds[rule.kind] as Kind;
  try {
    return {
      rule,
      kind,
      prepared: kind.prepare
        ? kind.prepare(rule.options, { trusted: rule.trusted, matcher: lexicon.matcher })
        : undefined,
    };
  } catch (e) {
    throw new ConfigErrors([new ConfigError(rule.file, `规则 ${rule.id} 无法准备：${(e as Error).message}`)]);
  }
}

/** Files whose resolved config a linter remembers (see configFor). */
const MAX_CACHED_FILE_CONFIGS = 16;

export async function createLinter(options: LinterOptions = {}): Promise<Linter> {
  if (!options.loadOnDemand) await Promise.all([loadMarkdownParser(), preloadYaml(), preloadRe2()]);
  const cwd = options.cwd ?? process.cwd();
  const base: LoadedRule[] = [];
  if (options.builtin !== false) base.push(...loadBuiltinRules());
  for (const dir of options.rulesDirs ?? []) base.push(...loadRuleDir(resolve(cwd, dir), { trusted: false }));
  checkDuplicates(base);

  const dirRules = new Map<string, LoadedRule[]>();
  const configByFile = new Map<string, ResolvedConfig>();
  const active = new Map<string, ActiveRule>();
  const lexicon = createLexicon();

  // A resolved config may be shared by many files (and linters): settings go on a copy, one per shared config.
  const settingsCopies = new WeakMap<ResolvedConfig, ResolvedConfig>();
  const withSettings = (c: ResolvedConfig, settings: Map<string, RuleSetting>): ResolvedConfig => {
    let copy = settingsCopies.get(c);
    if (!copy) {
      copy = { ...c, rules: new Map([...c.rules, ...settings]) };
      settingsCopies.set(c, copy);
    }
    return copy;
  };

  // Cached per file, not per folder: `overrides` and `ignores` globs can tell two files of one folder apart.
  // Small: an editor asks again for the few files it has open, a batch twice in a row per file (ignored? then
  // lint), and resolveConfig shares one config per folder chain anyway. A cache of every file of a batch would
  // grow with it, and one of a thousand would keep each entry long enough to reach the old generation.
  const configFor = (filePath: string): ResolvedConfig => {
    const abs = resolve(cwd, filePath);
    let c = configByFile.get(abs);
    if (!c) {
      c = resolveConfig(abs, options.configPath ? resolve(cwd, options.configPath) : undefined);
      if (options.settings?.size) c = withSettings(c, options.settings);
      if (configByFile.size >= MAX_CACHED_FILE_CONFIGS) configByFile.clear();
      configByFile.set(abs, c);
    }
    return c;
  };

  // The active rules of a config are computed once: a long-lived process (editor, benchmark) lints the same
  // files again and again, and a batch resolves one config per file that is mostly the same as the last
  // (settings are shared objects, so a config is known by its folders and which setting each rule has).
  const activeByConfig = new WeakMap<ResolvedConfig, ActiveRule[]>();
  const activeBySignature = new Map<string, ActiveRule[]>();
  const settingIds = new WeakMap<RuleSetting, number>();
  let nextSettingId = 0;
  const signature = (config: ResolvedConfig): string => {
    let key = config.rulesDirs.join('\0');
    for (const [id, setting] of config.rules) {
      let n = settingIds.get(setting);
      if (n === undefined) {
        n = nextSettingId++;
        settingIds.set(setting, n);
      }
      key += `\n${id}\0${n}`;
    }
    return key;
  };
  const activeRules = (config: ResolvedConfig): ActiveRule[] => {
    let cached = activeByConfig.get(config);
    if (cached) return cached;
    const key = signature(config);
    cached = activeBySignature.get(key);
    if (cached) {
      activeByConfig.set(config, cached);
      return cached;
    }
    const all = [...base];
    for (const dir of config.rulesDirs) {
      let rules = dirRules.get(dir);
      if (!rules) {
        rules = loadRuleDir(dir, { trusted: false });
        dirRules.set(dir, rules);
      }
      all.push(...rules);
    }
    checkDuplicates(all);
    const ids = all.map((r) => r.id);
    for (const [id, s] of config.rules) {
      if (s.where && !ids.includes(id)) {
        const close = similarIds(id, ids);
        const hint = close.length ? `；是不是：${close.join('、')}` : '；fazhi-lint rules 列出全部规则';
        throw new ConfigErrors([
          new ConfigError(s.where.file, `未知的规则 “${id}”${hint}`, s.where.line, s.where.column),
        ]);
      }
    }
    const out: ActiveRule[] = [];
    for (const rule of all) {
      const setting = config.rules.get(rule.id);
      if (setting?.severity === 'off') continue;
      const key = `${rule.file}\0${setting ? JSON.stringify(setting) : ''}`;
      let a = active.get(key);
      if (!a) {
        a = prepare(setting ? configured(rule, setting, config) : rule, lexicon);
        active.set(key, a);
      }
      out.push(a);
    }
    activeByConfig.set(config, out);
    if (activeBySignature.size >= 256) activeBySignature.clear(); // a long editor session that reloads configs
    activeBySignature.set(key, out);
    return out;
  };

  const lint = (model: DocumentModel, config: ResolvedConfig, passage: boolean): LintResult => {
    let messages: LintMessage[] = [];
    const rules = activeRules(config);
    const ruleOptions = (id: string) =>
      (rules.find((a) => a.rule.id === id)?.rule ?? base.find((r) => r.id === id))?.options;
    for (const { rule, kind, prepared } of rules) {
      if (passage && kind.scope === 'document') continue;
      try {
        for (const report of kind.check(model, rule.options, prepared, { rule, ruleOptions })) {
          messages.push(toMessage(model, rule, report));
        }
      } catch (e) {
        // One broken rule must not hide the others' findings (and must never crash an editor).
        messages.push({
          ruleId: rule.id,
          severity: 'error',
          message: `规则 ${rule.id} 在检查本文件时出错（内部错误，请报告）：${(e as Error).message}`,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          start: 0,
          end: 0,
          data: { internal: 1 },
        });
      }
    }
    messages = applyIgnoreList(model.text, applyDirectives(model, messages), config.ignore);
    for (const filter of options.filters ?? []) {
      messages = filter(messages, { filePath: model.source.path, source: model.text });
    }
    messages.sort(compareMessages);
    return summarize(model.source.path, messages, model.text);
  };

  const lintModel = (model: DocumentModel, config = configFor(model.source.path)) =>
    lint(model, config, false);
  const lintSource = (source: SourceFile) => lintModel(buildModel(source));

  return {
    rules: base,
    rulesFor: (filePath) => activeRules(configFor(filePath)).map((a) => a.rule),
    lintSource,
    lintModel,
    lintPassage: (model, config = configFor(model.source.path)) => lint(model, config, true),
    lintText: (text, filePath) => lintSource(textSource(text, filePath)),
    isIgnored: (filePath) => configFor(filePath).ignored,
    fixSource(source, only) {
      let text = source.text;
      let result = lintSource(source);
      let passes = 0;
      while (passes < 10) {
        const { output, applied } = applyFixes(text, only ? result.messages.filter(only) : result.messages);
        if (applied === 0) break;
        passes++;
        text = output;
        result = lintSource({ ...source, text });
      }
      return { output: text, result, passes };
    },
  };
}

/** Applies a config's severity and options to a rule, re-validating the options against the kind. */
function configured(rule: LoadedRule, setting: RuleSetting, config: ResolvedConfig): LoadedRule {
  const options = { ...rule.options, ...(setting.options ?? {}) };
  const kind = kinds[rule.kind] as Kind;
  // Point at the config entry that set the option (not merely the nearest config file).
  const fail = (message: string): never => {
    const w = setting.where;
    throw new ConfigErrors([
      w
        ? new ConfigError(w.file, message, w.line, w.column)
        : new ConfigError(config.files.at(-1) ?? rule.file, message),
    ]);
  };
  for (const key of Object.keys(setting.options ?? {})) {
    if (!(key in kind.options)) {
      const known = Object.keys(kind.options);
      fail(
        `规则 ${rule.id}（类型 ${kind.name}）没有选项 “${key}”${known.length ? `；可用选项：${known.join('、')}` : ''}`,
      );
    }
  }
  const problems = validateOptions(kind, options, rule.trusted);
  if (problems[0]) fail(`规则 ${rule.id}：${problems[0].message}`);
  return { ...rule, severity: setting.severity === 'off' ? rule.severity : setting.severity, options };
}

/** Rule ids within a small edit distance of `id` (or sharing a part of it), closest first, for “did you mean”. */
export function similarIds(id: string, ids: string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(id.length / 3));
  const sharesPart = (x: string) =>
    x.includes(id) || id.split('-').some((p) => p.length >= 4 && x.includes(p));
  const scored = ids
    .map((x) => {
      const d = boundedDistance(id, x, limit);
      return { x, d: d <= limit ? d : sharesPart(x) ? limit + 1 : -1 };
    })
    .filter(({ d }) => d >= 0)
    .sort((a, b) => a.d - b.d || a.x.localeCompare(b.x));
  return [...new Set(scored.map((s) => s.x))].slice(0, max);
}

function checkDuplicates(rules: LoadedRule[]): void {
  const seen = new Map<string, string>();
  const errors: ConfigError[] = [];
  for (const r of rules) {
    const prev = seen.get(r.id);
    if (prev && prev !== r.file)
      errors.push(new ConfigError(r.file, `规则 id “${r.id}” 重复，已在 ${prev} 中定义`, 1, 1));
    seen.set(r.id, r.file);
  }
  if (errors.length) throw new ConfigErrors(errors);
}

export function summarize(filePath: string, messages: LintMessage[], source?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  // Plain assignments, not a conditional spread: V8 copies spread objects on a slow path whose results
  // were seen to reach the old generation (see PROFILE.md).
  const result: LintResult = { filePath, messages, errorCount, warningCount, infoCount };
  if (source !== undefined) result.source = source;
  return result;
}
