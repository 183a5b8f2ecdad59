import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type DictionaryIndex, FREQUENT, FREQUENT_LENGTH, SortedDictionary } from './dictionary.js';
import { readDictionaryIndex } from './dictionary-index.js';

/** A word with its part of speech (jieba's tags: v verb, m numeral, t time word, x punctuation or unknown…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** A word of the dictionary: jieba's frequency (its counts in a reference corpus) and part-of-speech tag (n, v, ns…). */
export interface WordEntry {
  frequency: number;
  tag: string;
}

/** A word of the dictionary with its frequency. */
export interface DictionaryWord {
  word: string;
  frequency: number;
}

/** The one interface rules see: segmentation is swappable and loaded only when a rule needs words. */
export interface Segmenter {
  /** Words in order; their concatenation is exactly `text`. */
  cut(text: string): string[];
  /** The same words as `cut`, each with its part of speech. */
  tag(text: string): TaggedWord[];
  /** The dictionary's entry for a word (the domain dictionary's over jieba's), or null when it is no word of it. */
  entry(word: string): WordEntry | null;
  /**
   * The words of the dictionary (the domain dictionary's included) of at least `minLength` characters with at least
   * `minFrequency`, in no particular order: what a rule compares a text with. Computed once per pair of limits.
   */
  words(minLength: number, minFrequency: number): readonly DictionaryWord[];
}

/** Domain terms (习近平法治思想, 第一责任人, 放管服…) so they segment as one word. */
export const DOMAIN_DICTIONARY = fileURLToPath(new URL('../../dict/domain.txt', import.meta.url));

type JiebaClass = typeof import('@node-rs/jieba').Jieba;

let cached: Segmenter | null = null;
let loadMs = 0;

/**
 * @node-rs/jieba (HMM off) with its default dictionary plus ours, loaded once per process.
 *
 * Building jieba's dictionary (349,000 words) takes 0.1–0.2 s and 50 MB, while a rule cuts only a few clauses
 * per report. jieba's choice of words in a text depends only on the dictionary words occurring in that text,
 * their frequencies and the total frequency; so each cut gets a fresh jieba built from exactly those words,
 * plus one unmatchable filler word that brings the total to the full dictionary's. The words come from binary
 * searches in the dictionary's bytes (`SortedDictionary`). The cuts are identical to the full dictionary's
 * (test/segment: every clause of the fixtures and thousands of mixtures) at 0.05 ms for a clause. A long text
 * (a whole report, for `tokens()`) is cut by one jieba with the whole dictionary, built when first needed.
 *
 * A bad dictionary line throws a catchable Error (nodejieba would abort the process: see README).
 */
export function getSegmenter(): Segmenter {
  if (cached) return cached;
  const started = performance.now();
  const dictPath = jiebaDictionaryPath();
  const dictBytes = readFileSync(dictPath);
  const index = readDictionaryIndex(dictPath, dictBytes, jiebaVersion());
  cached = createSegmenter(dictBytes, readFileSync(DOMAIN_DICTIONARY), index ? { index } : {});
  loadMs = performance.now() - started;
  return cached;
}

// createRequire keeps the native addon off the start-up path until a rule needs words.
const require = createRequire(import.meta.url);

/** jieba's default dictionary (dict.txt of @node-rs/jieba), read directly: its dict.js also reads idf.txt. */
export function jiebaDictionaryPath(): string {
  return require.resolve('@node-rs/jieba/dict.txt');
}

/** The installed @node-rs/jieba's version, part of what identifies its dict.txt (`dictionary-index.ts`). */
export function jiebaVersion(): string {
  return (require('@node-rs/jieba/package.json') as { version: string }).version;
}

/** How many dictionary answers `entry` keeps before it starts afresh. */
const MAX_ENTRIES = 50_000;

/** Text length (UTF-16 units) above which a cut uses jieba with the whole dictionary loaded. */
export const WHOLE_DICTIONARY_FROM = 2000;

/** A user-dictionary line: `word [freq] [tag]`. */
interface DomainWord {
  word: string;
  line: Buffer;
  freq: number;
}

/**
 * A segmenter over a byte-sorted jieba dictionary (`word freq tag` lines) and a user dictionary whose lines all
 * carry a frequency. Exported for tests; rules use `getSegmenter`.
 */
export function createSegmenter(
  dictBytes: Uint8Array,
  domainBytes: Uint8Array,
  options: { domainName?: string; wholeDictionaryFrom?: number; index?: DictionaryIndex } = {},
): Segmenter {
  const { domainName = DOMAIN_DICTIONARY, wholeDictionaryFrom = WHOLE_DICTIONARY_FROM } = options;
  const { Jieba } = require('@node-rs/jieba') as { Jieba: JiebaClass };
  const dict = new SortedDictionary(dictBytes, options.index);
  // A user line replaces the default entry of its word (or an earlier user line), as jieba's loadDict does.
  const domain = new Map<string, DomainWord>();
  const replaced = new Set<number>();
  let total = dict.totalFrequency;
  for (const raw of Buffer.from(domainBytes).toString('utf8').split('\n')) {
    const text = raw.trim();
    if (!text) continue;
    const [word = '', freqText] = text.split(/\s+/);
    if (freqText === undefined || !/^\d+$/.test(freqText)) {
      throw new Error(`${domainName}：“${text}” 缺少词频（格式：词语 词频 词性）`);
    }
    const freq = Number(freqText);
    const previous = domain.get(word);
    if (previous) total -= previous.freq;
    else {
      const key = Buffer.from(word, 'utf8');
      dict.wordsAt(key, 0, (line, end) => {
        if (end === key.length) {
          replaced.add(line);
          total -= dict.frequency(line);
        }
      });
    }
    domain.set(word, { word, line: Buffer.from(text, 'utf8'), freq });
    total += freq;
  }
  const NEWLINE = Buffer.from('\n');
  // A long text holds thousands of dictionary words: past this length one jieba with the whole dictionary (built
  // once, on first need) is cheaper than a fresh one per cut. Either gives the same words.
  let whole: InstanceType<JiebaClass> | null = null;

  /** A jieba that cuts `text` as the whole dictionary would: the whole one for a long text, else one of its words. */
  const jiebaFor = (text: string): InstanceType<JiebaClass> => {
    if (text.length > wholeDictionaryFrom) {
      if (!whole) {
        whole = Jieba.withDict(dictBytes);
        whole.loadDict(domainBytes);
      }
      return whole;
    }
    const key = Buffer.from(text, 'utf8');
    const lines = new Set<number>();
    const add = (line: number) => {
      if (!replaced.has(line)) lines.add(line);
    };
    for (let p = 0; p < key.length; p++) {
      // Words start at character starts only (not at UTF-8 continuation bytes).
      if (((key[p] as number) & 0xc0) !== 0x80) dict.wordsAt(key, p, add);
    }
    const parts: Uint8Array[] = [];
    let sum = 0;
    for (const line of lines) {
      parts.push(dict.line(line), NEWLINE);
      sum += dict.frequency(line);
    }
    for (const d of domain.values()) {
      if (!text.includes(d.word)) continue;
      parts.push(d.line, NEWLINE);
      sum += d.freq;
    }
    // U+E000 (private use) never occurs in a block jieba looks words up in; it only carries the frequency.
    parts.push(Buffer.from(`\uE000 ${total - sum} x\n`, 'utf8'));
    return Jieba.withDict(Buffer.concat(parts));
  };

  const parseEntry = (line: Uint8Array): WordEntry => {
    const [, freq = '0', tag = ''] = Buffer.from(line).toString('utf8').split(' ');
    return { frequency: Number(freq) || 0, tag };
  };

  const wordLists = new Map<string, DictionaryWord[]>();
  const entries = new Map<string, WordEntry | null>();

  return {
    words(minLength, minFrequency) {
      const key = `${minLength}/${minFrequency}`;
      let list = wordLists.get(key);
      if (!list) {
        list = [];
        // The common words are indexed (and their text stored with the index); rarer ones need every line.
        const indexed = minFrequency >= FREQUENT && minLength >= FREQUENT_LENGTH;
        if (indexed && dict.frequentText !== null) {
          for (const line of dict.frequentText.split('\n')) {
            const space = line.indexOf(' ');
            if (space < 0) continue;
            const word = line.slice(0, space);
            const frequency = Number(line.slice(space + 1));
            if (frequency >= minFrequency && word.length >= minLength && !domain.has(word))
              list.push({ word, frequency });
          }
        } else {
          const lines = indexed ? dict.frequentLines : null;
          const count = lines ? lines.length : dict.size;
          for (let k = 0; k < count; k++) {
            const i = lines ? (lines[k] as number) : k;
            if (replaced.has(i)) continue;
            if ((!lines || minLength > FREQUENT_LENGTH) && dict.wordLength(i) < minLength) continue;
            const frequency = dict.frequency(i);
            if (frequency >= minFrequency) list.push({ word: dict.word(i), frequency });
          }
        }
        for (const d of domain.values())
          if (d.word.length >= minLength && d.freq >= minFrequency)
            list.push({ word: d.word, frequency: d.freq });
        wordLists.set(key, list);
      }
      return list;
    },
    entry(word) {
      // Rules ask about the same few thousand words in every report: answers are kept, up to a bound.
      let found = entries.get(word);
      if (found !== undefined) return found;
      const own = domain.get(word);
      if (own) found = parseEntry(own.line);
      else {
        const key = Buffer.from(word, 'utf8');
        let line = -1;
        dict.wordsAt(key, 0, (l, end) => {
          if (end === key.length && !replaced.has(l)) line = l;
        });
        found = line >= 0 ? parseEntry(dict.line(line)) : null;
      }
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(word, found);
      return found;
    },
    cut: (text) => jiebaFor(text).cut(text, false),
    // The dictionary lines carry the tags, so a jieba built from the text's own lines tags as the whole one does.
    tag: (text) => jiebaFor(text).tag(text, false),
  };
}

/** Milliseconds the last dictionary load took (0 before the first load); for `--debug` and the benchmark. */
export function segmenterLoadTime(): number {
  return loadMs;
}
