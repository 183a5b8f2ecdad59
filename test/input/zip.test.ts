import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { crc32, writeZip, ZipArchive, ZipError } from '../../src/input/zip.js';
import { makeZip, rawEntryZip, zeroBomb } from './helpers.js';

function zipError(run: () => unknown): ZipError {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error('expected a ZipError');
}

describe('reading and writing', () => {
  test('entries written are read back, stored or deflated', () => {
    const big = '法治政府建设'.repeat(1000);
    const zip = ZipArchive.open(makeZip({ 'a.txt': 'x', 'word/document.xml': big, '中文.xml': '<a/>' }));
    expect(zip.entries.map((e) => [e.name, e.method])).toEqual([
      ['a.txt', 0],
      ['word/document.xml', 8],
      ['中文.xml', 0],
    ]);
    expect(zip.readText('word/document.xml')).toBe(big);
    expect(zip.readText('WORD/Document.xml')).toBe(big); // part names are case-insensitive
    expect(zip.readText('missing.xml')).toBeUndefined();
  });

  test('copied entries keep their stored bytes; only replaced ones change', () => {
    const source = ZipArchive.open(makeZip({ a: 'aaaa'.repeat(100), b: 'bbbb'.repeat(100), c: 'c' }));
    const [a, , c] = source.entries as [
      (typeof source.entries)[0],
      (typeof source.entries)[0],
      (typeof source.entries)[0],
    ];
    const out = ZipArchive.open(
      writeZip(source, [{ entry: a }, { name: 'b', data: Buffer.from('new') }, { entry: c }], new Date()),
    );
    const stored = (z: ZipArchive, name: string) => {
      const e = z.entry(name) as (typeof z.entries)[0];
      return Buffer.from(z.bytes.subarray(e.localOffset, e.storedEnd));
    };
    expect(stored(out, 'a')).toEqual(stored(source, 'a'));
    expect(stored(out, 'c')).toEqual(stored(source, 'c'));
    expect(out.readText('b')).toBe('new');
  });

  test('crc32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('archive bombs and damaged archives', () => {
  test('an entry that inflates past the limit stops while inflating, even when its header lies', () => {
    // 1.5 GB of zeros in about 1.5 MB, declaring 1 KB: the declared size passes, the inflation must stop.
    const bomb = zeroBomb(1500);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const zip = ZipArchive.open(rawEntryZip('word/document.xml', bomb, 1024, 0));
    const error = zipError(() => zip.read('word/document.xml'));
    expect([error.code, error.message, error.limit]).toEqual([
      'too-large',
      '解压后超过 64 MB（word/document.xml）',
      64 * 1024 * 1024,
    ]);
  });

  test('the limit counts every entry read from the archive, and can be changed', () => {
    const zip = ZipArchive.open(makeZip({ a: 'a'.repeat(600), b: 'b'.repeat(600) }), {
      maxUnzippedSize: 1000,
    });
    expect(zip.readText('a')).toHaveLength(600);
    expect(zipError(() => zip.read('b')).message).toBe('解压后超过 1000 字节（b）');
  });

  test('a declared size over the limit is refused before inflating', () => {
    const zip = ZipArchive.open(rawEntryZip('x.xml', deflateRawSync(Buffer.from('x')), 100 * 1024 * 1024, 0));
    expect(zipError(() => zip.read('x.xml')).code).toBe('too-large');
  });

  test('too many entries are refused before any is read', () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i <= 10_000; i++) parts[`f${i}`] = '';
    const error = zipError(() => ZipArchive.open(makeZip(parts)));
    expect([error.code, error.message]).toEqual([
      'too-many-entries',
      '压缩包中有 10001 个文件，超过上限 10000 个',
    ]);
    expect(ZipArchive.open(makeZip(parts), { maxEntries: 20_000 }).entries).toHaveLength(10_001);
  });

  test('entries sharing stored bytes (an overlapping bomb) are refused', () => {
    const zip = Buffer.from(makeZip({ a: 'x', b: 'y' }));
    const archive = ZipArchive.open(zip);
    const second = archive.entries[1] as (typeof archive.entries)[0];
    // Point b's central record at a's local header.
    const directory = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), second.localOffset + 30);
    const record = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), directory + 46);
    zip.writeUInt32LE(0, record + 42);
    expect(zipError(() => ZipArchive.open(zip)).message).toBe('压缩包中的文件相互重叠，结构异常');
  });

  test.each([
    ['not a zip', Buffer.from('这不是压缩包'), 'not-zip', '不是 ZIP 压缩格式'],
    [
      'cut short',
      Buffer.from(makeZip({ a: 'a'.repeat(100) })).subarray(0, 60),
      'damaged',
      '压缩包不完整（找不到目录，文件可能只下载或复制了一部分）',
    ],
  ])('%s', (_, bytes, code, message) => {
    const error = zipError(() => ZipArchive.open(bytes));
    expect([error.code, error.message]).toEqual([code, message]);
  });

  test('corrupted deflate data and a wrong checksum are named', () => {
    const data = Buffer.from('法治'.repeat(200));
    const compressed = deflateRawSync(data);
    const good = ZipArchive.open(rawEntryZip('a.xml', compressed, data.length, crc32(data)));
    expect(good.readText('a.xml')).toBe('法治'.repeat(200));
    const wrongCrc = ZipArchive.open(rawEntryZip('a.xml', compressed, data.length, 1234));
    expect(zipError(() => wrongCrc.read('a.xml')).message).toBe('a.xml 的内容与校验值不符');
    const garbage = ZipArchive.open(rawEntryZip('a.xml', Buffer.from([0xff, 0xff, 0xff]), 10, 0));
    expect(zipError(() => garbage.read('a.xml')).message).toBe('a.xml 的压缩数据已损坏');
  });
});
