import { spawnSync } from 'node:child_process';
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
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyCheckout, registryReachable } from '../helpers/checkout.js';
import { sarifValidator } from '../output/helpers.js';

/**
 * The composite action (action.yml) cannot run here as a whole (no GitHub runner; setup-node and upload-sarif
 * are other actions). What can be run is every step of its own: the `run:` steps are taken from action.yml,
 * their `${{ … }}` expressions substituted as the runner would, their `if:` conditions evaluated, and run with
 * bash the way GitHub runs a `shell: bash` step (`bash --noprofile --norc -eo pipefail {0}`). The quick tests
 * below run the lint step against this checkout's build; the end-to-end one runs the whole action, install
 * step included, from a fresh copy of the repository, as GitHub checks out an action.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
let tmp: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-action-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  /** github.action_path: where the runner checked the action out. */
  actionPath?: string;
}

/** The value of one operand this action's expressions use: inputs.x, github.action_path, steps.<id>.outputs.<name>, 'literal'. */
function operand(expr: string, ctx: Context): string {
  let m = /^inputs\.([\w-]+)$/.exec(expr);
  if (m) return ctx.inputs[m[1] as string] ?? '';
  if (expr === 'github.action_path') return (ctx.actionPath ?? ROOT).replace(/\/$/, '');
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
  if (m) return ctx.steps[m[1] as string]?.[m[2] as string] ?? '';
  m = /^'([^']*)'$/.exec(expr);
  if (m) return m[1] as string;
  throw new Error(`expression not handled by the test: ${expr}`);
}

/** Substitutes `${{ … }}` in a string (env, with) as the runner does. */
function expand(value: string, ctx: Context): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => operand(expr, ctx));
}

/**
 * Evaluates a step's `if:` the way the runner does for the forms this action uses: `a == b`, `a != b`, `&&`,
 * `always()`; a step without `if:` runs when no earlier step failed (`success()`).
 */
function condition(step: Step, ctx: Context, failed: boolean): boolean {
  if (!step.if) return !failed;
  const expr = step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  let always = false;
  const parts = expr.split(/\s*&&\s*/).map((part) => {
    if (part === 'always()') {
      always = true;
      return true;
    }
    const m = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(part);
    if (!m) throw new Error(`condition not handled by the test: ${part}`);
    const equal = operand(m[1] as string, ctx) === operand(m[3] as string, ctx);
    return m[2] === '==' ? equal : !equal;
  });
  return parts.every(Boolean) && (always || !failed);
}

/** Runs one `shell: bash` step like the runner: env expanded, GITHUB_OUTPUT collected into step outputs. */
function runStep(step: Step, ctx: Context, cwd: string) {
  expect(step.shell).toBe('bash');
  const script = join(tmp, `${step.id}.sh`);
  const outputFile = join(tmp, `${step.id}.output`);
  writeFileSync(script, step.run as string);
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_OUTPUT: outputFile,
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, ctx);
  // The runner puts the workflow's node first on PATH (actions/setup-node); here: the node running the tests.
  env.PATH = `${join(process.execPath, '..')}:${env.PATH}`;
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    env,
    encoding: 'utf8',
  });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  ctx.steps[step.id as string] = outputs;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

function inputsWith(overrides: Record<string, string>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = v.default ?? '';
  return { ...inputs, ...overrides };
}

const step = (id: string) => action.runs.steps.find((s) => s.id === id) as Step;

describe('action.yml', () => {
  it('is a composite action with the documented inputs, installing with npm and uploading SARIF', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['paths', 'rules', 'config', 'max-warnings'])
      expect(action.inputs).toHaveProperty(input);
    expect(step('install').run).toMatch(/npm install --no-audit/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(upload?.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(upload?.if).toContain('always()');
    // No input is spliced into a script: expressions appear only in env, with and if.
    for (const s of action.runs.steps) expect(s.run ?? '').not.toContain('${{');
  });

  it('runs the CLI with --format sarif --output-file on the seeds: the SARIF appears and validates', () => {
    const ctx = {
      inputs: inputsWith({ paths: 'fixtures/seeds\n', 'sarif-file': join(tmp, 'out/seeds.sarif') }),
      steps: {},
    };
    const lint = runStep(step('lint'), ctx, ROOT);
    expect(lint.code, lint.stderr).toBe(0); // the step itself never fails: upload-sarif runs next
    expect(lint.outputs['exit-code']).toBe('1');
    expect(lint.outputs['sarif-file']).toBe(join(tmp, 'out/seeds.sarif'));
    expect(lint.stdout).toMatch(/✖ \d+ 个问题/); // the log shows the findings as text
    const log = JSON.parse(readFileSync(join(tmp, 'out/seeds.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    const uris = new Set(
      log.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris.size).toBe(5);

    const verdict = runStep(step('verdict'), ctx, ROOT);
    expect(verdict.code).toBe(1);
  });

  it('passes several paths (one per line, spaces kept), rules, config and max-warnings through', () => {
    const config = join(tmp, 'fazhi config.yaml');
    writeFileSync(config, 'rules: {}\n');
    const ctx = {
      inputs: inputsWith({
        paths: '  fixtures/clean/compliant-2024.txt\nfixtures/clean/compliant-2024.md  \n\n',
        rules: '',
        config,
        'max-warnings': '0',
        'sarif-file': join(tmp, 'clean.sarif'),
      }),
      steps: {},
    };
    const lint = runStep(step('lint'), ctx, ROOT);
    expect(lint.outputs['exit-code'], lint.stderr).toBe('0');
    const log = JSON.parse(readFileSync(join(tmp, 'clean.sarif'), 'utf8'));
    expect(log.runs[0].results).toEqual([]);
    expect(runStep(step('verdict'), ctx, ROOT).code).toBe(0);
  });

  it('a missing rules folder makes the run fail with exit 2 and no SARIF to upload', () => {
    const ctx = {
      inputs: inputsWith({
        paths: 'fixtures/clean',
        rules: join(tmp, 'no-such-rules'),
        'sarif-file': join(tmp, 'none.sarif'),
      }),
      steps: {},
    };
    const lint = runStep(step('lint'), ctx, ROOT);
    expect(lint.outputs['exit-code']).toBe('2');
    expect(lint.outputs['sarif-file']).toBeUndefined();
    expect(lint.stdout).toContain('::error::');
    expect(runStep(step('verdict'), ctx, ROOT).code).toBe(2);
  });

  it('fail-on-findings: false skips the verdict step', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(step('verdict').if).toBe("${{ inputs.fail-on-findings == 'true' }}");
  });
});

describe.skipIf(!registryReachable())(
  'SLOW: the whole action from a fresh copy, install step included (skipped when the npm registry is not reachable)',
  () => {
    let actionPath: string;
    let workspace: string;

    beforeAll(() => {
      // The runner checks the action out (no node_modules, no dist) and runs in the workflow's workspace.
      actionPath = copyCheckout(ROOT, join(tmp, 'action'));
      workspace = join(tmp, 'workspace');
      mkdirSync(join(workspace, 'reports'), { recursive: true });
      for (const f of readdirSync(join(ROOT, 'fixtures/seeds')))
        copyFileSync(join(ROOT, 'fixtures/seeds', f), join(workspace, 'reports', f));
    });

    /** Every step in order, as the runner takes them: `if:` evaluated, `run:` steps run, `uses:` steps recorded. */
    function runAction(inputs: Record<string, string>) {
      const ctx: Context = { inputs: inputsWith(inputs), steps: {}, actionPath };
      const log: {
        name: string;
        ran: boolean;
        code?: number | null;
        uses?: string;
        with?: Record<string, string>;
      }[] = [];
      let failed = false;
      for (const s of action.runs.steps) {
        const name = s.id ?? s.name ?? '';
        if (!condition(s, ctx, failed)) {
          log.push({ name, ran: false });
          continue;
        }
        if (s.uses) {
          const w = Object.fromEntries(
            Object.entries(s.with ?? {}).map(([k, v]) => [k, expand(String(v), ctx)]),
          );
          log.push({ name, ran: true, uses: s.uses, with: w });
          continue;
        }
        const r = runStep({ ...s, id: s.id ?? name.replace(/\W+/g, '-') }, ctx, workspace);
        log.push({ name, ran: true, code: r.code });
        if (r.code !== 0) failed = true;
      }
      const outputs = Object.fromEntries(
        Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value, ctx)]),
      );
      return { log, outputs, failed };
    }

    it('installs (npm install, the prepare build), lints, hands the SARIF to upload-sarif, and fails on findings', () => {
      const { log, outputs, failed } = runAction({ paths: 'reports' });
      const byName = new Map(log.map((l) => [l.name, l]));
      expect(byName.get('Set up Node.js')).toMatchObject({ ran: true, uses: 'actions/setup-node@v4' });
      expect(byName.get('install')).toMatchObject({ ran: true, code: 0 });
      expect(existsSync(join(actionPath, 'dist/cli/main.js'))).toBe(true);
      expect(byName.get('lint')).toMatchObject({ ran: true, code: 0 });
      expect(outputs).toEqual({ 'sarif-file': 'fazhi-lint.sarif', 'exit-code': '1' });
      const sarifFile = join(workspace, 'fazhi-lint.sarif');
      const validate = sarifValidator();
      expect(validate(JSON.parse(readFileSync(sarifFile, 'utf8')))).toBe(true);
      const upload = byName.get('Upload SARIF');
      expect(upload?.ran).toBe(true);
      expect(upload?.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
      expect(upload?.with).toEqual({ sarif_file: 'fazhi-lint.sarif', category: 'fazhi-lint' });
      expect(byName.get('verdict')).toMatchObject({ ran: true, code: 1 });
      expect(failed).toBe(true);
    }, 600_000);

    it('fail-on-findings, upload-sarif and setup-node false: those steps are skipped and the action passes', () => {
      const { log, outputs, failed } = runAction({
        paths: 'reports',
        'fail-on-findings': 'false',
        'upload-sarif': 'false',
        'setup-node': 'false',
      });
      expect(log.filter((l) => !l.ran).map((l) => l.name)).toEqual([
        'Set up Node.js',
        'Upload SARIF',
        'verdict',
      ]);
      expect(outputs['exit-code']).toBe('1');
      expect(failed).toBe(false);
    }, 600_000);
  },
);
