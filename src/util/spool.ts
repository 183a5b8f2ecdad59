import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtins } from './builtins.js';

/** A byte range of a spool. */
export interface SpoolRange {
  offset: number;
  length: number;
}

/**
 * Text kept aside on disk rather than in memory, for output that can only be written in another order than it is
 * produced: the reports of a format whose head carries totals (JUnit), the rows of a summary sorted worst first,
 * a baseline sorted by path, the diffs and notes printed after the findings. A run over 100,000 reports holds
 * their ranges, not their text.
 *
 * The temporary file is in `os.tmpdir()` (TMPDIR) and is unlinked as soon as it is open where the system allows
 * (POSIX), so it disappears even when the process is killed; elsewhere `close` removes it.
 */
export class Spool {
  private fd: number;
  private path: string | null;
  /** Bytes written so far: the offset of the next append. */
  size = 0;

  constructor(dir = tmpdir()) {
    const name = `fazhi-lint-${process.pid}-${builtins.crypto().randomBytes(6).toString('hex')}.spool`;
    this.path = join(dir, name);
    this.fd = openSync(this.path, 'wx+', 0o600);
    try {
      rmSync(this.path);
      this.path = null;
    } catch {
      // Windows cannot remove an open file: close() does.
    }
  }

  append(text: string | Uint8Array): SpoolRange {
    const offset = this.size;
    let length: number;
    if (typeof text === 'string') {
      // Encoded by the write itself (no buffer to collect); the rest, in the rare case of a short write.
      length = Buffer.byteLength(text, 'utf8');
      const n = writeSync(this.fd, text, offset, 'utf8');
      if (n < length) writeAll(this.fd, Buffer.from(text, 'utf8').subarray(n), offset + n);
    } else length = writeAll(this.fd, text, offset);
    this.size += length;
    return { offset, length };
  }

  /** The bytes of a range, as UTF-8 text. */
  read(range: SpoolRange): string {
    return this.bytes(range.offset, range.length).toString('utf8');
  }

  /**
   * Everything appended, in chunks of at most `chunkSize` bytes (a chunk may end inside a character). One buffer
   * serves every chunk: a chunk is valid until the next is asked for.
   */
  *chunks(chunkSize = 1 << 16): Generator<Buffer> {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, this.size));
    for (let at = 0; at < this.size; at += chunkSize)
      yield this.bytes(at, Math.min(chunkSize, this.size - at), buffer);
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    if (this.path) rmSync(this.path, { force: true });
  }

  private bytes(offset: number, length: number, into?: Buffer): Buffer {
    const out = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, out, got, length - got, offset + got);
      if (n === 0) throw new Error('临时文件被截断');
      got += n;
    }
    return out;
  }
}

/** Writes all of `bytes` at `position` (a write may take less than asked); returns their length. */
export function writeAll(fd: number, bytes: Uint8Array, position: number | null): number {
  let written = 0;
  while (written < bytes.length)
    written += writeSync(
      fd,
      bytes,
      written,
      bytes.length - written,
      position === null ? null : position + written,
    );
  return written;
}
