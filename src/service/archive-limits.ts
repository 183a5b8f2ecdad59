import { createInflateRaw } from 'node:zlib';
import { InputError } from '../input/errors.js';

/**
 * Limits on what a .docx may unpack to, checked before the Word reader inflates anything: an archive bomb
 * (a few MB that inflate to gigabytes) is refused after inflating at most the limit, counting bytes as they come
 * out and keeping none of them. Sizes the archive declares are not trusted. A damaged archive is left to the
 * reader, which says so.
 */
export const MAX_UNZIPPED_SIZE = 64 * 1024 * 1024;
export const MAX_ARCHIVE_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

function bomb(path: string, detail: string): InputError {
  return new InputError(
    path,
    'archive-too-large',
    `无法读取 ${path}：${detail}，可能不是正常的 Word 文档（压缩炸弹）。请确认文件来源，或在 Word/WPS 中另存为 .docx 后再检查`,
  );
}

/** Bytes a raw deflate stream inflates to, stopping as soon as it passes `limit`; null when it is not valid deflate. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    let settled = false;
    const done = (n: number | null) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(n);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(size);
    });
    inflate.on('end', () => done(size));
    inflate.on('error', () => done(null));
    inflate.end(data);
  });
}

/** Throws InputError 'archive-too-large' when the zip in `bytes` has too many entries or inflates past the limit. */
export async function checkArchiveLimits(
  bytes: Uint8Array,
  path: string,
  limits: { maxUnzippedSize?: number; maxEntries?: number } = {},
): Promise<void> {
  const maxSize = limits.maxUnzippedSize ?? MAX_UNZIPPED_SIZE;
  const maxEntries = limits.maxEntries ?? MAX_ARCHIVE_ENTRIES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return; // not a zip (or damaged): the reader says so
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  let entries = 0;
  while (at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL) {
    if (++entries > maxEntries) throw bomb(path, `压缩包中的文件超过 ${maxEntries} 个`);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (method === 0) total += declared;
    else if (method === 8 && local + 30 <= bytes.length && view.getUint32(local, true) === LOCAL) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const size = await inflatedSize(
        bytes.subarray(start, Math.min(bytes.length, start + compressed)),
        maxSize - total,
      );
      if (size !== null) total += size;
    }
    if (total > maxSize) throw bomb(path, `解压后超过 ${mb(maxSize)}`);
  }
}
