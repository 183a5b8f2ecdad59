import { encodingLabel } from './decode.js';
import { describeChar, InputError, positionAt } from './errors.js';

/**
 * Encoders for writing a file back in its own encoding. Node has TextDecoder for every WHATWG
 * encoding but TextEncoder only for UTF-8, so the legacy encoders are built once, lazily, by
 * inverting the decoder over the encoding's code space (GB18030: 23,940 two-byte codes plus
 * 39,420 four-byte BMP codes, about 30 ms; supplementary planes are linear).
 *
 * Detected files are GB18030, which covers all of Unicode; unencodable are only lone surrogates and
 * 19 private-use code points (U+E5E5, U+E78D–U+E796, U+E81E …) that Node's ICU (GB18030-2022
 * mapping) no longer decodes anything to. GBK (only when the user forces `--encoding gbk`;
 * detection never says GBK) holds the one- and two-byte codes only, so U+00A0, », ¥ or 𠀀 are
 * refused there.
 */

/** Result of encoding: the bytes, or the offset of the first character the encoding cannot hold. */
export type EncodeResult = { ok: true; bytes: Buffer } | { ok: false; offset: number };

const GB_TWO = 1 << 24;
const GB_FOUR = 2 << 24;

let gbTable: Uint32Array | undefined;

/** Code unit (BMP) → packed GB18030 code: 0 none, GB_TWO | lead<<8 | trail, GB_FOUR | pointer. */
function gb18030Table(): Uint32Array {
  if (gbTable) return gbTable;
  const table = new Uint32Array(0x10000);
  const decoder = new TextDecoder('gb18030');
  const two: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) two.push(lead, trail);
  }
  const twoText = decoder.decode(Uint8Array.from(two));
  const count = two.length / 2;
  for (let i = 0; i < count; i++) {
    const lead = two[2 * i] as number;
    const trail = two[2 * i + 1] as number;
    // One code unit per code when the bulk decode stayed aligned; otherwise decode each code alone.
    const ch = twoText.length === count ? twoText[i] : decoder.decode(Uint8Array.of(lead, trail));
    if (ch === undefined || ch.length !== 1 || ch === '\ufffd') continue;
    const unit = ch.charCodeAt(0);
    if (table[unit] === 0) table[unit] = GB_TWO | (lead << 8) | trail;
  }
  // Four-byte codes for the BMP: pointers 0..39419 (WHATWG index-gb18030-ranges), all valid.
  const four = new Uint8Array(39420 * 4);
  for (let p = 0; p < 39420; p++) four.set(fourBytes(p), p * 4);
  const fourText = decoder.decode(four);
  for (let p = 0; p < 39420; p++) {
    const unit =
      fourText.length === 39420 ? fourText.charCodeAt(p) : decoder.decode(fourBytes(p)).charCodeAt(0);
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    if (table[unit] === 0) table[unit] = GB_FOUR | p;
  }
  for (let unit = 0; unit < 0x80; unit++) table[unit] = unit;
  gbTable = table;
  return table;
}

function fourBytes(pointer: number): Uint8Array {
  const b4 = pointer % 10;
  const b3 = Math.floor(pointer / 10) % 126;
  const b2 = Math.floor(pointer / 1260) % 10;
  const b1 = Math.floor(pointer / 12600);
  return Uint8Array.of(b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30);
}

function encodeGb(text: string, gbk: boolean): EncodeResult {
  const table = gb18030Table();
  const out = Buffer.allocUnsafe(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[n++] = unit;
      continue;
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (gbk || !(low >= 0xdc00 && low <= 0xdfff)) return { ok: false, offset: i };
      const cp = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      out.set(fourBytes(189000 + cp - 0x10000), n);
      n += 4;
      i++;
      continue;
    }
    const code = table[unit] ?? 0;
    if (code === 0 || (unit >= 0xdc00 && unit <= 0xdfff)) return { ok: false, offset: i };
    if ((code & GB_FOUR) !== 0) {
      if (gbk) return { ok: false, offset: i };
      out.set(fourBytes(code & 0xffffff), n);
      n += 4;
    } else {
      out[n++] = (code >> 8) & 0xff;
      out[n++] = code & 0xff;
    }
  }
  return { ok: true, bytes: Buffer.from(out.subarray(0, n)) };
}

const tables = new Map<string, Map<number, number[]>>();

/** Inverse of a single- or double-byte legacy decoder (windows-125x, ISO-8859-x, Big5, Shift_JIS, EUC-KR …). */
function legacyTable(encoding: string): Map<number, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const decoder = new TextDecoder(encoding);
  const map = new Map<number, number[]>();
  const add = (bytes: number[]) => {
    const s = decoder.decode(Uint8Array.from(bytes));
    const cp = s.codePointAt(0);
    if (cp === undefined || cp === 0xfffd || String.fromCodePoint(cp) !== s || map.has(cp)) return;
    map.set(cp, bytes);
  };
  for (let b = 0; b <= 0xff; b++) add([b]);
  const singles = new Set([...map.values()].map((bytes) => bytes[0]));
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    if (singles.has(lead)) continue;
    for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(encoding, map);
  return map;
}

function encodeLegacy(text: string, encoding: string): EncodeResult {
  const map = legacyTable(encoding);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const bytes = map.get(cp);
    if (!bytes) return { ok: false, offset: i };
    for (const b of bytes) out.push(b);
    if (cp > 0xffff) i++;
  }
  return { ok: true, bytes: Buffer.from(out) };
}

/** Offset of the first unpaired surrogate, or -1. */
export function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const STATEFUL = new Set(['iso-2022-jp', 'euc-jp', 'replacement', 'x-user-defined']);

/** True when `encodeBytes` can write this WHATWG encoding. */
export function canEncode(encoding: string): boolean {
  return !STATEFUL.has(encoding);
}

/** Encode `text` (no BOM) in a WHATWG encoding. */
export function encodeBytes(text: string, encoding: string): EncodeResult {
  switch (encoding) {
    case 'utf-8': {
      const bad = loneSurrogate(text);
      return bad >= 0 ? { ok: false, offset: bad } : { ok: true, bytes: Buffer.from(text, 'utf8') };
    }
    case 'utf-16le':
    case 'utf-16be': {
      const bytes = Buffer.alloc(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        if (encoding === 'utf-16le') bytes.writeUInt16LE(text.charCodeAt(i), i * 2);
        else bytes.writeUInt16BE(text.charCodeAt(i), i * 2);
      }
      return { ok: true, bytes };
    }
    case 'gb18030':
      return encodeGb(text, false);
    case 'gbk':
      return encodeGb(text, true);
    default:
      return encodeLegacy(text, encoding);
  }
}

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [0x84, 0x31, 0x95, 0x33],
};

/**
 * Encode `text` for `path` in `encoding`, with its BOM when `bom`. Throws InputError 'unencodable'
 * naming the line and column of the first character the encoding cannot hold, and verifies the
 * bytes decode back to the same text.
 */
export function encodeText(text: string, encoding: string, bom: boolean, path: string): Buffer {
  const label = encodingLabel(encoding);
  if (!canEncode(encoding)) {
    throw new InputError(
      path,
      'unencodable',
      `无法写回 ${path}：不支持以 ${label} 编码保存。请先把文件另存为 UTF-8 再使用 --fix`,
    );
  }
  const result = encodeBytes(text, encoding);
  const fail = (offset: number) => {
    const pos = positionAt(text, offset);
    return new InputError(
      path,
      'unencodable',
      `无法写回 ${path}：第 ${pos.line} 行第 ${pos.column} 列的字符${describeChar(text, offset)}无法用 ${label} 编码保存，文件未改动。请改用其他字符，或把文件另存为 UTF-8`,
      pos,
    );
  };
  if (!result.ok) throw fail(result.offset);
  const bomBytes = bom ? (BOMS[encoding] ?? []) : [];
  const bytes = bomBytes.length ? Buffer.concat([Buffer.from(bomBytes), result.bytes]) : result.bytes;
  // Round-trip check: what we write must read back as exactly this text.
  let back = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (bomBytes.length && back.charCodeAt(0) === 0xfeff) back = back.slice(1);
  if (back !== text) {
    let i = 0;
    while (i < text.length && back[i] === text[i]) i++;
    throw fail(i);
  }
  return bytes;
}
