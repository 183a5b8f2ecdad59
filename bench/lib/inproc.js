#!/usr/bin/env node
// In-process lint timing, run as its own child process per tool so heaps do not mix.
//
//   node bench/lib/inproc.js --tool fazhi|textlint|zhlint|markdownlint --mode warm|growth \
//        --files a.txt,b.txt [--warmup N] [--iters N] [--budget-ms N]
//
// warm:   one document; `warmup` untimed calls, then `iters` timed calls (the editor case).
// growth: several documents; per document 1–2 untimed calls, then as many timed calls as fit
//         in budget-ms (at least 3, at most iters).
// Prints one JSON object on stdout.

import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarize } from './stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCH = resolve(HERE, '..');
const ROOT = resolve(BENCH, '..');
const PEERS = join(BENCH, 'peers');

function args() {
  const o = { warmup: 20, iters: 100, budgetMs: 4000 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i].replace(/^--/, '');
    const v = a[i + 1];
    if (k === 'tool') o.tool = v;
    else if (k === 'mode') o.mode = v;
    else if (k === 'files') o.files = v.split(',');
    else if (k === 'warmup') o.warmup = Number(v);
    else if (k === 'iters') o.iters = Number(v);
    else if (k === 'budget-ms') o.budgetMs = Number(v);
    else throw new Error(`unknown option ${a[i]}`);
  }
  return o;
}

/** Each adapter: { name, version, setupMs, lint(text, path) → Promise<number of findings> } */
async function adapter(tool) {
  const t0 = performance.now();
  if (tool === 'fazhi') {
    const mod = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
    const linter = await mod.createLinter({ cwd: ROOT });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    return {
      name: 'fazhi-lint',
      version: pkg.version,
      setupMs: performance.now() - t0,
      lint: async (text, path) => {
        const r = await linter.lintText(text, path);
        return r.messages.length;
      },
    };
  }
  if (tool === 'textlint') {
    const { createLinter, loadTextlintrc } = await import('textlint');
    const descriptor = await loadTextlintrc({
      configFilePath: join(PEERS, '.textlintrc.json'),
      node_modulesDir: join(BENCH, 'node_modules'),
    });
    const linter = createLinter({ descriptor });
    return {
      name: 'textlint',
      version: pkgVersion('textlint'),
      setupMs: performance.now() - t0,
      lint: async (text, path) => {
        const r = await linter.lintText(text, path);
        return r.messages.length;
      },
    };
  }
  if (tool === 'zhlint') {
    const { readRc, runWithConfig } = await import('zhlint');
    const silent = { log() {}, warn() {}, error() {} };
    const config = readRc(PEERS, 'zhlintrc.json', '.zhlintignore', '.zhlintcaseignore', silent);
    config.logger = silent;
    return {
      name: 'zhlint',
      version: pkgVersion('zhlint'),
      setupMs: performance.now() - t0,
      lint: async (text) => runWithConfig(text, config).validations.length,
    };
  }
  if (tool === 'markdownlint') {
    const { lint } = await import('markdownlint/sync');
    return {
      name: 'markdownlint (library of markdownlint-cli2)',
      version: pkgVersion('markdownlint'),
      setupMs: performance.now() - t0,
      lint: async (text) => {
        const r = lint({ strings: { doc: text }, config: { default: true } });
        return r.doc.length;
      },
    };
  }
  throw new Error(`unknown tool ${tool}`);
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

async function timeCalls(a, text, path, warmup, iters, budgetMs) {
  let findings = 0;
  for (let i = 0; i < warmup; i++) findings = await a.lint(text, path);
  const times = [];
  const started = performance.now();
  while (times.length < iters) {
    const t0 = performance.now();
    findings = await a.lint(text, path);
    times.push(performance.now() - t0);
    if (budgetMs && times.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return { times, findings };
}

const o = args();
const a = await adapter(o.tool);
if (o.mode === 'growth') {
  // JIT warm-up on the smallest document, so that the first size is not charged for it
  const first = readFileSync(o.files[0], 'utf8');
  for (let i = 0; i < 10; i++) await a.lint(first, resolve(o.files[0]));
}
const result = {
  tool: a.name,
  version: a.version,
  setupMs: a.setupMs,
  mode: o.mode,
  node: process.version,
  docs: [],
};
for (const file of o.files) {
  const text = readFileSync(file, 'utf8');
  const path = resolve(file);
  const chars = [...text].length;
  const bytes = Buffer.byteLength(text);
  let warmup = o.warmup;
  let budget = 0;
  if (o.mode === 'growth') {
    // first call untimed (also tells how long one call takes)
    const t0 = performance.now();
    await a.lint(text, path);
    const first = performance.now() - t0;
    warmup = first > 2000 ? 0 : 1;
    budget = o.budgetMs;
  }
  const { times, findings } = await timeCalls(a, text, path, warmup, o.iters, budget);
  result.docs.push({ file: basename(file), bytes, chars, findings, times, summary: summarize(times) });
}
result.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);
