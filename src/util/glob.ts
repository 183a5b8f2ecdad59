/**
 * Minimal glob matching for config `ignores` and `overrides` (`**`, `*`, `?`, `{a,b}`), on forward-slash
 * relative paths. A pattern without a slash matches the base name anywhere, as in .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((alt) => alt.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const anchored = glob.includes('/') ? `^${re.replace(/^\\\.\//, '')}$` : `(?:^|/)${re}$`;
  return new RegExp(anchored.endsWith('/$') ? `${anchored.slice(0, -1)}.*$` : anchored);
}

export function matchesAny(path: string, globs: RegExp[]): boolean {
  const p = path.replace(/\\/g, '/');
  return globs.some((g) => g.test(p) || g.test(`${p}/`));
}
