#!/usr/bin/env node
// Language-server change-to-diagnostics latency.
//
//   node bench/lib/lsp-latency.js <server.js> <document> [changes=30]
//
// Starts `node <server.js> --stdio`, opens the document, then sends `changes` full-text
// didChange notifications one after another (each a small realistic edit), and for each measures
// the time from writing the notification to receiving textDocument/publishDiagnostics for that
// version (or, when the server omits the version, the next publish after the change).
// A server-side debounce is part of the latency, as a user would see it. Prints JSON.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../generate.js';
import { summarize } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [serverPath, docPath, nArg] = process.argv.slice(2);
const CHANGES = Number(nArg ?? 30);
const TIMEOUT_MS = 15000;

const child = spawn(process.execPath, [resolve(serverPath), '--stdio'], {
  cwd: ROOT,
  stdio: ['pipe', 'pipe', 'pipe'],
});
let stderr = '';
child.stderr.on('data', (d) => {
  stderr += d;
});

let buf = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const listeners = [];

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((res, rej) => {
    pending.set(id, { res, rej });
    setTimeout(() => rej(new Error(`timeout waiting for ${method}`)), TIMEOUT_MS).unref();
  });
}
function notify(method, params) {
  send({ method, params });
}
function onMessage(msg) {
  if (msg.id !== undefined && msg.method === undefined) {
    const p = pending.get(msg.id);
    if (p) {
      pending.delete(msg.id);
      if (msg.error) p.rej(new Error(msg.error.message));
      else p.res(msg.result);
    }
    return;
  }
  if (msg.id !== undefined && msg.method) {
    // server → client request: answer minimally
    let result = null;
    if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => null);
    send({ id: msg.id, result });
    return;
  }
  for (const l of [...listeners]) l(msg);
}
child.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const headerEnd = buf.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(buf.subarray(0, headerEnd).toString('ascii'));
    if (!m) throw new Error('bad header from server');
    const len = Number(m[1]);
    if (buf.length < headerEnd + 4 + len) return;
    const body = buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    buf = buf.subarray(headerEnd + 4 + len);
    onMessage(JSON.parse(body));
  }
});

function waitDiagnostics(uri, version) {
  return new Promise((res, rej) => {
    const t = setTimeout(() => {
      listeners.splice(listeners.indexOf(fn), 1);
      rej(new Error(`no diagnostics for version ${version} within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const fn = (msg) => {
      if (msg.method !== 'textDocument/publishDiagnostics' || msg.params?.uri !== uri) return;
      if (msg.params.version !== undefined && msg.params.version !== null && msg.params.version !== version)
        return;
      clearTimeout(t);
      listeners.splice(listeners.indexOf(fn), 1);
      res(msg.params.diagnostics.length);
    };
    listeners.push(fn);
  });
}

const text0 = readFileSync(docPath, 'utf8');
const uri = pathToFileURL(resolve(docPath)).href;
const out = { server: serverPath, document: docPath, chars: [...text0].length, changes: CHANGES };
try {
  let t0 = performance.now();
  await request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'main' }],
    capabilities: {
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        synchronization: { dynamicRegistration: false },
      },
    },
  });
  notify('initialized', {});
  out.initializeMs = performance.now() - t0;

  t0 = performance.now();
  const firstWait = waitDiagnostics(uri, 1);
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: text0 } });
  out.openFindings = await firstWait;
  out.openToDiagnosticsMs = performance.now() - t0;

  const rnd = mulberry32(7);
  const edits = ['法制宣传', '的', '平合', '，', '进一步'];
  let text = text0;
  const times = [];
  for (let v = 2; v < 2 + CHANGES; v++) {
    const pos = Math.floor(rnd() * text.length);
    text = text.slice(0, pos) + edits[v % edits.length] + text.slice(pos);
    const wait = waitDiagnostics(uri, v);
    const s = performance.now();
    notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    await wait;
    times.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 30));
  }
  out.times = times;
  out.summary = summarize(times);
  await request('shutdown', null).catch(() => {});
  notify('exit', null);
} catch (e) {
  out.error = String(e?.message ?? e);
  out.stderr = stderr.slice(-2000);
} finally {
  setTimeout(() => child.kill(), 500).unref();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exitCode = out.error ? 1 : 0;
