import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexDictionary } from '../../src/segment/dictionary.js';
import { readDictionaryIndex, writeDictionaryIndex } from '../../src/segment/dictionary-index.js';
import { createSegmenter, DOMAIN_DICTIONARY, jiebaDictionaryPath } from '../../src/segment/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-dict-index-'));
const small = join(dir, 'dict.txt');
writeFileSync(small, '\n甲 5 n\r\n乙\n\n丙 7\n');
const indexOf = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dictionary index written at build time', () => {
  it('reads back what one pass over the bytes computes (a small dictionary and jieba’s own)', () => {
    const bytes = readFileSync(small);
    expect(writeDictionaryIndex(small, '1.0.0', indexOf('small.bin'))).toBe(3);
    const { frequentText, ...read0 } = readDictionaryIndex(small, bytes, '1.0.0', indexOf('small.bin')) ?? {};
    expect(read0).toEqual(indexDictionary(bytes));
    expect(frequentText).toBe(''); // no word of three characters with a frequency of 100 or more

    const jieba = jiebaDictionaryPath();
    const jiebaBytes = readFileSync(jieba);
    writeDictionaryIndex(jieba, 'x', indexOf('jieba.bin'));
    const read = readDictionaryIndex(jieba, jiebaBytes, 'x', indexOf('jieba.bin'));
    const computed = indexDictionary(jiebaBytes);
    expect(read?.totalFrequency).toBe(computed.totalFrequency);
    expect(read?.starts.length).toBe(computed.starts.length);
    expect(read?.starts.every((v, k) => v === computed.starts[k])).toBe(true);
    // The common longer words, by line and as text: the same words, in the same order, with their frequencies.
    expect([...(read?.frequent ?? [])]).toEqual([...computed.frequent]);
    const lines = read?.frequentText?.split('\n').filter(Boolean) ?? [];
    expect(lines.length).toBe(computed.frequent.length);
    expect(lines).toContain('家家户户 138');
    expect(lines.every((l) => /^\S{3,} \d{3,}$/u.test(l))).toBe(true);
  });

  it('is not used for another package version, a changed dictionary, or a damaged or missing file', () => {
    const dict = join(dir, 'changing.txt');
    writeFileSync(dict, '甲 5 n\n乙 6 n\n');
    writeDictionaryIndex(dict, '1.0.0', indexOf('changing.bin'));
    const bytes = readFileSync(dict);
    expect(readDictionaryIndex(dict, bytes, '1.0.0', indexOf('changing.bin'))).not.toBeNull();
    expect(readDictionaryIndex(dict, bytes, '1.0.1', indexOf('changing.bin'))).toBeNull();
    expect(readDictionaryIndex(dict, bytes, '1.0.0', indexOf('missing.bin'))).toBeNull();

    // Same stamp, other bytes (the index must end where they end).
    expect(readDictionaryIndex(dict, Buffer.from('甲 5 n\n'), '1.0.0', indexOf('changing.bin'))).toBeNull();
    writeFileSync(indexOf('garbage.bin'), 'not an index');
    expect(readDictionaryIndex(dict, bytes, '1.0.0', indexOf('garbage.bin'))).toBeNull();
    truncateSync(indexOf('changing.bin'), 30);
    expect(readDictionaryIndex(dict, bytes, '1.0.0', indexOf('changing.bin'))).toBeNull();

    writeDictionaryIndex(dict, '1.0.0', indexOf('changing.bin'));
    writeFileSync(dict, '甲 5 n\n乙 66 n\n');
    expect(readDictionaryIndex(dict, readFileSync(dict), '1.0.0', indexOf('changing.bin'))).toBeNull();
  });

  it('a segmenter given the stored index cuts as one that computes it', () => {
    const jiebaBytes = readFileSync(jiebaDictionaryPath());
    const domain = readFileSync(DOMAIN_DICTIONARY);
    const index = readDictionaryIndex(jiebaDictionaryPath(), jiebaBytes, 'x', indexOf('jieba.bin'));
    expect(index).not.toBeNull();
    const stored = createSegmenter(jiebaBytes, domain, index ? { index } : {});
    const computed = createSegmenter(jiebaBytes, domain);
    for (const clause of ['坚持以习近平法治思想为指导', '政务服务平合运行良好', '全面履行第一责任人职责']) {
      expect(stored.cut(clause)).toEqual(computed.cut(clause));
    }
  });
});
