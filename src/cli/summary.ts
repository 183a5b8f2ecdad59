import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createLinter, type Linter } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { collectFiles } from '../input/index.js';
import { buildSummary, type ReportFacts, renderSummary } from '../output/summary/index.js';
import { describeFailure, EXIT, VERSION } from './common.js';
import { createProgressBar, defaultJobs, processFiles } from './parallel.js';

export interface SummaryCommandOptions {
  format: string;
  outputFile?: string;
  rules: string[];
  config?: string;
  encoding?: string;
  maxFileSize?: number;
  maxUnzippedSize?: number;
  jobs?: number;
}

/**
 * `fazhi-lint summary`: lint a batch of reports and print the review matrix. Exit codes as for linting:
 * 0 no errors, 1 some report has errors, 2 a file could not be read (the matrix is still printed).
 */
export async function runSummary(paths: string[], opts: SummaryCommandOptions): Promise<number> {
  const cwd = process.cwd();
  let linter: Linter;
  try {
    linter = await createLinter({ cwd, rulesDirs: opts.rules, configPath: opts.config });
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
  const { files, errors } = await collectFiles(paths, { cwd });
  const failures = errors.map((e) => ({ path: e.path, message: e.message }));
  const progress = createProgressBar(process.stderr, files.length);
  const entries: { result: LintResult; facts?: ReportFacts }[] = [];
  await processFiles(
    files,
    {
      cwd,
      rules: opts.rules,
      config: opts.config,
      encoding: opts.encoding,
      maxFileSize: opts.maxFileSize,
      maxUnzippedSize: opts.maxUnzippedSize,
      mode: 'lint',
      meta: true,
    },
    {
      jobs: opts.jobs ?? defaultJobs(files.length),
      linter,
      onOutcome: (o) => {
        if (o.result) entries.push(o.meta ? { result: o.result, facts: o.meta } : { result: o.result });
        if (o.failure) failures.push(o.failure);
      },
      onProgress: (d, t) => progress.tick(d, t),
    },
  );
  progress.end();
  const summary = buildSummary(entries, linter.rules, cwd);
  const output = renderSummary(opts.format, summary, VERSION);
  if (opts.outputFile) {
    try {
      const target = resolve(cwd, opts.outputFile);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, output);
    } catch (e) {
      process.stderr.write(`fazhi-lint: 无法写入输出文件 ${opts.outputFile}：${(e as Error).message}\n`);
      return EXIT.failure;
    }
  } else process.stdout.write(output);
  for (const f of failures)
    process.stderr.write(
      `fazhi-lint: ${f.message.includes(f.path) ? f.message : `${f.path}: ${f.message}`}\n`,
    );
  if (failures.length > 0) return EXIT.failure;
  return summary.rows.some((r) => r.errorCount > 0) ? EXIT.findings : EXIT.ok;
}
