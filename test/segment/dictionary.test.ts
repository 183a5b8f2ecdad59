import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SortedDictionary } from '../../src/segment/dictionary.js';
import { jiebaDictionaryPath } from '../../src/segment/index.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

/** Every dictionary word starting at each character of `clause`, as `word@start`. */
function wordsIn(dict: SortedDictionary, clause: string): string[] {
  const key = utf8(clause);
  const out: string[] = [];
  for (let p = 0; p < key.length; p++) {
    if (((key[p] as number) & 0xc0) === 0x80) continue;
    dict.wordsAt(key, p, (line, end) => {
      const word = text(key.subarray(p, end));
      expect(text(dict.line(line)).split(' ')[0]).toBe(word);
      out.push(`${word}@${key.subarray(0, p).toString('utf8').length}`);
    });
  }
  return out;
}

describe('SortedDictionary', () => {
  const small = new SortedDictionary(
    utf8(
      ['公平 300 a', '公平合理 40 i', '合理 200 a', '平台 500 n', '服务 900 vn', 'AA制 3 n', '']
        .sort()
        .join('\n'),
    ),
  );

  it.each([
    ['政务服务平台', ['服务@2', '平台@4']],
    ['公平合理', ['公平@0', '公平合理@0', '合理@2']],
    ['公平合', ['公平@0']],
    ['平合', []],
    ['AA制度', ['AA制@0']],
    ['', []],
  ])('%s → %j', (clause, expected) => {
    expect(wordsIn(small, clause)).toEqual(expected);
  });

  it('sums the frequencies and counts the lines, skipping blank lines, CR and a missing frequency', () => {
    const d = new SortedDictionary(utf8('\n甲 5 n\r\n乙\n\n丙 7\n'));
    expect(d.size).toBe(3);
    expect(d.totalFrequency).toBe(12);
    expect([0, 1, 2].map((i) => text(d.line(i)))).toEqual(['甲 5 n', '乙', '丙 7']);
    expect([0, 1, 2].map((i) => d.frequency(i))).toEqual([5, 0, 7]);
  });

  it("jieba's shipped dict.txt is sorted by bytes with no word twice, as the binary searches need", () => {
    const lines = readFileSync(jiebaDictionaryPath())
      .toString('utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const words = lines.map((l) => Buffer.from(`${l.split(' ')[0]} `, 'utf8'));
    const unordered: string[] = [];
    for (let i = 1; i < words.length; i++)
      if (Buffer.compare(words[i - 1] as Buffer, words[i] as Buffer) >= 0) unordered.push(lines[i] as string);
    expect(unordered).toEqual([]);
    expect(lines.length).toBeGreaterThan(300_000);
  });
});
