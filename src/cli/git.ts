import { extname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_MAX_FILE_SIZE,
  formatFor,
  InputError,
  REPORT_EXTENSIONS,
  type ReadOptions,
  sourceFromBuffer,
} from '../input/index.js';
import type { SourceFile } from '../input/types.js';
import { builtins } from '../util/builtins.js';

/** A git command failed (not a repository, unknown base…): the CLI reports it and exits 2. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

function git(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    builtins.childProcess().execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString('utf8').trim().split('\n')[0] || error.message;
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(new GitError(missing ? '找不到 git 命令：--changed 和 --staged 需要安装 git' : detail));
        } else resolvePromise(stdout);
      },
    );
  });
}

const text = async (args: string[], cwd: string) => (await git(args, cwd)).toString('utf8').trim();

/** NUL-separated paths (`-z`), so Chinese names arrive unquoted whatever core.quotePath says. */
const pathList = async (args: string[], cwd: string) =>
  (await git(args, cwd))
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');

async function insideRepository(cwd: string): Promise<string> {
  try {
    await text(['rev-parse', '--is-inside-work-tree'], cwd);
  } catch (e) {
    if (e instanceof GitError && e.message.startsWith('找不到 git')) throw e;
    throw new GitError(`${cwd} 不在 git 仓库中：--changed 和 --staged 只能在 git 仓库里使用`);
  }
  // Paths git prints are relative to the top level; the prefix maps them to the current folder.
  return text(['rev-parse', '--show-prefix'], cwd);
}

/** Whether `rev` names a commit. */
export async function isCommit(cwd: string, rev: string): Promise<boolean> {
  try {
    await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** The default branch to compare with: origin/HEAD when the clone knows it, else main, else master. */
export async function defaultBranch(cwd: string): Promise<string> {
  try {
    const ref = await text(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], cwd);
    if (ref) return ref.replace(/^refs\/remotes\//, '');
  } catch {
    // no remote HEAD recorded
  }
  for (const name of ['main', 'master', 'origin/main', 'origin/master']) {
    if (await isCommit(cwd, name)) return name;
  }
  throw new GitError(
    '找不到默认分支（origin/HEAD、main、master 都不存在）：请写明比较基准，如 --changed=origin/develop',
  );
}

/** Root-relative git path → path relative to the current folder, in the platform's separators. */
function fromRoot(prefix: string, path: string): string {
  return posix.relative(`/${prefix}`, `/${path}`).split('/').join(sep);
}

function isReport(path: string): boolean {
  return REPORT_EXTENSIONS.includes(extname(path).toLowerCase());
}

export interface ChangedFiles {
  /** Report files (relative to cwd) changed since the merge base, committed or not, plus untracked ones. */
  files: string[];
  /** The base as given or defaulted (e.g. origin/main). */
  base: string;
  /** The commit compared with: the merge base of `base` and HEAD (or `base` itself when they share no history). */
  mergeBase: string;
}

/**
 * Reports changed relative to a git base (`--changed [base]`): added, copied, modified or renamed since the merge
 * base of `base` (default: the default branch) and HEAD, including uncommitted changes and untracked files.
 */
export async function changedFiles(cwd: string, base?: string): Promise<ChangedFiles> {
  const prefix = await insideRepository(cwd);
  const branch = base ?? (await defaultBranch(cwd));
  if (!(await isCommit(cwd, branch)))
    throw new GitError(`找不到比较基准 “${branch}”：请写明存在的分支、标签或提交`);
  let mergeBase: string;
  try {
    mergeBase = await text(['merge-base', branch, 'HEAD'], cwd);
  } catch {
    mergeBase = await text(['rev-parse', `${branch}^{commit}`], cwd);
  }
  const tracked = await pathList(
    ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', mergeBase, '--'],
    cwd,
  );
  const untracked = await pathList(
    ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ':/'],
    cwd,
  );
  const files = [...new Set([...tracked, ...untracked])].filter(isReport).sort();
  return { files: files.map((p) => fromRoot(prefix, p)), base: branch, mergeBase };
}

/** Report files in the index that differ from HEAD (added, copied, modified, renamed), relative to cwd. */
export async function stagedFiles(cwd: string): Promise<string[]> {
  const prefix = await insideRepository(cwd);
  const files = await pathList(
    ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', '--'],
    cwd,
  );
  return files
    .filter(isReport)
    .sort()
    .map((p) => fromRoot(prefix, p));
}

/**
 * Keeps the files under the command-line paths (a file itself or anything inside a folder); no paths keeps all.
 * Paths may be absolute or relative to cwd.
 */
export function withinPaths(files: string[], paths: string[], cwd: string): string[] {
  if (paths.length === 0) return files;
  const roots = paths.map((p) => resolve(cwd, p));
  return files.filter((f) => {
    const full = resolve(cwd, f);
    return roots.some((root) => {
      const rel = relative(root, full);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  });
}

/**
 * The staged content of a file (`git show :./path`), decoded like a file on disk, so a pre-commit hook judges
 * exactly what will be committed even when the working tree has further unstaged edits.
 */
export async function readStagedSource(
  cwd: string,
  path: string,
  options: ReadOptions = {},
): Promise<SourceFile> {
  const format = formatFor(path);
  const rel = relative(cwd, resolve(cwd, path)).split(sep).join('/');
  let buffer: Buffer;
  try {
    buffer = await git(['show', `:./${rel}`], cwd);
  } catch (e) {
    throw new InputError(path, 'not-found', `无法读取 ${path} 的暂存内容：${(e as Error).message}`);
  }
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (buffer.length > max) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new InputError(
      path,
      'too-large',
      `已跳过 ${path}：暂存内容 ${mib(buffer.length)}，超过上限 ${mib(max)}`,
    );
  }
  return sourceFromBuffer(
    buffer,
    path,
    format,
    options.encoding === undefined ? {} : { encoding: options.encoding },
  );
}
