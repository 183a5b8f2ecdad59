import { resolve } from 'node:path';
import { createLinter, type Linter } from '../engine/linter.js';
import { collectFiles } from '../input/index.js';
import { fileSink, OutputFileError, type OutputSink, streamSink } from '../output/sink.js';
import { summaryCollector, summaryPieces } from '../output/summary/index.js';
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
 * Each report's row is kept on disk as it is done (see summaryCollector), so memory does not grow with the batch.
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
  let sink: OutputSink;
  try {
    sink = opts.outputFile
      ? fileSink(resolve(cwd, opts.outputFile), opts.outputFile)
      : streamSink(process.stdout);
  } catch (e) {
    if (!(e instanceof OutputFileError)) throw e;
    process.stderr.write(`fazhi-lint: ${e.message}\n`);
    return EXIT.failure;
  }
  const { files, errors } = await collectFiles(paths, { cwd });
  const failures = errors.map((e) => ({ path: e.path, message: e.message }));
  const progress = createProgressBar(process.stderr, files.length);
  const collector = summaryCollector(linter.rules, cwd, { articles: opts.format === 'html' });
  let withErrors = false;
  try {
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
          if (o.result) {
            collector.add(o.result, o.meta);
            if (o.result.errorCount > 0) withErrors = true;
          }
          if (o.failure) failures.push(o.failure);
        },
        onProgress: (d, t) => progress.tick(d, t),
      },
    );
    progress.end();
    const summary = collector.finish();
    for (const piece of summaryPieces(opts.format, summary, VERSION)) {
      sink.write(piece);
      const wait = sink.ready();
      if (wait) await wait;
    }
    await sink.end();
  } catch (e) {
    sink.abort();
    if (!(e instanceof OutputFileError)) throw e;
    process.stderr.write(`fazhi-lint: ${e.message}\n`);
    return EXIT.failure;
  } finally {
    collector.close();
  }
  for (const f of failures)
    process.stderr.write(
      `fazhi-lint: ${f.message.includes(f.path) ? f.message : `${f.path}: ${f.message}`}\n`,
    );
  if (failures.length > 0) return EXIT.failure;
  return withErrors ? EXIT.findings : EXIT.ok;
}
