import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText, detectEol, InputError } from '../../src/input/index.js';
import { fixture, REPORT_TEXT } from './helpers.js';

const LF = REPORT_TEXT;

describe('decodeText: every stored encoding decodes to the same report', () => {
  test.each([
    // file, encoding, bom, eol, detected, text
    ['report.utf8.txt', 'utf-8', false, '\n', false, LF],
    ['report.gb18030.txt', 'gb18030', false, '\n', true, LF],
    ['report.utf16le-bom.txt', 'utf-16le', true, '\n', true, LF],
    ['report.utf16be-bom.txt', 'utf-16be', true, '\n', true, LF],
    ['report.utf8-bom-crlf.txt', 'utf-8', true, '\r\n', false, LF.replace(/\n/g, '\r\n')],
    ['report.cr.txt', 'utf-8', false, '\r', false, LF.replace(/\n/g, '\r')],
  ] as const)('%s → %s', (name, encoding, bom, eol, detected, text) => {
    const result = decodeText(readFileSync(fixture(name)), name);
    expect(result.text).toBe(text);
    expect(result.encoding).toEqual({ encoding, bom, eol, detected });
  });

  test('the GB18030 fixture is really not UTF-8 (so detection is exercised)', () => {
    expect(() =>
      new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(fixture('report.gb18030.txt'))),
    ).toThrow();
  });

  test('an empty buffer is UTF-8 with no text', () => {
    expect(decodeText(Buffer.alloc(0), 'empty.txt')).toEqual({
      text: '',
      encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
    });
  });
});

describe('decodeText: short GBK snippets (chardet alone guesses Big5/Shift_JIS here)', () => {
  const gbk = (s: string) => {
    // Bytes of these snippets in GBK, as Python's s.encode('gbk') gives them.
    const table: Record<string, number[]> = {
      '一、基本情况': [0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe, 0xc7, 0xe9, 0xbf, 0xf6],
      某某镇人民政府: [0xc4, 0xb3, 0xc4, 0xb3, 0xd5, 0xf2, 0xc8, 0xcb, 0xc3, 0xf1, 0xd5, 0xfe, 0xb8, 0xae],
    };
    return Buffer.from(table[s] as number[]);
  };
  test.each(['一、基本情况', '某某镇人民政府'])('%s', (s) => {
    const result = decodeText(gbk(s), 'x.txt');
    expect(result.text).toBe(s);
    expect(result.encoding.encoding).toBe('gb18030');
    expect(result.encoding.detected).toBe(true);
  });
});

describe('decodeText: forced encoding', () => {
  const gb = readFileSync(fixture('report.gb18030.txt'));
  test.each([
    ['gbk', 'gbk'],
    ['GB18030', 'gb18030'],
    ['gb2312', 'gbk'],
  ])('--encoding %s → %s, detected false', (label, encoding) => {
    const result = decodeText(gb, 'r.txt', { encoding: label });
    expect(result.text).toBe(LF);
    expect(result.encoding).toEqual({ encoding, bom: false, eol: '\n', detected: false });
  });

  test('forcing UTF-8 on GB18030 bytes decodes lossily and says so', () => {
    const result = decodeText(gb, 'r.txt', { encoding: 'utf-8' });
    expect(result.text).toContain('\ufffd');
    expect(result.encoding.lossy).toBe(true);
  });

  test('forced UTF-8 still strips and records the BOM', () => {
    const result = decodeText(readFileSync(fixture('report.utf8-bom-crlf.txt')), 'r.txt', {
      encoding: 'utf8',
    });
    expect(result.text.startsWith('某')).toBe(true);
    expect(result.encoding).toEqual({ encoding: 'utf-8', bom: true, eol: '\r\n', detected: false });
  });

  test('an unknown label is an InputError naming the label and the file', () => {
    const error = catchError(() => decodeText(gb, 'r.txt', { encoding: 'gbk2000' }));
    expect(error.code).toBe('unknown-encoding');
    expect(error.message).toBe(
      '无法识别编码“gbk2000”（读取 r.txt）：请使用 utf-8、gb18030、gbk、utf-16le、utf-16be 等编码名称',
    );
  });
});

describe('decodeText: UTF-16 without BOM, binary data', () => {
  test('UTF-16 LE and BE without BOM are recognised by the position of NUL bytes', () => {
    const text = 'Report 2023: 法治政府 OK\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeText(le, 'a.txt')).toEqual({
      text,
      encoding: { encoding: 'utf-16le', bom: false, eol: '\n', detected: true },
    });
    expect(decodeText(Buffer.from(le).swap16(), 'a.txt').encoding.encoding).toBe('utf-16be');
  });

  test.each([
    ['binary.txt', readFileSync(fixture('binary.txt')), '内容像二进制数据'],
    ['nul.txt', Buffer.from('法治\u0000政府', 'utf8'), '内容像二进制数据'],
    ['control.txt', Buffer.from('\u0001\u0002\u0003\u0004abcdefgh', 'utf8'), '内容像二进制数据'],
    [
      'zip.txt',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      '内容是压缩包或 Office 文档（ZIP 格式）',
    ],
    ['pdf.txt', Buffer.from('%PDF-1.7\n%\u00e2\u00e3', 'latin1'), '内容是 PDF 文件'],
    ['ole.txt', readFileSync(fixture('old-format.doc')), '内容是旧版 Office 或 WPS 文档'],
  ])('%s → InputError binary', (name, bytes, phrase) => {
    const error = catchError(() => decodeText(bytes, name));
    expect(error.code).toBe('binary');
    expect(error.path).toBe(name);
    expect(error.message).toContain(`无法检查 ${name}：`);
    expect(error.message).toContain(phrase);
  });

  test('tabs, form feeds and a few stray controls are still text', () => {
    expect(
      decodeText(Buffer.from('第一\t第二\f第三\u0007 法治政府建设年度报告正文'), 'a.txt').text,
    ).toContain('\u0007');
  });
});

describe('detectEol', () => {
  test.each([
    ['', '\n'],
    ['a', '\n'],
    ['a\nb', '\n'],
    ['a\r\nb', '\r\n'],
    ['a\rb', '\r'],
    ['a\r\nb\r\nc\nd', '\r\n'],
    ['a\nb\nc\r\nd', '\n'],
    ['a\rb\rc\nd', '\r'],
    ['a\r\nb\nc', '\n'], // tie: \n
    ['a\r\nb\rc', '\r\n'], // tie between \r\n and \r: \r\n
  ] as const)('%j → %j', (text, eol) => {
    expect(detectEol(text)).toBe(eol);
  });
});

describe('decodeText never throws anything but InputError', () => {
  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const result = decodeText(bytes, 'random.txt');
          expect(typeof result.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('random bytes with a forced encoding', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('gbk', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'utf-8', 'nope'),
        (bytes, encoding) => {
          try {
            decodeText(bytes, 'random.txt', { encoding });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('UTF-8 decodes to what TextDecoder gives: astral characters, BOMs inside, line breaks', () => {
    const unit = fc.constantFrom(
      '法',
      '治',
      'a',
      '1',
      '𠀀',
      '😀',
      '\ufeff',
      '\u2028',
      '\r\n',
      '\n',
      '，',
      'é',
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 60 }), (s) => {
        const bytes = Buffer.from(s, 'utf8');
        const expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        expect(decodeText(bytes, 'a.txt').text).toBe(expected.replace(/^\ufeff/, ''));
      }),
      { seed: 9, numRuns: 1000 },
    );
  });

  test('UTF-8 text of any string decodes back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (s) => {
        const bytes = new TextEncoder().encode(s);
        expect(decodeText(bytes, 'a.txt').text).toBe(s.replace(/^\ufeff/, ''));
      }),
    );
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
