import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../engine/helpers.js';

/** End to end on temp copies of the seed reports, through the built CLI (`npm test` builds before vitest). */
const SEEDS = join(ROOT, 'fixtures/seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function copySeeds(transform: (text: string) => string = (t) => t): string {
  const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\n' });
  for (const s of seeds) {
    copyFileSync(join(SEEDS, s), join(dir, s));
    writeFileSync(join(dir, s), transform(readFileSync(join(dir, s), 'utf8')));
  }
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; fix?: unknown }[];
}

function lintJson(dir: string, files: string[]): JsonResult[] {
  const r = runCli(['-f', 'json', ...files], { cwd: dir });
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return JSON.parse(r.stdout) as JsonResult[];
}

const fixableOf = (results: JsonResult[]) =>
  results.flatMap((r) => r.messages.filter((m) => m.fix).map((m) => `${r.filePath} ${m.ruleId}`));

describe('fazhi-lint --fix on the seed reports', () => {
  it('has seeds with fixable findings to begin with', () => {
    const dir = copySeeds();
    expect(fixableOf(lintJson(dir, seeds)).length).toBeGreaterThan(0);
  });

  it('fixes, then re-linting shows no fixable finding; fixing again changes nothing (same bytes, same mtime)', () => {
    const dir = copySeeds();
    const before = Object.fromEntries(seeds.map((s) => [s, readFileSync(join(dir, s), 'utf8')]));
    const fix = runCli(['--fix', ...seeds], { cwd: dir });
    expect([0, 1], fix.stderr).toContain(fix.code);
    expect(fixableOf(lintJson(dir, seeds))).toEqual([]);
    expect(seeds.some((s) => readFileSync(join(dir, s), 'utf8') !== before[s])).toBe(true);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const after = Object.fromEntries(
      seeds.map((s) => [
        s,
        { text: readFileSync(join(dir, s), 'utf8'), mtime: statSync(join(dir, s)).mtimeMs },
      ]),
    );
    const again = runCli(['--fix', ...seeds], { cwd: dir });
    expect([0, 1], again.stderr).toContain(again.code);
    for (const s of seeds) {
      expect(readFileSync(join(dir, s), 'utf8')).toBe(after[s]?.text);
      expect(statSync(join(dir, s)).mtimeMs).toBe(after[s]?.mtime);
    }
  });

  it('keeps CRLF line endings and the file mode', () => {
    const dir = copySeeds((t) => t.replace(/\r?\n/g, '\r\n'));
    for (const s of seeds) chmodSync(join(dir, s), 0o640);
    const fix = runCli(['--fix', ...seeds], { cwd: dir });
    expect([0, 1], fix.stderr).toContain(fix.code);
    let changed = 0;
    for (const s of seeds) {
      const text = readFileSync(join(dir, s), 'utf8');
      if (text !== readFileSync(join(SEEDS, s), 'utf8').replace(/\r?\n/g, '\r\n')) changed++;
      expect(text.includes('\r\n')).toBe(true);
      expect(/(?<!\r)\n/.test(text), `${s} has a lone LF after --fix`).toBe(false);
      expect(statSync(join(dir, s)).mode & 0o777).toBe(0o640);
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('leaves a file without fixable findings untouched (same mtime)', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\n',
      'ok.txt': '某镇2024年法治政府建设情况报告\n我镇深入推进依法行政。\n',
    });
    const mtime = statSync(join(dir, 'ok.txt')).mtimeMs;
    const r = runCli(['--fix', 'ok.txt'], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(statSync(join(dir, 'ok.txt')).mtimeMs).toBe(mtime);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = copySeeds();
    const stats = Object.fromEntries(
      seeds.map((s) => [s, { text: readFileSync(join(dir, s)), mtime: statSync(join(dir, s)).mtimeMs }]),
    );
    const r = runCli(['--fix-dry-run', ...seeds], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout).toMatch(/^--- \S+\.txt\n\+\+\+ \S+\.txt（修复后）\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    // Half-width commas between Chinese characters are among the seeds' fixable defects.
    expect(r.stdout).toMatch(/^-.*[\u4e00-\u9fff],[\u4e00-\u9fff]/m);
    expect(r.stdout).toMatch(/^\+.*[\u4e00-\u9fff]，[\u4e00-\u9fff]/m);
    for (const s of seeds) {
      expect(readFileSync(join(dir, s)).equals(stats[s]?.text as Buffer)).toBe(true);
      expect(statSync(join(dir, s)).mtimeMs).toBe(stats[s]?.mtime);
    }
    // What the dry run shows is what --fix then writes.
    const seed = seeds[0] as string;
    const diff = runCli(['--fix-dry-run', seed], { cwd: dir }).stdout;
    runCli(['--fix', seed], { cwd: dir });
    const fixed = readFileSync(join(dir, seed), 'utf8').split('\n');
    for (const added of diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')))
      expect(fixed).toContain(added.slice(1));
  });

  it('refuses to write stdin back', () => {
    const r = runCli(['--fix', '-'], {
      cwd: tempTree({ '.fazhi-lint.yaml': 'root: true\n' }),
      input: '下放职权20 项。\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('标准输入无法写回');
  });
});
