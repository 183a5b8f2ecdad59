/**
 * `fazhi-lint serve` over HTTP (issue #13): the API gives what the CLI gives, refuses what it must with a clear
 * Chinese 4xx, protects itself (Host/Origin, headers, limits, time, overload) and stops cleanly on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveBomb, binaryData, docxFromText, truncated } from '../../bench/lib/bad-inputs.js';
import { openDocx } from '../../src/input/docx.js';
import { annotateDocx } from '../../src/output/annotate/index.js';
import { hasChinese, ROOT, SEEDS, type Served, serve, upload } from './helpers.js';

const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function cliJson(args: string[], cwd = ROOT): { filePath: string; messages: unknown[] }[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), ...args, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
  });
  return JSON.parse(r.stdout);
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(hasChinese(body.error.message)).toBe(true);
  return body.error;
}

describe('fazhi-lint serve: the HTTP API', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('POST /api/lint answers exactly what `--format json` prints for the same file', async () => {
    for (const seed of seeds) {
      const bytes = readFileSync(join(SEEDS, seed));
      const res = await upload(s.url, '/api/lint', bytes, `报告-${seed}`);
      expect(res.status).toBe(200);
      const api = (await res.json()) as { filePath: string }[];
      const cli = cliJson([join('fixtures/seeds', seed)]);
      expect(api).toHaveLength(1);
      expect(api[0]?.filePath).toBe(`报告-${seed}`);
      expect({ ...api[0], filePath: '' }).toEqual({ ...cli[0], filePath: '' });
    }
  });

  it('a .docx and a GB18030 text are read as the CLI reads them', async () => {
    const text = readFileSync(join(SEEDS, seeds[0] as string), 'utf8');
    const tmp = mkdtempSync(join(tmpdir(), 'fazhi-serve-'));
    try {
      const docx = await docxFromText(text);
      const path = join(tmp, 'seed.docx');
      await import('node:fs/promises').then((fs) => fs.writeFile(path, docx));
      const res = await upload(s.url, '/api/lint', docx, 'seed.docx');
      expect(res.status).toBe(200);
      expect({ ...((await res.json()) as object[])[0], filePath: '' }).toEqual({
        ...cliJson([path])[0],
        filePath: '',
      });
      const gb = join(ROOT, 'fixtures/input/report.gb18030.txt');
      const res2 = await upload(s.url, '/api/lint', readFileSync(gb), 'report.gb18030.txt');
      expect({ ...((await res2.json()) as object[])[0], filePath: '' }).toEqual({
        ...cliJson(['fixtures/input/report.gb18030.txt'])[0],
        filePath: '',
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('POST /api/fix returns the bytes `--fix` writes, in the file’s own encoding', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'fazhi-serve-'));
    try {
      for (const name of [seeds[1] as string, 'report.gb18030.txt', 'report.utf8-bom-crlf.txt']) {
        const from = name.startsWith('report.') ? join(ROOT, 'fixtures/input', name) : join(SEEDS, name);
        copyFileSync(from, join(tmp, name));
        const res = await upload(s.url, '/api/fix', readFileSync(from), name);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain(
          `filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        const fixed = Buffer.from(await res.arrayBuffer());
        spawnSync(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), '--fix', name], { cwd: tmp });
        expect(fixed.equals(readFileSync(join(tmp, name)))).toBe(true);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('X-Output-Encoding writes the page’s text back in the original encoding; a character it cannot hold is a 422', async () => {
    const res = await upload(s.url, '/api/fix', '某镇2023年法治政府建设情况报告\n', 'a.txt', {
      'X-Output-Encoding': 'gb18030',
    });
    expect(res.status).toBe(200);
    expect(new TextDecoder('gb18030').decode(await res.arrayBuffer())).toBe(
      '某镇2023年法治政府建设情况报告\n',
    );
    const bad = await upload(s.url, '/api/fix', '报告𠀀正文\n', 'a.txt', { 'X-Output-Encoding': 'gbk' });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).code).toBe('unencodable');
  });

  it('GET /api/rules lists the rules; /api/rules/<id> explains one as `explain` does; an unknown id is a 404', async () => {
    const rules = (await (await fetch(new URL('/api/rules', s.url))).json()) as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['closing-date', 'typo', 'xi-fazhi-thought']),
    );
    const x = (await (await fetch(new URL('/api/rules/closing-date', s.url))).json()) as Record<
      string,
      unknown
    >;
    expect(x).toMatchObject({ id: 'closing-date', severity: 'error' });
    expect(x.norms).toEqual(expect.arrayContaining([expect.stringContaining('GB/T 9704')]));
    expect((x.invalid as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(x.file).toBeUndefined();
    const unknown = await fetch(new URL('/api/rules/closing-dat', s.url));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toContain('closing-date');
  });

  it('GET /healthz; the page and its files with their types; nosniff and a strict CSP on every response', async () => {
    const urls = ['/', '/app.js', '/app.css', '/favicon.svg', '/healthz', '/api/rules', '/nope', '/api/lint'];
    const types: Record<string, string> = {
      '/': 'text/html',
      '/app.js': 'text/javascript',
      '/app.css': 'text/css',
      '/favicon.svg': 'image/svg+xml',
      '/healthz': 'application/json',
    };
    for (const path of urls) {
      const res = await fetch(new URL(path, s.url));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      if (types[path]) expect(res.headers.get('content-type')).toContain(types[path]);
    }
    expect((await fetch(new URL('/nope', s.url))).status).toBe(404);
    const wrong = await fetch(new URL('/api/lint', s.url));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const html = await (await fetch(s.url)).text();
    expect(html).not.toMatch(/<script>|<style>|\sstyle=|\son\w+=|https?:\/\//);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const u = new URL('/healthz', s.url);
        const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers }, (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const port = new URL(s.url).port;
    expect((await raw({ Host: `attacker.example:${port}` })).status).toBe(421);
    expect((await raw({ Host: `localhost:${port}` })).status).toBe(200);
    const origin = await raw({ Host: `127.0.0.1:${port}`, Origin: 'http://attacker.example' });
    expect(origin.status).toBe(403);
    expect(hasChinese(origin.body)).toBe(true);
    expect(
      (await raw({ Host: `127.0.0.1:${port}`, Origin: `http://localhost:${Number(port) + 1}` })).status,
    ).toBe(403);
    expect((await raw({ Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    // another site may link to the page, but not fetch from it
    const site = { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'cross-site' };
    expect((await raw({ ...site, 'Sec-Fetch-Mode': 'navigate' })).status).toBe(200);
    expect((await raw({ ...site, 'Sec-Fetch-Mode': 'no-cors' })).status).toBe(403);
  });

  it('every bad input is a 4xx with a clear Chinese message, and the server goes on', async () => {
    const docx = await docxFromText(readFileSync(join(SEEDS, seeds[0] as string), 'utf8'));
    const cases: [string, Promise<Response>, number][] = [
      ['empty body', upload(s.url, '/api/lint', new Uint8Array(0), 'a.txt'), 400],
      ['binary data', upload(s.url, '/api/lint', binaryData(), 'a.txt'), 415],
      ['truncated upload', upload(s.url, '/api/lint', truncated(docx), 'a.docx'), 422],
      ['archive bomb', upload(s.url, '/api/lint', await archiveBomb(1024), 'bomb.docx'), 413],
      ['a PDF', upload(s.url, '/api/lint', Buffer.from('%PDF-1.7\n'), 'a.pdf'), 415],
      ['no X-Filename', fetch(new URL('/api/lint', s.url), { method: 'POST', body: 'x' }), 400],
      [
        'bad percent-encoding',
        upload(s.url, '/api/lint', 'x', '%E6%'.replace('%', '%25'), { 'X-Filename': '%E6%' }),
        400,
      ],
      [
        'over the limit (declared)',
        upload(s.url, '/api/lint', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), 'big.txt'),
        413,
      ],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      await errorOf(res);
    }
    const ok = await upload(s.url, '/api/lint', readFileSync(join(SEEDS, seeds[2] as string)), 'ok.txt');
    expect(ok.status).toBe(200);
  });

  it('a body over the limit without a declared length is refused while it streams', async () => {
    const u = new URL('/api/lint', s.url);
    const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { 'X-Filename': 'big.txt' },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        },
      );
      req.on('error', (e) => reject(e));
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      const pump = () => {
        // a bounded loop: at most 40 MB, twice the limit
        while (sent < 40 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }).catch((e: NodeJS.ErrnoException) => ({ status: -1, body: e.code ?? '', sent: 0 }));
    // the answer arrives before the client has sent everything, or the connection is closed under it
    if (result.status !== -1) {
      expect(result.status).toBe(413);
      expect(hasChinese(result.body)).toBe(true);
    } else expect(result.body).toMatch(/ECONNRESET|EPIPE/);
    expect((await fetch(new URL('/healthz', s.url))).status).toBe(200);
  });

  it('/api/annotate returns the Word review copy that `fazhi-lint annotate` writes for the same file', async () => {
    const docx = await docxFromText('某镇2023年法治政府建设情况报告\n推进法制宣传。\n');
    const res = await upload(s.url, '/api/annotate', docx, 'a.docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('a（审阅）.docx'));
    const served = new Uint8Array(await res.arrayBuffer());
    const local = (await annotateDocx(docx, 'a.docx', { cwd: ROOT })).bytes;
    // The same comments and tracked changes, apart from their time stamps.
    const reviewed = (bytes: Uint8Array) => {
      const pkg = openDocx(bytes, 'a（审阅）.docx');
      const parts = [pkg.zip.readText('word/comments.xml'), pkg.zip.readText(pkg.documentPath)];
      return parts.map((xml) => xml?.replace(/w:date="[^"]*"/g, ''));
    };
    const [comments, document] = reviewed(served);
    expect(comments).toContain('fazhi-lint');
    expect(document).toContain('<w:ins ');
    expect([comments, document]).toEqual(reviewed(local));
  });

  it('/api/annotate refuses what is not a .docx, in Chinese', async () => {
    const res = await upload(
      s.url,
      '/api/annotate',
      Buffer.from('某镇2023年法治政府建设情况报告\n'),
      'a.txt',
    );
    expect(res.status).toBe(415);
    expect((await errorOf(res)).message).toContain('不是 .docx');
  });
});

describe('fazhi-lint serve: start, limits and stop', () => {
  it('binds loopback; another address needs --allow-remote (and then warns)', async () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), 'serve', '--host', '0.0.0.0'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--allow-remote');
    const s = await serve(['--host', '0.0.0.0', '--allow-remote']);
    try {
      expect(s.stderr()).toContain('警告');
      expect((await fetch(new URL('/healthz', s.url))).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('broken rules or config stop the command at start with their message (file:line), exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-serve-config-'));
    try {
      writeFileSync(join(dir, '.fazhi-lint.yaml'), 'rules:\n  no-such-rule: off\n');
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), 'serve', '--port', '0'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('网页未启动');
      expect(r.stderr).toMatch(/\.fazhi-lint\.yaml:2:3: 未知的规则 “no-such-rule”/);
      expect(r.stdout).not.toContain('http://');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Ctrl-C (SIGINT) and SIGTERM close the server and its threads and exit 0, printing counts only', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const s = await serve();
      await upload(s.url, '/api/lint', readFileSync(join(SEEDS, seeds[0] as string)), '机密报告.txt');
      expect(await s.stop(signal)).toBe(0);
      expect(s.stdout()).toMatch(/已停止：共处理 1 个请求/);
      expect(s.stdout() + s.stderr()).not.toContain('机密报告');
    }
  });

  it('a document over the time limit gets a 503 and its thread is replaced; overload gets a 503, never a crash', async () => {
    const { startWebServer } = (await import(
      join(ROOT, 'dist/web/server.js')
    )) as typeof import('../../src/web/server.js');
    const seed = readFileSync(join(SEEDS, seeds[3] as string));
    const slow = await startWebServer({ port: 0, cwd: ROOT, version: 't', workers: 1, timeoutMs: 1 });
    try {
      const res = await upload(slow.url, '/api/lint', seed, 'a.txt');
      expect(res.status).toBe(503);
      expect((await errorOf(res)).code).toBe('timeout');
      expect((await fetch(new URL('/healthz', slow.url))).status).toBe(200);
    } finally {
      await slow.close();
    }
    const busy = await startWebServer({ port: 0, cwd: ROOT, version: 't', workers: 1, maxQueue: 1 });
    try {
      const all = await Promise.all(
        Array.from({ length: 12 }, () => upload(busy.url, '/api/lint', seed, 'a.txt')),
      );
      const statuses = all.map((r) => r.status);
      expect(statuses.filter((x) => x === 200).length).toBeGreaterThan(0);
      expect(statuses.filter((x) => x === 503).length).toBeGreaterThan(0);
      expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
      const refused = all.find((r) => r.status === 503) as Response;
      expect(refused.headers.get('retry-after')).toBe('5');
      expect((await errorOf(refused)).code).toBe('busy');
      const after = await upload(busy.url, '/api/lint', seed, 'a.txt');
      expect(after.status).toBe(200);
    } finally {
      await busy.close();
    }
  });
});
