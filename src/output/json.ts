import type { LintResult, Severity } from '../engine/types.js';

const ESLINT_SEVERITY: Record<Severity, 0 | 1 | 2> = { info: 0, warning: 1, error: 2 };

/** ESLint's JSON shape, so existing tooling reads it: severity 2 error, 1 warning, 0 info. */
export function formatJson(results: LintResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: ESLINT_SEVERITY[m.severity],
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fix ? { fix: m.fix } : {}),
        ...(m.data ? { data: m.data } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableErrorCount: r.messages.filter((m) => m.fix && m.severity === 'error').length,
      fixableWarningCount: r.messages.filter((m) => m.fix && m.severity === 'warning').length,
      // ESLint marks a file it could not lint with one fatal message; so do we.
      ...(r.fatal
        ? {
            fatal: true,
            messages: [{ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 0, column: 0 }],
            errorCount: 1,
          }
        : {}),
    })),
  );
}
