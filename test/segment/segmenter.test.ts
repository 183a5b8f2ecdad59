import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSegmenter,
  DOMAIN_DICTIONARY,
  getSegmenter,
  jiebaDictionaryPath,
  WHOLE_DICTIONARY_FROM,
} from '../../src/segment/index.js';

/**
 * The segmenter builds each cut's jieba from only the dictionary words in the text (src/segment/index.ts). The
 * oracle is jieba itself with the whole dictionary loaded the ordinary way: every cut must be the same.
 */
const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const full = Jieba.withDict(readFileSync(jiebaDictionaryPath()));
full.loadDict(readFileSync(DOMAIN_DICTIONARY));
const segmenter = getSegmenter();

function disagreements(texts: Iterable<string>): string[] {
  const wrong: string[] = [];
  for (const t of texts) {
    const expected = full.cut(t, false).join('|');
    const actual = segmenter.cut(t).join('|');
    if (actual !== expected) wrong.push(`${t}\n  jieba: ${expected}\n  ours:  ${actual}`);
  }
  return wrong;
}

const BREAKS = /[\s，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·,;:!?()"'[\]{}<>/\\|@$^*=~`]+/;
const documents: string[] = [];
for (const dir of ['seeds', 'clean']) {
  const url = new URL(`../../fixtures/${dir}/`, import.meta.url);
  for (const f of readdirSync(url)) documents.push(readFileSync(new URL(f, url), 'utf8'));
}
const clauses = [...new Set(documents.flatMap((d) => d.split(BREAKS)).filter(Boolean))];

describe('cuts agree with jieba on its whole dictionary', () => {
  it(`every clause of the fixture reports (${clauses.length})`, () => {
    expect(disagreements(clauses)).toEqual([]);
  });

  it('every line of the fixture reports, punctuation and all', () => {
    expect(disagreements(documents.flatMap((d) => d.split('\n')))).toEqual([]);
  });

  it('4,000 seeded mixtures of two clauses cut at random places', () => {
    let state = 20241122;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const mixtures: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = clauses[random(clauses.length)] as string;
      const b = clauses[random(clauses.length)] as string;
      mixtures.push(a.slice(random(a.length)) + b.slice(0, 1 + random(b.length)));
    }
    expect(disagreements(mixtures)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['ASCII, digits and jieba’s word joiners', 'AA制 4S店 C++ a.b_c 3.5% 1号店 iPhone12'],
    ['domain words', '习近平法治思想第一责任人放管服改革法治政府建设'],
    ['the filler word’s own character', '平\uE000台 \uE000'],
    ['astral characters and CR LF', '𠀀平合𠀀\r\n公平合理'],
  ])('%s', (_name, t) => {
    expect(disagreements([t])).toEqual([]);
  });

  it('a whole report, cut with the words it holds and with the whole dictionary', () => {
    const report = documents[0] as string;
    expect(report.length).toBeGreaterThan(WHOLE_DICTIONARY_FROM);
    const expected = full.cut(report, false);
    const dictBytes = readFileSync(jiebaDictionaryPath());
    const domainBytes = readFileSync(DOMAIN_DICTIONARY);
    expect(createSegmenter(dictBytes, domainBytes, { wholeDictionaryFrom: Infinity }).cut(report)).toEqual(
      expected,
    );
    expect(createSegmenter(dictBytes, domainBytes, { wholeDictionaryFrom: 0 }).cut(report)).toEqual(expected);
  });
});

describe('tags', () => {
  // jieba's loadDict keeps the default tag of a word it already has (法律顾问/nr); ours takes the domain line's.
  const domainTags = new Map(
    readFileSync(DOMAIN_DICTIONARY, 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 3)
      .map((f) => [f[0] as string, f[2] as string]),
  );

  it('every clause of the fixture reports: the words of cut, tagged as jieba tags them on its whole dictionary', () => {
    const wrong: string[] = [];
    for (const t of clauses) {
      const expected = full
        .tag(t, false)
        .map((w) => `${w.word}/${domainTags.get(w.word) ?? w.tag}`)
        .join(' ');
      const tagged = segmenter.tag(t);
      const actual = tagged.map((w) => `${w.word}/${w.tag}`).join(' ');
      if (actual !== expected) wrong.push(`${t}\n  jieba: ${expected}\n  ours:  ${actual}`);
      if (tagged.map((w) => w.word).join('|') !== segmenter.cut(t).join('|')) wrong.push(`cut ≠ tag: ${t}`);
    }
    expect(wrong).toEqual([]);
  });

  it('time words and numerals, as the confusable rule reads them', () => {
    expect(segmenter.tag('截止目前共2023年底').map((w) => `${w.word}/${w.tag}`)).toEqual([
      '截止/v',
      '目前/t',
      '共/d',
      '2023/m',
      '年底/t',
    ]);
  });
});

describe('createSegmenter', () => {
  const dict = Buffer.from('公平 300 a\n合理 200 a\n平台 500 n\n平合 1 n\n');
  it.each([
    ['a user word joins the words', '服务 100 vn\n', ['服务平合', '公平合理']],
    ['a user word replaces the default entry of the same word', '平合 100000 n\n', ['公平合', '公平合理']],
  ])('%s, as jieba with loadDict', (_name, user, texts) => {
    const oracle = Jieba.withDict(dict);
    oracle.loadDict(Buffer.from(user));
    const s = createSegmenter(dict, Buffer.from(user));
    for (const t of texts) expect(s.cut(t)).toEqual(oracle.cut(t, false));
  });

  it('random small dictionaries, user words and texts: the same cut as jieba with loadDict', () => {
    const char = fc.constantFrom(...'公平合理台服务');
    const word = fc.string({ unit: char, minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(word, fc.integer({ min: 0, max: 1000 })), {
          selector: ([w]) => w,
          maxLength: 8,
        }),
        fc.array(fc.tuple(word, fc.integer({ min: 0, max: 100_000 })), { maxLength: 2 }),
        fc.string({ unit: char, maxLength: 12 }),
        (entries, userEntries, text) => {
          const bytesOf = (w: string) => Buffer.from(`${w} `);
          const sorted = [...entries].sort(([a], [b]) => Buffer.compare(bytesOf(a), bytesOf(b)));
          const dictBytes = Buffer.from(sorted.map(([w, f]) => `${w} ${f} n\n`).join(''));
          const userBytes = Buffer.from(userEntries.map(([w, f]) => `${w} ${f} n\n`).join(''));
          const oracle = Jieba.withDict(dictBytes);
          oracle.loadDict(userBytes);
          expect(createSegmenter(dictBytes, userBytes).cut(text)).toEqual(oracle.cut(text, false));
        },
      ),
      { seed: 20241122, numRuns: 2000 },
    );
  });

  it('a user line without a frequency is refused with its file and text', () => {
    expect(() => createSegmenter(dict, Buffer.from('法治政府\n'), { domainName: 'domain.txt' })).toThrow(
      'domain.txt：“法治政府” 缺少词频（格式：词语 词频 词性）',
    );
  });
});

describe('dictionary entries', () => {
  it('gives jieba’s frequency and tag, the domain dictionary’s over it, and null for no word', () => {
    expect(segmenter.entry('红土')).toEqual({ frequency: 522, tag: 'n' });
    expect(segmenter.entry('设立')?.tag).toBe('v');
    expect(segmenter.entry('习近平法治思想')).toEqual({ frequency: 100000, tag: 'nz' });
    expect(segmenter.entry('面推')).toBeNull();
    expect(segmenter.entry('红')).not.toBeNull();
    expect(segmenter.entry('')).toBeNull();
  });
});

describe('the dictionary’s common words', () => {
  it('lists words by length and frequency, the domain dictionary’s among them, from the index of frequent lines', () => {
    const words = segmenter.words(3, 100);
    const byWord = new Map(words.map((w) => [w.word, w.frequency]));
    expect(byWord.get('依法行政')).toBe(50000);
    expect(words.every((w) => w.word.length >= 3 && w.frequency >= 100)).toBe(true);
    expect(byWord.has('积极探索')).toBe(false); // frequency 3
    // The same list whether the frequent lines are indexed or every line is read.
    const rare = segmenter.words(3, 99).filter((w) => w.frequency >= 100);
    expect(new Set(rare.map((w) => w.word))).toEqual(new Set(byWord.keys()));
  });
});
