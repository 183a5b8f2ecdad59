import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The one interface rules see: segmentation is swappable and loaded only when a rule needs words. */
export interface Segmenter {
  /** Words in order; their concatenation is exactly `text`. */
  cut(text: string): string[];
}

/** Domain terms (习近平法治思想, 第一责任人, 放管服…) so they segment as one word. */
export const DOMAIN_DICTIONARY = fileURLToPath(new URL('../../dict/domain.txt', import.meta.url));

let cached: Segmenter | null = null;
let loadMs = 0;

/**
 * Loads @node-rs/jieba with its default dictionary plus ours, once per process.
 * A bad dictionary line throws a catchable Error (nodejieba would abort the process: see README).
 */
export function getSegmenter(): Segmenter {
  if (cached) return cached;
  const started = performance.now();
  // createRequire keeps the ~5 MB dictionary and the native addon off the start-up path until needed.
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  // The dictionary file read here, not through '@node-rs/jieba/dict.js': that module also reads the 6 MB idf.txt
  // (keyword extraction, unused) and keeps both buffers alive for the life of the process.
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  jieba.loadDict(readFileSync(DOMAIN_DICTIONARY));
  cached = { cut: (text) => jieba.cut(text, false) };
  loadMs = performance.now() - started;
  return cached;
}

/** Milliseconds the last dictionary load took (0 before the first load); for `--debug` and the benchmark. */
export function segmenterLoadTime(): number {
  return loadMs;
}
