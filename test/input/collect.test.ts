import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectFiles, REPORT_EXTENSIONS } from '../../src/input/index.js';
import { createIgnoreMatcher } from '../../src/util/glob.js';
import { tempDir } from './helpers.js';

async function tree(files: string[]): Promise<string> {
  const dir = await tempDir();
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), '一、总体情况\n');
  }
  return dir;
}

const FILES = [
  'b.md',
  'a.txt',
  'A.docx',
  'z.markdown',
  'notes.pdf',
  'old.doc',
  'image.png',
  '~$report.docx',
  '.hidden.md',
  '.git/x.md',
  '.cache/y.txt',
  'node_modules/pkg/readme.md',
  'sub/c.txt',
  'sub/deeper/d.md',
  'sub/draft/e.md',
  'draft/f.md',
  'x.tmp.md',
  'sub/y.tmp.md',
];

describe('collectFiles', () => {
  test('folders: report extensions only, sorted, skipping hidden, node_modules and Word lock files', async () => {
    const dir = await tree(FILES);
    const { files, errors } = await collectFiles(['.'], { cwd: dir, extensions: REPORT_EXTENSIONS });
    expect(errors).toEqual([]);
    expect(files).toEqual([
      'A.docx',
      'a.txt',
      'b.md',
      'draft/f.md',
      'sub/c.txt',
      'sub/deeper/d.md',
      'sub/draft/e.md',
      'sub/y.tmp.md',
      'x.tmp.md',
      'z.markdown',
    ]);
  });

  test('ignores: **/draft/** and *.tmp.md at any depth', async () => {
    const dir = await tree(FILES);
    const { files } = await collectFiles(['.'], {
      cwd: dir,
      ignores: ['**/draft/**', '*.tmp.md'],
      extensions: REPORT_EXTENSIONS,
    });
    expect(files).toEqual(['A.docx', 'a.txt', 'b.md', 'sub/c.txt', 'sub/deeper/d.md', 'z.markdown']);
  });

  test('.doc files are picked up in folders only when LibreOffice can convert them', async () => {
    const dir = await tree(['a.docx', 'b.doc']);
    const previous = process.env.FAZHI_LINT_SOFFICE;
    try {
      process.env.FAZHI_LINT_SOFFICE = '';
      expect((await collectFiles(['.'], { cwd: dir })).files).toEqual(['a.docx']);
      process.env.FAZHI_LINT_SOFFICE = '/opt/libreoffice/program/soffice';
      expect((await collectFiles(['.'], { cwd: dir })).files).toEqual(['a.docx', 'b.doc']);
    } finally {
      if (previous === undefined) delete process.env.FAZHI_LINT_SOFFICE;
      else process.env.FAZHI_LINT_SOFFICE = previous;
    }
  });

  test('explicit files are taken whatever their extension (a .doc gets its error when read)', async () => {
    const dir = await tree(FILES);
    const { files, errors } = await collectFiles(['old.doc', 'notes.pdf', 'sub', 'a.txt', './a.txt'], {
      cwd: dir,
    });
    expect(errors).toEqual([]);
    expect(files).toEqual([
      'old.doc',
      'notes.pdf',
      'sub/c.txt',
      'sub/deeper/d.md',
      'sub/draft/e.md',
      'sub/y.tmp.md',
      'a.txt',
    ]);
  });

  test('a missing path is an InputError, the others are still collected', async () => {
    const dir = await tree(['a.txt']);
    const { files, errors } = await collectFiles(['missing.md', 'a.txt', 'gone/'], { cwd: dir });
    expect(files).toEqual(['a.txt']);
    expect(errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ['not-found', 'missing.md', '找不到 missing.md：请检查文件或文件夹路径是否正确'],
      ['not-found', 'gone/', '找不到 gone/：请检查文件或文件夹路径是否正确'],
    ]);
  });

  test('absolute folder paths are returned absolute; symbolic-link loops end', async () => {
    const dir = await tree(['r/a.md']);
    await symlink(join(dir, 'r'), join(dir, 'r', 'loop'));
    const { files } = await collectFiles([join(dir, 'r')]);
    expect(files).toEqual([join(dir, 'r', 'a.md')]);
  });
});

describe('glob matcher', () => {
  test.each([
    ['*.tmp.md', 'x.tmp.md', true],
    ['*.tmp.md', 'a/b/x.tmp.md', true],
    ['*.tmp.md', 'x.md', false],
    ['**/draft/**', 'draft/a.md', true],
    ['**/draft/**', 'a/draft/b/c.md', true],
    ['**/draft/**', 'a/drafts/c.md', false],
    ['draft', 'a/draft/c.md', true],
    ['draft/', 'a/draft', false], // folders only, and this one is a file
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'x/docs/a.md', false],
    ['docs/**/*.md', 'docs/a/b/c.md', true],
    ['docs/**/*.md', 'docs/c.md', true],
    ['/docs/old', 'docs/old/a.md', true],
    ['**/*.{md,txt}', 'a/b.txt', true],
    ['**/*.{md,txt}', 'a/b.docx', false],
    ['report-202?.md', 'report-2024.md', true],
    ['[!a]*.md', 'b.md', true],
    ['[!a]*.md', 'a.md', false],
    ['2021年*', '2021年报告.txt', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(createIgnoreMatcher([pattern])(path)).toBe(expected);
  });

  test('folder-only pattern prunes folders', () => {
    expect(createIgnoreMatcher(['draft/'])('a/draft', true)).toBe(true);
    expect(createIgnoreMatcher(['**/draft/**'])('a/draft', true)).toBe(true);
  });
});
