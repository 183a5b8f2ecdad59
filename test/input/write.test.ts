import { readFileSync } from 'node:fs';
import { chmod, copyFile, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nodeFs } from '../../src/input/fs.js';
import {
  InputError,
  type InputFs,
  readSourceFile,
  type SourceFile,
  writeSourceFile,
} from '../../src/input/index.js';
import { writeFileAtomic } from '../../src/input/write.js';
import { fixture, REPORT_TEXT, tempDir } from './helpers.js';

/** Copy a fixture into a fresh folder and read it. */
async function copyOf(
  name: string,
  options: { encoding?: string } = {},
): Promise<{ dir: string; path: string; file: SourceFile }> {
  const dir = await tempDir();
  const path = join(dir, name);
  await copyFile(fixture(name), path);
  return { dir, path, file: await readSourceFile(path, options) };
}

async function writeError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const FIXED = (text: string) => text.replace('深入学习贯彻', '认真学习贯彻');

describe('writeSourceFile', () => {
  test('unchanged text: returns false, writes nothing, mtime untouched', async () => {
    const { path, file } = await copyOf('report.gb18030.txt');
    const past = new Date('2024-03-01T08:00:00Z');
    await utimes(path, past, past);
    const before = await stat(path);
    expect(await writeSourceFile(file, file.text)).toBe(false);
    const after = await stat(path);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.mtimeMs).toBe(past.getTime());
  });

  test.each([
    ['report.utf8.txt'],
    ['report.gb18030.txt'],
    ['report.utf16le-bom.txt'],
    ['report.utf16be-bom.txt'],
    ['report.utf8-bom-crlf.txt'],
    ['report.cr.txt'],
  ])('%s: the fix is written in the file’s own encoding, BOM and line endings', async (name) => {
    const { path, file, dir } = await copyOf(name);
    const original = readFileSync(fixture(name));
    expect(await writeSourceFile(file, FIXED(file.text))).toBe(true);
    const written = await readFile(path);
    // Byte-exact: the original bytes with only the fixed characters changed.
    const expected = new TextDecoder(file.encoding.encoding, { ignoreBOM: true }).decode(original);
    expect(new TextDecoder(file.encoding.encoding, { ignoreBOM: true }).decode(written)).toBe(
      FIXED(expected),
    );
    expect(written.length).toBe(original.length);
    const again = await readSourceFile(path);
    expect(again.encoding).toEqual(file.encoding);
    expect(again.text).toBe(FIXED(file.text));
    expect(await readdir(dir)).toEqual([name]);
  });

  test('GB18030 round trip of the whole fixture is byte-identical', async () => {
    const { path, file } = await copyOf('report.gb18030.txt');
    expect(await writeSourceFile(file, `${file.text}x`)).toBe(true);
    expect(await writeSourceFile({ ...(await readSourceFile(path)) }, file.text)).toBe(true);
    expect((await readFile(path)).equals(readFileSync(fixture('report.gb18030.txt')))).toBe(true);
  });

  test('BOM and CRLF are preserved', async () => {
    const { path, file } = await copyOf('report.utf8-bom-crlf.txt');
    await writeSourceFile(file, FIXED(file.text));
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(REPORT_TEXT.split('\n').length);
  });

  test('detected GB18030 holds any character, even ones GBK cannot (U+00A0, 𠀀)', async () => {
    const { path, file } = await copyOf('report.gb18030.txt');
    await writeSourceFile(file, `${file.text}\u00a0𠀀`);
    expect(new TextDecoder('gb18030').decode(await readFile(path))).toBe(`${REPORT_TEXT}\u00a0𠀀`);
  });

  test('--encoding gbk refuses characters outside GBK, naming line and column; file untouched', async () => {
    const { path, file, dir } = await copyOf('report.gb18030.txt', { encoding: 'gbk' });
    const lines = file.text.split('\n');
    lines[4] = '一、主要举措\u00a0和成效';
    const error = await writeError(writeSourceFile(file, lines.join('\n')));
    expect([error.code, error.line, error.column]).toEqual(['unencodable', 5, 7]);
    expect(error.message).toBe(
      `无法写回 ${path}：第 5 行第 7 列的字符U+00A0无法用 GBK 编码保存，文件未改动。请改用其他字符，或把文件另存为 UTF-8`,
    );
    expect((await readFile(path)).equals(readFileSync(fixture('report.gb18030.txt')))).toBe(true);
    expect(await readdir(dir)).toEqual(['report.gb18030.txt']);
  });

  test('a write failing after half the bytes leaves the original intact and no temporary file', async () => {
    const { path, file, dir } = await copyOf('report.utf8.txt');
    const failingFs: Partial<InputFs> = {
      open: async (p, flags, mode) => {
        const handle = await nodeFs.open(p, flags, mode);
        return {
          write: async (buffer, offset, length, position) => {
            const half = Math.floor(length / 2);
            await handle.write(buffer, offset, half, position);
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const error = await writeError(writeSourceFile(file, FIXED(file.text), { fs: failingFs }));
    expect(error.code).toBe('write-failed');
    expect(error.message).toBe(`写入 ${path} 失败，原文件未改动：ENOSPC: no space left on device`);
    expect((await readFile(path)).equals(readFileSync(fixture('report.utf8.txt')))).toBe(true);
    expect(await readdir(dir)).toEqual(['report.utf8.txt']);
  });

  test('a failing rename also cleans up', async () => {
    const { path, file, dir } = await copyOf('report.utf8.txt');
    const error = await writeError(
      writeSourceFile(file, FIXED(file.text), {
        fs: {
          rename: async () => {
            throw new Error('EXDEV');
          },
        },
      }),
    );
    expect(error.code).toBe('write-failed');
    expect(readFileSync(path).equals(readFileSync(fixture('report.utf8.txt')))).toBe(true);
    expect(await readdir(dir)).toEqual(['report.utf8.txt']);
  });

  test('file mode is preserved', async () => {
    const { path, file } = await copyOf('report.utf8.txt');
    await chmod(path, 0o640);
    const reread = await readSourceFile(path);
    await writeSourceFile(reread, FIXED(file.text));
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    await chmod(path, 0o755);
    await writeSourceFile(await readSourceFile(path), file.text);
    expect((await stat(path)).mode & 0o777).toBe(0o755);
  });

  test('a symbolic link stays a link; its target is written', async () => {
    const { path, file, dir } = await copyOf('report.utf8.txt');
    const link = join(dir, 'link.txt');
    await symlink(path, link);
    await writeSourceFile({ ...file, path: link }, FIXED(file.text));
    expect((await readFile(path, 'utf8')).includes('认真学习贯彻')).toBe(true);
    expect((await import('node:fs')).lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('.docx is refused', async () => {
    const file = await readSourceFile(fixture('headings.docx'));
    const error = await writeError(writeSourceFile(file, `${file.text}x`));
    expect([error.code, error.message]).toEqual([
      'unsupported-format',
      `.docx 文件不支持 --fix：${fixture('headings.docx')} 未改动。请用 fazhi-lint annotate ${fixture('headings.docx')} 生成带批注和修订的审阅稿，在 Word/WPS 的“审阅”中逐条接受`,
    ]);
  });

  test('a lossily decoded file is refused', async () => {
    const { file } = await copyOf('report.gb18030.txt', { encoding: 'utf-8' });
    expect(file.encoding.lossy).toBe(true);
    expect((await writeError(writeSourceFile(file, `${file.text}x`))).code).toBe('lossy');
  });

  test('a file changed on disk since it was read is refused', async () => {
    const { path, file } = await copyOf('report.utf8.txt');
    await writeFile(path, `${REPORT_TEXT}追加内容`);
    const error = await writeError(writeSourceFile(file, FIXED(file.text)));
    expect(error.code).toBe('changed');
    expect(await readFile(path, 'utf8')).toBe(`${REPORT_TEXT}追加内容`);
  });
});

describe('writeFileAtomic', () => {
  test('a regular file is replaced whole through a temporary file, which is gone afterwards', async () => {
    const dir = await tempDir();
    const target = join(dir, '审阅稿.docx');
    await writeFile(target, 'old');
    await writeFileAtomic(target, Buffer.from('new bytes'));
    expect(await readFile(target, 'utf8')).toBe('new bytes');
    expect(await readdir(dir)).toEqual(['审阅稿.docx']);
  });

  test('a device is written in place, never renamed over (-o /dev/null stays the null device)', async () => {
    await writeFileAtomic('/dev/null', Buffer.from('discarded'));
    const after = await stat('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.size).toBe(0);
  });
});
