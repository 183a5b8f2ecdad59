import type { Severity } from '../../engine/types.js';
import { relativePath } from './paths.js';
import { oneShot, type WriterFactory } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command, as `@actions/core` does (`escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command, as `@actions/core` does (`escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=…::message`), one line per finding; the runner turns them into
 * annotations on the pull request. Paths are relative to `cwd`, which in a workflow is the checkout root.
 * GitHub shows at most 10 annotations of each level per step and 50 per job; SARIF upload has no such cap.
 */
export const githubWriter: WriterFactory = (context) => ({
  head: () => '',
  report(result) {
    const file = escapeProperty(relativePath(context.cwd, result.filePath));
    let out = '';
    for (const m of result.messages) {
      const properties = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      out += `::${COMMAND[m.severity]} ${properties}::${escapeData(m.message)}\n`;
    }
    return out;
  },
  tail: () => '',
});

export const github = oneShot(githubWriter);
