import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { ConfigError, ConfigErrors } from '../../src/engine/errors.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'fazhi-lint.js');

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A temporary folder tree from `{ 'a/b/.fazhi-lint.yaml': '…' }`, removed after the test. Real path (macOS /tmp
 * is a symlink) so paths in messages compare equal.
 */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'fazhi-lint-test-')));
  made.push(dir);
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Runs `fn` and returns the ConfigError(s) it throws, formatted `file:line:column: message`. */
export function configErrorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigErrors) return e.errors.map((x) => x.format());
    if (e instanceof ConfigError) return [e.format()];
    throw e;
  }
  expect.fail('expected a ConfigError');
}

export async function configErrorsOfAsync(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ConfigErrors) return e.errors.map((x) => x.format());
    if (e instanceof ConfigError) return [e.format()];
    throw e;
  }
  return expect.fail('expected a ConfigError');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`bin/fazhi-lint.js` → `dist/`, built by `npm test` before vitest runs) as a drafter would.
 */
export function runCli(args: string[], options: { cwd: string; input?: string } = { cwd: ROOT }): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
