import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { createIgnoreMatcher } from '../util/glob.js';
import { findSoffice } from './doc.js';
import { InputError } from './errors.js';

/** Extensions picked up when walking a folder. Files named explicitly are taken whatever their extension. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

/** The extensions a folder walk picks up here: .doc too when LibreOffice can convert it. */
export function reportExtensions(): string[] {
  return findSoffice() ? [...REPORT_EXTENSIONS, '.doc'] : REPORT_EXTENSIONS;
}

export interface CollectOptions {
  /**
   * Glob patterns to skip, gitignore-like: a pattern without '/' matches any path segment
   * (`*.tmp.md`, `draft`); one with '/' matches the path relative to `cwd` or any of its parent folders
   * (`**\/draft/**`, `docs/old`); a trailing '/' matches folders only. `*` `?` `[abc]` `{a,b}` `**`.
   */
  ignores?: string[];
  /** Folder the ignore patterns are relative to. Default process.cwd(). */
  cwd?: string;
  /** Extensions a folder walk picks up. Default `reportExtensions()`. */
  extensions?: string[];
}

/** Names a folder walk skips: hidden files and folders, Word lock files, node_modules. */
function walkable(name: string): boolean {
  return !(name.startsWith('.') || name.startsWith('~$') || name === 'node_modules');
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expand command-line paths into the files to lint. Files are taken as given (whatever the
 * extension, so a .pdf gets a clear error later); folders are walked recursively for .md,
 * .markdown, .txt and .docx (and .doc when LibreOffice is installed), skipping node_modules, hidden files and folders, and Word lock
 * files (~$*.docx), in code-unit order of names. Missing paths become InputError 'not-found'.
 * Ignore patterns apply to all paths, including those given explicitly.
 */
export async function collectFiles(
  paths: string[],
  options: CollectOptions = {},
): Promise<{ files: string[]; errors: InputError[] }> {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? reportExtensions();
  const patterns = options.ignores ?? [];
  const ignored = createIgnoreMatcher(patterns);
  const anyPattern = patterns.some((p) => p.trim() !== '' && !p.trim().startsWith('#'));
  const isIgnored = (path: string, isDirectory: boolean) =>
    anyPattern && ignored(relative(cwd, resolve(cwd, path)), isDirectory);
  const files: string[] = [];
  const errors: InputError[] = [];
  // A folder is walked once (by its real path), so the files found by walking are distinct; only a file named
  // on the command line can repeat one. So just those are remembered: a walk of 100,000 reports keeps their
  // paths, not a second set of keys.
  const named = new Set<string>();
  const seenDirs = new Set<string>();

  const addWalked = (path: string) => {
    if (named.size > 0 && named.has(resolve(cwd, path))) return;
    files.push(path);
  };
  const addNamed = async (path: string) => {
    const key = resolve(cwd, path);
    if (named.has(key)) return;
    named.add(key);
    // Already found by walking its folder (`fazhi-lint 报告 报告/a.txt`)?
    if (seenDirs.size > 0 && walkable(basename(key)) && extensions.includes(extname(key).toLowerCase())) {
      const dir = await realpath(dirname(key)).catch(() => undefined);
      if (dir !== undefined && seenDirs.has(dir)) return;
    }
    files.push(path);
  };

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(resolve(cwd, dir));
    } catch (error) {
      errors.push(new InputError(dir, 'unreadable', `无法读取文件夹 ${dir}`, undefined, { cause: error }));
      return;
    }
    if (seenDirs.has(real)) return; // symbolic-link loop or the same folder twice
    seenDirs.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
    } catch (error) {
      const denied = (error as NodeJS.ErrnoException).code === 'EACCES';
      const message = denied ? `没有权限读取文件夹 ${dir}：请检查权限` : `无法读取文件夹 ${dir}`;
      errors.push(new InputError(dir, 'unreadable', message, undefined, { cause: error }));
      return;
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    // join(dir, name) for every entry, as one flat string each: path.join returns a concatenation (a rope of
    // pieces, ~140 bytes for a short path) where a flat copy takes ~50, and a walk of 100,000 reports keeps them.
    const prefix = join(dir, '_').slice(0, -1);
    for (const entry of entries) {
      const name = entry.name;
      if (!walkable(name)) continue;
      const path = [prefix, name].join('');
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(resolve(cwd, path)).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) {
        if (!isIgnored(path, true)) await walk(path);
      } else if (isFile && extensions.includes(extname(name).toLowerCase()) && !isIgnored(path, false)) {
        addWalked(path);
      }
    }
  };

  for (const path of paths) {
    let info: import('node:fs').Stats;
    try {
      info = await stat(resolve(cwd, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT' || code === 'ENOTDIR'
          ? `找不到 ${path}：请检查文件或文件夹路径是否正确`
          : `无法访问 ${path}：${error instanceof Error ? error.message : String(error)}`;
      errors.push(
        new InputError(
          path,
          code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable',
          message,
          undefined,
          {
            cause: error,
          },
        ),
      );
      continue;
    }
    if (info.isDirectory()) {
      if (!isIgnored(path, true)) await walk(path);
    } else if (!isIgnored(path, false)) await addNamed(path);
  }
  return { files, errors };
}
