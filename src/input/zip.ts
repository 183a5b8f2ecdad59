import { builtins } from '../util/builtins.js';

/**
 * A small ZIP reader and writer for Office packages, over the central directory.
 *
 * Why our own instead of jszip: an upload or a mailed .docx may be an archive bomb, so every entry is inflated with
 * a hard output bound (`inflateRawSync(…, { maxOutputLength })` stops as soon as it is passed, instead of inflating
 * 1.5 GB and then failing), the number of entries is bounded before any is read, and entries whose stored bytes
 * overlap (the "overlapping file" bomb) are refused. Writing copies every entry that did not change, local header
 * and compressed bytes, verbatim: an annotated copy differs from the original only in the parts that were edited.
 */

export const DEFAULT_MAX_UNZIPPED_SIZE = 64 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 10_000;

export interface ZipLimits {
  /** Total bytes all entries read from one archive may inflate to. Default 64 MiB. */
  maxUnzippedSize?: number;
  /** Entries the central directory may list. Default 10,000. */
  maxEntries?: number;
}

export type ZipErrorCode =
  | 'not-zip'
  | 'damaged'
  | 'encrypted'
  | 'unsupported'
  | 'too-large'
  | 'too-many-entries';

/** What is wrong with an archive; the reader of a .docx turns it into a Chinese InputError. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    /** The limit that was passed ('too-large', 'too-many-entries'). */
    readonly limit?: number,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  /** The central-directory record's fields, written back as they were. */
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameBytes: Uint8Array;
  /** Extra field of the central record without the ZIP64 field (sizes are rewritten plainly). */
  extra: Uint8Array;
  comment: Uint8Array;
  internalAttributes: number;
  externalAttributes: number;
  /** Offsets of the local header, the compressed data, and the end of the entry's stored bytes. */
  localOffset: number;
  dataOffset: number;
  storedEnd: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

const damaged = (detail: string) => new ZipError('damaged', detail);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The ZIP64 extended-information extra field (id 1): the values whose 32-bit field is 0xFFFFFFFF, in order. */
function readZip64(
  extra: Uint8Array,
  fields: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  const dv = view(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = dv.getUint16(at, true);
    const length = dv.getUint16(at + 2, true);
    if (id === 1) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + length) throw damaged('ZIP64 扩展字段不完整');
        const value = Number(dv.getBigUint64(p, true));
        p += 8;
        return value;
      };
      if (fields.size) out.size = next();
      if (fields.compressed) out.compressed = next();
      if (fields.offset) out.offset = next();
      return out;
    }
    at += 4 + length;
  }
  throw damaged('缺少 ZIP64 扩展字段');
}

/** The extra field without its ZIP64 record (id 1). */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const dv = view(extra);
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at + 4 <= extra.length) {
    const length = dv.getUint16(at + 2, true);
    const end = Math.min(extra.length, at + 4 + length);
    if (dv.getUint16(at, true) !== 1) kept.push(extra.subarray(at, end));
    at = end;
  }
  return kept.length === 1 ? (kept[0] as Uint8Array) : Buffer.concat(kept);
}

let crcTable: Int32Array | undefined;
/** CRC-32 (zlib's, native since Node 20.15; a table otherwise). */
export function crc32(bytes: Uint8Array): number {
  const native = (builtins.zlib() as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const latin = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** An opened archive: the central directory read and checked, entries inflated on demand within the limits. */
export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly maxUnzippedSize: number;
  /** Bytes inflated so far, against `maxUnzippedSize`. */
  private inflated = 0;

  private constructor(
    readonly bytes: Uint8Array,
    entries: ZipEntry[],
    limits: ZipLimits,
  ) {
    this.entries = entries;
    this.maxUnzippedSize = limits.maxUnzippedSize ?? DEFAULT_MAX_UNZIPPED_SIZE;
    for (const e of entries) {
      if (!this.byName.has(e.name)) this.byName.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, e);
    }
  }

  /** Reads and checks the central directory. Throws ZipError. */
  static open(bytes: Uint8Array, limits: ZipLimits = {}): ZipArchive {
    const dv = view(bytes);
    const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (bytes.length < 22 || dv.getUint32(0, true) !== SIG_LOCAL) {
      // An empty archive has no local header, but no Word document is empty.
      throw new ZipError('not-zip', '不是 ZIP 压缩格式');
    }
    // The end record: 22 bytes plus a comment of at most 65,535 bytes, searched from the end.
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (dv.getUint32(at, true) === SIG_END && at + 22 + dv.getUint16(at + 20, true) <= bytes.length) {
        end = at;
        break;
      }
    }
    if (end < 0) throw damaged('压缩包不完整（找不到目录，文件可能只下载或复制了一部分）');
    let count = dv.getUint16(end + 10, true);
    let directorySize = dv.getUint32(end + 12, true);
    let directoryOffset = dv.getUint32(end + 16, true);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = end - 20;
      if (locator < 0 || dv.getUint32(locator, true) !== SIG_END64_LOCATOR)
        throw damaged('ZIP64 目录定位记录缺失');
      const end64 = Number(dv.getBigUint64(locator + 8, true));
      if (end64 < 0 || end64 + 56 > bytes.length || dv.getUint32(end64, true) !== SIG_END64) {
        throw damaged('ZIP64 目录记录缺失');
      }
      count = Number(dv.getBigUint64(end64 + 32, true));
      directorySize = Number(dv.getBigUint64(end64 + 40, true));
      directoryOffset = Number(dv.getBigUint64(end64 + 48, true));
    }
    if (count > maxEntries) {
      throw new ZipError(
        'too-many-entries',
        `压缩包中有 ${count} 个文件，超过上限 ${maxEntries} 个`,
        maxEntries,
      );
    }
    if (directoryOffset + directorySize > bytes.length) throw damaged('压缩包目录超出文件末尾');

    const entries: ZipEntry[] = [];
    let at = directoryOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || dv.getUint32(at, true) !== SIG_CENTRAL) throw damaged('压缩包目录已损坏');
      const nameLength = dv.getUint16(at + 28, true);
      const extraLength = dv.getUint16(at + 30, true);
      const commentLength = dv.getUint16(at + 32, true);
      const recordEnd = at + 46 + nameLength + extraLength + commentLength;
      if (recordEnd > bytes.length) throw damaged('压缩包目录已损坏');
      const flags = dv.getUint16(at + 8, true);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const rawExtra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      let compressedSize = dv.getUint32(at + 20, true);
      let size = dv.getUint32(at + 24, true);
      let localOffset = dv.getUint32(at + 42, true);
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
        const z = readZip64(rawExtra, {
          size: size === 0xffffffff,
          compressed: compressedSize === 0xffffffff,
          offset: localOffset === 0xffffffff,
        });
        size = z.size ?? size;
        compressedSize = z.compressed ?? compressedSize;
        localOffset = z.offset ?? localOffset;
      }
      if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) {
        throw damaged('压缩包中的文件记录已损坏');
      }
      const dataOffset =
        localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
      if (dataOffset + compressedSize > bytes.length) throw damaged('压缩包中的文件超出文件末尾');
      entries.push({
        // Bit 11: UTF-8 names; otherwise code page 437, which for the ASCII names of Office parts is the same.
        name: flags & 0x800 ? utf8.decode(nameBytes) : latin.decode(nameBytes),
        versionMadeBy: dv.getUint16(at + 4, true),
        versionNeeded: dv.getUint16(at + 6, true),
        flags,
        method: dv.getUint16(at + 10, true),
        time: dv.getUint16(at + 12, true),
        date: dv.getUint16(at + 14, true),
        crc: dv.getUint32(at + 16, true),
        compressedSize,
        size,
        nameBytes,
        extra: withoutZip64(rawExtra),
        comment: bytes.subarray(recordEnd - commentLength, recordEnd),
        internalAttributes: dv.getUint16(at + 36, true),
        externalAttributes: dv.getUint32(at + 38, true),
        localOffset,
        dataOffset,
        storedEnd: 0,
      });
      at = recordEnd;
    }
    // Each entry's stored bytes run to the next entry (a data descriptor may follow the data); entries sharing
    // bytes are how the "overlapping" bombs inflate one deflate stream thousands of times.
    const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 0; i < ordered.length; i++) {
      const entry = ordered[i] as ZipEntry;
      const next = ordered[i + 1]?.localOffset ?? directoryOffset;
      if (entry.dataOffset + entry.compressedSize > next) {
        throw damaged('压缩包中的文件相互重叠，结构异常');
      }
      entry.storedEnd = next;
    }
    return new ZipArchive(bytes, entries, limits);
  }

  /** The entry of a part name (OPC part names are case-insensitive). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /**
   * The inflated bytes of an entry, or undefined when there is none. Throws ZipError: 'too-large' as soon as all
   * entries read so far pass the limit, 'encrypted', 'unsupported' (a compression method other than stored or
   * deflate), 'damaged' (bad deflate data, wrong size or CRC).
   */
  read(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    if (entry.flags & 1) throw new ZipError('encrypted', `压缩包中的 ${entry.name} 已加密`);
    const budget = this.maxUnzippedSize - this.inflated;
    const tooLarge = () =>
      new ZipError(
        'too-large',
        `解压后超过 ${formatSize(this.maxUnzippedSize)}（${entry.name}）`,
        this.maxUnzippedSize,
      );
    if (entry.size > budget) throw tooLarge();
    const stored = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let data: Uint8Array;
    if (entry.method === 0) data = stored;
    else if (entry.method === 8) {
      try {
        // One byte over the budget is enough to know it is passed: inflation stops there.
        data = builtins.zlib().inflateRawSync(stored, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
        throw damaged(`${entry.name} 的压缩数据已损坏`);
      }
      if (data.length > budget) throw tooLarge();
    } else {
      throw new ZipError('unsupported', `${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) {
      throw damaged(`${entry.name} 的内容与校验值不符`);
    }
    this.inflated += data.length;
    return data;
  }

  /** An XML part as text (UTF-8, or UTF-16 with a byte-order mark), or undefined when there is none. */
  readText(name: string): string | undefined {
    const data = this.read(name);
    return data === undefined ? undefined : decodeXml(data);
  }
}

/** Decodes an XML part: UTF-16 by its byte-order mark, else UTF-8 (a UTF-8 BOM is dropped). */
export function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const text = utf8.decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** A part to write: the bytes, or (for an unchanged part) the original entry, copied verbatim. */
export type ZipPart = { name: string; data: Uint8Array } | { entry: ZipEntry };

/** MS-DOS time and date fields of a Date (local fields, as ZIP tools read them). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const encoder = new TextEncoder();

/**
 * Writes an archive: entries of `source` are copied byte for byte from their local header to the end of their
 * stored data; new data is deflated. `modified` gives the time stamp of new parts.
 */
export function writeZip(source: ZipArchive | null, parts: ZipPart[], modified: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const stamp = dosDateTime(modified);
  for (const part of parts) {
    let record: Omit<ZipEntry, 'localOffset' | 'dataOffset' | 'storedEnd'>;
    if ('entry' in part) {
      if (!source) throw new Error('an entry to copy needs its archive');
      const e = part.entry;
      chunks.push(source.bytes.subarray(e.localOffset, e.storedEnd));
      record = e;
      central.push(centralRecord(record, offset));
      offset += e.storedEnd - e.localOffset;
      continue;
    }
    const nameBytes = encoder.encode(part.name);
    const ascii = nameBytes.every((b) => b < 0x80);
    const compressed = builtins.zlib().deflateRawSync(part.data, { level: 6 });
    const method = compressed.length < part.data.length ? 8 : 0;
    const body = method === 8 ? compressed : part.data;
    record = {
      name: part.name,
      versionMadeBy: 20,
      versionNeeded: 20,
      flags: ascii ? 0 : 0x800,
      method,
      time: stamp.time,
      date: stamp.date,
      crc: crc32(part.data),
      compressedSize: body.length,
      size: part.data.length,
      nameBytes,
      extra: new Uint8Array(0),
      comment: new Uint8Array(0),
      internalAttributes: 0,
      externalAttributes: 0,
    };
    const local = new Uint8Array(30 + nameBytes.length);
    const dv = view(local);
    dv.setUint32(0, SIG_LOCAL, true);
    dv.setUint16(4, record.versionNeeded, true);
    dv.setUint16(6, record.flags, true);
    dv.setUint16(8, method, true);
    dv.setUint16(10, record.time, true);
    dv.setUint16(12, record.date, true);
    dv.setUint32(14, record.crc, true);
    dv.setUint32(18, record.compressedSize, true);
    dv.setUint32(22, record.size, true);
    dv.setUint16(26, nameBytes.length, true);
    dv.setUint16(28, 0, true);
    local.set(nameBytes, 30);
    chunks.push(local, body);
    central.push(centralRecord(record, offset));
    offset += local.length + body.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const dv = view(end);
  dv.setUint32(0, SIG_END, true);
  dv.setUint16(8, parts.length, true);
  dv.setUint16(10, parts.length, true);
  dv.setUint32(12, directorySize, true);
  dv.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, end]);
}

function centralRecord(
  e: Omit<ZipEntry, 'localOffset' | 'dataOffset' | 'storedEnd'>,
  offset: number,
): Uint8Array {
  const out = new Uint8Array(46 + e.nameBytes.length + e.extra.length + e.comment.length);
  const dv = view(out);
  dv.setUint32(0, SIG_CENTRAL, true);
  dv.setUint16(4, e.versionMadeBy, true);
  dv.setUint16(6, e.versionNeeded, true);
  dv.setUint16(8, e.flags, true);
  dv.setUint16(10, e.method, true);
  dv.setUint16(12, e.time, true);
  dv.setUint16(14, e.date, true);
  dv.setUint32(16, e.crc, true);
  dv.setUint32(20, e.compressedSize, true);
  dv.setUint32(24, e.size, true);
  dv.setUint16(28, e.nameBytes.length, true);
  dv.setUint16(30, e.extra.length, true);
  dv.setUint16(32, e.comment.length, true);
  dv.setUint16(34, 0, true);
  dv.setUint16(36, e.internalAttributes, true);
  dv.setUint32(38, e.externalAttributes, true);
  dv.setUint32(42, offset, true);
  out.set(e.nameBytes, 46);
  out.set(e.extra, 46 + e.nameBytes.length);
  out.set(e.comment, 46 + e.nameBytes.length + e.extra.length);
  return out;
}
