import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Baseline,
  baselineFilter,
  baselineRecorder,
  createBaseline,
  readBaseline,
} from '../engine/baseline.js';
import { createLinter, formatFor, type Linter, summarize } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { collectFiles, InputError, readStdin } from '../input/index.js';
import { loadMarkdownParser } from '../model/markdown.js';
import { type FormatterContext, type WriterFactory, writers } from '../output/formatters/index.js';
import { fileSink, OutputFileError, type OutputSink, reportStream, streamSink } from '../output/sink.js';
import { Spool } from '../util/spool.js';
import { describeFailure, EXIT, VERSION } from './common.js';
import { changedFiles, GitError, isCommit, stagedFiles, withinPaths } from './git.js';
import {
  createProcessor,
  createProgressBar,
  defaultJobs,
  type FileOutcome,
  processFiles,
} from './parallel.js';

export interface LintCommandOptions {
  /** stylish, json, or any name in the formatter registry (sarif, github, junit, checkstyle, codequality). */
  format: string;
  /** Write the chosen format to this file; the terminal then gets `stylish`. */
  outputFile?: string;
  /** `--changed [base]`: only reports changed relative to a git base (true: the default branch). */
  changed?: string | boolean;
  /** `--staged`: only staged reports, judged by their staged content. */
  staged?: boolean;
  /** Worker threads (`--jobs`); default one per core, 1 for a single file. */
  jobs?: number;
  rules: string[];
  config?: string;
  quiet?: boolean;
  maxWarnings?: number;
  color: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  stdinFilename?: string;
  encoding?: string;
  maxFileSize?: number;
  maxUnzippedSize?: number;
  baseline?: string;
  writeBaseline?: string;
}

/** The main job: read every file, lint it with the shared engine, fix if asked, report, and pick the exit code. */
export async function runLint(paths: string[], opts: LintCommandOptions): Promise<number> {
  const cwd = process.cwd();
  let linter: Linter;
  let baseline: Baseline | undefined;
  try {
    // Read first, so a broken baseline stops the run before any linting. Writing one records every finding.
    if (opts.baseline && !opts.writeBaseline) baseline = readBaseline(resolve(cwd, opts.baseline));
    linter = await createLinter({ cwd, rulesDirs: opts.rules, configPath: opts.config, loadOnDemand: true });
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
  const fromGit = opts.changed !== undefined || opts.staged === true;
  if (paths.length === 0 && !fromGit) {
    process.stderr.write(
      'fazhi-lint: 请指定要检查的文件或文件夹，例如：fazhi-lint 报告.docx（fazhi-lint --help 查看用法）\n',
    );
    return EXIT.failure;
  }
  const readOptions = {
    encoding: opts.encoding,
    maxFileSize: opts.maxFileSize,
    maxUnzippedSize: opts.maxUnzippedSize,
  };
  const stdin = paths.includes('-');
  if (opts.staged && opts.fix) {
    process.stderr.write(
      'fazhi-lint: --staged 检查的是暂存内容，无法用 --fix 写回：请先修复工作区文件并重新 git add，或用 --fix-dry-run 查看\n',
    );
    return EXIT.failure;
  }
  let selected: { files: string[]; errors: InputError[] };
  try {
    selected = fromGit
      ? await gitTargets(
          paths.filter((p) => p !== '-'),
          opts,
          cwd,
        )
      : await collectFiles(
          paths.filter((p) => p !== '-'),
          { cwd },
        );
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    process.stderr.write(`fazhi-lint: ${e.message}\n`);
    return EXIT.failure;
  }
  const { files, errors } = selected;
  const markdownInRun = [...files, ...(stdin ? [opts.stdinFilename ?? ''] : [])].some(
    (f) => formatFor(f) === 'markdown',
  );
  if (markdownInRun) await loadMarkdownParser();
  const failures: InputError[] = [...errors];
  const processorOptions = {
    cwd,
    rules: opts.rules,
    config: opts.config,
    encoding: opts.encoding,
    maxFileSize: opts.maxFileSize,
    maxUnzippedSize: opts.maxUnzippedSize,
    mode: opts.fix ? 'fix' : opts.fixDryRun ? 'fix-dry-run' : 'lint',
    staged: opts.staged === true,
  } as const;
  const terminalFormat = opts.outputFile ? 'stylish' : opts.format;
  const color = opts.color && process.stdout.isTTY === true;
  const progress = createProgressBar(process.stderr, files.length);
  const context: FormatterContext = {
    cwd,
    rules: new Map(linter.rules.map((r) => [r.id, r])),
    toolVersion: VERSION,
    // Read by the formats' tails: files that fail during the run still reach the JSON and SARIF.
    failures,
  };

  // Every output is written as the reports come, in input order, so a batch of any size holds the files in flight:
  // the terminal's format on standard output, the chosen format into --output-file, the records of a new baseline.
  const streams: ReturnType<typeof reportStream>[] = [];
  let recorder: ReturnType<typeof baselineRecorder> | undefined;
  let baselineFile: OutputSink | undefined;
  const stdout = streamSink(process.stdout, { beforeWrite: () => progress.end() });
  try {
    if (opts.outputFile) {
      const writer = writers[opts.format] as WriterFactory;
      streams.push(reportStream(writer(context), fileSink(resolve(cwd, opts.outputFile), opts.outputFile)));
    }
    if (opts.writeBaseline) {
      baselineFile = fileSink(resolve(cwd, opts.writeBaseline), opts.writeBaseline);
      recorder = baselineRecorder(cwd);
    }
  } catch (e) {
    for (const s of streams) s.abort();
    if (!(e instanceof OutputFileError)) throw e;
    process.stderr.write(`fazhi-lint: ${e.message}\n`);
    return EXIT.failure;
  }
  const terminal = reportStream((writers[terminalFormat] as WriterFactory)({ ...context, color }), stdout);
  streams.unshift(terminal);
  // Diffs and notes come after the findings; kept on disk meanwhile.
  let diffs: Spool | undefined;
  let notes: Spool | undefined;

  // What the user sees of a result: the baseline's known findings dropped, then, with --quiet, all but errors.
  // A baseline being written accounts for every finding of the run (each report's own record).
  const filter = baseline && baselineFilter(baseline, cwd);
  const present = (r: LintResult): LintResult => {
    let shown = r;
    const drop = recorder ? baselineFilter(createBaseline([r], cwd), cwd) : filter;
    if (drop)
      shown = summarize(
        r.filePath,
        drop(r.messages, { filePath: r.filePath, source: r.source ?? '' }),
        r.source,
      );
    if (opts.quiet)
      shown = summarize(
        shown.filePath,
        shown.messages.filter((m) => m.severity === 'error'),
        shown.source,
      );
    return shown;
  };
  let errorCount = 0;
  let warningCount = 0;
  const take = (o: FileOutcome): Promise<void> | undefined => {
    if (o.result) {
      recorder?.add(o.result);
      const shown = present(o.result);
      errorCount += shown.errorCount;
      warningCount += shown.warningCount;
      for (const s of streams) s.report(shown);
      for (const note of o.result.notes ?? []) {
        notes ??= new Spool();
        notes.append(`fazhi-lint: ${o.result.filePath}: ${note}\n`);
      }
    }
    if (o.failure) failures.push(new InputError(o.failure.path, o.failure.code, o.failure.message));
    if (o.diff) {
      diffs ??= new Spool();
      diffs.append(o.diff);
    }
    return stdout.ready();
  };

  try {
    await processFiles(files, processorOptions, {
      jobs: opts.jobs ?? defaultJobs(files.length),
      linter,
      onOutcome: take,
      onProgress: (done, total) => progress.tick(done, total),
      stop: () => stdout.closed,
    });
    progress.end();
    if (stdin && !stdout.closed) {
      const name = opts.stdinFilename ?? '<stdin>.txt';
      if (opts.fix) {
        failures.push(new InputError(name, 'usage', '标准输入无法写回：请用 --fix-dry-run 查看修复结果'));
      } else {
        const processor = await createProcessor({ ...processorOptions, staged: false }, linter);
        await take(await processor(name, () => readStdin(name, readOptions)));
      }
    }
    if (recorder && baselineFile) {
      recorder.write((text) => baselineFile?.write(text));
      await baselineFile.end();
      process.stderr.write(
        `fazhi-lint: 已将 ${recorder.findings} 处问题记录到基线 ${opts.writeBaseline}；以后加 --baseline ${opts.writeBaseline} 只报告新问题\n`,
      );
    }
    for (const s of streams.slice(1)) await s.end();
    await terminal.end();
  } catch (e) {
    for (const s of streams) s.abort();
    recorder?.discard();
    baselineFile?.abort();
    diffs?.close();
    notes?.close();
    if (!(e instanceof OutputFileError)) throw e;
    process.stderr.write(`fazhi-lint: ${e.message}\n`);
    return EXIT.failure;
  }
  if (notes) {
    if (terminalFormat === 'stylish') for (const chunk of notes.chunks()) process.stderr.write(chunk);
    notes.close();
  }
  if (diffs) {
    for (const chunk of diffs.chunks()) {
      stdout.write(chunk);
      const wait = stdout.ready();
      if (wait) await wait;
    }
    diffs.close();
    await stdout.end();
  }
  for (const f of failures)
    process.stderr.write(
      `fazhi-lint: ${f.message.includes(f.path) ? f.message : `${f.path}: ${f.message}`}\n`,
    );
  if (stdout.closed) {
    process.stderr.write('fazhi-lint: 输出已被关闭（如 | head），检查提前结束\n');
    return EXIT.failure;
  }

  if (failures.length > 0) return EXIT.failure;
  if (errorCount > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warningCount > opts.maxWarnings) {
    process.stderr.write(`fazhi-lint: 警告 ${warningCount} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * `--changed [base]` / `--staged`: the report files git names, kept to those under the command-line paths
 * (`--staged` wins when both are given). `--changed reports/` — an existing path that is not a revision in the
 * optional value's place — means the default base and that path.
 */
async function gitTargets(
  paths: string[],
  opts: LintCommandOptions,
  cwd: string,
): Promise<{ files: string[]; errors: InputError[] }> {
  let base = typeof opts.changed === 'string' ? opts.changed : undefined;
  const scope = [...paths];
  if (base !== undefined && existsSync(resolve(cwd, base)) && !(await isCommit(cwd, base))) {
    scope.unshift(base);
    base = undefined;
  }
  const files = opts.staged ? await stagedFiles(cwd) : (await changedFiles(cwd, base)).files;
  return { files: withinPaths(files, scope, cwd), errors: [] };
}
