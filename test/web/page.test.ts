/**
 * The page of `fazhi-lint serve` in a real browser (Debian's Chromium driven by playwright-core, no browser
 * download): what a drafter sees equals what the CLI finds, the explanation opens, fixes apply and download,
 * nothing is fetched from any other host, report text never runs as HTML, axe finds no serious violation, and
 * the keyboard alone moves from finding to finding. Screenshots go to test-results/web/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFromText } from '../../bench/lib/bad-inputs.js';
import { openDocx } from '../../src/input/docx.js';
import { type CellCounts, cellSymbol } from '../../src/output/summary/order.js';
import { CHROMIUM, ROOT, SEEDS, type Served, serve, upload } from './helpers.js';

const SHOTS = join(ROOT, 'test-results', 'web');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

interface Json {
  ruleId: string;
  line: number;
  message: string;
  fix?: unknown;
}

async function apiFindings(url: string, bytes: Uint8Array, name: string): Promise<Json[]> {
  const res = await upload(url, '/api/lint', bytes, name);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Json[] }[])[0]?.messages ?? [];
}

const key = (x: { ruleId: string; line: number }) => `${x.ruleId}@${x.line}`;
const sorted = (xs: string[]) => [...xs].sort();

describe.skipIf(!CHROMIUM)(
  'the serve page in headless Chromium (skipped when /usr/bin/chromium is missing: apt-get install -y chromium; .ci/run installs it)',
  () => {
    let s: Served;
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    let work: string;
    const requests: string[] = [];
    const dialogs: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      s = await serve();
      profile = mkdtempSync(join(tmpdir(), 'fazhi-chromium-'));
      work = mkdtempSync(join(tmpdir(), 'fazhi-page-'));
      const { chromium } = await import('playwright-core');
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        acceptDownloads: true,
        viewport: { width: 1360, height: 900 },
        locale: 'zh-CN',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      context.on('request', (r) => requests.push(r.url()));
      page = context.pages()[0] ?? (await context.newPage());
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await s?.stop();
      rmSync(profile, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    });

    /** Opens the page fresh and uploads one file through the plain <input type="file">. */
    async function openFile(path: string): Promise<void> {
      await page.goto(s.url);
      await page.setInputFiles('#file', path);
      await page.waitForSelector(
        '#report:not([hidden]) #findings button.finding, #report:not([hidden]) #findings .ok',
      );
    }

    async function shown(): Promise<{ marks: string[]; list: string[] }> {
      return page.evaluate(() => {
        const seen = new Map<string, string>();
        for (const m of document.querySelectorAll<HTMLElement>('#backdrop mark[data-index]')) {
          seen.set(m.dataset.index as string, `${m.dataset.ruleId}@${m.dataset.line}`);
        }
        const list = [...document.querySelectorAll<HTMLElement>('#findings button.finding')].map(
          (b) => `${b.dataset.ruleId}@${b.dataset.line}`,
        );
        return { marks: [...seen.values()], list };
      });
    }

    it('a seed as .txt: every finding of the JSON is highlighted in place and listed (rule id + line)', async () => {
      const path = join(SEEDS, seeds[0] as string);
      const json = await apiFindings(s.url, readFileSync(path), seeds[0] as string);
      expect(json.length).toBeGreaterThan(5);
      await openFile(path);
      const { marks, list } = await shown();
      expect(sorted(marks)).toEqual(sorted(json.map(key)));
      expect(sorted(list)).toEqual(sorted(json.map(key)));
      // the required checks first, as summary shows them
      const checks = await page.locator('#checks .check').allTextContents();
      expect(checks[0]).toMatch(/^[✓✗!]\d* 标题：(通过|有错误 \d+ 处|有警告 \d+ 处)$/);
      expect(checks.join(' ')).toContain('第一责任人履职');
      // the text behind the editable area is the report itself
      expect(await page.locator('#text').inputValue()).toBe(
        readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'),
      );
      await page.screenshot({ path: join(SHOTS, 'serve-report.png') });
    });

    it('a seed as .docx: the highlights equal the JSON findings for that .docx', async () => {
      const text = readFileSync(join(SEEDS, seeds[2] as string), 'utf8');
      const docx = await docxFromText(text);
      const path = join(work, '某县2023年报告.docx');
      writeFileSync(path, docx);
      const json = await apiFindings(s.url, docx, '某县2023年报告.docx');
      await openFile(path);
      const { marks, list } = await shown();
      expect(sorted(marks)).toEqual(sorted(json.map(key)));
      expect(sorted(list)).toEqual(sorted(json.map(key)));
      await expect(page.locator('#download').textContent()).resolves.toBe('下载 Word 审阅稿');
    });

    it('clicking a finding scrolls to it and shows what `explain` prints: message, norm cited, examples', async () => {
      const path = join(SEEDS, seeds[1] as string);
      const json = await apiFindings(s.url, readFileSync(path), seeds[1] as string);
      await openFile(path);
      const target = json.findIndex((m) => m.ruleId === 'closing-date' || m.ruleId === 'typo');
      const chosen = json[target >= 0 ? target : json.length - 1] as Json;
      const index = target >= 0 ? target : json.length - 1;
      const explanation = (await (await fetch(new URL(`/api/rules/${chosen.ruleId}`, s.url))).json()) as {
        norms: string[];
        description: string;
        invalid: { text: string } | null;
      };
      await page.click(`#findings button.finding[data-index="${index}"]`);
      await expect(page.locator('#explain-title').textContent()).resolves.toBe(chosen.message);
      await page.waitForSelector('#explain .description');
      const panel = (await page.locator('#explain').textContent()) ?? '';
      expect(panel).toContain('依据');
      for (const norm of explanation.norms) expect(panel).toContain(norm);
      expect(panel).toContain(explanation.description.trim().slice(0, 30));
      if (explanation.invalid) expect(panel).toContain(explanation.invalid.text.trim().slice(0, 10));
      const mark = page.locator(`#backdrop mark[data-index="${index}"]`).first();
      await expect(mark.getAttribute('class')).resolves.toContain('current');
      const box = await mark.boundingBox();
      const viewport = page.viewportSize();
      expect(box && viewport && box.y >= 0 && box.y <= viewport.height).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'serve-explain.png') });
    });

    it('apply all fixes, download the result, lint it again: no fixable finding is left', async () => {
      const name = seeds[0] as string;
      const path = join(SEEDS, name);
      const before = await apiFindings(s.url, readFileSync(path), name);
      expect(before.some((m) => m.fix)).toBe(true);
      await openFile(path);
      // one fix first, through the explanation's button
      const firstFixable = before.findIndex((m) => m.fix);
      await page.click(`#findings button.finding[data-index="${firstFixable}"]`);
      await page.click('#fix-one');
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('已重新检查'),
      );
      await page.click('#fix-all');
      await page.waitForFunction(
        () =>
          document.getElementById('status')?.textContent?.startsWith('已重新检查') &&
          (document.getElementById('fix-all') as HTMLButtonElement).disabled,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = join(work, `fixed-${name}`);
      await download.saveAs(saved);
      const after = await apiFindings(s.url, readFileSync(saved), name);
      expect(after.filter((m) => m.fix)).toEqual([]);
      expect(after.length).toBeLessThan(before.length);
    });

    it('a UTF-8 file with BOM and CRLF: each highlight covers its finding’s text; the download keeps BOM and CRLF like --fix', async () => {
      const name = 'report.utf8-bom-crlf.txt';
      const source = join(ROOT, 'fixtures/input', name);
      const json = (await (await upload(s.url, '/api/lint', readFileSync(source), name)).json()) as {
        messages: (Json & { column: number; endLine: number; endColumn: number })[];
      }[];
      await openFile(source);
      const lines = readFileSync(source, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\r|\n/);
      const at = (line: number, column: number) =>
        lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      const lf = lines.join('\n');
      const covered = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#backdrop mark[data-index]:not([data-part])')].map(
          (m) => [Number(m.dataset.index), m.textContent ?? ''],
        ),
      );
      const messages = json[0]?.messages ?? [];
      expect(covered.length).toBe(messages.length);
      for (const [index, text] of covered as [number, string][]) {
        const m = messages[index] as Json & { column: number; endLine: number; endColumn: number };
        expect(text).toBe(lf.slice(at(m.line, m.column), at(m.endLine, m.endColumn)));
      }
      const tmp = mkdtempSync(join(tmpdir(), 'fazhi-crlf-'));
      try {
        writeFileSync(join(tmp, name), readFileSync(source));
        const { spawnSync } = await import('node:child_process');
        spawnSync(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), '--fix', name], { cwd: tmp });
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
        const saved = join(tmp, 'downloaded.txt');
        await download.saveAs(saved);
        expect(readFileSync(saved).equals(readFileSync(join(tmp, name)))).toBe(true);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('editing the text re-checks it with the same engine', async () => {
      await openFile(join(SEEDS, seeds[4] as string));
      const textarea = page.locator('#text');
      await textarea.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('\n我镇深入学习贯彻习近平法制思想。');
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('#findings button.finding')].some(
          (b) => b.dataset.ruleId === 'formulation' && b.textContent?.includes('习近平法制思想'),
        ),
      );
      const text = await textarea.inputValue();
      const json = await apiFindings(s.url, Buffer.from(text), seeds[4] as string);
      const { list } = await shown();
      expect(sorted(list)).toEqual(sorted(json.map(key)));
    });

    it('a .docx downloads as the Word review copy (the same as `fazhi-lint annotate`)', async () => {
      const docx = await docxFromText(readFileSync(join(SEEDS, seeds[3] as string), 'utf8'));
      const path = join(work, '审阅用.docx');
      writeFileSync(path, docx);
      await openFile(path);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const saved = join(work, download.suggestedFilename());
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe('审阅用（审阅）.docx');
      const copy = openDocx(readFileSync(saved), saved);
      const comments = copy.zip.readText('word/comments.xml') ?? '';
      const findings = await apiFindings(s.url, docx, '审阅用.docx');
      // One comment per finding, and one summary comment on the title.
      expect(comments.match(/<w:comment /g)?.length).toBe(findings.length + 1);
      await expect(page.locator('#status').textContent()).resolves.toContain('已下载 Word 审阅稿');
    });

    it('several files: the summary matrix, worst first, each row opening that report', async () => {
      await page.goto(s.url);
      await page.setInputFiles(
        '#file',
        seeds.map((f) => join(SEEDS, f)),
      );
      await page.waitForFunction(
        (n) => document.querySelectorAll('#batch-table tbody tr').length === n,
        seeds.length,
      );
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('检查完成'),
      );
      const summary = JSON.parse(
        (
          await import('node:child_process').then(({ spawnSync }) =>
            spawnSync(
              process.execPath,
              [join(ROOT, 'bin/fazhi-lint.js'), 'summary', 'fixtures/seeds', '-f', 'json'],
              {
                cwd: ROOT,
                encoding: 'utf8',
              },
            ),
          )
        ).stdout,
      ) as { reports: { path: string; checks: Record<string, CellCounts> }[]; columns: { id: string }[] };
      const rows = await page.locator('#batch-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          path: (tr as HTMLElement).dataset.path,
          cells: [...tr.querySelectorAll('td.cell')].map((td) => td.textContent),
        })),
      );
      expect(rows.map((r) => r.path)).toEqual(summary.reports.map((r) => r.path.split('/').pop()));
      const ids = summary.columns.map((c) => c.id);
      for (const [i, row] of rows.entries()) {
        const checks = summary.reports[i]?.checks ?? {};
        expect(row.cells).toEqual(ids.map((id) => cellSymbol(checks[id] as CellCounts)));
      }
      await page.screenshot({ path: join(SHOTS, 'serve-batch.png'), fullPage: true });
      await page.locator('#batch-table tbody tr').first().locator('button').click();
      await page.waitForSelector('#report:not([hidden])');
      await expect(page.locator('#report-title').textContent()).resolves.toBe(rows[0]?.path);
      await page.click('#back');
      await page.waitForSelector('#batch:not([hidden])');
    });

    it('a folder (the folder picker) and a drop of several files both give the matrix', async () => {
      await page.goto(s.url);
      await page.setInputFiles('#folder', SEEDS);
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('检查完成'),
      );
      expect(await page.locator('#batch-table tbody tr').count()).toBe(seeds.length);
      await page.goto(s.url);
      const files = seeds.slice(0, 3).map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
      const dataTransfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
        return dt;
      }, files);
      await page.dispatchEvent('#drop', 'drop', { dataTransfer });
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('检查完成'),
      );
      expect(await page.locator('#batch-table tbody tr').count()).toBe(3);
    });

    it('report text is never run as HTML: <script> and <img onerror> show as text and fire no dialog', async () => {
      await page.goto(s.url);
      const evil =
        '某镇2023年法治政府建设情况报告\n一、主要成效\n<img src=x onerror=alert(1)>我镇<script>alert(2)</script>推进依法行政。\n<b onmouseover=alert(3)>粗体</b>\n';
      await page.fill('#paste', evil);
      await page.click('#paste-check');
      await page.waitForSelector('#report:not([hidden])');
      // move over every highlighted line: an injected handler would fire now
      const box = await page.locator('#backdrop').boundingBox();
      for (let y = 0; box && y < box.height; y += 10) await page.mouse.move(box.x + 40, box.y + y);
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(await page.locator('#report img, #report script, #report b').count()).toBe(0);
      expect(await page.locator('#backdrop').textContent()).toContain('<img src=x onerror=alert(1)>');
    });

    it('axe-core finds no serious or critical violation (start, report with an explanation, batch)', async () => {
      const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      const check = async (what: string) => {
        // evaluate, not a <script> tag: the page's CSP rightly forbids inline scripts
        await page.evaluate(axe);
        const result = (await page.evaluate(() =>
          (
            window as unknown as {
              axe: {
                run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe.run({ resultTypes: ['violations'] }),
        )) as { violations: { id: string; impact: string; help?: string; nodes: { target: string[] }[] }[] };
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map((v) => `${what}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      };
      await page.goto(s.url);
      await check('start');
      await openFile(join(SEEDS, seeds[1] as string));
      await page.locator('#findings button.finding').first().click();
      await page.waitForSelector('#explain .description');
      await check('report');
      await page.goto(s.url);
      await page.setInputFiles('#file', [join(SEEDS, seeds[0] as string), join(SEEDS, seeds[1] as string)]);
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('检查完成'),
      );
      await check('batch');
    });

    it('the keyboard alone moves from finding to finding', async () => {
      await openFile(join(SEEDS, seeds[2] as string));
      // Tab from the top of the page until a finding in the list has the focus (a bounded walk)
      await page.locator('#report-title').focus();
      let onFinding = false;
      for (let i = 0; i < 60 && !onFinding; i++) {
        await page.keyboard.press('Tab');
        onFinding = await page.evaluate(
          () => document.activeElement?.matches('#findings button.finding') ?? false,
        );
      }
      expect(onFinding).toBe(true);
      const focused = () =>
        page.evaluate(() => (document.activeElement as HTMLElement).dataset.index as string | undefined);
      const first = await focused();
      await page.keyboard.press('Enter');
      const message = await page.locator('#explain-title').textContent();
      await page.keyboard.press('ArrowDown');
      const second = await focused();
      expect(second).not.toBe(first);
      await expect(page.locator('#explain-title').textContent()).resolves.not.toBe(message);
      await expect(
        page.locator(`#backdrop mark[data-index="${second}"]`).first().getAttribute('class'),
      ).resolves.toContain('current');
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe(first);
      // n / p walk the findings in the order of the text
      await page.keyboard.press('n');
      const next = await focused();
      expect(next).toBeDefined();
      await expect(
        page.locator(`#backdrop mark[data-index="${next}"]`).first().getAttribute('class'),
      ).resolves.toContain('current');
    });

    it('no request went to any host but the server', () => {
      expect(requests.length).toBeGreaterThan(20);
      const foreign = requests.filter((u) => !u.startsWith(`${s.origin}/`) && !u.startsWith('blob:'));
      expect(foreign).toEqual([]);
    });
  },
);
