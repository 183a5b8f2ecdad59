import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BIN, ROOT } from './run-cli.js';

/**
 * The pre-commit hook, end to end with the real `pre-commit` (Debian's 3.0.4; `.ci/run` installs it).
 *
 * The shipped `.pre-commit-hooks.yaml` says `language: node`: pre-commit then builds its own Node with nodeenv,
 * which downloads Node from nodejs.org, and runs `npm install` from the registry. Neither is possible offline,
 * so the test serves pre-commit a hook repository whose definition is the shipped one with two fields changed:
 * `language: system` and `entry: node <this checkout>/bin/fazhi-lint.js`. Everything that decides which files
 * reach the hook and what it answers (id, files, types_or, the CLI itself) is the shipped definition.
 */

const CLEAN = join(ROOT, 'fixtures/clean/compliant-2024.txt');
const BAD = join(ROOT, 'fixtures/seeds/003_dd6b3d9d359ab452.txt');

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIP_REASON = 'pre-commit is not installed (apt-get install -y pre-commit; .ci/run installs it)';

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
    // The hook runs `node`: the one running the tests.
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

describe.skipIf(!hasPreCommit)(`pre-commit with the hook (skipped when ${SKIP_REASON})`, () => {
  let hookRepo: string;
  let project: string;

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
    hookRepo = join(tmp, 'hook-repo');
    mkdirSync(hookRepo);
    const offline = shipped.map((h) => ({ ...h, language: 'system', entry: `node ${BIN}` }));
    writeFileSync(join(hookRepo, '.pre-commit-hooks.yaml'), stringify(offline));
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

  it('try-repo: a compliant report passes', () => {
    copyFileSync(CLEAN, join(project, 'reports/青山镇2024年报告.txt'));
    writeFileSync(join(project, 'notes.js'), 'not a report');
    git(project, 'add', '-A');
    const r = run('pre-commit', ['try-repo', hookRepo, 'fazhi-lint', '--verbose'], project);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/fazhi-lint.*Passed/);
    git(project, 'commit', '-q', '-m', 'compliant report');
  });

  it('try-repo: a non-compliant report is refused, with the findings', () => {
    copyFileSync(BAD, join(project, 'reports/draft.txt'));
    git(project, 'add', '-A');
    const r = run('pre-commit', ['try-repo', hookRepo, 'fazhi-lint'], project);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/fazhi-lint.*Failed/);
    expect(r.out).toContain('reports/draft.txt');
    expect(r.out).toContain('closing-signer');
    expect(r.out).not.toContain('青山镇2024年报告.txt'); // only staged files reach the hook
    git(project, 'reset', '-q', 'reports/draft.txt');
    rmSync(join(project, 'reports/draft.txt'));
  });

  it('try-repo: a .docx reaches the hook (files pattern, binary type)', () => {
    copyFileSync(join(ROOT, 'fixtures/input/headings.docx'), join(project, 'reports/报告.docx'));
    git(project, 'add', '-A');
    const r = run('pre-commit', ['try-repo', hookRepo, 'fazhi-lint'], project);
    expect(r.out).toContain('reports/报告.docx');
    git(project, 'reset', '-q', 'reports/报告.docx');
    rmSync(join(project, 'reports/报告.docx'));
  });

  it('installed as the git hook: the commit of a non-compliant report is refused, a compliant one goes through', () => {
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      stringify({ repos: [{ repo: hookRepo, rev, hooks: [{ id: 'fazhi-lint' }] }] }),
    );
    git(project, 'add', '.pre-commit-config.yaml');
    git(project, 'commit', '-q', '--no-verify', '-m', 'hook config');
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
  });
});
