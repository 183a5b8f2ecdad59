import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { type DictionaryIndex, indexDictionary, SortedDictionary } from './dictionary.js';

/**
 * The index of jieba's dict.txt (line starts and frequency total), computed by `npm run build` and stored beside the
 * compiled code. Computing it is one pass over 5 MB in a process that has not warmed up: ~28 ms of every process
 * that segments (a CLI run with a typo candidate, the language server's first check), against ~1 ms to read it.
 * The file is used only while dict.txt has the package version, size and modification time it had when the
 * index was written, and the index fits the bytes; otherwise the index is computed as before. Layout: a 4-byte
 * little-endian header length, the JSON header, zero padding to 4 bytes, then the line starts and the frequent lines
 * (u32, little-endian), then the frequent lines' text (`word freq` per line, UTF-8).
 */
export const DICTIONARY_INDEX = new URL('../dictionary-index.bin', import.meta.url);
const FORMAT = 3;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Header {
  format: number;
  stamp: string;
  lines: number;
  totalFrequency: number;
  /** How many frequent lines follow the line starts, and the byte length of their text after them. */
  frequent: number;
  frequentTextBytes: number;
}

/** What identifies one dict.txt: the version of the package that ships it, its size and modification time. */
export function dictionaryStamp(dictPath: string, packageVersion: string): string {
  const s = statSync(dictPath);
  return `${packageVersion}:${s.size}:${Math.trunc(s.mtimeMs)}`;
}

/** Writes the index of `dictPath` to `indexPath`; returns the number of lines. */
export function writeDictionaryIndex(
  dictPath: string,
  packageVersion: string,
  indexPath: URL | string = DICTIONARY_INDEX,
): number {
  const bytes = readFileSync(dictPath);
  const { starts, totalFrequency, frequent } = indexDictionary(bytes);
  const dict = new SortedDictionary(bytes, { starts, totalFrequency, frequent });
  const text = Buffer.from(
    Array.from(frequent, (line) => `${dict.word(line)} ${dict.frequency(line)}\n`).join(''),
    'utf8',
  );
  const header: Header = {
    format: FORMAT,
    stamp: dictionaryStamp(dictPath, packageVersion),
    lines: starts.length - 1,
    totalFrequency,
    frequent: frequent.length,
    frequentTextBytes: text.length,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(4 + json.length + ((4 - (json.length % 4)) % 4));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  const body = Buffer.alloc((starts.length + frequent.length) * 4);
  for (let i = 0; i < starts.length; i++) body.writeUInt32LE(starts[i] as number, i * 4);
  for (let i = 0; i < frequent.length; i++)
    body.writeUInt32LE(frequent[i] as number, (starts.length + i) * 4);
  writeFileSync(indexPath, Buffer.concat([head, body, text]));
  return header.lines;
}

/**
 * The stored index of `dictBytes` (read from `dictPath`), or null when there is none or it does not belong to
 * these bytes: then the caller computes it.
 */
export function readDictionaryIndex(
  dictPath: string,
  dictBytes: Uint8Array,
  packageVersion: string,
  indexPath: URL | string = DICTIONARY_INDEX,
): DictionaryIndex | null {
  try {
    const file = readFileSync(indexPath);
    const length = file.readUInt32LE(0);
    const header = JSON.parse(file.toString('utf8', 4, 4 + length)) as Header;
    const offset = 4 + length + ((4 - (length % 4)) % 4);
    if (
      header.format !== FORMAT ||
      header.stamp !== dictionaryStamp(dictPath, packageVersion) ||
      file.length - offset !== (header.lines + 1 + header.frequent) * 4 + header.frequentTextBytes
    ) {
      return null;
    }
    // One copy into the typed array (the file is little-endian, as every platform Node runs on here).
    if (!LITTLE_ENDIAN) return null;
    const starts = new Uint32Array(header.lines + 1);
    new Uint8Array(starts.buffer).set(file.subarray(offset, offset + starts.byteLength));
    const frequent = new Uint32Array(header.frequent);
    const textAt = offset + starts.byteLength + frequent.byteLength;
    new Uint8Array(frequent.buffer).set(file.subarray(offset + starts.byteLength, textAt));
    const frequentText = file.toString('utf8', textAt);
    // The index must fit these bytes: it ends where they end, and each sampled start begins a line.
    if (starts[header.lines] !== dictBytes.length) return null;
    for (let i = 0; i < header.lines; i += 997) {
      const at = starts[i] as number;
      if (at > 0 && dictBytes[at - 1] !== 10 && dictBytes[at - 1] !== 13) return null;
    }
    return { starts, totalFrequency: header.totalFrequency, frequent, frequentText };
  } catch {
    return null;
  }
}
