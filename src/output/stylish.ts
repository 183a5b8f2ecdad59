import { relative } from 'node:path';
import type { LintResult, Severity } from '../engine/types.js';
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

/** ESLint's stylish layout, in Chinese: grouped by file, `line:col  severity  message  rule-id`, then a summary. */
export function formatStylish(results: LintResult[], options: StylishOptions): string {
  const paint = (code: string, s: string) => (options.color ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    if (r.messages.length === 0) continue;
    out.push('', paint(BOLD, relative(options.cwd, r.filePath) || r.filePath));
    const where = r.messages.map((m) => `${m.line}:${m.column}`);
    const whereWidth = Math.max(...where.map((w) => w.length));
    const msgWidth = Math.min(80, Math.max(...r.messages.map((m) => displayText(m.message).length)));
    r.messages.forEach((m, i) => {
      if (m.fix) fixable++;
      out.push(
        `  ${paint(DIM, (where[i] as string).padEnd(whereWidth))}  ${paint(COLOR[m.severity], LABEL[m.severity])}  ${padEnd(displayText(m.message), msgWidth)}  ${paint(DIM, m.ruleId)}`,
      );
    });
  }
  const total = errors + warnings + infos;
  if (total === 0) return results.length > 0 ? '' : '';
  const summary = `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`;
  out.push('', paint(BOLD + (errors > 0 ? COLOR.error : COLOR.warning), summary));
  if (fixable > 0) out.push(paint(DIM, `  其中 ${fixable} 个可用 --fix 自动修复`));
  return `${out.join('\n')}\n`;
}

/** Messages stay on one line in a terminal. */
function displayText(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
