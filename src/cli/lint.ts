import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type Baseline,
  baselineFilter,
  createBaseline,
  type MessageFilter,
  readBaseline,
  writeBaseline,
} from '../engine/baseline.js';
import { createLinter, formatFor, type Linter, summarize } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { collectFiles, InputError, readStdin } from '../input/index.js';
import { loadMarkdownParser } from '../model/markdown.js';
import { type FormatterContext, formatters } from '../output/formatters/index.js';
import { formatJson } from '../output/json.js';
import { formatStylish, stylishFile, stylishSummary, stylishTotals } from '../output/stylish.js';
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
  const diffs: string[] = [];
  const notes: string[] = [];
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

  // What the user sees of a result: the baseline's known findings dropped, then, with --quiet, all but errors.
  const present = (r: LintResult, filter?: MessageFilter): LintResult => {
    let shown = r;
    if (filter)
      shown = summarize(
        r.filePath,
        filter(r.messages, { filePath: r.filePath, source: r.source ?? '' }),
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
  const count = (r: LintResult) => {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  };
  /** Prints each report's stylish block as it comes, then the summary. */
  const stylishStream = (filter?: MessageFilter) => {
    const stdout = createBufferedStdout(() => progress.end());
    const style = { color, cwd };
    const totals = stylishTotals();
    return {
      add(r: LintResult) {
        const shown = present(r, filter);
        count(shown);
        stdout.write(stylishFile(shown, style, totals));
      },
      finish() {
        stdout.write(stylishSummary(totals, style));
        stdout.flush();
      },
    };
  };

  // The terminal's stylish output is printed report by report, so a batch of a thousand reports holds one at a
  // time; a machine format (or a baseline being written) needs every result before it can be rendered.
  const stream =
    terminalFormat === 'stylish' && !opts.outputFile && !opts.writeBaseline
      ? stylishStream(baseline && baselineFilter(baseline, cwd))
      : null;
  const results: LintResult[] = [];
  const onResult = stream ? stream.add : (r: LintResult) => results.push(r);
  const take = (o: FileOutcome) => {
    if (o.result) {
      onResult(o.result);
      for (const note of o.result.notes ?? []) notes.push(`fazhi-lint: ${o.result.filePath}: ${note}\n`);
    }
    if (o.failure) failures.push(new InputError(o.failure.path, o.failure.code, o.failure.message));
    if (o.diff) diffs.push(o.diff);
  };

  await processFiles(files, processorOptions, {
    jobs: opts.jobs ?? defaultJobs(files.length),
    linter,
    onOutcome: take,
    onProgress: (done, total) => progress.tick(done, total),
  });
  progress.end();
  if (stdin) {
    const name = opts.stdinFilename ?? '<stdin>.txt';
    if (opts.fix) {
      failures.push(new InputError(name, 'usage', '标准输入无法写回：请用 --fix-dry-run 查看修复结果'));
    } else {
      const processor = await createProcessor({ ...processorOptions, staged: false }, linter);
      take(await processor(name, () => readStdin(name, readOptions)));
    }
  }

  if (stream) stream.finish();
  else {
    if (opts.writeBaseline) {
      baseline = createBaseline(results, cwd);
      try {
        writeBaseline(resolve(cwd, opts.writeBaseline), baseline);
      } catch (e) {
        process.stderr.write(`${describeFailure(e)}\n`);
        return EXIT.failure;
      }
      const recorded = results.reduce((n, r) => n + r.messages.length, 0);
      process.stderr.write(
        `fazhi-lint: 已将 ${recorded} 处问题记录到基线 ${opts.writeBaseline}；以后加 --baseline ${opts.writeBaseline} 只报告新问题\n`,
      );
    }
    // The last step of the message pipeline (after directives and `ignore`): findings the baseline accounts for go.
    const filter = baseline && baselineFilter(baseline, cwd);
    const shown = results.map((r) => present(r, filter));
    shown.forEach(count);
    const context: FormatterContext = {
      cwd,
      rules: new Map(linter.rules.map((r) => [r.id, r])),
      toolVersion: VERSION,
      failures: failures.map((f) => ({ path: f.path, message: f.message })),
    };
    if (opts.outputFile) {
      try {
        const target = resolve(cwd, opts.outputFile);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, render(opts.format, shown, context, false));
      } catch (e) {
        process.stderr.write(`fazhi-lint: 无法写入输出文件 ${opts.outputFile}：${(e as Error).message}\n`);
        return EXIT.failure;
      }
    }
    const text = render(terminalFormat, shown, context, color);
    if (text) process.stdout.write(text);
  }
  if (terminalFormat === 'stylish') for (const note of notes) process.stderr.write(note);
  for (const d of diffs) process.stdout.write(d);
  for (const f of failures)
    process.stderr.write(
      `fazhi-lint: ${f.message.includes(f.path) ? f.message : `${f.path}: ${f.message}`}\n`,
    );

  if (failures.length > 0) return EXIT.failure;
  if (errorCount > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warningCount > opts.maxWarnings) {
    process.stderr.write(`fazhi-lint: 警告 ${warningCount} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * Standard output gathered into chunks of about 64 KB (one write per report would be a system call each); on a
 * terminal each report is shown at once, after `beforeWrite` has cleared the progress bar's line.
 */
function createBufferedStdout(beforeWrite: () => void): { write(text: string): void; flush(): void } {
  let pending = '';
  const flush = () => {
    if (!pending) return;
    beforeWrite();
    process.stdout.write(pending);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (process.stdout.isTTY === true || pending.length >= 65536) flush();
    },
    flush,
  };
}

/** Formats results by `--format` name: stylish and json here, the machine formats from the registry. */
export function render(
  format: string,
  results: LintResult[],
  context: FormatterContext,
  color: boolean,
): string {
  if (format === 'stylish') return formatStylish(results, { color, cwd: context.cwd });
  if (format === 'json') {
    const fatal = (context.failures ?? []).map((f) => ({ ...summarize(f.path, []), fatal: f.message }));
    return `${formatJson([...results, ...fatal])}\n`;
  }
  const formatter = formatters[format];
  if (!formatter) throw new Error(`未知的输出格式 ${format}`);
  return formatter(results, context);
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
