#!/usr/bin/env node
// Builds the VS Code extension so that it runs on a machine that has only VS Code:
//
//   dist/extension.js                 the client (vscode-languageclient), bundled, CommonJS
//   dist/lsp/server.mjs               the language server and the whole engine, bundled, ESM
//   dist/node_modules/@node-rs/...    the native segmenter (linux-x64-gnu) and its dictionary, loaded lazily
//   rules/  dict/                     the shipped rule pack and the domain dictionary
//
// The engine finds rules/ and dict/ as `new URL('../../rules/', import.meta.url)` from its module; in the bundle
// that module is dist/lsp/server.mjs, so the repository's layout is kept: <ext>/rules and <ext>/dict.
// The segmenter lives under dist/node_modules because `vsce --no-dependencies` leaves out a top-level node_modules.
//
//   node editors/vscode/build.mjs             build only
//   node editors/vscode/build.mjs --package   build, then package editors/vscode/fazhi-lint-<version>.vsix (offline)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXT = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(EXT, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const esbuild = require('esbuild');
// VS Code 1.82 runs extensions and their Node servers on Node 18.
const TARGET = 'node18';

// Type-check the client (esbuild only strips types).
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(EXT, 'tsconfig.json')], { stdio: 'inherit' });

rmSync(join(EXT, 'dist'), { recursive: true, force: true });
for (const d of ['rules', 'dict', 'docs']) rmSync(join(EXT, d), { recursive: true, force: true });

await esbuild.build({
  entryPoints: [join(EXT, 'src', 'extension.ts')],
  outfile: join(EXT, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: TARGET,
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});

await esbuild.build({
  entryPoints: [join(ROOT, 'src', 'lsp', 'server.ts')],
  outfile: join(EXT, 'dist', 'lsp', 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: TARGET,
  // CommonJS dependencies inside an ESM bundle call require() for Node built-ins
  banner: { js: "import { createRequire as __fazhiCreateRequire } from 'node:module'; const require = __fazhiCreateRequire(import.meta.url);" },
  minify: false,
  sourcemap: false,
  logLevel: 'warning',
});

cpSync(join(ROOT, 'rules'), join(EXT, 'rules'), { recursive: true });
cpSync(join(ROOT, 'dict'), join(EXT, 'dict'), { recursive: true });
// Rule pages, which diagnostics link to (codeDescription.href).
cpSync(join(ROOT, 'docs', 'rules'), join(EXT, 'docs', 'rules'), { recursive: true });

// The native segmenter: the loader package (index.js picks the binary), its dictionary, and the linux-x64-gnu binary.
const nm = join(EXT, 'dist', 'node_modules', '@node-rs');
mkdirSync(nm, { recursive: true });
const jieba = dirname(require.resolve('@node-rs/jieba/package.json'));
for (const f of ['package.json', 'index.js', 'dict.txt', 'LICENSE']) {
  if (existsSync(join(jieba, f))) cpSync(join(jieba, f), join(nm, 'jieba', f));
}
const nativeDir = join(jieba, '..', 'jieba-linux-x64-gnu');
if (!existsSync(nativeDir)) throw new Error('@node-rs/jieba-linux-x64-gnu is not installed: run npm install on linux-x64');
cpSync(nativeDir, join(nm, 'jieba-linux-x64-gnu'), { recursive: true });

// Smoke test: the bundled server starts, answers initialize and lints a document with the bundled rules and segmenter.
await smoke(join(EXT, 'dist', 'lsp', 'server.mjs'));

const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
console.log(`built ${manifest.name} ${manifest.version} in ${EXT}`);

if (process.argv.includes('--package')) {
  const out = join(EXT, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
    cwd: EXT,
    stdio: 'inherit',
  });
  console.log(out);
}

function smoke(server) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: EXT, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = Buffer.alloc(0);
    let stderr = '';
    const timer = setTimeout(() => done(new Error(`bundled server gave no diagnostics within 30 s\n${stderr}`)), 30_000);
    const done = (err) => {
      clearTimeout(timer);
      child.kill();
      if (err) reject(err);
      else resolvePromise();
    };
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => done(new Error(`bundled server exited (${code})\n${stderr}`)));
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: *(\d+)/i.exec(buf.subarray(0, end).toString())?.[1]);
        if (buf.length < end + 4 + len) return;
        const msg = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString());
        buf = buf.subarray(end + 4 + len);
        if (msg.id === 1) {
          send({ method: 'initialized', params: {} });
          // a sentence that needs the segmenter-free rules and one formulation fix
          const text = '某镇2023年法治政府建设情况报告\n一、主要成效\n我镇深入学习贯彻习近平法制思想。\n';
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:smoke.txt', languageId: 'plaintext', version: 1, text } } });
        } else if (msg.method === 'textDocument/publishDiagnostics') {
          const codes = msg.params.diagnostics.map((x) => x.code);
          if (codes.includes('config-error') || codes.includes('internal')) done(new Error(`bundled server: ${msg.params.diagnostics[0].message}`));
          else if (codes.includes('formulation')) done();
          else done(new Error(`bundled server: unexpected diagnostics ${codes.join(', ')}`));
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}
