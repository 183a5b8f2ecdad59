import { readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { Spool, type SpoolRange } from '../util/spool.js';
import { ConfigError } from './errors.js';
import type { LintMessage, LintResult } from './types.js';

/**
 * A baseline records the findings a team has accepted for now (ESLint's suppressions file, Psalm's baseline),
 * so `--baseline` reports only new ones. A finding is keyed by rule, file (relative, forward slashes) and the
 * quoted text — not by line, so editing elsewhere in the report does not resurrect old findings.
 *
 * On disk: `{ "version": 1, "files": { file: { ruleId: { quotedText: count } } } }`, every level sorted, one
 * key per line, so a baseline diffs well in version control.
 */
export interface Baseline {
  version: 1;
  files: Record<string, Record<string, Record<string, number>>>;
}

export const BASELINE_VERSION = 1;

/** The path a baseline uses for a file: relative to `cwd`, forward slashes. */
export function baselinePath(filePath: string, cwd: string): string {
  const abs = isAbsolute(filePath) ? filePath : resolve(cwd, filePath);
  const rel = relative(cwd, abs);
  return (rel === '' ? basename(abs) : rel).replace(/\\/g, '/');
}

/** What a finding quotes: the reported text, or its message when the range is empty (whole-document findings). */
export function quotedText(message: LintMessage, source: string | undefined): string {
  const quoted = source === undefined ? '' : source.slice(message.start, message.end);
  return (quoted === '' ? message.message : quoted).replace(/\r\n?/g, '\n');
}

/** Records every finding of `results`. */
export function createBaseline(results: LintResult[], cwd: string): Baseline {
  // Null-prototype records: a quoted text may well be "__proto__" or "constructor".
  const files: Baseline['files'] = Object.create(null);
  for (const r of results) {
    if (r.fatal) continue;
    for (const m of r.messages) {
      const file = baselinePath(r.filePath, cwd);
      const byRule: Record<string, Record<string, number>> = files[file] ?? Object.create(null);
      files[file] = byRule;
      const byText: Record<string, number> = byRule[m.ruleId] ?? Object.create(null);
      byRule[m.ruleId] = byText;
      const text = quotedText(m, r.source);
      byText[text] = (byText[text] ?? 0) + 1;
    }
  }
  return { version: BASELINE_VERSION, files };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sorted<T>(record: Record<string, T>, map: (v: T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(record).sort(byCodePoint)) out[key] = map(record[key] as T);
  return out;
}

const sortedFile = (rules: Record<string, Record<string, number>>) =>
  sorted(rules, (texts) => sorted(texts, (n) => n));

/** Stable JSON: keys sorted by code point (not locale), two-space indent, final newline. */
export function formatBaseline(baseline: Baseline): string {
  const files = sorted(baseline.files, sortedFile);
  return `${JSON.stringify({ version: baseline.version, files }, null, 2)}\n`;
}

/** One file's record as `formatBaseline` lays it out (two levels deep). */
function fileJson(rules: Record<string, Record<string, number>>): string {
  return JSON.stringify(sortedFile(rules), null, 2).replace(/\n/g, '\n    ');
}

/**
 * `--write-baseline` over any number of reports: each report's record is kept in a spool as it comes, and only
 * the paths and byte ranges stay in memory; `write` then emits exactly `formatBaseline(createBaseline(all))`,
 * sorted by path.
 */
export function baselineRecorder(cwd: string) {
  const spool = new Spool();
  const files: { path: string; range: SpoolRange }[] = [];
  let findings = 0;
  return {
    /** Records a report's findings. */
    add(result: LintResult): void {
      findings += result.messages.length;
      for (const [path, rules] of Object.entries(createBaseline([result], cwd).files))
        files.push({ path, range: spool.append(fileJson(rules)) });
    },
    /** How many findings were recorded. */
    get findings() {
      return findings;
    },
    /** Writes the baseline file's text in pieces, then frees the spool. */
    write(out: (text: string) => void): void {
      try {
        files.sort((a, b) => byCodePoint(a.path, b.path));
        out(`{\n  "version": ${BASELINE_VERSION},\n  "files": {`);
        for (let i = 0; i < files.length; ) {
          const { path } = files[i] as (typeof files)[number];
          let j = i + 1;
          while (j < files.length && (files[j] as (typeof files)[number]).path === path) j++;
          // The same file named twice (a.txt and ./a.txt): its records add up, as in createBaseline.
          let text = spool.read((files[i] as (typeof files)[number]).range);
          if (j > i + 1) {
            const merged: Record<string, Record<string, number>> = Object.create(null);
            for (let k = i; k < j; k++) {
              const record = JSON.parse(spool.read((files[k] as (typeof files)[number]).range));
              for (const [rule, texts] of Object.entries(record as Record<string, Record<string, number>>)) {
                const into: Record<string, number> = merged[rule] ?? Object.create(null);
                merged[rule] = into;
                for (const [t, n] of Object.entries(texts)) into[t] = (into[t] ?? 0) + n;
              }
            }
            text = fileJson(merged);
          }
          out(`${i === 0 ? '' : ','}\n    ${JSON.stringify(path)}: ${text}`);
          i = j;
        }
        out(files.length > 0 ? '\n  }\n}\n' : '}\n}\n');
      } finally {
        spool.close();
      }
    },
    discard(): void {
      spool.close();
    },
  };
}

/** Reads and validates a baseline file; problems become a ConfigError naming the file. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      file,
      `无法读取基线文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}（用 --write-baseline 生成）`,
    );
  }
  return parseBaseline(text, file);
}

export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ConfigError(file, `基线文件不是有效的 JSON：${(e as Error).message}`);
  }
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const bad = (m: string): never => {
    throw new ConfigError(file, `基线文件格式不对：${m}（请用 --write-baseline 重新生成）`);
  };
  if (!isRecord(value)) return bad('应为 JSON 对象');
  if (value.version !== BASELINE_VERSION)
    bad(`不支持的版本 ${JSON.stringify(value.version)}，应为 ${BASELINE_VERSION}`);
  if (!isRecord(value.files)) bad('缺少 “files” 对象');
  for (const [f, rules] of Object.entries(value.files as Record<string, unknown>)) {
    if (!isRecord(rules)) bad(`“${f}” 应为 “规则名: {原文: 次数}” 对象`);
    for (const [rule, texts] of Object.entries(rules as Record<string, unknown>)) {
      if (!isRecord(texts)) bad(`“${f}” 中 “${rule}” 应为 “原文: 次数” 对象`);
      for (const [t, n] of Object.entries(texts as Record<string, unknown>)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
          bad(`“${f}” 中 “${rule}” 的 “${t}” 次数应为正整数`);
      }
    }
  }
  return value as unknown as Baseline;
}

/**
 * The post-processing step (textlint's filter rules): drops the findings the baseline accounts for, consuming
 * its counts in document order, so a second identical occurrence beyond the recorded count is still reported.
 * Stateless per call: each lint (and each `--fix` pass) starts from the recorded counts.
 */
export function baselineFilter(baseline: Baseline, cwd: string): MessageFilter {
  return (messages, { filePath, source }) => {
    const file = baselinePath(filePath, cwd);
    const recorded = Object.hasOwn(baseline.files, file) ? baseline.files[file] : undefined;
    if (!recorded) return messages;
    const left = new Map<string, number>();
    return messages.filter((m) => {
      const texts = Object.hasOwn(recorded, m.ruleId) ? recorded[m.ruleId] : undefined;
      if (!texts) return true;
      const text = quotedText(m, source);
      const key = `${m.ruleId}\0${text}`;
      const n = left.get(key) ?? (Object.hasOwn(texts, text) ? (texts[text] as number) : 0);
      if (n <= 0) return true;
      left.set(key, n - 1);
      return false;
    });
  };
}

/** A post-processing step over one file's findings (after suppression directives and the `ignore` list). */
export type MessageFilter = (
  messages: LintMessage[],
  file: { filePath: string; source: string },
) => LintMessage[];
