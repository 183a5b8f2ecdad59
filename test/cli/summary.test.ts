import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/linter.js';
import type { LintMessage, LoadedRule } from '../../src/engine/types.js';
import {
  buildSummary,
  cellSymbol,
  escapeHtml,
  formatSummaryCsv,
  highlightText,
} from '../../src/output/summary/index.js';
import { BIN, ROOT } from './run-cli.js';

const RESULTS = join(ROOT, 'test-results');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function message(
  ruleId: string,
  severity: LintMessage['severity'],
  start: number,
  end: number,
  extra: Partial<LintMessage> = {},
): LintMessage {
  return {
    ruleId,
    severity,
    message: `${ruleId} 的说明`,
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    start,
    end,
    ...extra,
  };
}

function rule(id: string, options: Record<string, unknown> = {}): LoadedRule {
  return {
    id,
    kind: id,
    severity: 'error',
    message: '',
    messages: {},
    description: `${id} 的依据。第二句。`,
    url: '',
    file: `${id}.yaml`,
    pack: 'p',
    trusted: true,
    options,
  };
}

const RULES = [
  rule('required-sections', {
    sections: [
      { id: 'measures', name: '主要举措和成效' },
      { id: 'shortcomings', name: '存在的不足和原因' },
    ],
  }),
  rule('xi-fazhi-thought'),
  rule('closing-date'),
];

describe('buildSummary (matrix)', () => {
  const facts = (
    over: Partial<{
      title: string | null;
      issuer: string | null;
      signers: string[];
      year: number | null;
      bodyUnit: string | null;
    }>,
  ) => ({
    title: '某镇2024年法治政府建设情况报告',
    issuer: '某镇',
    signers: ['某镇人民政府'],
    year: 2024,
    ...over,
  });

  it('one column per required check, required-sections split by part; unit from title, signer, file name', () => {
    const s = buildSummary(
      [
        { result: summarize('/w/a.txt', []), facts: facts({}) },
        {
          result: summarize('/w/b.txt', []),
          facts: facts({ issuer: null, signers: ['中共某县委员会', '某县人民政府 '] }),
        },
        {
          result: summarize('/w/c.txt', []),
          facts: facts({ issuer: null, signers: [], title: null, year: null }),
        },
        {
          result: summarize('/w/d.txt', []),
          facts: facts({ issuer: null, signers: [], bodyUnit: '红土乡' }),
        },
      ],
      RULES,
      '/w',
    );
    expect(s.columns.map((c) => c.id)).toEqual([
      'title',
      'required-sections:measures',
      'required-sections:shortcomings',
      'first-responsible-duty',
      'xi-fazhi-thought',
      'quantified-results',
      'problems-next-steps',
      'closing-signer',
      'closing-date',
    ]);
    const byPath = new Map(s.rows.map((r) => [r.path, r]));
    expect(byPath.get('a.txt')).toMatchObject({
      unit: '某镇',
      unitSource: 'title',
      year: 2024,
      status: 'pass',
    });
    expect(byPath.get('b.txt')).toMatchObject({ unit: '某县人民政府', unitSource: 'signer' });
    // No recognisable title: the title check fails even though no rule reported it.
    expect(byPath.get('c.txt')).toMatchObject({ unit: 'c', unitSource: 'file', year: null, status: 'error' });
    expect(byPath.get('c.txt')?.cells.title?.status).toBe('error');
    // Neither title nor closing names the unit: the one the body calls its own (我乡 … 红土乡) names the row.
    expect(byPath.get('d.txt')).toMatchObject({ unit: '红土乡', unitSource: 'body' });
  });

  it('sorts the worst first: failed checks, warned checks, errors, warnings, then path', () => {
    const twoChecks = [
      message('required-sections', 'error', 0, 0, { data: { section: 'shortcomings' } }),
      message('xi-fazhi-thought', 'error', 0, 1),
    ];
    const s = buildSummary(
      [
        { result: summarize('/w/z-clean.txt', []), facts: facts({}) },
        { result: summarize('/w/y-warn.txt', [message('closing-date', 'warning', 0, 1)]), facts: facts({}) },
        { result: summarize('/w/b-one.txt', [message('closing-date', 'error', 0, 1)]), facts: facts({}) },
        { result: summarize('/w/a-one.txt', [message('closing-date', 'error', 0, 1)]), facts: facts({}) },
        { result: summarize('/w/x-two.txt', twoChecks), facts: facts({}) },
        {
          result: summarize('/w/c-one-many.txt', [
            message('closing-date', 'error', 0, 1),
            message('closing-date', 'error', 2, 3),
          ]),
          facts: facts({}),
        },
        {
          result: summarize('/w/d-info.txt', [message('quantified-results', 'info', 0, 1)]),
          facts: facts({}),
        },
      ],
      RULES,
      '/w',
    );
    expect(s.rows.map((r) => r.path)).toEqual([
      'x-two.txt',
      'c-one-many.txt',
      'a-one.txt',
      'b-one.txt',
      'y-warn.txt',
      'd-info.txt',
      'z-clean.txt',
    ]);
    const two = s.rows[0];
    expect(two?.cells['required-sections:shortcomings']).toMatchObject({ status: 'error', errors: 1 });
    expect(two?.cells['required-sections:measures']?.status).toBe('pass');
    expect(cellSymbol(s.rows[1]?.cells['closing-date'] as never)).toBe('✗2');
    expect(cellSymbol(s.rows[4]?.cells['closing-date'] as never)).toBe('!');
    // Hints do not fail a check.
    expect(s.rows[5]?.cells['quantified-results']).toMatchObject({ status: 'pass', infos: 1 });
    expect(s.totals).toEqual({ reports: 7, passing: 2, withWarnings: 1, withErrors: 4 });
  });

  it('findings of further rules go to an "其他" column, present only when needed', () => {
    const s = buildSummary(
      [{ result: summarize('/w/a.txt', [message('typo', 'error', 0, 1)]) }],
      RULES,
      '/w',
    );
    expect(s.columns.at(-1)).toMatchObject({ id: 'other', label: '其他' });
    expect(s.rows[0]?.cells.other?.status).toBe('error');
  });

  it('CSV: BOM, CRLF, quoting, and formula-looking cells neutralised', () => {
    const s = buildSummary([{ result: summarize('/w/=cmd,"x".txt', []) }], RULES, '/w');
    const csv = formatSummaryCsv(s);
    expect(csv.startsWith('\uFEFF单位,年度,标题')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"=cmd,""x"""');
  });
});

describe('highlightText', () => {
  it('wraps each finding in <mark>, escapes the text, splits overlaps without crossing tags', () => {
    const text = 'a<b>&c"d\'e';
    const html = highlightText(text, [message('r1', 'warning', 1, 5), message('r2', 'error', 3, 7)], 1);
    expect(html).toBe(
      'a<a class="anchor" id="r1-f1"></a><mark class="warning" data-rules="r1" title="r1：r1 的说明">&#60;b</mark>' +
        '<a class="anchor" id="r1-f2"></a><mark class="error" data-rules="r1 r2" title="r1：r1 的说明\nr2：r2 的说明">&#62;&#38;</mark>' +
        '<mark class="error" data-rules="r2" title="r2：r2 的说明">c&#34;</mark>d&#39;e',
    );
  });

  it('a finding without extent becomes a point marker; offsets past the end are clamped', () => {
    const html = highlightText('abc', [message('r', 'error', 3, 3), message('s', 'info', 2, 99)], 4);
    expect(html).toContain('<a class="anchor" id="r4-f1"></a><mark class="point error" data-rules="r"');
    expect(html).toContain('<mark class="info" data-rules="s" title="s：s 的说明">c</mark>');
  });

  it('escapeHtml covers the five specials', () => {
    expect(escapeHtml('<&>"\'')).toBe('&#60;&#38;&#62;&#34;&#39;');
  });
});

describe('fazhi-lint summary (built CLI, the real reports)', () => {
  let tmp: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
    tmp = mkdtempSync(join(tmpdir(), 'fazhi-summary-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  let json: { columns: { id: string }[]; reports: Record<string, unknown>[] };
  const ensureJson = () => {
    if (!json) {
      const r = cli(['summary', 'fixtures/seeds', 'fixtures/clean', '--format', 'json']);
      expect(r.code).toBe(1);
      json = JSON.parse(r.stdout);
    }
    return json;
  };

  it('json: a page’s metadata line is never the report’s title nor its unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-summary-residue-'));
    writeFileSync(
      join(dir, 'page.txt'),
      '发布机构：某县司法局\t主题分类：法治政府建设\n首页 > 政务公开 > 法治政府建设年度报告\n青山镇2024年法治政府建设情况报告\n2024年，我镇推进依法行政。\n',
    );
    const r = cli(['summary', dir, '--format', 'json']);
    rmSync(dir, { recursive: true, force: true });
    const [row] = JSON.parse(r.stdout).reports as Record<string, unknown>[];
    expect(row).toMatchObject({
      unit: '青山镇',
      unitSource: 'title',
      title: '青山镇2024年法治政府建设情况报告',
    });
  });

  it('json: a row per report, worst first, with unit and year from the model', () => {
    const { columns, reports } = ensureJson();
    expect(columns.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'title',
        'required-sections:measures',
        'required-sections:shortcomings',
        'required-sections:first-responsible',
        'required-sections:next-year',
        'first-responsible-duty',
        'xi-fazhi-thought',
        'quantified-results',
        'problems-next-steps',
        'closing-signer',
        'closing-date',
      ]),
    );
    expect(reports).toHaveLength(7);
    const byPath = new Map(reports.map((r) => [r.path, r]));
    expect(byPath.get('fixtures/seeds/000_3c0df08b306f7395.txt')).toMatchObject({
      unit: '沩山镇',
      unitSource: 'title',
      year: 2021,
    });
    expect(byPath.get('fixtures/seeds/002_0ca269bc21c17480.txt')).toMatchObject({ year: 2023 });
    expect(byPath.get('fixtures/clean/compliant-2024.txt')).toMatchObject({
      unit: '青山镇',
      year: 2024,
      status: 'pass',
    });
    // The seed without a signer or date fails those two checks.
    const noClosing = byPath.get('fixtures/seeds/003_dd6b3d9d359ab452.txt') as {
      checks: Record<string, { status: string }>;
    };
    expect(noClosing.checks['closing-signer']?.status).toBe('error');
    expect(noClosing.checks['closing-date']?.status).toBe('error');
    // Worst first; the two clean reports last, tie broken by path.
    const failed = (r: Record<string, unknown>) =>
      Object.values(r.checks as Record<string, { status: string }>).filter((c) => c.status === 'error')
        .length;
    const counts = reports.map(failed);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(reports.slice(-2).map((r) => r.path)).toEqual([
      'fixtures/clean/compliant-2024.md',
      'fixtures/clean/compliant-2024.txt',
    ]);
  });

  it('is deterministic, with --jobs 1 and the default alike', () => {
    const one = cli(['summary', 'fixtures/seeds', 'fixtures/clean', '-f', 'json', '--jobs', '1']);
    expect(JSON.parse(one.stdout)).toEqual(ensureJson());
  });

  it('text: aligned table, legend and totals', () => {
    const r = cli(['summary', 'fixtures/seeds']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^单位\s+年度\s+标题\s+举措成效/);
    expect(r.stdout).toContain('沩山镇');
    expect(r.stdout).toMatch(/5 份报告：0 份全部通过/);
    expect(r.stdout).toContain('✓ 通过');
  });

  it('csv and markdown carry the same rows', () => {
    const csv = cli(['summary', 'fixtures/seeds', '-f', 'csv']).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    const md = cli(['summary', 'fixtures/seeds', '-f', 'markdown']).stdout;
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(7); // header, alignment, five reports
    expect(rows[1]).toMatch(/^\| --- \| :-: /);
  });

  it('exit 0 when every report is clean; exit 2 for a missing path (the matrix still printed)', () => {
    expect(cli(['summary', 'fixtures/clean']).code).toBe(0);
    const r = cli(['summary', 'fixtures/clean', 'no-such-folder']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('青山镇');
    expect(r.stderr).toContain('no-such-folder');
  });

  describe('html', () => {
    let file: string;
    let html: string;
    beforeAll(() => {
      file = join(tmp, '审阅 汇总.html');
      const r = cli(['summary', 'fixtures/seeds', 'fixtures/clean', '-f', 'html', '-o', file]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      html = readFileSync(file, 'utf8');
    });

    it('is self-contained: inline CSS and script, no external resource, a CSP forbidding fetches', () => {
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<style>');
      expect(html).toContain('<script>');
      expect(html).toContain("default-src 'none'");
      expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\ssrc=|url\(|@import/i);
      expect(html).not.toMatch(/href="(?!#)/);
    });

    it('has the matrix first, then every report with every finding anchored, highlighted and explained', () => {
      expect(html.indexOf('<table class="matrix">')).toBeLessThan(html.indexOf('<article'));
      const { reports } = ensureJson();
      expect(html.match(/<article /g)).toHaveLength(reports.length);
      const seeds = JSON.parse(cli(['-f', 'json', 'fixtures/seeds']).stdout) as { messages: unknown[] }[];
      const total = seeds.reduce((n, r) => n + r.messages.length, 0);
      expect(html.match(/<a class="anchor" id="r\d+-f\d+"><\/a>/g)).toHaveLength(total);
      expect(html.match(/<li data-rule=/g)).toHaveLength(total);
      expect(html).toContain('依据：');
      expect(html).toContain('GB/T 9704-2012');
      expect(html).toMatch(/<mark class="error" data-rules="[^"]*xi-fazhi-thought/);
      expect(html).toMatch(/<input type="checkbox" data-rule="closing-date" checked>/);
    });
  });
});

const chromium = ['chromium', 'chromium-browser'].find(
  (c) => spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 30_000 }).status === 0,
);

describe.skipIf(!chromium)(
  'summary HTML in headless Chromium (skipped when chromium is not installed: apt-get install -y chromium; .ci/run installs it)',
  () => {
    let tmp: string;
    let file: string;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'fazhi-chromium-'));
      file = join(tmp, 'summary.html');
      cli(['summary', 'fixtures/seeds', 'fixtures/clean', '-f', 'html', '-o', file]);
      mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    const render = (hash: string, screenshot: string) => {
      const r = spawnSync(
        chromium as string,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--hide-scrollbars',
          `--user-data-dir=${join(tmp, 'profile')}`,
          '--window-size=1400,2000',
          `--screenshot=${screenshot}`,
          '--dump-dom',
          `file://${file}${hash}`,
        ],
        { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
      );
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      return r.stdout;
    };

    it('renders the highlights (DOM after the script ran) and keeps a screenshot', () => {
      const shot = join(RESULTS, 'summary-html.png');
      const dom = render('', shot);
      expect(dom).toContain('<table class="matrix">');
      const marks =
        dom.match(/<mark class="(?:point )?(?:error|warning|info)[^"]*" data-rules="[^"]+"/g) ?? [];
      expect(marks.length).toBeGreaterThan(20);
      expect(dom).toMatch(/<mark class="error[^"]*" data-rules="[^"]*xi-fazhi-thought[^"]*"/);
      expect(dom).toContain('data-filter="*"'); // the script ran: every rule selected
      expect(dom).not.toMatch(/<mark[^>]* off"/);
      expect(existsSync(shot)).toBe(true);
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    });

    it('filters by rule: #rules=… unticks the others and dims their marks and entries', () => {
      const shot = join(RESULTS, 'summary-html-filtered.png');
      const dom = render('#rules=xi-fazhi-thought,closing-signer', shot);
      expect(dom).toContain('data-filter="closing-signer,xi-fazhi-thought"');
      expect(dom).toMatch(/<li data-rule="closing-date" class="off">/);
      expect(dom).toMatch(/<mark class="error" data-rules="[^"]*xi-fazhi-thought[^"]*"/);
      expect(dom).toMatch(/<mark class="[^"]*off" data-rules="closing-date"/);
      writeFileSync(join(RESULTS, 'summary-html-filtered.dom.html'), dom);
    });
  },
);
