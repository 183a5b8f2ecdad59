import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgressBar, defaultJobs } from '../../src/cli/parallel.js';
import { BIN, ROOT } from './run-cli.js';

const SEEDS = join(ROOT, 'fixtures/seeds');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/parallel-worker.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-parallel-'));
  // The five real reports × 20 copies, in two folders so the walk order is not just one listing.
  for (let i = 1; i <= 20; i++) {
    const dir = join(tmp, 'reports', i <= 10 ? 'a' : 'b');
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(SEEDS))
      copyFileSync(join(SEEDS, f), join(dir, `${String(i).padStart(2, '0')}-${basename(f)}`));
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--jobs (worker threads)', () => {
  it('--jobs 2 and --jobs 1 give byte-identical JSON on the seeds × 20', () => {
    const one = cli(['--format', 'json', '--jobs', '1', 'reports'], tmp);
    const two = cli(['--format', 'json', '--jobs', '2', 'reports'], tmp);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const results = JSON.parse(one.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results).toHaveLength(100);
    expect(results.some((r) => r.messages.length > 0)).toBe(true);
    // Input order (the sorted walk), whatever order the workers finished in.
    expect(results.map((r) => r.filePath)).toEqual([...results.map((r) => r.filePath)].sort());
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('SARIF is identical too, and the default (one job per core) matches', () => {
    const one = cli(['--format', 'sarif', '--jobs', '1', 'reports/a'], tmp);
    const many = cli(['--format', 'sarif', 'reports/a'], tmp);
    expect(many.stdout).toBe(one.stdout);
    expect(many.code).toBe(one.code);
  });

  it('stylish printed report by report reads exactly as the whole batch formatted at once', () => {
    // The one-shot reference: stylish of the whole batch (formatted at once by the writer's one-shot form).
    const whole = cli(['--output-file', join(tmp, 'out.json'), '--format', 'json', 'reports'], tmp);
    expect(whole.stdout).toContain('✖');
    for (const jobs of ['1', '2']) {
      const streamed = cli(['--jobs', jobs, 'reports'], tmp);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.code).toBe(whole.code);
    }
    const quietWhole = cli(['--quiet', '--output-file', join(tmp, 'out.json'), 'reports'], tmp);
    expect(cli(['--quiet', 'reports'], tmp).stdout).toBe(quietWhole.stdout);
  });

  it('rejects --jobs 0', () => {
    const r = cli(['--jobs', '0', 'reports'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('正整数');
  });

  it('defaults to one job per core, never more than there are files', () => {
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(0)).toBe(1);
    expect(defaultJobs(1000)).toBeGreaterThanOrEqual(1);
  });
});

describe('progress bar', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { isTTY, columns: 80, chunks, write: (s: string) => chunks.push(s) };
  };

  it('draws on a TTY and erases itself at the end', () => {
    const stream = sink(true);
    let t = 0;
    const bar = createProgressBar(stream, 300, { now: () => (t += 1000) });
    for (let i = 1; i <= 300; i++) bar.tick(i, 300);
    bar.end();
    expect(stream.chunks[0]).toMatch(/^\r[█░]+ +0% 1\/300 份报告$/);
    expect(stream.chunks.at(-2)).toContain('100% 300/300');
    expect(stream.chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('is throttled to ten redraws a second, the last one always drawn', () => {
    const stream = sink(true);
    const bar = createProgressBar(stream, 500, { now: () => 5 });
    for (let i = 1; i <= 500; i++) bar.tick(i, 500);
    expect(stream.chunks).toHaveLength(2);
    expect(stream.chunks[1]).toContain('500/500');
  });

  it('never writes when the stream is not a TTY, nor for a handful of files', () => {
    for (const [stream, total] of [
      [sink(false), 500],
      [sink(true), 3],
    ] as const) {
      const bar = createProgressBar(stream, total);
      for (let i = 1; i <= total; i++) bar.tick(i, total);
      bar.end();
      expect(stream.chunks).toEqual([]);
    }
  });

  it('the CLI shows it on a terminal (script(1) gives it a pty) and not in a pipe', () => {
    const piped = cli(['--jobs', '2', 'reports'], tmp);
    expect(piped.stderr).not.toContain('份报告');
    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    if (!hasScript) return; // util-linux script(1) not installed: the unit tests above cover the bar itself
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --jobs 2 reports >/dev/null`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: tmp, encoding: 'utf8' });
    expect(tty.stdout).toContain('100% 100/100 份报告');
    expect(tty.stdout).toContain('\x1b[K');
  });
});
