#!/usr/bin/env node
// One fresh process: how long @node-rs/jieba takes to become usable with its whole dictionary
// (require the addon, require the default dictionary, Jieba.withDict(dict), loadDict(user
// dictionary), first cut), or, with --segmenter, how long fazhi-lint's segmenter takes (it
// indexes dict.txt and builds a jieba from only the words of each clause it cuts:
// src/segment/index.ts). Prints JSON.
//
//   node bench/lib/jieba-load.js [user-dict-path]
//   node bench/lib/jieba-load.js --segmenter
//
// @node-rs/jieba 2.x: `new Jieba()` makes an instance with an *empty* dictionary; the default
// dictionary goes through the static `Jieba.withDict(dict)`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// resolve from the project's own node_modules: jieba is a dependency of fazhi-lint, not of bench/
const require = createRequire(join(ROOT, 'package.json'));
const SENTENCE = '深入学习贯彻习近平法治思想，落实党政主要负责人履行推进法治建设第一责任人职责。';

if (process.argv[2] === '--segmenter') {
  const t = {};
  let t0 = performance.now();
  const { getSegmenter } = await import(join(ROOT, 'dist', 'segment', 'index.js'));
  t.importMs = performance.now() - t0;
  t0 = performance.now();
  const segmenter = getSegmenter();
  t.loadMs = performance.now() - t0;
  t0 = performance.now();
  const clauseWords = SENTENCE.split('，').flatMap((clause) => segmenter.cut(clause));
  t.firstCutsMs = performance.now() - t0;
  t.totalMs = t.loadMs + t.firstCutsMs;
  process.stdout.write(
    `${JSON.stringify({ words: clauseWords.length, rssMb: process.memoryUsage().rss / 1048576, ...t })}\n`,
  );
  process.exit(0);
}

const userDictPath = process.argv[2];

const t = {};
let t0 = performance.now();
const { Jieba } = require('@node-rs/jieba');
t.requireAddonMs = performance.now() - t0;

t0 = performance.now();
const { dict } = require('@node-rs/jieba/dict.js');
t.requireDictMs = performance.now() - t0;

t0 = performance.now();
const jieba = Jieba.withDict(dict);
t.withDictMs = performance.now() - t0;

let userDictBytes = 0;
let userDictLines = 0;
if (userDictPath) {
  const buf = readFileSync(userDictPath);
  userDictBytes = buf.length;
  userDictLines = buf
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  t0 = performance.now();
  jieba.loadDict(buf);
  t.loadUserDictMs = performance.now() - t0;
}

t0 = performance.now();
const words = jieba.cut(SENTENCE, false);
t.firstCutMs = performance.now() - t0;

t.totalMs = t.requireAddonMs + t.requireDictMs + t.withDictMs + (t.loadUserDictMs ?? 0);
const version = JSON.parse(readFileSync(require.resolve('@node-rs/jieba/package.json'), 'utf8')).version;
process.stdout.write(
  `${JSON.stringify({ version, defaultDictBytes: dict.length, userDictBytes, userDictLines, words: words.length, rssMb: process.memoryUsage().rss / 1048576, ...t })}\n`,
);
