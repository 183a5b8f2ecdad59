import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './run-cli.js';

/** The six required checks of issue #2; other rule packs are tested on the seeds elsewhere. */
const SIX = new Set([
  'required-sections',
  'first-responsible-duty',
  'xi-fazhi-thought',
  'quantified-results',
  'problems-next-steps',
  'closing-signer',
  'closing-date',
]);

const EXPECTED: Record<string, string[]> = {
  '000_3c0df08b306f7395.txt': [
    'closing-date',
    'problems-next-steps',
    'required-sections[next-year]',
    'required-sections[shortcomings]',
    'xi-fazhi-thought',
  ],
  '001_33dfb61e85867be8.txt': [
    'closing-date',
    'problems-next-steps',
    'required-sections[next-year]',
    'required-sections[shortcomings]',
  ],
  '002_0ca269bc21c17480.txt': ['closing-date', 'required-sections[first-responsible]'],
  '003_dd6b3d9d359ab452.txt': ['closing-date', 'closing-signer'],
  '004_de2a7d4be22d8b04.txt': ['required-sections[first-responsible]'],
};

describe('the six required checks on the five real reports', () => {
  const { results, code } = runJson(['fixtures/seeds']);

  it('exits 1 because the reports have errors', () => {
    expect(code).toBe(1);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.join(', ')}`, () => {
      const r = results.find((x) => x.filePath.endsWith(file));
      const fired = new Set(
        (r?.messages ?? [])
          .filter((m) => SIX.has(m.ruleId) && m.severity >= 1)
          .map((m) => (m.data?.section ? `${m.ruleId}[${m.data.section}]` : m.ruleId)),
      );
      expect([...fired].sort()).toEqual(expected);
    });
  }

  it('points a missing part where it belongs, never at 1:1', () => {
    const r = results.find((x) => x.filePath.endsWith('000_3c0df08b306f7395.txt'));
    const missing = r?.messages.filter((m) => m.ruleId === 'required-sections') ?? [];
    expect(missing.map((m) => [m.line, m.column])).toEqual([
      [59, 147],
      [59, 147],
    ]);
    const signer = results
      .find((x) => x.filePath.endsWith('003_dd6b3d9d359ab452.txt'))
      ?.messages.find((m) => m.ruleId === 'closing-signer');
    expect(signer?.line).toBe(75);
  });

  it('reports the 20211223 date with its GB/T 9704 form', () => {
    const r = results.find((x) => x.filePath.endsWith('000_3c0df08b306f7395.txt'));
    expect(r?.messages.find((m) => m.ruleId === 'closing-date' && m.severity === 2)).toMatchObject({
      message: '成文日期“20211223”不符合 GB/T 9704：应将年、月、日标全，月、日不编虚位，写作“2021年12月23日”',
      line: 69,
      column: 101,
      endLine: 69,
      endColumn: 109,
    });
  });
});

describe('the clean report', () => {
  it.each(['fixtures/clean/compliant-2024.txt', 'fixtures/clean/compliant-2024.md'])(
    '%s has no warning or error from any rule',
    (file) => {
      const { results, code } = runJson([file]);
      expect(results[0]?.messages.filter((m) => m.severity >= 1)).toEqual([]);
      expect(code).toBe(0);
    },
  );
});

describe('CLI behaviour', () => {
  it('prints stylish output grouped by file with a Chinese summary', () => {
    const r = runCli(['fixtures/seeds/004_de2a7d4be22d8b04.txt', '--quiet']);
    expect(r.stdout).toContain('fixtures/seeds/004_de2a7d4be22d8b04.txt');
    expect(r.stdout).toMatch(/12:161 +错误 +缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分/);
    expect(r.stdout).toMatch(/✖ \d+ 个问题（\d+ 个错误，0 个警告，0 个提示）/);
  });

  it('reads stdin with --stdin-filename', () => {
    const r = runJson(['-', '--stdin-filename', 'report.txt'], {
      input: '某镇2024年法治政府建设情况报告\n正文。',
    });
    expect(r.results[0]?.filePath).toBe('report.txt');
    expect(r.results[0]?.messages.some((m) => m.ruleId === 'closing-signer')).toBe(true);
  });

  it('--max-warnings turns warnings into exit 1', () => {
    const text = '某镇2024年法治政府建设情况报告\n';
    const ok = runCli(
      [
        '-',
        '--stdin-filename',
        'r.txt',
        '--max-warnings',
        '1000',
        '--config',
        'fixtures/config/only-closing-date-warning.yaml',
      ],
      { input: `${text}某镇人民政府\n2024年12月1日` },
    );
    expect(ok.code).toBe(0);
    const over = runCli(
      [
        '-',
        '--stdin-filename',
        'r.txt',
        '--max-warnings',
        '0',
        '--config',
        'fixtures/config/only-closing-date-warning.yaml',
      ],
      { input: `${text}某镇人民政府\n2024年12月1日` },
    );
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('超过 --max-warnings 0');
  });

  it('exits 2 with a usage message when no path is given', () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请指定要检查的文件或文件夹');
  });

  it('exits 2 on a missing file, naming it, without a stack trace', () => {
    const r = runCli(['no-such-report.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-report.txt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists the rules', () => {
    const r = runCli(['rules']);
    expect(r.code).toBe(0);
    for (const id of SIX) expect(r.stdout).toContain(id);
  });
});
