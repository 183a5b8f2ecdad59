import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBytes, encodeText, InputError } from '../../src/input/index.js';
import { fixture, REPORT_TEXT } from './helpers.js';

const decode = (bytes: Uint8Array, encoding: string) =>
  new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);

describe('encodeText: byte-exact round trips of the fixtures', () => {
  test.each([
    ['report.utf8.txt', 'utf-8', false, REPORT_TEXT],
    ['report.gb18030.txt', 'gb18030', false, REPORT_TEXT],
    ['report.utf16le-bom.txt', 'utf-16le', true, REPORT_TEXT],
    ['report.utf16be-bom.txt', 'utf-16be', true, REPORT_TEXT],
    ['report.utf8-bom-crlf.txt', 'utf-8', true, REPORT_TEXT.replace(/\n/g, '\r\n')],
  ] as const)('%s', (name, encoding, bom, text) => {
    expect(encodeText(text, encoding, bom, name).equals(readFileSync(fixture(name)))).toBe(true);
  });

  test('GBK (forced) writes the same bytes as GB18030 for GBK text', () => {
    expect(
      encodeText(REPORT_TEXT, 'gbk', false, 'r.txt').equals(readFileSync(fixture('report.gb18030.txt'))),
    ).toBe(true);
  });
});

describe('GB18030 encoder = inverse of TextDecoder("gb18030")', () => {
  test.each([
    ['ASCII', 'abc 123', [0x61, 0x62, 0x63, 0x20, 0x31, 0x32, 0x33]],
    ['two-byte', '法治', [0xb7, 0xa8, 0xd6, 0xce]],
    ['euro', '€', [0xa2, 0xe3]],
    ['no-break space (four-byte)', '\u00a0', [0x81, 0x30, 0x84, 0x32]],
    ['right guillemet (four-byte)', '»', [0x81, 0x30, 0x86, 0x33]],
    ['U+FFFD', '\ufffd', [0x84, 0x31, 0xa4, 0x37]],
    ['first supplementary code point', '\u{10000}', [0x90, 0x30, 0x81, 0x30]],
    ['CJK Extension B 𠀀', '𠀀', [0x95, 0x32, 0x82, 0x36]],
    ['last code point', '\u{10ffff}', [0xe3, 0x32, 0x9a, 0x35]],
  ])('%s', (_, text, bytes) => {
    const result = encodeBytes(text, 'gb18030');
    expect(result.ok && [...result.bytes]).toEqual(bytes);
    expect(decode(Uint8Array.from(bytes), 'gb18030')).toBe(text);
  });

  test('every BMP character round-trips except surrogates and 19 private-use code points', () => {
    // Node's ICU decodes GB18030-2022: the codes Word-era GBK used for these PUA characters now decode
    // to standard characters (A6D9 → U+FE10, A3A0 → U+3000 …), so nothing decodes to them and
    // writing them back is refused.
    const unencodable: number[] = [];
    const chars: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (encodeBytes(ch, 'gb18030').ok) chars.push(ch);
      else unencodable.push(c);
    }
    expect(unencodable.map((c) => c.toString(16))).toEqual(
      'e5e5 e78d e78e e78f e790 e791 e792 e793 e794 e795 e796 e81e e826 e82b e82c e832 e843 e854 e864'.split(
        ' ',
      ),
    );
    const text = chars.join('');
    const result = encodeBytes(text, 'gb18030');
    expect(result.ok).toBe(true);
    if (result.ok) expect(decode(result.bytes, 'gb18030')).toBe(text);
  });

  test('any string without lone surrogates round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 50 }).filter((s) => !/[\ue000-\uf8ff]/.test(s)),
        (s) => {
          const result = encodeBytes(s, 'gb18030');
          expect(result.ok).toBe(true);
          if (result.ok) expect(decode(result.bytes, 'gb18030')).toBe(s);
        },
      ),
    );
  });
});

describe('unencodable characters', () => {
  test.each([
    // encoding, text, offset of the first character it cannot hold
    ['gbk', '法治\u00a0政府', 2], // no-break space: GB18030 four-byte only
    ['gbk', '报告»', 2],
    ['gbk', '第𠀀号', 1],
    ['gb18030', 'ab\ud800cd', 2], // a lone surrogate: nowhere but UTF-16
    ['utf-8', '法\udc00治', 1],
    ['windows-1252', 'café 法', 5],
    ['big5', '法治政府\u00a0', 4],
  ])('%s cannot hold %j (offset %i)', (encoding, text, offset) => {
    expect(encodeBytes(text, encoding)).toEqual({ ok: false, offset });
  });

  test('the error names line and column (UTF-16 code units, 1-based) and the character', () => {
    let error: InputError | undefined;
    try {
      encodeText('第一行\r\n第二行有\u00a0空格', 'gbk', false, 'report.txt');
    } catch (e) {
      error = e as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error?.code).toBe('unencodable');
    expect([error?.line, error?.column]).toEqual([2, 5]);
    expect(error?.message).toBe(
      '无法写回 report.txt：第 2 行第 5 列的字符U+00A0无法用 GBK 编码保存，文件未改动。请改用其他字符，或把文件另存为 UTF-8',
    );
  });

  test('UTF-16 holds lone surrogates', () => {
    const result = encodeBytes('a\ud800', 'utf-16le');
    expect(result.ok && [...result.bytes]).toEqual([0x61, 0, 0, 0xd8]);
  });

  test.each([
    ['big5', '法治政府建設'],
    ['shift_jis', '法治政府'],
    ['euc-kr', '법치 정부'],
    ['windows-1252', 'café'],
  ])('legacy %s round-trips', (encoding, text) => {
    const bytes = encodeText(text, encoding, false, 'a.txt');
    expect(decode(bytes, encoding)).toBe(text);
  });

  test('stateful encodings are refused for writing', () => {
    expect(() => encodeText('abc', 'iso-2022-jp', false, 'a.txt')).toThrow(/不支持以 ISO-2022-JP 编码保存/);
  });
});
