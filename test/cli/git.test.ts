import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedFiles,
  defaultBranch,
  GitError,
  readStagedSource,
  stagedFiles,
  withinPaths,
} from '../../src/cli/git.js';
import { BIN, ROOT } from './run-cli.js';

const CLEAN = readFileSync(join(ROOT, 'fixtures/clean/compliant-2024.txt'), 'utf8');
/** A real report without signer and date: closing-signer and closing-date fire. */
const BAD = readFileSync(join(ROOT, 'fixtures/seeds/003_dd6b3d9d359ab452.txt'), 'utf8');

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files a JSON run reported on, relative to the run's folder. */
function linted(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath);
}

let tmp: string;
let repo: string;

/**
 * main: reports/kept.txt, reports/edited.txt, reports/removed.txt, notes.js (not a report).
 * feature (checked out): edited.txt changed and committed, removed.txt deleted, 报告/新增.txt added (Chinese
 * path), sub/later.md changed but not committed, draft.txt untracked; kept.txt untouched.
 */
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-git-'));
  repo = join(tmp, 'repo');
  mkdirSync(join(repo, 'reports'), { recursive: true });
  mkdirSync(join(repo, 'sub'));
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'reports/kept.txt'), BAD);
  writeFileSync(join(repo, 'reports/edited.txt'), CLEAN);
  writeFileSync(join(repo, 'reports/removed.txt'), CLEAN);
  writeFileSync(join(repo, 'sub/later.md'), CLEAN);
  writeFileSync(join(repo, 'notes.js'), 'x');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'reports/edited.txt'), BAD);
  unlinkSync(join(repo, 'reports/removed.txt'));
  mkdirSync(join(repo, '报告'));
  writeFileSync(join(repo, '报告/新增.txt'), CLEAN);
  writeFileSync(join(repo, 'notes.js'), 'y');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'feature work');
  writeFileSync(join(repo, 'sub/later.md'), `${CLEAN}\n`);
  writeFileSync(join(repo, 'draft.txt'), CLEAN);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--changed', () => {
  const expected = ['draft.txt', 'reports/edited.txt', 'sub/later.md', '报告/新增.txt'];

  it('lints only the reports changed since the merge base with main (committed, uncommitted, untracked)', () => {
    const r = cli(['--changed', '--format', 'json'], repo);
    expect(r.code).toBe(1); // edited.txt lost its signer and date
    expect(linted(r.stdout).sort()).toEqual(expected);
  });

  it('takes an explicit base, as --changed=<rev> or --changed <rev>', () => {
    expect(linted(cli(['--changed=main', '-f', 'json'], repo).stdout).sort()).toEqual(expected);
    expect(linted(cli(['--changed', 'HEAD', '-f', 'json'], repo).stdout).sort()).toEqual([
      'draft.txt',
      'sub/later.md',
    ]);
  });

  it('keeps to the paths given, and reads `--changed <existing folder>` as a path', () => {
    expect(linted(cli(['--changed', '-f', 'json', 'reports'], repo).stdout)).toEqual(['reports/edited.txt']);
    expect(linted(cli(['-f', 'json', '--changed', 'reports'], repo).stdout)).toEqual(['reports/edited.txt']);
  });

  it('works from a subfolder, with paths relative to it', () => {
    const r = cli(['--changed', '-f', 'json'], join(repo, 'sub'));
    expect(linted(r.stdout).sort()).toEqual([
      '../draft.txt',
      '../reports/edited.txt',
      '../报告/新增.txt',
      'later.md',
    ]);
    expect(linted(cli(['--changed', '-f', 'json', '.'], join(repo, 'sub')).stdout)).toEqual(['later.md']);
  });

  it('uses origin/HEAD in a clone', async () => {
    const clone = join(tmp, 'clone');
    git(tmp, 'clone', '-q', '--branch', 'main', repo, clone);
    git(clone, 'checkout', '-q', '-b', 'mine');
    // origin/HEAD follows the branch checked out in the origin (feature); point it at main, as on a hosted remote.
    expect(await defaultBranch(clone)).toBe('origin/feature');
    git(clone, 'remote', 'set-head', 'origin', 'main');
    expect(await defaultBranch(clone)).toBe('origin/main');
    writeFileSync(join(clone, 'reports/kept.txt'), CLEAN);
    const r = cli(['--changed', '-f', 'json'], clone);
    expect(r.code).toBe(0);
    expect(linted(r.stdout)).toEqual(['reports/kept.txt']);
  });

  it('falls back to master when there is no main', async () => {
    const other = join(tmp, 'master-repo');
    mkdirSync(other);
    git(other, 'init', '-q', '-b', 'master');
    writeFileSync(join(other, 'a.txt'), CLEAN);
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'a');
    expect(await defaultBranch(other)).toBe('master');
    // Nothing changed: no output, exit 0 (a hook on an unrelated commit must pass silently).
    const r = cli(['--changed'], other);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(cli(['--changed', '-f', 'json'], other).stdout.trim()).toBe('[]');
  });

  it('exits 2 with a clear message for an unknown base or outside a repository', () => {
    const unknown = cli(['--changed=no-such-branch'], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-branch');
    const outside = mkdtempSync(join(tmpdir(), 'fazhi-nogit-'));
    try {
      const r = cli(['--changed'], outside);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('不在 git 仓库中');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('changedFiles reports the base and merge base it used', async () => {
    const c = await changedFiles(repo);
    expect(c.base).toBe('main');
    expect(c.mergeBase).toBe(git(repo, 'rev-parse', 'main').trim());
    await expect(changedFiles(repo, 'nope')).rejects.toBeInstanceOf(GitError);
  });
});

describe('--staged', () => {
  let staged: string;

  beforeAll(() => {
    staged = join(tmp, 'staged');
    mkdirSync(staged);
    git(staged, 'init', '-q', '-b', 'main');
    writeFileSync(join(staged, 'committed.txt'), CLEAN);
    git(staged, 'add', '-A');
    git(staged, 'commit', '-q', '-m', 'base');
  });

  it('nothing staged: nothing linted, exit 0', () => {
    const r = cli(['--staged'], staged);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('judges the staged content, not the working tree', async () => {
    // Stage the non-compliant version, then "fix" it in the working tree without staging: the commit would
    // still carry the bad text, so the hook must refuse.
    writeFileSync(join(staged, 'report.txt'), BAD);
    git(staged, 'add', 'report.txt');
    writeFileSync(join(staged, 'report.txt'), CLEAN);
    expect(cli(['report.txt'], staged).code).toBe(0);
    const r = cli(['--staged', '-f', 'json'], staged);
    expect(r.code).toBe(1);
    expect(linted(r.stdout)).toEqual(['report.txt']);
    expect(r.stdout).toContain('closing-signer');
    expect((await readStagedSource(staged, 'report.txt')).text).toBe(BAD);
    expect(await stagedFiles(staged)).toEqual(['report.txt']);

    // The other way round: compliant text staged, a bad edit left unstaged: the commit is fine.
    writeFileSync(join(staged, 'report.txt'), CLEAN);
    git(staged, 'add', 'report.txt');
    writeFileSync(join(staged, 'report.txt'), BAD);
    expect(cli(['report.txt'], staged).code).toBe(1);
    expect(cli(['--staged'], staged).code).toBe(0);
  });

  it('takes only staged reports, and the file names given (as lint-staged passes them, absolute)', () => {
    writeFileSync(join(staged, 'other.md'), BAD);
    writeFileSync(join(staged, 'script.js'), 'x');
    git(staged, 'add', 'other.md', 'script.js');
    expect(linted(cli(['--staged', '-f', 'json'], staged).stdout)).toEqual(['other.md', 'report.txt']);
    expect(linted(cli(['--staged', '-f', 'json', join(staged, 'other.md')], staged).stdout)).toEqual([
      'other.md',
    ]);
  });

  it('refuses --fix (the fix could not reach the index), exit 2', () => {
    const r = cli(['--staged', '--fix'], staged);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--staged');
  });

  it('withinPaths keeps files under the given folders or equal to the given files', () => {
    const files = ['a/x.txt', 'a/b/y.md', 'ab/z.txt', 'c.txt'];
    expect(withinPaths(files, [], '/r')).toEqual(files);
    expect(withinPaths(files, ['a'], '/r')).toEqual(['a/x.txt', 'a/b/y.md']);
    expect(withinPaths(files, ['/r/c.txt', 'a/b'], '/r')).toEqual(['a/b/y.md', 'c.txt']);
  });
});
