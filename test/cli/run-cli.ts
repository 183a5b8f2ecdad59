import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonMessage } from '../../src/output/json-shape.js';

export type { JsonMessage };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/fazhi-lint.js', import.meta.url));

/** Runs the built CLI as a user would (`npm test` builds first), with no colour and a fixed cwd. */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = runCli([...args, '--format', 'json'], options);
  let results: { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }[] = [];
  try {
    results = JSON.parse(r.stdout);
  } catch {
    throw new Error(`CLI printed no JSON (exit ${r.code}): ${r.stderr || r.stdout}`);
  }
  return { ...r, results };
}
