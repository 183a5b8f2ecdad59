import { basename, dirname, join } from 'node:path';
import { builtins } from '../util/builtins.js';
import { encodeText } from './encode.js';
import { InputError } from './errors.js';
import { type InputFileHandle, type InputFs, withFs } from './fs.js';
import type { SourceFile } from './types.js';

export interface WriteOptions {
  /** File-system operations, for tests (e.g. a write that fails halfway). */
  fs?: Partial<InputFs>;
}

/**
 * Write fixed text back for `--fix`. Returns false (and writes nothing) when the text is unchanged.
 * The text is encoded in the file's own encoding with its BOM; line endings are written as they are
 * in `newText`. The write is atomic: a temporary file in the same folder, fsync, the original
 * permission bits, then rename over the original (through symbolic links, to the real file). On any
 * failure the temporary file is removed and the original is left untouched.
 *
 * Throws InputError: 'unsupported-format' for .docx, 'lossy' when the file could not be decoded
 * cleanly, 'unencodable' (with line/column) when the encoding cannot hold a character, 'changed'
 * when the file changed on disk since it was read, 'write-failed' otherwise.
 */
export async function writeSourceFile(
  file: SourceFile,
  newText: string,
  options: WriteOptions = {},
): Promise<boolean> {
  const { path } = file;
  if (file.format === 'docx') {
    throw new InputError(
      path,
      'unsupported-format',
      `.docx 文件不支持 --fix：${path} 未改动。请用 fazhi-lint annotate ${path} 生成带批注和修订的审阅稿，在 Word/WPS 的“审阅”中逐条接受`,
    );
  }
  if (newText === file.text) return false;
  if (file.encoding.lossy) {
    throw new InputError(
      path,
      'lossy',
      `无法写回 ${path}：文件中有无法解码的字节，自动修复会损坏原文，文件未改动。请用 --encoding 指定正确编码，或先另存为 UTF-8`,
    );
  }
  const bytes = encodeText(newText, file.encoding.encoding, file.encoding.bom, path);
  const fs = withFs(options.fs);
  const failed = (error: unknown) =>
    new InputError(
      path,
      'write-failed',
      `写入 ${path} 失败，原文件未改动：${error instanceof Error ? error.message : String(error)}`,
      undefined,
      { cause: error },
    );

  let target: string;
  let mode: number;
  try {
    target = await fs.realpath(path);
    const stats = await fs.stat(target);
    mode = stats.mode & 0o7777;
    if (file.stat && (stats.size !== file.stat.size || stats.mtimeMs !== file.stat.mtimeMs)) {
      throw new InputError(path, 'changed', `${path} 在检查后被修改过，为免覆盖，未写入修复。请重新运行检查`);
    }
  } catch (error) {
    throw error instanceof InputError ? error : failed(error);
  }

  try {
    await writeFileAtomic(target, bytes, { mode, fs: options.fs });
  } catch (error) {
    throw failed(error);
  }
  return true;
}

/**
 * Write bytes to `target` atomically: a temporary file in the same folder, fsync, then rename over the target, so a
 * reader never sees half a file and a failure leaves nothing behind (the temporary file is removed). `mode` is set
 * explicitly when given (open's mode is masked by the umask). Errors are thrown as they come.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: { mode?: number | undefined; fs?: Partial<InputFs> | undefined } = {},
): Promise<void> {
  const fs = withFs(options.fs);
  if (await isSpecialFile(fs, target)) {
    // A device or a pipe (-o /dev/null, /dev/stdout): renaming over it would replace the device with a plain file.
    const handle = await fs.open(target, 'w', 0o666);
    try {
      await writeAll(handle, bytes, false);
    } finally {
      await handle.close();
    }
    return;
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${builtins.crypto().randomBytes(4).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o666);
    created = true;
    try {
      await writeAll(handle, bytes, true);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.mode !== undefined) await fs.chmod(temp, options.mode);
    await fs.rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => {});
    throw error;
  }
}

/** Whether `path` exists and is neither a regular file nor a folder: a device, a pipe or a socket. */
async function isSpecialFile(fs: InputFs, path: string): Promise<boolean> {
  try {
    const stats = await fs.stat(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

/** Write every byte; `positioned` writes at explicit offsets (a pipe or a device takes none). */
async function writeAll(handle: InputFileHandle, bytes: Uint8Array, positioned: boolean): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(
      bytes,
      written,
      bytes.length - written,
      positioned ? written : null,
    );
    if (bytesWritten <= 0) throw new Error('写入了 0 字节');
    written += bytesWritten;
  }
}
