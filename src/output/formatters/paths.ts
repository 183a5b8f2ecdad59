import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `filePath` relative to `cwd`, with forward slashes (what CI annotation formats expect).
 * A path that cannot be made relative (another drive on Windows) stays absolute, still with forward slashes.
 */
export function relativePath(cwd: string, filePath: string): string {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  const chosen = relative === '' ? path.basename(absolute) : relative;
  return chosen.split(path.sep).join('/');
}

/**
 * A URI reference for `filePath`: relative and percent-encoded per segment when the file lies inside `cwd`
 * (resolved against `%SRCROOT%`), otherwise an absolute `file:` URI: a `../` reference would point outside the
 * source root, which code scanning cannot show anyway, and would tell a SARIF viewer less than the absolute path.
 */
export function fileUri(cwd: string, filePath: string): { uri: string; relative: boolean } {
  const rel = relativePath(cwd, filePath);
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel) || /^[A-Za-z]:\//.test(rel)) {
    return { uri: pathToFileURL(path.resolve(cwd, filePath)).href, relative: false };
  }
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), relative: true };
}

/** `cwd` as a `file:` URI ending in `/`, as SARIF requires of `originalUriBaseIds` entries. */
export function directoryUri(cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
