/**
 * Protocol tests: the real server over stdio (`node bin/fazhi-lint.js lsp --stdio`), driven with vscode-jsonrpc.
 * Needs `npm run build` first (the `test` script does it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { MAX_UNDERLINED_LINES } from '../../src/lsp/server.js';
import { applyEdits, type CodeAction, type Diagnostic, ROOT, TestClient, type TextEdit } from './client.js';

const SEED = join(ROOT, 'fixtures', 'seeds', '000_3c0df08b306f7395.txt');
const SEED_URI = pathToFileURL(SEED).href;
const WRONG = '2023年，我镇深入学习贯彻习近平法制思想。';
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

const clients: TestClient[] = [];
const dirs: string[] = [];
async function start(options: Parameters<typeof TestClient.start>[0] = {}) {
  const started = await TestClient.start(options);
  clients.push(started.client);
  return started;
}
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-lsp-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('diagnostics', () => {
  it('match the engine on a seed report: ranges, codes, severities, links', async () => {
    const text = readFileSync(SEED, 'utf8');
    const linter = await createLinter({ cwd: ROOT });
    const expected = linter.lintText(text, SEED).messages;
    const rules = new Map(linter.rulesFor(SEED).map((r) => [r.id, r]));
    const { client } = await start();
    const p = await client.open(SEED_URI, text);
    expect(p.version).toBe(1);
    expect(p.diagnostics.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(3);
    const lines = text.split(/\r\n|\r|\n/);
    let longOnes = 0;
    p.diagnostics.forEach((d, i) => {
      const m = expected[i];
      if (!m) throw new Error('missing');
      // A finding over many lines (the whole-document half-width finding) is underlined on its first line only.
      const long = m.endLine - m.line >= MAX_UNDERLINED_LINES;
      if (long) longOnes++;
      expect(d.range).toEqual({
        start: { line: m.line - 1, character: m.column - 1 },
        end: long
          ? { line: m.line - 1, character: Math.max(m.column, (lines[m.line - 1] as string).length) }
          : { line: m.endLine - 1, character: m.endColumn - 1 },
      });
      expect((d.data as { start: number; end: number }).end).toBe(m.end);
      expect(d.code).toBe(m.ruleId);
      expect(d.severity).toBe(SEVERITY[m.severity]);
      expect(d.source).toBe('fazhi-lint');
      expect(d.message).toBe(m.message);
      expect(d.codeDescription?.href).toBe(rules.get(m.ruleId)?.url);
    });
    expect(longOnes).toBe(1);
    // one finding spelled out: the missing 习近平法治思想 on the title line (the seventh: the third is the page's
    // copy of the title above the page metadata, which is residue), an error
    const xi = p.diagnostics.find((d) => d.code === 'xi-fazhi-thought');
    expect(xi?.range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 18 } });
    expect(xi?.severity).toBe(1);
    expect(xi?.message).toContain('全文未提及“习近平法治思想”');
  });

  it('counts UTF-16 code units after astral characters (𠀀 is two)', async () => {
    const { client, init } = await start();
    expect(init.capabilities.positionEncoding).toBe('utf-16');
    const uri = pathToFileURL(join(ROOT, 'astral.txt')).href;
    const text = `前言\n${WRONG.replace('贯彻', '贯彻𠀀𠀀')}\n`;
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'formulation');
    const col = text.split('\n')[1]?.indexOf('习近平法制思想') as number;
    expect(col).toBe(18); // 14 BMP characters + 2 × 2 code units
    expect(d?.range).toEqual({ start: { line: 1, character: col }, end: { line: 1, character: col + 7 } });
  });

  it('negotiates utf-8 positions, in diagnostics and in incremental changes', async () => {
    const { client, init } = await start({ positionEncodings: ['utf-8', 'utf-16'] });
    expect(init.capabilities.positionEncoding).toBe('utf-8');
    const uri = pathToFileURL(join(ROOT, 'utf8.txt')).href;
    const line = WRONG.replace('贯彻', '贯彻𠀀');
    const p = await client.open(uri, `${line}\n`);
    const d = p.diagnostics.find((x) => x.code === 'formulation');
    const bytes = Buffer.byteLength(line.slice(0, line.indexOf('习近平')));
    expect(bytes).toBe(4 + 3 * 10 + 4); // 2023 + 年，我镇深入学习贯彻 + 𠀀
    expect(d?.range.start).toEqual({ line: 0, character: bytes });
    expect(d?.range.end).toEqual({ line: 0, character: bytes + 7 * 3 });
    // insert "再" right after 𠀀, addressed in utf-8 bytes: the finding moves by 3 bytes
    const wait = client.waitFor(uri, (x) => x.version === 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: bytes }, end: { line: 0, character: bytes } }, text: '再' },
      ],
    });
    const after = (await wait).diagnostics.find((x) => x.code === 'formulation');
    expect(after?.range.start).toEqual({ line: 0, character: bytes + 3 });
  });

  it('negotiates utf-32 positions (code points)', async () => {
    const { client, init } = await start({ positionEncodings: ['utf-32'] });
    expect(init.capabilities.positionEncoding).toBe('utf-32');
    const uri = pathToFileURL(join(ROOT, 'utf32.txt')).href;
    const line = WRONG.replace('贯彻', '贯彻𠀀𠀀');
    const p = await client.open(uri, `${line}\n`);
    const d = p.diagnostics.find((x) => x.code === 'formulation');
    expect(d?.range.start).toEqual({ line: 0, character: [...line.slice(0, line.indexOf('习近平'))].length });
  });

  it('debounces a burst of changes into one publish for the last version', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'burst.txt')).href;
    await client.open(uri, '前言\n');
    const before = client.published.length;
    const last = client.waitFor(uri, (p) => p.version === 6);
    for (let v = 2; v <= 6; v++)
      void client.change(uri, v, `前言\n${'正文。'.repeat(v)}\n${v === 6 ? WRONG : ''}\n`);
    const p = await last;
    await sleep(400);
    const burst = client.published.slice(before).filter((x) => x.uri === uri);
    expect(burst.map((x) => x.version)).toEqual([6]);
    expect(p.diagnostics.some((d) => d.code === 'formulation')).toBe(true);
  });

  it('clears diagnostics on close', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'close.txt')).href;
    const p = await client.open(uri, `${WRONG}\n`);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    const cleared = client.waitFor(uri, (x) => x.diagnostics.length === 0);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });

  it('honours the severityFloor setting', async () => {
    const { client } = await start({ vscodeLike: true, settings: { severityFloor: 'error' } });
    const text = readFileSync(SEED, 'utf8');
    // the settings arrive through workspace/configuration after `initialized`, then open documents are re-linted
    const floored = client.waitFor(
      SEED_URI,
      (x) => x.diagnostics.length > 0 && x.diagnostics.every((d) => d.severity === 1),
    );
    await client.open(SEED_URI, text);
    await floored;
  });
});

describe('code actions and hover', () => {
  async function actionsFor(client: TestClient, uri: string, d: Diagnostic, only?: string[]) {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], ...(only ? { only } : {}) },
    });
  }

  it('offers the safe fix as the preferred quick fix; applying it yields the fixed text', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'fix.txt')).href;
    const text = `前言\n${WRONG}\n`;
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const actions = await actionsFor(client, uri, d);
    const fix = actions[0] as CodeAction;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.title).toContain('习近平法治思想');
    const edits = fix.edit?.changes?.[uri] as TextEdit[];
    expect(applyEdits(text, edits)).toBe(`前言\n${WRONG.replace('法制', '法治')}\n`);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('修复本文件所有 fazhi-lint 问题');
    expect(titles.some((t) => t.startsWith('在本行停用此规则'))).toBe(true);
    expect(titles.some((t) => t.startsWith('在本文件停用此规则'))).toBe(true);
  });

  it('fix-all (source.fixAll.fazhi-lint) gives the same text as the CLI --fix', async () => {
    const text = readFileSync(SEED, 'utf8');
    const linter = await createLinter({ cwd: ROOT });
    const { output } = linter.fixSource({
      path: SEED,
      format: 'text',
      text,
      encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
    });
    expect(output).not.toBe(text);
    const { client } = await start();
    const p = await client.open(SEED_URI, text);
    const d = p.diagnostics[0] as Diagnostic;
    const actions = await actionsFor(client, SEED_URI, d, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.fazhi-lint']);
    expect(applyEdits(text, actions[0]?.edit?.changes?.[SEED_URI] as TextEdit[])).toBe(output);
  });

  it('Markdown: 在本行停用此规则 inserts a disable-next-line comment that silences the finding', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'disable.md')).href;
    const text = `# 某镇2023年法治政府建设情况报告\n\n一、主要成效\n${WRONG}\n第二句。\n`;
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const actions = await actionsFor(client, uri, d);
    const line = actions.find((a) => a.title.startsWith('在本行停用此规则')) as CodeAction;
    const fixed = applyEdits(text, line.edit?.changes?.[uri] as TextEdit[]);
    expect(fixed).toContain(`<!-- fazhi-lint-disable-next-line formulation -->\n${WRONG}`);
    const wait = client.waitFor(uri, (x) => x.version === 2);
    await client.change(uri, 2, fixed);
    expect((await wait).diagnostics.some((x) => x.code === 'formulation')).toBe(false);

    const file = actions.find((a) => a.title.startsWith('在本文件停用此规则')) as CodeAction;
    const whole = applyEdits(text, file.edit?.changes?.[uri] as TextEdit[]);
    expect(whole.startsWith('<!-- fazhi-lint-disable formulation -->\n# 某镇')).toBe(true);
    const wait3 = client.waitFor(uri, (x) => x.version === 3);
    await client.change(uri, 3, whole);
    expect((await wait3).diagnostics.some((x) => x.code === 'formulation')).toBe(false);
  });

  it('text file: 在本行停用此规则 creates .fazhi-lint.yaml with a match-scoped ignore entry', async () => {
    const ws = workspace();
    const path = join(ws, 'report.txt');
    const uri = pathToFileURL(path).href;
    const text = `前言\n${WRONG}\n`;
    writeFileSync(path, text);
    const { client } = await start({ cwd: ws, vscodeLike: true });
    await sleep(200);
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const actions = await actionsFor(client, uri, d);
    const act = actions.find((a) => a.title.startsWith('在本行停用此规则')) as CodeAction;
    const changes = act.edit?.documentChanges as [
      { kind: string; uri: string },
      { textDocument: { uri: string }; edits: TextEdit[] },
    ];
    const configUri = pathToFileURL(join(ws, '.fazhi-lint.yaml')).href;
    expect(changes[0]).toMatchObject({ kind: 'create', uri: configUri });
    const yaml = applyEdits('', changes[1].edits);
    expect(yaml).toBe('ignore:\n  formulation:\n    - 习近平法制思想\n');
    writeFileSync(join(ws, '.fazhi-lint.yaml'), yaml);
    const wait = client.waitFor(uri, (x) => !x.diagnostics.some((y) => y.code === 'formulation'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 1 }],
    });
    await wait;

    // a second entry goes into the existing file, keeping it valid YAML and keeping the first entry
    const other = '2023年，我镇深入学习贯彻习近平法治精神。';
    const wait2 = client.waitFor(uri, (x) => x.version === 2);
    await client.change(uri, 2, `前言\n${WRONG}\n${other}\n`);
    const d2 = (await wait2).diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const act2 = (await actionsFor(client, uri, d2)).find((a) =>
      a.title.startsWith('在本行停用此规则'),
    ) as CodeAction;
    const yaml2 = applyEdits(yaml, act2.edit?.changes?.[configUri] as TextEdit[]);
    expect(yaml2).toBe('ignore:\n  formulation:\n    - 习近平法制思想\n    - 习近平法治精神\n');
  });

  it('text file: 在本文件停用此规则 adds an overrides entry for that file', async () => {
    const ws = workspace({ '.fazhi-lint.yaml': '# 本单位配置\nrules:\n  quantified-results: off\n' });
    const path = join(ws, 'sub', 'report.txt');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    const uri = pathToFileURL(path).href;
    const { client } = await start({ cwd: ws, vscodeLike: true });
    await sleep(200);
    const p = await client.open(uri, `前言\n${WRONG}\n`);
    const d = p.diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const act = (await actionsFor(client, uri, d)).find((a) =>
      a.title.startsWith('在本文件停用此规则'),
    ) as CodeAction;
    const configUri = pathToFileURL(join(ws, '.fazhi-lint.yaml')).href;
    const before = readFileSync(join(ws, '.fazhi-lint.yaml'), 'utf8');
    const after = applyEdits(before, act.edit?.changes?.[configUri] as TextEdit[]);
    expect(after).toBe(
      '# 本单位配置\nrules:\n  quantified-results: off\noverrides:\n  - files:\n      - sub/report.txt\n    rules:\n      formulation: off\n',
    );
    writeFileSync(join(ws, '.fazhi-lint.yaml'), after);
    const wait = client.waitFor(uri, (x) => !x.diagnostics.some((y) => y.code === 'formulation'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 2 }],
    });
    await wait;
  });

  it('hover shows the rule explanation and link, not the replacement', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'hover.txt')).href;
    const p = await client.open(uri, `前言\n${WRONG}\n`);
    const d = p.diagnostics.find((x) => x.code === 'formulation') as Diagnostic;
    const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown } | null>(
      'textDocument/hover',
      {
        textDocument: { uri },
        position: { line: d.range.start.line, character: d.range.start.character + 2 },
      },
    );
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toContain('fazhi-lint · formulation');
    expect(hover?.contents.value).toContain('党政机关公文处理工作条例');
    expect(hover?.contents.value).toContain(`](${d.codeDescription?.href})`);
    // VS Code already shows the message (which names the replacement) above the hover: it is not repeated
    expect(hover?.contents.value).not.toContain(d.message);
    expect(hover?.range).toEqual(d.range);
  });
});

describe('configuration', () => {
  it('shows a broken .fazhi-lint.yaml as a diagnostic on that file, and recovers when it is fixed', async () => {
    const ws = workspace({ '.fazhi-lint.yaml': 'rules:\n  formulation: error\nrulez:\n  x: 1\n' });
    const configUri = pathToFileURL(join(ws, '.fazhi-lint.yaml')).href;
    const uri = pathToFileURL(join(ws, 'report.txt')).href;
    const { client } = await start({ cwd: ws });
    const onConfig = client.waitFor(configUri, (x) => x.diagnostics.length > 0);
    const p = await client.open(uri, `前言\n${WRONG}\n`);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]?.code).toBe('config-error');
    expect(p.diagnostics[0]?.message).toContain('未知的配置项 “rulez”');
    const c = await onConfig;
    expect(c.diagnostics[0]).toMatchObject({
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } },
      severity: 1,
      source: 'fazhi-lint',
    });
    writeFileSync(join(ws, '.fazhi-lint.yaml'), 'rules:\n  formulation: warning\n');
    const cleared = client.waitFor(configUri, (x) => x.diagnostics.length === 0);
    const relinted = client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'formulation'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 2 }],
    });
    await cleared;
    expect((await relinted).diagnostics.find((d) => d.code === 'formulation')?.severity).toBe(2);
  });

  it('loads fazhiLint.rulesDirs and shows a broken rule file on that file', async () => {
    const ws = workspace({
      'my-rules/ban.yaml':
        'id: ban-word\nkind: substitution\nseverity: warning\nmessage: 不用“{found}”\ndescription: 测试规则\nswap:\n  抓手: 措施\n',
    });
    const uri = pathToFileURL(join(ws, 'report.txt')).href;
    const { client } = await start({ cwd: ws, vscodeLike: true, settings: { rulesDirs: ['my-rules'] } });
    const custom = client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'ban-word'));
    await client.open(uri, '前言\n这是重要抓手。\n');
    expect((await custom).diagnostics.find((d) => d.code === 'ban-word')?.range).toEqual({
      start: { line: 1, character: 4 },
      end: { line: 1, character: 6 },
    });

    writeFileSync(
      join(ws, 'my-rules/ban.yaml'),
      'id: ban-word\nkind: no-such-kind\nseverity: warning\nmessage: x\ndescription: x\n',
    );
    const ruleUri = pathToFileURL(join(ws, 'my-rules/ban.yaml')).href;
    const onRule = client.waitFor(ruleUri, (x) => x.diagnostics.length > 0);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ruleUri, type: 2 }],
    });
    const r = await onRule;
    expect(r.diagnostics[0]?.range.start.line).toBe(1);
    expect(r.diagnostics[0]?.message).toContain('未知的规则类型');
  });
});

describe('robustness', () => {
  it('survives malformed JSON-RPC, unknown methods, binary junk and a huge document', async () => {
    const { client } = await start();
    // garbage with a valid header, then a bare unparseable body
    const junk = Buffer.from('{"jsonrpc":"2.0","id":99,"method":');
    client.child.stdin.write(`Content-Length: ${junk.length}\r\n\r\n`);
    client.child.stdin.write(junk);
    await expect(client.request('fazhi/noSuchMethod', {})).rejects.toThrow();
    // a header without Content-Length, and a header glued to garbage: the framing recovers at the next message
    client.child.stdin.write('Bogus-Header: x\r\n\r\n{}');
    client.child.stdin.write('\u0000\u0001 garbage ');
    await expect(client.request('fazhi-lint/status', {})).resolves.toMatchObject({
      positionEncoding: 'utf-16',
    });
    const hoverless = await client.request('textDocument/hover', {
      textDocument: { uri: 'file:///nope.txt' },
      position: { line: 0, character: 0 },
    });
    expect(hoverless).toBeNull();
    await expect(client.request('textDocument/codeAction', { nonsense: true })).resolves.toEqual([]);

    const binUri = pathToFileURL(join(ROOT, 'junk.txt')).href;
    const bin = readFileSync(process.execPath).subarray(0, 200_000).toString('latin1');
    expect((await client.open(binUri, bin)).diagnostics[0]?.message).toContain('不像文本文件');
    // text full of findings: capped, with a note saying how many more there are
    const manyUri = pathToFileURL(join(ROOT, 'many.txt')).href;
    const many = await client.open(manyUri, `${'习近平法制思想。'.repeat(1500)}\n`);
    expect(many.diagnostics.length).toBe(1001);
    expect(many.diagnostics.at(-1)?.message).toMatch(/^另有 \d+ 个问题未在编辑器中显示/);

    const bigUri = pathToFileURL(join(ROOT, 'big.txt')).href;
    const big = await client.open(bigUri, '正'.repeat(5_100_000));
    expect(big.diagnostics[0]?.message).toContain('文档过长');

    const uri = pathToFileURL(join(ROOT, 'alive.txt')).href;
    const p = await client.open(uri, `${WRONG}\n`);
    expect(p.diagnostics.some((d) => d.code === 'formulation')).toBe(true);
    expect(client.child.exitCode).toBeNull();
  });
});

describe('latency', () => {
  let text = '';
  beforeAll(() => {
    for (const f of [
      '000_3c0df08b306f7395',
      '001_33dfb61e85867be8',
      '002_0ca269bc21c17480',
      '003_dd6b3d9d359ab452',
      '004_de2a7d4be22d8b04',
    ]) {
      text += readFileSync(join(ROOT, 'fixtures', 'seeds', `${f}.txt`), 'utf8');
    }
  });

  // The engine's own time for the report is reported by the server (fazhi-lint/status); what the server adds on
  // top (debounce, parse, conversion, JSON-RPC) must stay small. The absolute figure is logged for the record.
  it('adds little to the engine time between a change and its diagnostics (20,000 characters)', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(ROOT, 'latency.txt')).href;
    await client.open(uri, text);
    const times: number[] = [];
    const overhead: number[] = [];
    let t = text;
    for (let v = 2; v < 22; v++) {
      const at = (v * 997) % t.length;
      t = `${t.slice(0, at)}的${t.slice(at)}`;
      const wait = client.waitFor(uri, (x) => x.version === v);
      const s = performance.now();
      await client.change(uri, v, t);
      await wait;
      const ms = performance.now() - s;
      times.push(ms);
      const status = await client.request<{
        documents: { uri: string; lintedVersion: number; lintMs: number }[];
      }>('fazhi-lint/status', {});
      const doc = status.documents.find((x) => x.uri === uri);
      expect(doc?.lintedVersion).toBe(v);
      overhead.push(ms - (doc?.lintMs ?? 0));
      await sleep(30);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(
      `lsp change→diagnostics on ${text.length} chars: median ${median(times).toFixed(1)} ms (server overhead ${median(overhead).toFixed(1)} ms)`,
    );
    expect(median(overhead)).toBeLessThan(40);
  });
});
