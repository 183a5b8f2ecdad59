import { sep } from 'node:path';

/**
 * Globs for `ignores` and `overrides` in config and for collecting files, gitignore-like: a pattern without '/'
 * matches any path segment (`*.tmp.md`, `draft`); one with '/' matches the path from the base folder
 * (`**\/draft/**`, `docs/old`); a trailing '/' matches folders only. `*` `?` `[abc]` `{a,b}` `**`.
 */

/** Compile a glob into a RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (atSegmentStart && glob[i + 1] === '/') {
          re += '(?:.*/)?';
          i++;
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body[0] === '!') body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        const alternatives = glob.slice(i + 1, close).split(',');
        re += `(?:${alternatives.map((a) => globToRegExp(a).source.slice(1, -1)).join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A predicate over paths (relative to cwd, any separator) for a list of ignore patterns. */
export function createIgnoreMatcher(
  patterns: string[],
): (relativePath: string, isDirectory?: boolean) => boolean {
  const compiled = patterns
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#'))
    .map((p) => {
      const dirOnly = p.endsWith('/') && !p.endsWith('**/');
      const body = p.replace(/^\.\//, '').replace(/^\//, '').replace(/\/$/, '');
      return { re: globToRegExp(body), anchored: body.includes('/'), dirOnly };
    });
  return (relativePath, isDirectory = false) => {
    const path = relativePath.split(sep).join('/').replace(/^\.\//, '');
    const segments = path.split('/');
    return compiled.some(({ re, anchored, dirOnly }) => {
      // Candidates: every ancestor folder, and the path itself unless the pattern wants folders only.
      const last = isDirectory || !dirOnly ? segments.length : segments.length - 1;
      for (let i = 1; i <= last; i++) {
        const candidate = anchored ? segments.slice(0, i).join('/') : (segments[i - 1] as string);
        if (re.test(candidate)) return true;
      }
      // `**/draft/**` also matches the folder itself, written with a trailing slash.
      return anchored && re.test(`${path}/`) && isDirectory;
    });
  };
}
