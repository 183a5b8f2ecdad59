import { resolve } from 'node:path';
import { summarize } from '../engine/linter.js';
import { createLinter, type Linter } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { collectFiles, encodingLabel, InputError, readSourceFile, readStdin, writeSourceFile } from '../input/index.js';
import type { SourceFile } from '../input/types.js';
import { unifiedDiff } from '../output/diff.js';
import { formatJson } from '../output/json.js';
import { formatStylish } from '../output/stylish.js';
import { describeFailure, EXIT } from './main.js';

export interface LintCommandOptions {
  format: 'stylish' | 'json';
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
}

/** The main job: read every file, lint it with the shared engine, fix if asked, report, and pick the exit code. */
export async function runLint(paths: string[], opts: LintCommandOptions): Promise<number> {
  const cwd = process.cwd();
  let linter: Linter;
  try {
    linter = await createLinter({ cwd, rulesDirs: opts.rules, configPath: opts.config });
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
  if (paths.length === 0) {
    process.stderr.write('fazhi-lint: 请指定要检查的文件或文件夹，例如：fazhi-lint 报告.docx（fazhi-lint --help 查看用法）\n');
    return EXIT.failure;
  }
  const readOptions = { encoding: opts.encoding, maxFileSize: opts.maxFileSize };
  const stdin = paths.includes('-');
  const { files, errors } = await collectFiles(
    paths.filter((p) => p !== '-'),
    { cwd },
  );
  const results: LintResult[] = [];
  const failures: InputError[] = [...errors];
  const diffs: string[] = [];

  const lintOne = async (read: () => Promise<SourceFile>, name: string) => {
    let source: SourceFile;
    try {
      source = await read();
    } catch (e) {
      if (e instanceof InputError) failures.push(e);
      else failures.push(new InputError(name, 'unreadable', describeFailure(e)));
      return;
    }
    try {
      let result: LintResult;
      if (opts.fix || opts.fixDryRun) {
        const fixed = linter.fixSource(source);
        result = fixed.result;
        if (fixed.output !== source.text) {
          if (opts.fixDryRun) diffs.push(unifiedDiff(name, source.text, fixed.output));
          else await writeSourceFile(source, fixed.output);
        }
      } else result = linter.lintSource(source);
      if (source.encoding.detected) {
        result.notes = [`按 ${encodingLabel(source.encoding.encoding)} 编码读取（不是 UTF-8）；如有乱码请用 --encoding 指定`];
      }
      results.push(result);
    } catch (e) {
      if (e instanceof InputError) failures.push(e);
      else failures.push(new InputError(name, 'internal', describeFailure(e)));
    }
  };

  for (const file of files) {
    if (linter.isIgnored(resolve(cwd, file))) continue;
    await lintOne(() => readSourceFile(file, readOptions), file);
  }
  if (stdin) {
    const name = opts.stdinFilename ?? '<stdin>.txt';
    if (opts.fix) {
      failures.push(new InputError(name, 'usage', '标准输入无法写回：请用 --fix-dry-run 查看修复结果'));
    } else await lintOne(() => readStdin(name, readOptions), name);
  }

  const shown = opts.quiet ? results.map((r) => summarize(r.filePath, r.messages.filter((m) => m.severity === 'error'), r.source)) : results;
  if (opts.format === 'json') {
    const fatal = failures.map((f) => ({ ...summarize(f.path, []), fatal: f.message }));
    process.stdout.write(`${formatJson([...shown, ...fatal])}\n`);
  } else {
    const text = formatStylish(shown, { color: opts.color && process.stdout.isTTY === true, cwd });
    if (text) process.stdout.write(text);
    for (const r of shown) for (const note of r.notes ?? []) process.stderr.write(`fazhi-lint: ${r.filePath}: ${note}\n`);
  }
  for (const d of diffs) process.stdout.write(d);
  for (const f of failures) process.stderr.write(`fazhi-lint: ${f.message.includes(f.path) ? f.message : `${f.path}: ${f.message}`}\n`);

  if (failures.length > 0) return EXIT.failure;
  const errorCount = shown.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = shown.reduce((n, r) => n + r.warningCount, 0);
  if (errorCount > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warningCount > opts.maxWarnings) {
    process.stderr.write(`fazhi-lint: 警告 ${warningCount} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
