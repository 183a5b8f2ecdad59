import { readFileSync } from 'node:fs';
import { copyFile, mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test, vi } from 'vitest';
import { findSoffice } from '../../src/input/doc.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  formatFor,
  InputError,
  readSourceFile,
  readStdin,
} from '../../src/input/index.js';
import { fixture, REPORT_TEXT, tempDir } from './helpers.js';

async function readError(path: string, options = {}): Promise<InputError> {
  try {
    await readSourceFile(path, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('formats from extensions', () => {
  test.each([
    ['a.md', 'markdown'],
    ['a.MARKDOWN', 'markdown'],
    ['a.txt', 'text'],
    ['a.TXT', 'text'],
    ['a.docx', 'docx'],
    ['README', 'text'],
    ['report.text', 'text'],
  ])('%s → %s', (path, format) => {
    expect(formatFor(path)).toBe(format);
  });

  test.each([
    [
      '报告.wps',
      '无法读取 报告.wps：文件为 WPS 文字格式（.wps），请在 WPS 中另存为 .docx 或导出为 .txt 后再检查',
    ],
    [
      '报告.pdf',
      '无法读取 报告.pdf：文件为 PDF 文件（.pdf），无法可靠提取其中的文字，请使用原始 .docx，或把文字复制到 .txt 后再检查',
    ],
    [
      '扫描件.png',
      '无法读取 扫描件.png：文件为图片（.png），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文',
    ],
    [
      'scan.JPG',
      '无法读取 scan.JPG：文件为图片（.jpg），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文',
    ],
    ['a.jpeg', '无法读取 a.jpeg：文件为图片（.jpeg），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文'],
    ['a.gif', '无法读取 a.gif：文件为图片（.gif），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文'],
    ['a.bmp', '无法读取 a.bmp：文件为图片（.bmp），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文'],
    ['a.tif', '无法读取 a.tif：文件为图片（.tif），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文'],
    ['a.tiff', '无法读取 a.tiff：文件为图片（.tiff），无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文'],
    ['统计.xls', '无法读取 统计.xls：文件为表格文件（.xls），请检查报告正文的 .docx 或 .txt 文件'],
    ['统计.xlsx', '无法读取 统计.xlsx：文件为表格文件（.xlsx），请检查报告正文的 .docx 或 .txt 文件'],
    ['汇报.ppt', '无法读取 汇报.ppt：文件为演示文稿（.ppt），请检查报告正文的 .docx 或 .txt 文件'],
    ['汇报.pptx', '无法读取 汇报.pptx：文件为演示文稿（.pptx），请检查报告正文的 .docx 或 .txt 文件'],
    [
      '公文.ofd',
      '无法读取 公文.ofd：文件为 OFD 版式文件（.ofd），请使用原始 .docx，或把文字复制到 .txt 后再检查',
    ],
  ])('%s → unsupported-format naming the file', async (path, message) => {
    const error = await readError(path);
    expect([error.code, error.path, error.message]).toEqual(['unsupported-format', path, message]);
  });
});

describe('Word 97–2003 (.doc) through LibreOffice', () => {
  const soffice = findSoffice();

  test('without LibreOffice: what to do, including what to install', async () => {
    for (const [name, what] of [
      ['old-format.doc', '文件为旧版 Word 格式（.doc）'],
      ['renamed-doc.docx', '扩展名是 .docx，内容却是旧版 Word（.doc）格式'],
    ]) {
      const error = await readError(fixture(name as string), { soffice: null });
      expect([error.code, error.message]).toEqual([
        'unsupported-format',
        `无法读取 ${fixture(name as string)}：${what}，请在 Word/WPS 中另存为 .docx 后再检查，或安装 LibreOffice 后直接检查 .doc（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；Windows：从 LibreOffice 官网下载安装）`,
      ]);
    }
  });

  test('a file named .doc that is not Word at all is refused without LibreOffice being started', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.doc'), '这只是文字');
    const error = await readError(join(dir, 'x.doc'), { soffice: '/nonexistent/soffice' });
    expect([error.code, error.message]).toEqual([
      'doc-unreadable',
      `无法读取 ${join(dir, 'x.doc')}：文件内容不是 Word 文档（可能已损坏或只是改了扩展名）`,
    ]);
  });

  test.skipIf(!soffice)('a .doc is converted headless and read like the .docx it came from', async () => {
    // report.doc is headings.docx saved by LibreOffice as Word 97.
    const doc = await readSourceFile(fixture('report.doc'));
    const docx = await readSourceFile(fixture('headings.docx'));
    expect([doc.format, doc.text]).toEqual(['docx', docx.text]);
  });

  test.skipIf(!soffice)('a .doc LibreOffice cannot read', async () => {
    const error = await readError(fixture('old-format.doc'));
    expect([error.code, error.message]).toEqual([
      'doc-unreadable',
      `无法读取 ${fixture('old-format.doc')}：LibreOffice 无法转换此文件（文件可能已损坏或设置了密码）。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    ]);
  });

  test.skipIf(!soffice)('a conversion past the time limit is stopped', async () => {
    const error = await readError(fixture('report.doc'), { docTimeoutMs: 1 });
    expect([error.code, error.message]).toEqual([
      'doc-unreadable',
      `无法读取 ${fixture('report.doc')}：LibreOffice 在 0 秒内未能完成转换（文件可能已损坏或设置了密码）。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    ]);
  });
});

describe('readSourceFile', () => {
  test.each([
    ['report.utf8.txt', 'text', 'utf-8'],
    ['report.gb18030.txt', 'text', 'gb18030'],
    ['report.utf16le-bom.txt', 'text', 'utf-16le'],
  ])('%s', async (name, format, encoding) => {
    const file = await readSourceFile(fixture(name));
    expect(file.path).toBe(fixture(name));
    expect(file.format).toBe(format);
    expect(file.text).toBe(REPORT_TEXT);
    expect(file.encoding.encoding).toBe(encoding);
    expect(file.stat?.size).toBe(readFileSync(fixture(name)).length);
  });

  test('markdown keeps its text as is', async () => {
    const file = await readSourceFile(fixture('report.md'));
    expect(file.format).toBe('markdown');
    expect(file.text.startsWith('# 某某镇2023年法治政府建设年度报告\n\n2023年')).toBe(true);
  });

  test('docx: one line per paragraph, docx info per line, UTF-8 LF', async () => {
    const file = await readSourceFile(fixture('numbering.docx'));
    expect(file.format).toBe('docx');
    expect(file.encoding).toEqual({ encoding: 'utf-8', bom: false, eol: '\n', detected: false });
    expect(file.docx).toHaveLength(file.text.split('\n').length);
    expect(file.text.split('\n')[2]).toBe('一、主要举措和成效');
  });

  test.each([
    ['empty.txt', ''],
    ['whitespace.txt', ' \n\t\n'],
  ])('%s is returned, not refused', async (name, text) => {
    const file = await readSourceFile(fixture(name));
    expect(file.text).toBe(text);
    expect(file.format).toBe('text');
  });

  test('forced encoding', async () => {
    const file = await readSourceFile(fixture('report.gb18030.txt'), { encoding: 'gbk' });
    expect(file.text).toBe(REPORT_TEXT);
    expect(file.encoding).toEqual({ encoding: 'gbk', bom: false, eol: '\n', detected: false });
  });

  test('binary content with a .txt name', async () => {
    const error = await readError(fixture('binary.txt'));
    expect(error.code).toBe('binary');
    expect(error.message).toContain(fixture('binary.txt'));
  });

  test('a missing file', async () => {
    const error = await readError('no/such/报告.txt');
    expect([error.code, error.message]).toEqual([
      'not-found',
      '找不到文件 no/such/报告.txt：请检查路径是否正确',
    ]);
  });

  test('a folder', async () => {
    const dir = await tempDir();
    const error = await readError(join(dir, ''));
    expect(error.code).toBe('not-a-file');
  });
});

describe('too-large files are refused without being read', () => {
  test('a sparse 60 MB file: stat only', async () => {
    const dir = await tempDir();
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 60 * 1024 * 1024);
    const readFile = vi.fn();
    const error = await readError(path, { fs: { readFile } });
    expect(readFile).not.toHaveBeenCalled();
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      `已跳过 ${path}：文件大小 60.0 MB，超过上限 20.0 MB。请确认这是报告正文，或用 --max-file-size 调高上限`,
    );
    expect(DEFAULT_MAX_FILE_SIZE).toBe(20 * 1024 * 1024);
  });

  test('maxFileSize is configurable and the limit itself is allowed', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.txt');
    await copyFile(fixture('report.utf8.txt'), path);
    const size = readFileSync(path).length;
    await expect(readSourceFile(path, { maxFileSize: size })).resolves.toMatchObject({ text: REPORT_TEXT });
    expect((await readError(path, { maxFileSize: size - 1 })).code).toBe('too-large');
  });

  test('a .docx above the limit is not unzipped either', async () => {
    const readFile = vi.fn();
    const error = await readError(fixture('numbering.docx'), { maxFileSize: 100, fs: { readFile } });
    expect(error.code).toBe('too-large');
    expect(readFile).not.toHaveBeenCalled();
  });
});

describe('readStdin', () => {
  test('reads the whole stream; the format comes from the given name', async () => {
    const bytes = readFileSync(fixture('report.gb18030.txt'));
    const stdin = Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]);
    const file = await readStdin('报告.md', { stdin });
    expect([file.path, file.format, file.text, file.encoding.encoding]).toEqual([
      '报告.md',
      'markdown',
      REPORT_TEXT,
      'gb18030',
    ]);
  });

  test('a .docx from stdin', async () => {
    const stdin = Readable.from([readFileSync(fixture('headings.docx'))]);
    const file = await readSourceFile('-', { stdinFilename: 'in.docx', stdin });
    expect(file.format).toBe('docx');
    expect(file.text.split('\n')[2]).toBe('一、主要举措和成效');
  });

  test('stops above maxFileSize', async () => {
    const stdin = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(readStdin('a.txt', { stdin, maxFileSize: 1000 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  test('an unsupported name is refused before reading', async () => {
    const stdin = Readable.from([Buffer.from('x')]);
    await expect(readStdin('a.pdf', { stdin })).rejects.toMatchObject({ code: 'unsupported-format' });
  });

  test('no name: text', async () => {
    await mkdir(await tempDir(), { recursive: true });
    const file = await readSourceFile('-', { stdin: Readable.from(['一、总体情况\n']) });
    expect([file.path, file.format, file.text]).toEqual(['<stdin>', 'text', '一、总体情况\n']);
  });
});
