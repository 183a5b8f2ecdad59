import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LintResult } from '../engine/types.js';
import { builtins } from '../util/builtins.js';
import { Spool, writeAll } from '../util/spool.js';
import type { ReportWriter } from './formatters/types.js';

/** Bytes gathered before one write: a system call per report would cost more than the formatting. */
const CHUNK = 1 << 16;

/** Where output text goes as it is produced: standard output, or a file that appears whole at the end. */
export interface OutputSink {
  write(text: string | Uint8Array): void;
  /**
   * A promise while the destination is behind (a pipe whose reader is slower than the linter): the producer waits
   * for it before linting more, so output never piles up in memory. Undefined when nothing is pending.
   */
  ready(): Promise<void> | undefined;
  /** The reader went away (`fazhi-lint … | head`): further output is dropped, the run may stop. */
  readonly closed: boolean;
  /** Writes what is gathered and waits until it is taken; a file is then moved into place (and takes no more). */
  end(): Promise<void>;
  /** Drops the output: a file's temporary copy is removed and the target left as it was. */
  abort(): void;
}

/**
 * Encodes text into a buffer, handing full chunks to `flush`, which says whether it is done with them: the buffer
 * is reused then, and replaced when the destination keeps it (a pipe that is behind).
 */
function chunker(flush: (bytes: Uint8Array) => boolean) {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const drain = () => {
    if (used === 0) return;
    const bytes = buffer.subarray(0, used);
    used = 0;
    if (!flush(bytes)) buffer = Buffer.allocUnsafe(CHUNK);
  };
  return {
    write(text: string | Uint8Array) {
      if (typeof text === 'string') {
        if (text.length === 0) return;
        // A UTF-16 unit takes at most 3 bytes of UTF-8: most pieces are known to fit without being measured.
        if (used + text.length * 3 > CHUNK) {
          const length = Buffer.byteLength(text, 'utf8');
          if (used + length > CHUNK) drain();
          if (length > CHUNK) {
            flush(Buffer.from(text, 'utf8'));
            return;
          }
        }
        used += buffer.write(text, used, 'utf8');
        return;
      }
      if (text.length === 0) return;
      if (used + text.length > CHUNK) drain();
      if (text.length > CHUNK) flush(Buffer.from(text));
      else {
        buffer.set(text, used);
        used += text.length;
      }
    },
    drain,
  };
}

/**
 * A writable stream (standard output) with backpressure. A terminal gets each piece at once (a report appears
 * when it is done, after `beforeWrite` has cleared the progress bar); a file or a pipe gets chunks of 64 KB.
 */
export function streamSink(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  options: { beforeWrite?: () => void } = {},
): OutputSink {
  let closed = false;
  let waiting: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const onError = (e: NodeJS.ErrnoException) => {
    // The reader is gone (EPIPE) or the stream broke: nothing more can be written; stop waiting for it.
    closed = true;
    wake?.();
    if (e.code !== 'EPIPE') process.stderr.write(`fazhi-lint: 无法写出结果：${e.message}\n`);
  };
  stream.on('error', onError);
  /** Writes a chunk; false when the stream still holds it (written later, so its buffer may not be reused). */
  const send = (bytes: Uint8Array): boolean => {
    if (closed) return true;
    options.beforeWrite?.();
    const taken = stream.write(bytes);
    const released = (stream as { writableLength?: number }).writableLength === 0;
    if (!taken && !waiting) {
      waiting = new Promise<void>((resolve) => {
        wake = () => {
          stream.removeListener('drain', wake as () => void);
          waiting = undefined;
          wake = undefined;
          resolve();
        };
        stream.once('drain', wake);
      });
    }
    return released;
  };
  const chunks = chunker(send);
  const tty = stream.isTTY === true;
  return {
    write(text) {
      if (closed) return;
      if (tty) {
        if (text.length > 0) send(typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text));
      } else chunks.write(text);
    },
    ready: () => waiting,
    get closed() {
      return closed;
    },
    async end() {
      // Standard output stays open (more may follow, such as diffs): this only flushes.
      chunks.drain();
      while (waiting) await waiting;
    },
    abort() {
      stream.removeListener('error', onError);
    },
  };
}

/** The output file could not be created or written; the message names it. */
export class OutputFileError extends Error {}

/**
 * A file written through a temporary file beside it and renamed into place at the end, so the target is never
 * half written: a run that fails or is interrupted (Ctrl-C, SIGTERM) leaves the previous file, or none, and removes
 * its temporary file. The target keeps its permissions; a symbolic link is written through.
 */
export function fileSink(target: string, shown = target): OutputSink {
  const fail = (e: unknown): never => {
    throw new OutputFileError(
      `无法写入输出文件 ${shown}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  };
  // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written into, never replaced: renaming a
  // file over /dev/null would turn it into a regular file for everyone on the machine.
  let special = false;
  try {
    special = existsSync(target) && !statSync(target).isFile() && !statSync(target).isDirectory();
  } catch {
    // unreadable: the attempt below reports it
  }
  if (special) return deviceSink(target, fail);
  let destination = target;
  let temp = '';
  let fd = -1;
  const removeTemp = () => {
    if (fd >= 0) closeSync(fd);
    fd = -1;
    if (temp) rmSync(temp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    forget();
    process.kill(process.pid, signal);
  };
  const forget = () => {
    process.removeListener('exit', removeTemp);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  // Listening before the temporary file exists: a signal in between would otherwise kill the process and leave it.
  process.on('exit', removeTemp);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const existing = existsSync(target);
    if (existing) destination = realpathSync(target);
    else mkdirSync(dirname(target), { recursive: true });
    temp = join(
      dirname(destination),
      `.${basename(destination)}.${process.pid}.${builtins.crypto().randomBytes(4).toString('hex')}.tmp`,
    );
    fd = openSync(temp, 'wx');
    if (existing) chmodSync(temp, statSync(destination).mode & 0o7777);
  } catch (e) {
    removeTemp();
    forget();
    fail(e);
  }
  let position = 0;
  const chunks = chunker((bytes) => {
    try {
      position += writeAll(fd, bytes, position);
    } catch (e) {
      removeTemp();
      forget();
      fail(e);
    }
    return true;
  });
  return {
    write: (text) => chunks.write(text),
    ready: () => undefined,
    closed: false,
    async end() {
      chunks.drain();
      try {
        closeSync(fd);
        fd = -1;
        renameSync(temp, destination);
      } catch (e) {
        removeTemp();
        fail(e);
      } finally {
        forget();
      }
    },
    abort() {
      removeTemp();
      forget();
    },
  };
}

/** Writes straight into a device or a pipe that exists (see fileSink). */
function deviceSink(target: string, fail: (e: unknown) => never): OutputSink {
  let fd = -1;
  try {
    fd = openSync(target, 'w');
  } catch (e) {
    fail(e);
  }
  const close = () => {
    if (fd >= 0) closeSync(fd);
    fd = -1;
  };
  const chunks = chunker((bytes) => {
    try {
      writeAll(fd, bytes, null);
    } catch (e) {
      close();
      fail(e);
    }
    return true;
  });
  return {
    write: (text) => chunks.write(text),
    ready: () => undefined,
    closed: false,
    async end() {
      chunks.drain();
      close();
    },
    abort: close,
  };
}

/**
 * One format streamed into a sink: the head, each report as it comes, the tail. A writer whose head depends on
 * the whole run (`headLast`) has its reports kept in a spool until the head is known.
 */
export function reportStream(writer: ReportWriter, sink: OutputSink) {
  const spool = writer.headLast ? new Spool() : null;
  if (!spool) sink.write(writer.head());
  return {
    report(result: LintResult): void {
      const text = writer.report(result);
      if (spool) {
        if (text) spool.append(text);
      } else sink.write(text);
    },
    async end(): Promise<void> {
      try {
        if (spool) {
          sink.write(writer.head());
          for (const chunk of spool.chunks()) {
            sink.write(chunk);
            const wait = sink.ready();
            if (wait) await wait;
          }
        }
        sink.write(writer.tail());
      } finally {
        spool?.close();
      }
      await sink.end();
    },
    abort(): void {
      spool?.close();
      sink.abort();
    },
  };
}
