import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type Linter } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { encodingLabel, InputError, readSourceFile, writeSourceFile } from '../input/index.js';
import type { SourceFile } from '../input/types.js';
import { buildModel } from '../model/build.js';
import { unifiedDiff } from '../output/diff.js';
import { type ReportFacts, reportFacts } from '../output/summary/matrix.js';
import type { DocumentJob } from '../service/jobs.js';
import { builtins } from '../util/builtins.js';
import { describeFailure } from './common.js';
import { readStagedSource } from './git.js';
import { WorkerPool } from './worker-pool.js';

/** Everything a worker needs to lint files the way the main thread would: plain data, sent once. */
export interface ProcessorOptions {
  cwd: string;
  rules: string[];
  config?: string;
  encoding?: string;
  maxFileSize?: number;
  /** Bytes a .docx may inflate to (archive bombs). */
  maxUnzippedSize?: number;
  mode: 'lint' | 'fix' | 'fix-dry-run';
  /** Read each file's staged content (`git show :path`) instead of the working tree. */
  staged?: boolean;
  /** Also return facts from the document model (title, issuer, signer, year), for `summary`. */
  meta?: boolean;
}

/** Facts about a report that `summary` shows besides the findings. */
export type FileMeta = ReportFacts;

/** A file that could not be read or linted; plain data so it crosses the worker boundary. */
export interface FileFailure {
  path: string;
  code: string;
  message: string;
}

/** What happened to one input file. Exactly one of ignored / result / failure is set. */
export interface FileOutcome {
  path: string;
  ignored?: boolean;
  result?: LintResult;
  failure?: FileFailure;
  /** `--fix-dry-run`: the unified diff of the fixes (empty when nothing changes). */
  diff?: string;
  meta?: FileMeta;
}

export type Processor = (path: string, read?: () => Promise<SourceFile>) => Promise<FileOutcome>;

function failureOf(path: string, e: unknown, code: string, describe: (e: unknown) => string): FileFailure {
  if (e instanceof InputError) return { path: e.path, code: String(e.code), message: e.message };
  return { path, code, message: describe(e) };
}

/**
 * The per-file job of `fazhi-lint` (read → lint or fix → result), shared by the main thread and the workers so
 * both produce the same outcome. Creates its linter once (or reuses the one given).
 */
export async function createProcessor(options: ProcessorOptions, existing?: Linter): Promise<Processor> {
  const linter =
    existing ??
    (await createLinter({
      cwd: options.cwd,
      rulesDirs: options.rules,
      configPath: options.config,
      loadOnDemand: true,
    }));
  const readOptions = {
    encoding: options.encoding,
    maxFileSize: options.maxFileSize,
    maxUnzippedSize: options.maxUnzippedSize,
  };
  return async (path, read) => {
    if (!read && linter.isIgnored(resolve(options.cwd, path))) return { path, ignored: true };
    let source: SourceFile;
    try {
      source = read
        ? await read()
        : options.staged
          ? await readStagedSource(options.cwd, path, readOptions)
          : await readSourceFile(path, readOptions);
    } catch (e) {
      return { path, failure: failureOf(path, e, 'unreadable', describeFailure) };
    }
    try {
      const outcome: FileOutcome = { path };
      let result: LintResult;
      if (options.mode !== 'lint') {
        const fixed = linter.fixSource(source);
        result = fixed.result;
        if (fixed.output !== source.text) {
          if (options.mode === 'fix-dry-run') outcome.diff = unifiedDiff(path, source.text, fixed.output);
          else await writeSourceFile(source, fixed.output);
        }
      } else if (options.meta) {
        const model = buildModel(source);
        result = linter.lintModel(model);
        outcome.meta = reportFacts(model);
      } else result = linter.lintSource(source);
      if (source.encoding.detected) {
        result.notes = [
          `按 ${encodingLabel(source.encoding.encoding)} 编码读取（不是 UTF-8）；如有乱码请用 --encoding 指定`,
        ];
      }
      outcome.result = result;
      return outcome;
    } catch (e) {
      return { path, failure: failureOf(path, e, 'internal', describeFailure) };
    }
  };
}

/** The compiled worker next to this module; absent when running from TypeScript sources (tests), then we stay in-process. */
export const WORKER_URL = new URL('./parallel-worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** `--jobs` default: one per core, never more than there are files. */
/**
 * Default thread count. A worker costs ~0.3 s to start (modules, jieba) and re-learns the JIT, and the main
 * thread keeps reading and printing: on 2 cores, 1,000 reports took 1.9-2.0 s with --jobs 1 and 2.0-2.1 s with
 * --jobs 2. So workers are used only with a core to spare for the main thread, and at least ~100 files each.
 */
export function defaultJobs(files: number): number {
  const spare = builtins.os().availableParallelism() - 1;
  return spare >= 2 ? Math.max(1, Math.min(spare, Math.floor(files / 100))) : 1;
}

export interface RunOptions {
  /** Number of threads that lint (1: in this thread). */
  jobs: number;
  /**
   * Called once per file, in input order whatever order the threads finish in, so every output stays
   * deterministic. Outcomes are not kept here: a caller that prints each report as it comes holds one at a time.
   * A returned promise (output that is behind) holds back further linting until it settles.
   */
  onOutcome: (outcome: FileOutcome) => void | Promise<void>;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
  /** A linter already created in this thread, reused when jobs is 1. */
  linter?: Linter;
  /** Asked before each file: true ends the run early (nobody reads the output any more). */
  stop?: () => boolean;
}

/** Files handed to a worker before it answers. */
const IN_FLIGHT = 4;
/**
 * How far (in files) linting may run ahead of the first outcome not yet passed on. Outcomes that arrive before an
 * earlier one wait; the window bounds them when one worker is slow on a big file while the others go on.
 */
const WINDOW_PER_JOB = 16;
/** Files linted in this thread between two turns of the event loop. */
const YIELD_EVERY = 16;

/** Lints `paths` in this thread, or with `jobs` worker threads that each create their own linter once. */
export async function processFiles(
  paths: string[],
  options: ProcessorOptions,
  run: RunOptions,
): Promise<void> {
  const total = paths.length;
  let done = 0;
  const jobs = Math.min(run.jobs, total);
  if (jobs <= 1 || !workersAvailable()) {
    const linter =
      run.linter ??
      (await createLinter({ cwd: options.cwd, rulesDirs: options.rules, configPath: options.config }));
    const processor = await createProcessor(options, linter);
    for (const path of paths) {
      if (run.stop?.()) return;
      const wait = run.onOutcome(await processor(path));
      if (wait) await wait;
      run.onProgress?.(++done, total);
      // Reading and linting are synchronous: let the event loop turn now and then, so that a signal (Ctrl-C
      // removes a half-written output file) and pending writes are handled during a long run, not after it.
      if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }

  // Outcomes that arrived before an earlier file's, held until they can be passed on in order.
  const early = new Map<number, FileOutcome>();
  let passed = 0;
  // The consumer's output is behind: no new file is handed out until it catches up.
  let behind: Promise<void> | undefined;
  const arrive = (index: number, outcome: FileOutcome) => {
    early.set(index, outcome);
    for (let o = early.get(passed); o !== undefined; o = early.get(passed)) {
      early.delete(passed++);
      const wait = run.onOutcome(o);
      if (wait && !behind) behind = wait;
    }
  };
  const pool = new WorkerPool<WorkerJob, FileOutcome>({
    url: WORKER_URL,
    size: jobs,
    workerData: options,
    inFlight: IN_FLIGHT,
  });
  try {
    // Files are handed to the pool a window at a time: at most `window` beyond the first outcome not yet passed on,
    // and none while the consumer's output is behind, so a batch of any size holds a bounded number of outcomes.
    const window = jobs * WINDOW_PER_JOB;
    let next = 0;
    await new Promise<void>((resolveAll, rejectAll) => {
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        rejectAll(e);
      };
      // Done when every file is, or when the run stops (nobody reads the output) and none is in flight.
      const settled = () => done === total || (run.stop?.() === true && done === next);
      const feed = () => {
        while (!failed && !behind && next < total && next - passed < window && !run.stop?.()) {
          const index = next++;
          pool.run({ type: 'file', path: paths[index] as string }).then((outcome) => {
            const wasBehind = behind;
            try {
              arrive(index, outcome);
            } catch (e) {
              return fail(e);
            }
            run.onProgress?.(++done, total);
            if (settled()) return resolveAll();
            if (behind && behind !== wasBehind)
              behind.then(() => {
                behind = undefined;
                if (settled()) resolveAll();
                else feed();
              }, fail);
            feed();
          }, fail);
        }
        if (settled()) resolveAll();
      };
      feed();
    });
  } finally {
    await pool.close();
  }
}

/** A job for a lint thread: a file of a CLI run, or a document for the web server (src/service/jobs.ts). */
export type WorkerJob = { type: 'file'; path: string } | { type: 'document'; job: DocumentJob };

export interface ProgressBar {
  tick(done: number, total: number): void;
  /** Erases the bar (the terminal is left as it was). */
  end(): void;
}

/**
 * A one-line progress bar on a terminal stream, redrawn at most ten times a second. Nothing at all is written
 * when the stream is not a TTY (a pipe, a CI log, a file) or when there are too few files to be worth it.
 */
export function createProgressBar(
  stream: { isTTY?: boolean; columns?: number; write(s: string): unknown },
  total: number,
  options: { minFiles?: number; now?: () => number } = {},
): ProgressBar {
  if (stream.isTTY !== true || total < (options.minFiles ?? 20)) return { tick() {}, end() {} };
  const now = options.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    tick(done, all) {
      const t = now();
      if (done < all && t - last < 100) return;
      last = t;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
      const filled = Math.round((done / all) * width);
      const percent = String(Math.floor((done / all) * 100)).padStart(3);
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${percent}% ${done}/${all} 份报告`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
