import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ZipArchive } from '../../src/input/zip.js';
import { SOFFICE } from '../helpers/libreoffice.js';
import { FIXTURES, makeZip, rawEntryZip, tempDir, zeroBomb } from '../input/helpers.js';
import { runCli, runJson } from './run-cli.js';

/** `fazhi-lint annotate` as a user runs it: reviewed copies beside the reports, and clear refusals. */

const SEEDS = readdirSync(join(FIXTURES, 'seeds')).map((f) => join(FIXTURES, 'seeds', f));

/** fazhi-lint's comments in a reviewed copy: the summary on the title and one per finding. */
function ownComments(path: string): string[] {
  const comments = ZipArchive.open(readFileSync(path)).readText('word/comments.xml') ?? '';
  return [...comments.matchAll(/<w:comment [^>]*w:author="fazhi-lint"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(
    (m) => m[1] as string,
  );
}

describe('the seeds made into Word documents', () => {
  test('one comment per finding of --format json, plus the summary; exit 1 for errors', async () => {
    const out = await tempDir();
    const r = runCli(['annotate', ...SEEDS, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = runJson(SEEDS);
    for (const seed of SEEDS) {
      const name = seed.split('/').pop()?.replace('.docx', '（审阅）.docx') as string;
      const findings = json.results.find((x) =>
        x.filePath.endsWith(seed.split('/').pop() as string),
      )?.messages;
      const comments = ownComments(join(out, name));
      expect(comments.length, name).toBe((findings?.length ?? 0) + 1);
      expect(r.stdout).toContain(`已写入 ${join(out, name)}：批注 ${findings?.length} 条`);
    }
  });
});

describe('where the reviewed copy goes', () => {
  test('beside the original, which is untouched; a reviewed copy reviewed again gets the next name', async () => {
    const dir = await tempDir();
    const input = join(dir, '报告.docx');
    copyFileSync(join(FIXTURES, 'rich.docx'), input);
    const r = runCli(['annotate', '报告.docx'], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([
      1,
      '已写入 报告（审阅）.docx：批注 7 条（错误 7，警告 1，提示 0），修订 4 处，另有 1 处在文本框中、1 处在页眉页脚或脚注中，已列入标题处的汇总批注\n',
    ]);
    expect(readFileSync(input)).toEqual(readFileSync(join(FIXTURES, 'rich.docx')));
    const again = runCli(['annotate', '报告（审阅）.docx'], { cwd: dir });
    expect(again.stdout).toBe(
      '已写入 报告（审阅2）.docx：批注 7 条（错误 7，警告 1，提示 0），修订 4 处，另有 1 处在文本框中、1 处在页眉页脚或脚注中，已列入标题处的汇总批注，已替换上次的批注和修订\n',
    );
    expect(ownComments(join(dir, '报告（审阅2）.docx'))).toHaveLength(8);
    expect(readdirSync(dir).sort()).toEqual(['报告.docx', '报告（审阅2）.docx', '报告（审阅）.docx']);
  });

  test('a folder: each document once, the reviewed copies of an earlier run skipped', async () => {
    const dir = await tempDir();
    mkdirSync(join(dir, '各单位'));
    copyFileSync(join(FIXTURES, 'headings.docx'), join(dir, '各单位', '甲镇.docx'));
    copyFileSync(join(FIXTURES, 'numbering.docx'), join(dir, '各单位', '乙镇.docx'));
    expect(runCli(['annotate', '各单位'], { cwd: dir }).code).toBe(1);
    const again = runCli(['annotate', '各单位'], { cwd: dir });
    expect(again.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(readdirSync(join(dir, '各单位')).sort()).toEqual([
      '乙镇.docx',
      '乙镇（审阅）.docx',
      '甲镇.docx',
      '甲镇（审阅）.docx',
    ]);
  });

  test('-o names the file for one document; comments only with --no-track-changes', async () => {
    const dir = await tempDir();
    const r = runCli([
      'annotate',
      join(FIXTURES, 'rich.docx'),
      '-o',
      join(dir, '审阅稿.docx'),
      '--no-track-changes',
    ]);
    expect(r.stdout).toContain('修订 0 处');
    const body = ZipArchive.open(readFileSync(join(dir, '审阅稿.docx'))).readText('word/document.xml') ?? '';
    expect(body).not.toContain('w:author="fazhi-lint"');
    expect(ownComments(join(dir, '审阅稿.docx')).join('')).toContain('建议将“,”改为“，”');
  });

  test('never over the original', async () => {
    const dir = await tempDir();
    copyFileSync(join(FIXTURES, 'headings.docx'), join(dir, 'a.docx'));
    const r = runCli(['annotate', 'a.docx', '-o', 'a.docx'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'fazhi-lint: a.docx：审阅稿不能覆盖原文件，请用 -o 指定其他文件名\n',
    ]);
    expect(readFileSync(join(dir, 'a.docx'))).toEqual(readFileSync(join(FIXTURES, 'headings.docx')));
  });
});

describe('bad input: a clear Chinese message, exit 2, nothing written', () => {
  const cases: [string, () => Buffer | Uint8Array, string][] = [
    [
      '加密.docx',
      () => readFileSync(join(FIXTURES, 'encrypted.docx')),
      '无法读取 加密.docx：文档设置了打开密码（已加密）。请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再检查',
    ],
    [
      '损坏.docx',
      () => readFileSync(join(FIXTURES, 'rich.docx')).subarray(0, 3000),
      '无法读取 损坏.docx：压缩包已损坏（压缩包不完整（找不到目录，文件可能只下载或复制了一部分））。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ],
    [
      '炸弹.docx',
      () => rawEntryZip('word/document.xml', zeroBomb(1500), 1024, 0),
      '无法读取 炸弹.docx：解压后超过 64 MB，可能不是正常的 Word 文档（压缩炸弹）。如确为正常文档，可用 --max-unzipped-size 调高上限',
    ],
    [
      '多.docx',
      () => makeZip(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f${i}.xml`, '']))),
      '无法读取 多.docx：压缩包中有 10001 个文件，超过上限 10000 个，可能不是正常的 Word 文档',
    ],
    [
      '扫描件.docx',
      () => Buffer.from('%PDF-1.7\n%…'),
      '无法读取 扫描件.docx：内容是 PDF 文件，不是 Word 文档。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ],
    [
      '表格.docx',
      () => makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
      '无法读取 表格.docx：这是 Excel 表格或 PowerPoint 演示文稿，不是 Word 文档。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ],
    [
      '报告.txt',
      () => Buffer.from('某某镇2023年法治政府建设情况报告\n'),
      '报告.txt：annotate 只为 Word 文档（.docx、.doc）生成审阅稿。纯文本和 Markdown 请用 fazhi-lint 报告.txt --fix 自动修复可安全修复的问题（--fix-dry-run 先看差异），其余按检查结果修改',
    ],
    [
      '报告.md',
      () => Buffer.from('# 报告\n'),
      '报告.md：annotate 只为 Word 文档（.docx、.doc）生成审阅稿。纯文本和 Markdown 请用 fazhi-lint 报告.md --fix 自动修复可安全修复的问题（--fix-dry-run 先看差异），其余按检查结果修改',
    ],
    [
      '文字.doc',
      () => Buffer.from('这只是几行文字，改了扩展名。'),
      '无法读取 文字.doc：文件内容不是 Word 文档（可能已损坏或只是改了扩展名）',
    ],
  ];

  test.each(cases)('%s', async (name, bytes, message) => {
    const dir = await tempDir();
    writeFileSync(join(dir, name), bytes());
    mkdirSync(join(dir, 'out'));
    const r = runCli(['annotate', name, '-o', 'out/'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `fazhi-lint: ${message}\n`]);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  test('the lint command says the same, and the limit is an option', async () => {
    const dir = await tempDir();
    writeFileSync(join(dir, '炸弹.docx'), rawEntryZip('word/document.xml', zeroBomb(1500), 1024, 0));
    const r = runCli(['炸弹.docx'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'fazhi-lint: 无法读取 炸弹.docx：解压后超过 64 MB，可能不是正常的 Word 文档（压缩炸弹）。如确为正常文档，可用 --max-unzipped-size 调高上限\n',
    ]);
    copyFileSync(join(FIXTURES, 'headings.docx'), join(dir, 'a.docx'));
    const small = runCli(['a.docx', '--max-unzipped-size', '1KB'], { cwd: dir });
    expect(small.stderr).toContain('无法读取 a.docx：解压后超过 1 KB，可能不是正常的 Word 文档');
  });

  test('a .doc without LibreOffice: what to install', async () => {
    const dir = await tempDir();
    copyFileSync(join(FIXTURES, 'report.doc'), join(dir, '报告.doc'));
    const r = runCli(['annotate', '报告.doc'], { cwd: dir, env: { FAZHI_LINT_SOFFICE: '' } });
    expect([r.code, r.stderr]).toEqual([
      2,
      'fazhi-lint: 无法读取 报告.doc：文件为旧版 Word 格式（.doc），请在 Word/WPS 中另存为 .docx 后再检查，或安装 LibreOffice 后直接检查 .doc（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；Windows：从 LibreOffice 官网下载安装）\n',
    ]);
    expect(readdirSync(dir)).toEqual(['报告.doc']);
  });

  test.skipIf(!SOFFICE)('a .doc LibreOffice cannot read', async () => {
    const dir = await tempDir();
    copyFileSync(join(FIXTURES, 'old-format.doc'), join(dir, '旧.doc'));
    const r = runCli(['annotate', '旧.doc'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'fazhi-lint: 无法读取 旧.doc：LibreOffice 无法转换此文件（文件可能已损坏或设置了密码）。请在 Word/WPS 中打开并另存为 .docx 后再检查\n',
    ]);
    expect(readdirSync(dir)).toEqual(['旧.doc']);
  });
});

describe.skipIf(!SOFFICE)('a .doc with LibreOffice', () => {
  test('linted, and annotated to a .docx reviewed copy', async () => {
    const dir = await tempDir();
    copyFileSync(join(FIXTURES, 'report.doc'), join(dir, '报告.doc'));
    const lint = runJson(['报告.doc'], { cwd: dir });
    const docx = runJson([join(FIXTURES, 'headings.docx')]);
    expect(lint.results[0]?.messages.map((m) => m.message)).toEqual(
      docx.results[0]?.messages.map((m) => m.message),
    );
    const r = runCli(['annotate', '报告.doc'], { cwd: dir });
    expect(r.stdout).toMatch(/^已写入 报告（审阅）\.docx：批注 9 条/);
    expect(existsSync(join(dir, '报告（审阅）.docx'))).toBe(true);
    expect(ownComments(join(dir, '报告（审阅）.docx'))).toHaveLength(10);
  });
});
