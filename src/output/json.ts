import type { LintResult, Severity } from '../engine/types.js';
import { oneShot, type WriterFactory } from './formatters/types.js';

const ESLINT_SEVERITY: Record<Severity, 0 | 1 | 2> = { info: 0, warning: 1, error: 2 };

/** One entry of ESLint's JSON shape: severity 2 error, 1 warning, 0 info. */
function entry(r: LintResult): string {
  // `fix` and `data` are left out when absent (undefined members are not written).
  const messages = r.messages.map((m) => ({
    ruleId: m.ruleId,
    severity: ESLINT_SEVERITY[m.severity],
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    fix: m.fix || undefined,
    data: m.data || undefined,
  }));
  // ESLint marks a file it could not lint with one fatal message; so do we.
  const fatal = r.fatal
    ? [{ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 0, column: 0 }]
    : undefined;
  return JSON.stringify({
    filePath: r.filePath,
    messages: fatal ?? messages,
    errorCount: fatal ? 1 : r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableErrorCount: r.messages.filter((m) => m.fix && m.severity === 'error').length,
    fixableWarningCount: r.messages.filter((m) => m.fix && m.severity === 'warning').length,
    fatal: fatal ? true : undefined,
  });
}

/**
 * ESLint's JSON shape, so existing tooling reads it: one array, a report per entry in input order, then one fatal
 * entry per file that could not be read (ESLint's way of saying a file was not linted).
 */
export const jsonWriter: WriterFactory = (context) => {
  let entries = 0;
  const next = (r: LintResult) => `${entries++ === 0 ? '' : ','}${entry(r)}`;
  return {
    head: () => '[',
    report: next,
    tail() {
      let out = '';
      for (const f of context.failures ?? []) {
        out += next({
          filePath: f.path,
          messages: [],
          errorCount: 0,
          warningCount: 0,
          infoCount: 0,
          fatal: f.message,
        });
      }
      return `${out}]\n`;
    },
  };
};

export const formatJson = oneShot(jsonWriter);
