/**
 * A guard in front of vscode-jsonrpc's stream reader: it passes on only well-framed messages (`Content-Length`
 * header + body) and, after a header without a usable Content-Length, skips to the next `Content-Length:` instead of
 * losing the framing for good (vscode-jsonrpc reports the error and then reads every later message from the wrong
 * place, so the server would go silent). Bodies that are not JSON pass through: the reader reports those and goes on.
 */
import { Transform, type TransformCallback } from 'node:stream';

const MARKER = Buffer.from('Content-Length:', 'ascii');
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Largest body accepted (a 5,000,000-character document is ~15 MB of UTF-8 in JSON). */
const MAX_BODY = 256 * 1024 * 1024;
/** A header block longer than this is garbage. */
const MAX_HEADER = 8 * 1024;

export class FramingGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onGarbage: (message: string) => void = () => {}) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      this.drain();
    } catch (e) {
      this.onGarbage(`framing: ${(e as Error).message}`);
      this.buffer = Buffer.alloc(0);
    }
    callback();
  }

  private skip(reason: string): boolean {
    const next = this.buffer.indexOf(MARKER, 1);
    const dropped = next === -1 ? this.buffer.length : next;
    this.onGarbage(`ignored ${dropped} bytes of malformed input (${reason})`);
    this.buffer = next === -1 ? Buffer.alloc(0) : this.buffer.subarray(next);
    return next !== -1;
  }

  private drain(): void {
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) {
        if (this.buffer.length > MAX_HEADER && this.buffer.indexOf(MARKER) !== 0) {
          if (!this.skip('no header')) return;
          continue;
        }
        return;
      }
      if (end > MAX_HEADER) {
        if (!this.skip('header too long')) return;
        continue;
      }
      const header = this.buffer.subarray(0, end).toString('ascii');
      const lines = header.split('\r\n');
      let length = -1;
      let wellFormed = true;
      for (const line of lines) {
        const m = /^([A-Za-z][A-Za-z-]*):\s*(.*)$/.exec(line);
        if (!m) {
          wellFormed = false;
          break;
        }
        if ((m[1] as string).toLowerCase() === 'content-length') {
          length = /^\d+$/.test((m[2] as string).trim()) ? Number((m[2] as string).trim()) : -1;
        }
      }
      if (!wellFormed || length < 0 || length > MAX_BODY) {
        if (!this.skip(wellFormed ? 'no usable Content-Length' : 'bad header')) return;
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buffer.length < total) return;
      this.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
  }
}
