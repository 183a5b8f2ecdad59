import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** The client went away before its upload was complete: there is nobody to answer. */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
}

/**
 * Bytes of request bodies held in memory at once, across all requests: an upload that would pass it is turned
 * away with 503 at once instead of growing the server past what the machine can give it.
 */
export class MemoryBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  take(n: number): boolean {
    if (this.used + n > this.limit) return false;
    this.used += n;
    return true;
  }
  give(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}

function tooLarge(limit: number): HttpError {
  const mb = (limit / 1024 / 1024).toFixed(1);
  return new HttpError(
    413,
    'too-large',
    `文件超过上限 ${mb} MB，未检查。请确认这是报告正文，或请管理员用 --max-file-size 调高上限`,
  );
}

const busy = () =>
  new HttpError(503, 'busy', '服务器正忙（同时上传的文件过多），请稍后再试', { 'Retry-After': '5' });

/**
 * Reads a request body up to `limit` bytes, refusing a larger one while it streams (the declared length is
 * checked before anything is read; an undeclared one is counted as it arrives), so no more than the limit is
 * ever buffered. The bytes count against `budget` until `release` is called.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  budget: MemoryBudget,
): Promise<{ bytes: Buffer; release(): void }> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    const length = declared === undefined ? undefined : Number(declared);
    if (length !== undefined && (!Number.isSafeInteger(length) || length < 0)) {
      reject(new HttpError(400, 'bad-request', '请求头 Content-Length 无效'));
      return;
    }
    if (length !== undefined && length > limit) {
      reject(tooLarge(limit));
      return;
    }
    let reserved = length ?? 0;
    if (!budget.take(reserved)) {
      reject(busy());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      budget.give(reserved);
      chunks.length = 0;
      req.removeListener('data', onData);
      // The rest of a refused upload is read and dropped (never kept): a client still sending would otherwise
      // see the connection reset instead of the answer. requestTimeout bounds how long that may take.
      req.resume();
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(tooLarge(limit));
      if (size > reserved) {
        if (!budget.take(size - reserved)) return fail(busy());
        reserved = size;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (settled) return;
      if (length !== undefined && size !== length) return fail(new ClientGoneError('上传不完整'));
      settled = true;
      const bytes = Buffer.concat(chunks, size);
      chunks.length = 0;
      let released = false;
      resolve({
        bytes,
        release: () => {
          if (released) return;
          released = true;
          budget.give(reserved);
        },
      });
    });
    req.on('aborted', () => fail(new ClientGoneError('上传中断')));
    req.on('error', (e) => fail(new ClientGoneError(e.message)));
    req.on('close', () => {
      if (!req.complete) fail(new ClientGoneError('上传中断'));
    });
  });
}
