import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/common.js';
import { createProcessor, type FileMeta } from '../../src/cli/parallel.js';
import { createBaseline, formatBaseline } from '../../src/engine/baseline.js';
import { createLinter, type Linter } from '../../src/engine/linter.js';
import type { LintResult } from '../../src/engine/types.js';
import { collectFiles } from '../../src/input/index.js';
import { type FormatterContext, oneShot, writers } from '../../src/output/formatters/index.js';
import { buildSummary, renderSummary, SUMMARY_FORMATS } from '../../src/output/summary/index.js';
import { BIN, ROOT } from './run-cli.js';

/**
 * Every output is written report by report as the run goes (issue #15 §1). What proves it: the streamed text is
 * byte for byte the one-shot formatter's over all results held in memory (for every format, with one thread and
 * with two), output leaves before the last input has been read, and a slow reader holds the linting back.
 */

const SEEDS = join(ROOT, 'fixtures/seeds');
let tmp: string;

function cli(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? tmp,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/parallel-worker.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-streaming-'));
  // The five real reports × 4, in two folders, plus a clean report.
  for (let i = 1; i <= 4; i++) {
    const dir = join(tmp, 'reports', i <= 2 ? 'a' : 'b');
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, `${i}-${basename(f)}`));
  }
  copyFileSync(join(ROOT, 'fixtures/clean/compliant-2024.txt'), join(tmp, 'reports', 'clean.txt'));
  // 400 reports, for runs that must still be going when something happens to them.
  const many = join(tmp, 'many');
  mkdirSync(many, { recursive: true });
  for (let i = 0; i < 80; i++)
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(many, `${i}-${f}`));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `fn` in the run's folder: formatters make paths relative to the current directory, as in the CLI. */
function inRunFolder<T>(fn: () => T): T {
  const previous = process.cwd();
  process.chdir(tmp);
  try {
    return fn();
  } finally {
    process.chdir(previous);
  }
}

/** The run held in memory: every outcome of the same files, in the CLI's order, by the CLI's own processor. */
async function heldInMemory(paths: string[]) {
  const linter: Linter = await createLinter({ cwd: tmp, loadOnDemand: true });
  const { files, errors } = await collectFiles(paths, { cwd: tmp });
  const processor = await createProcessor({ cwd: tmp, rules: [], mode: 'lint', meta: true }, linter);
  const results: LintResult[] = [];
  const entries: { result: LintResult; facts?: FileMeta }[] = [];
  const failures = errors.map((e) => ({ path: e.path, message: e.message }));
  const previous = process.cwd();
  process.chdir(tmp); // paths are relative to the run's folder, as in the CLI
  try {
    for (const f of files) {
      const o = await processor(f);
      if (o.result) {
        const { result } = o;
        results.push(result);
        entries.push({ result, facts: o.meta });
      }
      if (o.failure) failures.push({ path: o.failure.path, message: o.failure.message });
    }
  } finally {
    process.chdir(previous);
  }
  const context: FormatterContext = {
    cwd: tmp,
    rules: new Map(linter.rules.map((r) => [r.id, r])),
    toolVersion: VERSION,
    failures,
  };
  return { linter, results, entries, context };
}

describe('streamed output equals the one-shot formatter over all results', () => {
  let held: Awaited<ReturnType<typeof heldInMemory>>;
  beforeAll(async () => {
    held = await heldInMemory(['reports', 'missing.txt']);
    expect(held.results).toHaveLength(21);
    expect(held.context.failures).toHaveLength(1);
  });

  for (const format of Object.keys(writers)) {
    it(`${format}, --jobs 1 and --jobs 2, on standard output and into --output-file`, () => {
      const whole = inRunFolder(() => oneShot(writers[format] as never)(held.results, held.context));
      const stylish = inRunFolder(() => oneShot(writers.stylish as never)(held.results, held.context));
      for (const jobs of ['1', '2']) {
        const r = cli(['-f', format, '--jobs', jobs, 'reports', 'missing.txt']);
        expect(r.code).toBe(2);
        expect(r.stdout, `${format} --jobs ${jobs}`).toBe(whole);
        const file = join(tmp, `out-${jobs}.${format}`);
        const o = cli(['-f', format, '--jobs', jobs, '-o', file, 'reports', 'missing.txt']);
        expect(readFileSync(file, 'utf8'), `${format} -o --jobs ${jobs}`).toBe(whole);
        // The terminal shows stylish meanwhile, streamed too.
        expect(o.stdout).toBe(stylish);
      }
    });
  }

  it('SARIF streamed is laid out exactly as JSON.stringify(log, null, 2)', () => {
    const text = cli(['-f', 'sarif', 'reports']).stdout;
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('--write-baseline: the file is formatBaseline of every finding, sorted by path', () => {
    const file = join(tmp, 'baseline.json');
    const r = cli(['--write-baseline', file, 'reports', 'reports/a']);
    expect(r.code).toBe(0); // every finding is now in the baseline
    expect(readFileSync(file, 'utf8')).toBe(
      inRunFolder(() => formatBaseline(createBaseline(held.results, tmp))),
    );
  });

  for (const format of SUMMARY_FORMATS) {
    it(`summary -f ${format}, --jobs 1 and 2`, () => {
      const whole = inRunFolder(() =>
        renderSummary(format, buildSummary(held.entries, held.linter.rules, tmp), VERSION),
      );
      for (const jobs of ['1', '2']) {
        const r = cli(['summary', '-f', format, '--jobs', jobs, 'reports']);
        expect(r.stdout, `summary ${format} --jobs ${jobs}`).toBe(whole);
      }
    });
  }
});

describe('output leaves as reports are done', () => {
  it('the JSON of the folder is on standard output before standard input (the last input) is even sent', async () => {
    const child = spawn(process.execPath, [BIN, '-f', 'json', '--jobs', '1', 'reports', '-'], {
      cwd: tmp,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
    });
    // Held until the end, nothing would come out while standard input stays open: wait for the first chunks.
    const started = Date.now();
    while (out.length < 100_000 && Date.now() - started < 60_000 && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(out.length, 'no output while the last input was still open').toBeGreaterThanOrEqual(100_000);
    expect(out.startsWith('[{"filePath":"reports/a/1-000_')).toBe(true);
    child.stdin.end(readFileSync(join(ROOT, 'fixtures/clean/compliant-2024.txt')));
    const code = await closed;
    expect(code).toBe(1); // the seeds have errors
    const results = JSON.parse(out) as { filePath: string }[];
    expect(results).toHaveLength(22);
    expect(results.at(-1)?.filePath).toBe('<stdin>.txt');
  });

  for (const jobs of ['1', '2'])
    it(`a reader that goes away (| head) ends the run quietly, without a stack trace (--jobs ${jobs})`, async () => {
      const child = spawn(process.execPath, [BIN, '-f', 'json', '--jobs', jobs, 'reports', 'many'], {
        cwd: tmp,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const closed = new Promise<number | null>((r) => child.on('close', r));
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
      });
      await new Promise<void>((r) => child.stdout.once('data', () => r()));
      child.stdout.destroy();
      const code = await closed;
      expect(code).toBe(2);
      expect(err).not.toMatch(/\n\s+at |EPIPE|node:events/);
    });
});

describe('a slow reader holds the linting back (backpressure)', () => {
  it('with two workers, linting stops within a bounded window while the first outcome waits to be written', async () => {
    // The compiled module: worker threads need dist/cli/parallel-worker.js.
    const { processFiles } = (await import(
      join(ROOT, 'dist/cli/parallel.js')
    )) as typeof import('../../src/cli/parallel.js');
    const files = Array.from({ length: 120 }, (_, i) => join(SEEDS, readdirSync(SEEDS)[i % 5] as string));
    let release: () => void = () => {};
    const blocked = new Promise<void>((r) => {
      release = r;
    });
    let done = 0;
    let passed = 0;
    const order: string[] = [];
    const run = processFiles(
      files,
      { cwd: ROOT, rules: [], mode: 'lint' },
      {
        jobs: 2,
        onOutcome: (o) => {
          order.push(o.path);
          return ++passed === 1 ? blocked : undefined;
        },
        onProgress: (d) => {
          done = d;
        },
      },
    );
    // Let the workers start and finish what they were given before the first outcome blocked.
    const until = Date.now() + 20_000;
    let last = -1;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      if (done > 0 && done === last) break;
      last = done;
    }
    // Files run ahead of the first outcome only within the window (16 per job) plus what is in flight (4 per
    // worker), and no file is handed out once that outcome is waiting: the rest wait for the reader.
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThanOrEqual(2 * 16 + 2 * 4);
    release();
    await run;
    expect(done).toBe(120);
    expect(order).toEqual(files);
  }, 60_000);
});

describe('--output-file is written whole or not at all', () => {
  it('a run stopped by SIGTERM leaves the previous file (or the complete new one) and no temporary file', async () => {
    // 'many': 400 reports, a second or more of linting, so the signal comes while the file is being written.
    const dir = join(tmp, 'atomic');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'out.json');
    writeFileSync(target, 'previous\n');
    const child = spawn(process.execPath, [BIN, '-f', 'json', '--jobs', '1', '-o', target, 'many'], {
      cwd: tmp,
      stdio: 'ignore',
    });
    const closed = new Promise<number | null>((r) =>
      child.on('exit', (code, signal) => r(signal ? 128 : code)),
    );
    await new Promise((r) => setTimeout(r, 600));
    child.kill('SIGTERM');
    const code = await closed;
    const text = readFileSync(target, 'utf8');
    // Killed while linting: the previous file; finished first, or killed after the file was moved into place:
    // the complete new one. Never a part of it.
    if (text !== 'previous\n') expect(JSON.parse(text)).toHaveLength(400);
    if (code !== 128) expect(JSON.parse(text)).toHaveLength(400);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a pipe or device named by -o is written into, never replaced (-o /dev/null must stay /dev/null)', async () => {
    // A FIFO stands for /dev/null here: replacing the device with a renamed file would break it machine-wide.
    const fifo = join(tmp, 'out.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo (not POSIX): nothing to show
    // The reader copies the pipe to a file (this process is blocked while the CLI runs).
    const copy = join(tmp, 'out.fifo.json');
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, copy], { stdio: 'ignore' });
    const read = new Promise((r) => reader.on('close', r));
    const r = cli(['-f', 'json', '-o', fifo, 'reports']);
    await read;
    const got = readFileSync(copy, 'utf8');
    expect(r.code).toBe(1);
    expect(JSON.parse(got)).toHaveLength(21);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a run that fails before linting leaves the target untouched', () => {
    const dir = join(tmp, 'untouched');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'out.sarif');
    writeFileSync(target, 'previous\n');
    const r = cli(['-f', 'sarif', '-o', target, '--config', join(tmp, 'no-such-config.yaml'), 'reports']);
    expect(r.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.sarif']);
  });
});
