import { readFileSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';

/** The part of a stat result the input stage uses. */
export interface InputStats {
  size: number;
  mode: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** An open file the atomic writer writes through. */
export interface InputFileHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    /** null: at the current position (a pipe or a device). */
    position: number | null,
  ): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system operations of the input stage, injectable so tests can observe reads
 * and fail writes halfway. Defaults to `node:fs/promises`, except for reading.
 */
export interface InputFs {
  stat(path: string): InputStats | Promise<InputStats>;
  readFile(path: string): Buffer | Promise<Buffer>;
  realpath(path: string): Promise<string>;
  open(path: string, flags: string, mode: number): Promise<InputFileHandle>;
  chmod(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: InputFs = {
  // Reads are synchronous: a report is read whole before it is linted anyway, and the promise API's four
  // thread-pool round trips per file (open, fstat, read, close) cost 0.2 s of main-thread time on 1,000 reports
  // against 0.05 s for statSync + readFileSync (bench/PROFILE.md).
  stat: (path) => statSync(path),
  readFile: (path) => readFileSync(path),
  realpath: (path) => fsp.realpath(path),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  chmod: (path, mode) => fsp.chmod(path, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

/** `nodeFs` with some operations replaced. */
export function withFs(overrides?: Partial<InputFs>): InputFs {
  return overrides ? { ...nodeFs, ...overrides } : nodeFs;
}
