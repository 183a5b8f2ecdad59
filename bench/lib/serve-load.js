// Load on `fazhi-lint serve` over loopback (issue #13): concurrent clients send the seed reports, then the same
// with bad inputs mixed in. Bounded loops only: a fixed number of requests shared by a fixed number of clients.
// Used by bench/serve-load.js (the measured run) and test/web/load.test.ts (a small run, no timing asserted).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveBomb, binaryData, docxFromText, truncated } from './bad-inputs.js';

const CHINESE = /[\u4e00-\u9fff]/;

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Resident set size (current and peak) of a process, from /proc; null where /proc is missing. */
function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export function startServer(root, args = []) {
  const child = spawn(process.execPath, [join(root, 'bin/fazhi-lint.js'), 'serve', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after 20 s: ${out}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /(http:\/\/[^\s]+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        pid: child.pid,
        output: () => out,
        stop: () =>
          new Promise((r) => {
            if (child.exitCode !== null) return r(child.exitCode);
            child.once('exit', (code) => r(code));
            child.kill('SIGINT');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** The good requests: every seed as .txt and as .docx. */
export async function seedUploads(root) {
  const dir = join(root, 'fixtures/seeds');
  const out = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const bytes = readFileSync(join(dir, f));
    out.push({ name: f, bytes });
    out.push({ name: f.replace(/\.txt$/, '.docx'), bytes: await docxFromText(bytes.toString('utf8')) });
  }
  return out;
}

/** The bad requests, each with the status it must get. */
export async function badUploads(root, maxFileSize = 20 * 1024 * 1024) {
  const docx = await docxFromText(
    readFileSync(join(root, 'fixtures/seeds', readdirSync(join(root, 'fixtures/seeds'))[0]), 'utf8'),
  );
  return [
    { kind: 'archive bomb (1 GB inflated)', name: 'bomb.docx', bytes: await archiveBomb(1024), status: 413 },
    { kind: 'body over the limit', name: 'big.txt', bytes: Buffer.alloc(maxFileSize + 1, 0x61), status: 413 },
    { kind: 'empty body', name: 'empty.txt', bytes: Buffer.alloc(0), status: 400 },
    { kind: 'binary data', name: 'data.txt', bytes: binaryData(64 * 1024), status: 415 },
    { kind: 'truncated upload', name: 'half.docx', bytes: Buffer.from(truncated(docx)), status: 422 },
  ];
}

async function send(url, item) {
  const started = performance.now();
  let status = 0;
  let message = '';
  try {
    const res = await fetch(new URL('/api/lint', url), {
      method: 'POST',
      headers: { 'X-Filename': encodeURIComponent(item.name) },
      body: item.bytes,
    });
    status = res.status;
    const body = await res.text();
    if (status !== 200) message = JSON.parse(body).error?.message ?? body;
  } catch (e) {
    message = `${e.code ?? ''} ${e.message}`;
  }
  return { ms: performance.now() - started, status, message };
}

/**
 * `requests` requests from `clients` concurrent clients; with `bad`, every `badEvery`-th request is the next bad
 * input. Returns latencies of the good requests, the outcome of every bad one, and the server's RSS over the run.
 */
export async function runLoad(server, { good, bad = [], requests, clients, badEvery = 4 }) {
  let next = 0;
  let badNext = 0;
  const goodMs = [];
  const goodFailures = [];
  const badResults = [];
  let rssMax = 0;
  const sampler = setInterval(() => {
    const r = rssOf(server.pid);
    if (r) rssMax = Math.max(rssMax, r.rssMb);
  }, 50);
  const started = performance.now();
  const client = async () => {
    while (next < requests) {
      const n = next++;
      if (bad.length > 0 && n % badEvery === badEvery - 1) {
        const item = bad[badNext++ % bad.length];
        const r = await send(server.url, item);
        badResults.push({ kind: item.kind, expected: item.status, ...r, chinese: CHINESE.test(r.message) });
      } else {
        const item = good[n % good.length];
        const r = await send(server.url, item);
        if (r.status === 200) goodMs.push(r.ms);
        else goodFailures.push({ name: item.name, ...r });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  const final = rssOf(server.pid);
  goodMs.sort((a, b) => a - b);
  return {
    requests,
    clients,
    wallMs,
    good: goodMs.length,
    goodFailures,
    bad: badResults,
    latency: {
      p50: percentile(goodMs, 50),
      p95: percentile(goodMs, 95),
      p99: percentile(goodMs, 99),
      max: goodMs.at(-1) ?? 0,
    },
    rss: { sampledMaxMb: Math.max(rssMax, final?.rssMb ?? 0), peakMb: final?.peakMb ?? null },
  };
}
