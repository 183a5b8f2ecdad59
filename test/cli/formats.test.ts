import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeQualityValidator, parseXml, sarifValidator, xmlProblem } from '../output/helpers.js';
import { BIN, ROOT } from './run-cli.js';

const SEEDS = 'fixtures/seeds';
const CLEAN = join(ROOT, 'fixtures/clean/compliant-2024.txt');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
let warningOnly: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-formats-'));
  // The compliant report dated before the year's end: closing-date warns (a warning, no error).
  warningOnly = join(tmp, 'early.txt');
  writeFileSync(warningOnly, readFileSync(CLEAN, 'utf8').replace(/2025年\d+月\d+日\s*$/, '2024年12月20日\n'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The findings of the seeds, as the reference every format is compared with. */
let seedJson: string | undefined;
function seedFindings(): { filePath: string; messages: { ruleId: string; severity: number }[] }[] {
  if (seedJson === undefined) {
    const r = cli(['--format', 'json', SEEDS]);
    expect(r.code).toBe(1);
    seedJson = r.stdout;
  }
  return JSON.parse(seedJson);
}

describe('--format on the real reports (built CLI)', () => {
  it('offers every format in --help', () => {
    const help = cli(['--help']).stdout;
    for (const f of ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'codequality'])
      expect(help).toContain(f);
    expect(help).toContain('--output-file');
  });

  it('stylish: grouped by file, with the summary line', () => {
    const r = cli([SEEDS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/seeds/000_3c0df08b306f7395.txt');
    expect(r.stdout).toMatch(/✖ \d+ 个问题/);
  });

  it('json: one entry per report in input order', () => {
    const results = seedFindings();
    expect(results.map((r) => r.filePath)).toEqual([
      'fixtures/seeds/000_3c0df08b306f7395.txt',
      'fixtures/seeds/001_33dfb61e85867be8.txt',
      'fixtures/seeds/002_0ca269bc21c17480.txt',
      'fixtures/seeds/003_dd6b3d9d359ab452.txt',
      'fixtures/seeds/004_de2a7d4be22d8b04.txt',
    ]);
  });

  it('sarif: validates against the SARIF 2.1.0 schema and carries every finding', () => {
    const total = seedFindings().reduce((n, r) => n + r.messages.length, 0);
    const r = cli(['--format', 'sarif', SEEDS]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results).toHaveLength(total);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(
      /^fixtures\/seeds\//,
    );
  });

  it('github: one workflow command per finding', () => {
    const total = seedFindings().reduce((n, r) => n + r.messages.length, 0);
    const r = cli(['--format', 'github', SEEDS]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toHaveLength(total);
    for (const l of lines)
      expect(l).toMatch(/^::(error|warning|notice) file=fixtures\/seeds\/[^,]+,line=\d+/);
  });

  it('junit: well-formed XML with a test case per report', () => {
    const r = cli(['--format', 'junit', SEEDS]);
    expect(r.code).toBe(1);
    expect(xmlProblem(r.stdout)).toBeNull();
    const doc = parseXml(r.stdout) as { testsuites: { testsuite: unknown[] } };
    expect(doc.testsuites.testsuite.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('000_3c0df08b306f7395.txt');
  });

  it('checkstyle: well-formed XML with a <file> per report that has findings', () => {
    const r = cli(['--format', 'checkstyle', SEEDS]);
    expect(r.code).toBe(1);
    expect(xmlProblem(r.stdout)).toBeNull();
    const doc = parseXml(r.stdout) as { checkstyle: { file: { name: string }[] } };
    expect(doc.checkstyle.file.map((f) => f.name).join('\n')).toContain('003_dd6b3d9d359ab452.txt');
  });

  it('codequality: matches the GitLab Code Quality fields', () => {
    const r = cli(['--format', 'codequality', SEEDS]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const validate = codeQualityValidator();
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.length).toBeGreaterThan(0);
  });

  it('every format exits 0 on the compliant report', () => {
    for (const f of ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'codequality']) {
      const r = cli(['--format', f, CLEAN]);
      expect([f, r.code, r.stderr]).toEqual([f, 0, '']);
    }
  });

  it('rejects an unknown format with exit 2', () => {
    const r = cli(['--format', 'html', SEEDS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('html');
  });
});

describe('--output-file', () => {
  it('writes the chosen format to the file while the terminal gets stylish', () => {
    const out = join(tmp, 'nested/dir/result.sarif');
    const r = cli(['--format', 'sarif', '--output-file', out, SEEDS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ \d+ 个问题/);
    expect(r.stdout).not.toContain('"$schema"');
    const validate = sarifValidator();
    expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it('works with json and keeps the exit code of a clean run', () => {
    const out = join(tmp, 'clean.json');
    const r = cli(['-f', 'json', '-o', out, CLEAN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].messages).toEqual([]);
  });

  it('exits 2 when the file cannot be written', () => {
    writeFileSync(join(tmp, 'a-file'), '');
    const r = cli(['-f', 'sarif', '-o', join(tmp, 'a-file/x.sarif'), CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件');
  });
});

describe('--max-warnings with every format', () => {
  it('the warning-only report passes without a threshold and fails above it, whatever the format', () => {
    const base = cli(['-f', 'json', warningOnly]);
    expect(base.code, base.stdout).toBe(0);
    const findings = JSON.parse(base.stdout)[0];
    expect(findings.errorCount).toBe(0);
    expect(findings.warningCount).toBeGreaterThan(0);
    expect(cli(['-f', 'json', '--max-warnings', String(findings.warningCount), warningOnly]).code).toBe(0);
    // Over the threshold, every format (on the terminal or into a file) gives exit 1.
    for (const f of ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'codequality']) {
      const args = f === 'sarif' || f === 'junit' ? ['-o', join(tmp, `mw.${f}`)] : [];
      expect([f, cli(['-f', f, ...args, '--max-warnings', '0', warningOnly]).code]).toEqual([f, 1]);
    }
  });
});

describe('files that fail to read', () => {
  it('SARIF says executionSuccessful: false, names the file, and still validates; exit 2', () => {
    const missing = 'fixtures/seeds/no-such-report.txt';
    const r = cli(['--format', 'sarif', SEEDS, missing]);
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain('no-such-report.txt');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('no-such-report.txt');
  });

  it('other formats exit 2 too', () => {
    for (const f of ['stylish', 'json', 'checkstyle']) {
      expect([f, cli(['-f', f, CLEAN, 'missing.txt']).code]).toEqual([f, 2]);
    }
  });
});
