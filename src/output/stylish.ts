import { relative } from 'node:path';
import type { LintResult, Severity } from '../engine/types.js';
import type { WriterFactory } from './formatters/types.js';
import { padEnd } from './text-width.js';

export interface StylishOptions {
  color: boolean;
  cwd: string;
}

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Counts `stylishSummary` reports, accumulated by `stylishFile`. */
export interface StylishTotals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function stylishTotals(): StylishTotals {
  return { errors: 0, warnings: 0, infos: 0, fixable: 0 };
}

/** ESLint's stylish layout, in Chinese: grouped by file, `line:col  severity  message  rule-id`, then a summary. */
export function formatStylish(results: LintResult[], options: StylishOptions): string {
  const totals = stylishTotals();
  let out = '';
  for (const r of results) out += stylishFile(r, options, totals);
  return out + stylishSummary(totals, options);
}

/** Stylish as a writer: each report's block as its file is done, the summary at the end. */
export const stylishWriter: WriterFactory = (context) => {
  const options = { color: context.color === true, cwd: context.cwd };
  const totals = stylishTotals();
  return {
    head: () => '',
    report: (r) => stylishFile(r, options, totals),
    tail: () => stylishSummary(totals, options),
  };
};

/**
 * One file's block (a blank line, its name, a line per finding; empty for a clean file), adding its counts to
 * `totals`. The CLI prints each block as its file is done, so a run over many reports holds one at a time.
 */
export function stylishFile(r: LintResult, options: StylishOptions, totals: StylishTotals): string {
  totals.errors += r.errorCount;
  totals.warnings += r.warningCount;
  totals.infos += r.infoCount;
  if (r.messages.length === 0) return '';
  const paint = painter(options);
  const out = ['', paint(BOLD, relative(options.cwd, r.filePath) || r.filePath)];
  const where = r.messages.map((m) => `${m.line}:${m.column}`);
  const texts = r.messages.map((m) => displayText(m.message));
  const whereWidth = Math.max(...where.map((w) => w.length));
  const msgWidth = Math.min(80, Math.max(...texts.map((t) => t.length)));
  r.messages.forEach((m, i) => {
    if (m.fix) totals.fixable++;
    out.push(
      `  ${paint(DIM, (where[i] as string).padEnd(whereWidth))}  ${paint(COLOR[m.severity], LABEL[m.severity])}  ${padEnd(texts[i] as string, msgWidth)}  ${paint(DIM, m.ruleId)}`,
    );
  });
  return `${out.join('\n')}\n`;
}

/** The closing count of problems (and how many `--fix` can mend); empty when there are none. */
export function stylishSummary(totals: StylishTotals, options: StylishOptions): string {
  const { errors, warnings, infos, fixable } = totals;
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const paint = painter(options);
  const summary = `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`;
  let out = `\n${paint(BOLD + (errors > 0 ? COLOR.error : COLOR.warning), summary)}\n`;
  if (fixable > 0) out += `${paint(DIM, `  其中 ${fixable} 个可用 --fix 自动修复`)}\n`;
  return out;
}

function painter(options: StylishOptions): (code: string, s: string) => string {
  return (code, s) => (options.color ? `${code}${s}${RESET}` : s);
}

/** Messages stay on one line in a terminal. */
function displayText(s: string): string {
  if (!s.includes('\n')) return s;
  return s.replace(/\s*\n\s*/g, ' ');
}
