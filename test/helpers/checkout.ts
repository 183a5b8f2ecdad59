import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Copies this checkout's files (tracked and new, not ignored: no node_modules, no dist) to `dest`, as a user
 * would get them from git. Returns `dest`.
 */
export function copyCheckout(root: string, dest: string): string {
  mkdirSync(dest, { recursive: true });
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0')) {
    if (!file || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
  }
  return dest;
}

/** Whether the npm registry answers (installing from a fresh copy needs it): `npm ping`, once. */
let reachable: boolean | undefined;
export function registryReachable(): boolean {
  reachable ??= spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
  return reachable;
}
