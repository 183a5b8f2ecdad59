import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { copyCheckout, registryReachable } from '../helpers/checkout.js';
import { ROOT } from './run-cli.js';

/**
 * The pre-commit hook, end to end with the real `pre-commit` (Debian's 3.0.4; `.ci/run` installs it) and the
 * shipped `.pre-commit-hooks.yaml` unchanged: pre-commit installs it the way it installs any `language: node`
 * hook, with nodeenv (`-n system` when node and npm are on PATH, as here: no download), `npm install` in a clone
 * of the hook repository (the registry must be reachable; the prepare script builds dist/), `npm pack`, and a
 * global install of the tarball into its own environment. The hook repository is a git copy of this checkout's
 * files, so what is tested is what is checked out.
 *
 * SLOW: the first try-repo installs the package (~30 s with a warm npm cache); later ones reuse the environment.
 */

const CLEAN = join(ROOT, 'fixtures/clean/compliant-2024.txt');
const BAD = join(ROOT, 'fixtures/seeds/003_dd6b3d9d359ab452.txt');

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIP_REASON = hasPreCommit
  ? 'the npm registry is not reachable (pre-commit installs the hook with npm)'
  : 'pre-commit is not installed (apt-get install -y pre-commit; .ci/run installs it)';
const canInstall = hasPreCommit && registryReachable();

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  types_or?: string[];
  files?: string;
  minimum_pre_commit_version?: string;
}

const shipped = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];

let tmp: string;
let env: NodeJS.ProcessEnv;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-precommit-'));
  env = {
    ...process.env,
    PRE_COMMIT_HOME: join(tmp, 'cache'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // node and npm on PATH: pre-commit then builds the hook's environment on them (nodeenv -n system).
    PATH: `${join(process.execPath, '..')}:${process.env.PATH}`,
  };
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('.pre-commit-hooks.yaml', () => {
  it('ships the fazhi-lint hook for real users: language node, entry fazhi-lint, report files only', () => {
    expect(shipped).toHaveLength(1);
    const hook = shipped[0] as HookDefinition;
    expect(hook).toMatchObject({ id: 'fazhi-lint', language: 'node', entry: 'fazhi-lint' });
    expect(hook.types_or).toEqual(expect.arrayContaining(['markdown', 'text']));
    const files = new RegExp(hook.files as string);
    for (const f of ['a.md', 'b.markdown', '报告/c.txt', 'd.docx']) expect(files.test(f), f).toBe(true);
    for (const f of ['a.js', 'b.doc', 'c.pdf', 'docx.json']) expect(files.test(f), f).toBe(false);
    // The package the node hook installs must expose the `fazhi-lint` command the entry names.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['fazhi-lint']).toBeDefined();
  });
});

describe.skipIf(!canInstall)(
  `SLOW: pre-commit installs and runs the hook (skipped when ${SKIP_REASON})`,
  () => {
    let hookRepo: string;
    let project: string;

    beforeAll(() => {
      // The hook repository: this checkout's files (tracked and new, not ignored), committed in a fresh repository.
      hookRepo = copyCheckout(ROOT, join(tmp, 'hook-repo'));
      git(hookRepo, 'init', '-q', '-b', 'main');
      git(hookRepo, 'add', '-A');
      git(hookRepo, 'commit', '-q', '-m', 'hook');

      project = join(tmp, 'project');
      mkdirSync(join(project, 'reports'), { recursive: true });
      git(project, 'init', '-q', '-b', 'main');
      writeFileSync(join(project, 'README'), 'reports\n');
      git(project, 'add', '-A');
      git(project, 'commit', '-q', '-m', 'init');
    });

    it('try-repo installs the shipped language: node hook (npm install, npm pack, global install); a compliant report passes', () => {
      copyFileSync(CLEAN, join(project, 'reports/青山镇2024年报告.txt'));
      writeFileSync(join(project, 'notes.js'), 'not a report');
      git(project, 'add', '-A');
      const r = run('pre-commit', ['try-repo', hookRepo, 'fazhi-lint', '--verbose'], project);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('Installing environment');
      expect(r.out).toMatch(/fazhi-lint.*Passed/);
      // The entry `fazhi-lint` is no command here: what ran is what pre-commit installed.
      expect(spawnSync('fazhi-lint', ['--version'], { env }).error).toBeDefined();
      git(project, 'commit', '-q', '-m', 'compliant report');
    }, 600_000);

    // From here the project names the hook in its .pre-commit-config.yaml: pre-commit installs it once into
    // PRE_COMMIT_HOME (try-repo installs afresh on every call) and runs it on what is staged.
    it('install-hooks builds the environment once, with the command npm installed into it', () => {
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
      writeFileSync(
        join(project, '.pre-commit-config.yaml'),
        stringify({ repos: [{ repo: hookRepo, rev, hooks: [{ id: 'fazhi-lint' }] }] }),
      );
      git(project, 'add', '.pre-commit-config.yaml');
      git(project, 'commit', '-q', '--no-verify', '-m', 'hook config');
      const r = run('pre-commit', ['install-hooks'], project);
      expect(r.code, r.out).toBe(0);
      const cache = join(tmp, 'cache');
      const envs = readdirSync(cache).filter((d) => existsSync(join(cache, d, 'node_env-system')));
      expect(envs).toHaveLength(1);
      const bin = join(cache, envs[0] as string, 'node_env-system', 'bin', 'fazhi-lint');
      expect(spawnSync(bin, ['--version'], { env, encoding: 'utf8' }).stdout.trim()).toMatch(
        /^\d+\.\d+\.\d+$/,
      );
    }, 600_000);

    it('a non-compliant report is refused, with the findings; only staged files reach the hook', () => {
      copyFileSync(BAD, join(project, 'reports/draft.txt'));
      git(project, 'add', '-A');
      const r = run('pre-commit', ['run', 'fazhi-lint'], project);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toMatch(/fazhi-lint.*Failed/);
      expect(r.out).toContain('reports/draft.txt');
      expect(r.out).toContain('closing-signer');
      expect(r.out).not.toContain('青山镇2024年报告.txt');
      git(project, 'reset', '-q', 'reports/draft.txt');
      rmSync(join(project, 'reports/draft.txt'));
    }, 120_000);

    it('a .docx reaches the hook (files pattern, binary type)', () => {
      copyFileSync(join(ROOT, 'fixtures/input/headings.docx'), join(project, 'reports/报告.docx'));
      git(project, 'add', '-A');
      const r = run('pre-commit', ['run', 'fazhi-lint'], project);
      expect(r.out).toContain('reports/报告.docx');
      git(project, 'reset', '-q', 'reports/报告.docx');
      rmSync(join(project, 'reports/报告.docx'));
    }, 120_000);

    it('installed as the git hook: the commit of a non-compliant report is refused, a compliant one goes through', () => {
      const install = run('pre-commit', ['install'], project);
      expect(install.code, install.out).toBe(0);

      const head = git(project, 'rev-parse', 'HEAD').trim();
      copyFileSync(BAD, join(project, 'reports/bad.txt'));
      git(project, 'add', 'reports/bad.txt');
      const refused = run('git', ['commit', '-m', 'bad report'], project);
      expect(refused.code, refused.out).not.toBe(0);
      expect(refused.out).toContain('closing-date');
      expect(git(project, 'rev-parse', 'HEAD').trim()).toBe(head);

      git(project, 'rm', '-q', '--cached', 'reports/bad.txt');
      copyFileSync(CLEAN, join(project, 'reports/good.txt'));
      git(project, 'add', 'reports/good.txt');
      const accepted = run('git', ['commit', '-m', 'good report'], project);
      expect(accepted.code, accepted.out).toBe(0);
      expect(git(project, 'rev-parse', 'HEAD').trim()).not.toBe(head);
    }, 120_000);
  },
);
