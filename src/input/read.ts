import { extname } from 'node:path';
import { decodeText } from './decode.js';
import { convertDocToDocx, type DocConversionOptions } from './doc.js';
import { type DocxReadOptions, isCompoundFile, isEncryptedPackage, readDocx } from './docx.js';
import { InputError } from './errors.js';
import { type InputFs, withFs } from './fs.js';
import type { SourceFile, SourceFormat } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface ReadOptions extends DocxReadOptions {
  /** Force a text encoding (WHATWG label) instead of detecting it. */
  encoding?: string;
  /** LibreOffice for Word 97–2003 files (see doc.ts). */
  soffice?: DocConversionOptions['soffice'];
  /** Time limit of one .doc conversion, in milliseconds. */
  docTimeoutMs?: number;
  /** Files above this many bytes are refused without being read. Default 20 MiB. */
  maxFileSize?: number;
  /** Name (and so format) for standard input, when `path` is '-'. */
  stdinFilename?: string;
  /** File-system operations, for tests. */
  fs?: Partial<InputFs>;
  /** Stream read by `readStdin`, for tests. Default process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Extensions we refuse, with what they are and what to do instead. */
const UNSUPPORTED: Record<string, { what: string; advice: string }> = {};
const add = (exts: string[], what: string, advice: string) => {
  for (const ext of exts) UNSUPPORTED[ext] = { what, advice };
};
add(['.wps', '.wpt'], 'WPS 文字格式（.wps）', '请在 WPS 中另存为 .docx 或导出为 .txt 后再检查');
add(['.pdf'], 'PDF 文件', '无法可靠提取其中的文字，请使用原始 .docx，或把文字复制到 .txt 后再检查');
add(['.ofd'], 'OFD 版式文件', '请使用原始 .docx，或把文字复制到 .txt 后再检查');
add(
  ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic'],
  '图片',
  '无法检查图片中的文字，请提供报告的 .docx 或 .txt 原文',
);
add(['.xls', '.xlsx', '.xlsm', '.xlsb', '.et', '.csv'], '表格文件', '请检查报告正文的 .docx 或 .txt 文件');
add(['.ppt', '.pptx', '.pps', '.ppsx', '.dps'], '演示文稿', '请检查报告正文的 .docx 或 .txt 文件');
add(['.rtf', '.odt', '.wpd', '.pages'], '本工具不支持的文档格式', '请在 Word/WPS 中另存为 .docx 后再检查');
add(['.zip', '.rar', '.7z', '.gz', '.tar'], '压缩包', '请先解压，再检查其中的 .docx 或 .txt');

/** Word 97–2003 extensions, read through LibreOffice (doc.ts). */
const WORD_97 = ['.doc', '.dot'];

/**
 * The format for a file name: .md/.markdown → markdown, .docx (and .doc, converted on reading) → docx, anything
 * else → text. Throws InputError 'unsupported-format' with advice for WPS, PDF, images, spreadsheets …
 */
export function formatFor(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) {
    const what = ext === '.wps' ? unsupported.what : `${unsupported.what}（${ext}）`;
    const space = /^[A-Za-z]/.test(what) ? ' ' : '';
    throw new InputError(
      path,
      'unsupported-format',
      `无法读取 ${path}：文件为${space}${what}，${unsupported.advice}`,
    );
  }
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.docx' || WORD_97.includes(ext)) return 'docx';
  return 'text';
}

function tooLarge(path: string, size: number, max: number): InputError {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new InputError(
    path,
    'too-large',
    `已跳过 ${path}：文件大小 ${mib(size)}，超过上限 ${mib(max)}。请确认这是报告正文，或用 --max-file-size 调高上限`,
  );
}

/** Decode bytes already read into a SourceFile of the format its name says. */
export async function sourceFromBuffer(
  buffer: Uint8Array,
  path: string,
  format: SourceFormat,
  options: Pick<ReadOptions, 'encoding' | 'maxUnzippedSize' | 'maxEntries' | 'soffice' | 'docTimeoutMs'> = {},
): Promise<SourceFile> {
  if (format === 'docx') {
    const { text, docx } = await readDocx(await wordBytes(buffer, path, options), path, options);
    return {
      path,
      format,
      text,
      encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
      docx,
    };
  }
  const decoded = decodeText(
    buffer,
    path,
    options.encoding === undefined ? {} : { encoding: options.encoding },
  );
  return { path, format, text: decoded.text, encoding: decoded.encoding };
}

/**
 * The .docx bytes of a Word file: as they are, or converted by LibreOffice for a Word 97–2003 file (by its
 * extension, or by its content under a .docx name).
 */
export async function wordBytes(
  buffer: Uint8Array,
  path: string,
  options: Pick<ReadOptions, 'soffice' | 'docTimeoutMs'> = {},
): Promise<Uint8Array> {
  const word97 = WORD_97.includes(extname(path).toLowerCase());
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if ((word97 && !isZip) || (isCompoundFile(buffer) && !isEncryptedPackage(buffer))) {
    return convertDocToDocx(buffer, path, {
      ...(options.soffice !== undefined ? { soffice: options.soffice } : {}),
      ...(options.docTimeoutMs !== undefined ? { timeoutMs: options.docTimeoutMs } : {}),
    });
  }
  return buffer;
}

function fsError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new InputError(path, 'not-found', `找不到文件 ${path}：请检查路径是否正确`, undefined, {
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(path, 'unreadable', `没有权限读取 ${path}：请检查文件权限`, undefined, {
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new InputError(path, 'not-a-file', `${path} 是文件夹，不是文件`, undefined, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError(path, 'unreadable', `无法读取 ${path}：${detail}`, undefined, { cause: error });
}

/**
 * Read one input file. The size is checked with stat before anything is read. Empty and
 * whitespace-only files are returned as they are. `path` '-' reads standard input.
 */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<SourceFile> {
  if (path === '-') return readStdin(options.stdinFilename ?? '<stdin>', options);
  const format = formatFor(path);
  const fs = withFs(options.fs);
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let stats: Awaited<ReturnType<InputFs['stat']>>;
  try {
    stats = await fs.stat(path);
  } catch (error) {
    throw fsError(path, error);
  }
  if (stats.isDirectory()) {
    throw new InputError(path, 'not-a-file', `${path} 是文件夹：请直接传给命令行，工具会检查其中的报告文件`);
  }
  if (stats.size > max) throw tooLarge(path, stats.size, max);
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (error) {
    throw fsError(path, error);
  }
  // The file may have grown between stat and read.
  if (buffer.length > max) throw tooLarge(path, buffer.length, max);
  const file = await sourceFromBuffer(buffer, path, format, options);
  file.stat = { size: stats.size, mtimeMs: stats.mtimeMs };
  return file;
}

/** Read standard input completely (stopping above maxFileSize); the format comes from `filename`. */
export async function readStdin(filename: string, options: ReadOptions = {}): Promise<SourceFile> {
  const format = formatFor(filename);
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of options.stdin ?? process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > max) throw tooLarge(filename, size, max);
    chunks.push(bytes);
  }
  return sourceFromBuffer(Buffer.concat(chunks), filename, format, options);
}
