import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { createLinter, type Linter } from '../engine/linter.js';
import { collectFiles, DEFAULT_MAX_FILE_SIZE, InputError, wordBytes } from '../input/index.js';
import { writeFileAtomic } from '../input/write.js';
import { annotateDocx } from '../output/annotate/index.js';
import { describeFailure, EXIT } from './common.js';

export interface AnnotateCommandOptions {
  /** A file (one input) or a folder to write the reviewed copies to. */
  output?: string;
  trackChanges: boolean;
  rules: string[];
  config?: string;
  maxFileSize?: number;
  maxUnzippedSize?: number;
}

const WORD = ['.docx', '.doc'];
const SUFFIX = /（审阅(\d*)）$/;

/** `报告.docx` → `报告（审阅）.docx`; a reviewed copy reviewed again → `报告（审阅2）.docx` (never the input's name). */
export function reviewedName(input: string): string {
  const stem = basename(input, extname(input));
  const m = SUFFIX.exec(stem);
  if (!m) return `${stem}（审阅）.docx`;
  const n = m[1] ? Number(m[1]) + 1 : 2;
  return `${stem.slice(0, m.index)}（审阅${n}）.docx`;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `fazhi-lint annotate`: a reviewed copy of each Word document beside it (or under `-o`), the findings as comments
 * and the safe fixes as tracked changes. Exit codes: 0 copies written, no errors found; 1 some document has
 * errors; 2 some document could not be annotated (nothing written for it).
 */
export async function runAnnotate(paths: string[], opts: AnnotateCommandOptions): Promise<number> {
  const cwd = process.cwd();
  let linter: Linter;
  try {
    linter = await createLinter({ cwd, rulesDirs: opts.rules, configPath: opts.config });
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
  const collected = await collectFiles(paths, { cwd, extensions: WORD });
  // A folder walk skips the reviewed copies of an earlier run; named explicitly, a reviewed copy is reviewed again.
  const named = new Set(paths.map((p) => resolve(cwd, p)));
  const files = collected.files.filter(
    (f) => named.has(resolve(cwd, f)) || !SUFFIX.test(basename(f, extname(f))),
  );
  const errors = collected.errors;
  const failures: string[] = errors.map((e) => e.message);
  if (files.length === 0 && failures.length === 0) {
    process.stderr.write(
      'fazhi-lint: 没有找到 Word 文档（.docx、.doc）：请指定要批注的报告，例如 fazhi-lint annotate 报告.docx\n',
    );
    return EXIT.failure;
  }
  const output = opts.output === undefined ? undefined : resolve(cwd, opts.output);
  const outputIsFolder =
    output !== undefined && (files.length > 1 || isFolder(output) || /[/\\]$/.test(opts.output ?? ''));
  let withErrors = 0;
  for (const file of files) {
    try {
      const ext = extname(file).toLowerCase();
      if (!WORD.includes(ext)) {
        const advice =
          ext === '.txt' || ext === '.md' || ext === '.markdown'
            ? `纯文本和 Markdown 请用 fazhi-lint ${file} --fix 自动修复可安全修复的问题（--fix-dry-run 先看差异），其余按检查结果修改`
            : '请提供 .docx 或 .doc 文件';
        throw new InputError(
          file,
          'unsupported-format',
          `${file}：annotate 只为 Word 文档（.docx、.doc）生成审阅稿。${advice}`,
        );
      }
      const source = resolve(cwd, file);
      const target =
        output === undefined
          ? join(dirname(source), reviewedName(file))
          : outputIsFolder
            ? join(output, reviewedName(file))
            : output;
      if (sameFile(source, target)) {
        throw new InputError(file, 'usage', `${file}：审阅稿不能覆盖原文件，请用 -o 指定其他文件名`);
      }
      const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      let bytes: Uint8Array;
      try {
        const size = statSync(source).size;
        if (size > max) {
          throw new InputError(
            file,
            'too-large',
            `已跳过 ${file}：文件大小超过上限 ${(max / 1024 / 1024).toFixed(1)} MB，可用 --max-file-size 调高上限`,
          );
        }
        bytes = await wordBytes(readFileSync(source), file);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(file, 'unreadable', `无法读取 ${file}：${(e as Error).message}`, undefined, {
          cause: e,
        });
      }
      const annotated = await annotateDocx(bytes, file, {
        linter,
        cwd,
        trackChanges: opts.trackChanges,
        ...(opts.maxUnzippedSize !== undefined ? { maxUnzippedSize: opts.maxUnzippedSize } : {}),
      });
      try {
        mkdirSync(dirname(target), { recursive: true });
        await writeFileAtomic(target, annotated.bytes);
      } catch (e) {
        throw new InputError(file, 'write-failed', `无法写入 ${target}：${(e as Error).message}`, undefined, {
          cause: e,
        });
      }
      const r = annotated.result;
      if (r.errorCount > 0) withErrors++;
      const shown = target.startsWith(cwd + sep) ? target.slice(cwd.length + 1) : target;
      const parts = [
        `批注 ${annotated.comments} 条（错误 ${r.errorCount}，警告 ${r.warningCount}，提示 ${r.infoCount}）`,
        `修订 ${annotated.trackedChanges} 处`,
      ];
      const elsewhere: string[] = [];
      if (annotated.unanchored.length > 0) elsewhere.push(`${annotated.unanchored.length} 处在文本框中`);
      if (annotated.outside.length > 0) elsewhere.push(`${annotated.outside.length} 处在页眉页脚或脚注中`);
      if (elsewhere.length > 0) parts.push(`另有 ${elsewhere.join('、')}，已列入标题处的汇总批注`);
      if (annotated.replaced) parts.push('已替换上次的批注和修订');
      process.stdout.write(`已写入 ${shown}：${parts.join('，')}\n`);
    } catch (e) {
      failures.push(e instanceof InputError ? e.message : describeFailure(e).replace(/^fazhi-lint: /, ''));
    }
  }
  for (const f of failures) process.stderr.write(`fazhi-lint: ${f}\n`);
  if (failures.length > 0) return EXIT.failure;
  return withErrors > 0 ? EXIT.findings : EXIT.ok;
}
