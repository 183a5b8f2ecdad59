import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sarifValidator } from '../output/helpers.js';

/**
 * The composite action (action.yml) cannot run here (no GitHub runner, no network for setup-node and
 * upload-sarif). What can be checked is the action's own command line: its run steps are taken from action.yml,
 * their `${{ … }}` expressions substituted as the runner would, and run with bash the way GitHub runs a
 * `shell: bash` step (`bash --noprofile --norc -eo pipefail {0}`), against the real reports.
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

/** Evaluates the expressions this action uses: inputs.x, github.action_path, steps.<id>.outputs.<name>. */
function expand(
  value: string,
  ctx: { inputs: Record<string, string>; steps: Record<string, Record<string, string>> },
): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.inputs[m[1] as string] ?? '';
    if (expr === 'github.action_path') return ROOT.replace(/\/$/, '');
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.steps[m[1] as string]?.[m[2] as string] ?? '';
    throw new Error(`expression not handled by the test: ${expr}`);
  });
}

/** Runs one `shell: bash` step like the runner: env expanded, GITHUB_OUTPUT collected into step outputs. */
function runStep(
  step: Step,
  ctx: { inputs: Record<string, string>; steps: Record<string, Record<string, string>> },
  cwd: string,
) {
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
