import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS = join(ROOT, 'fixtures', 'seeds');
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export interface Served {
  url: string;
  origin: string;
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** SIGINT, as Ctrl-C; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built `fazhi-lint serve --port 0 …` and waits for the address it prints. */
export function serve(args: string[] = [], cwd = ROOT): Promise<Served> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawn(process.execPath, [join(ROOT, 'bin/fazhi-lint.js'), 'serve', '--port', '0', ...args], {
    cwd,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no address in 20 s\n${out}\n${err}`)),
      20_000,
    );
    const check = () => {
      const m = /(http:\/\/[^\s]+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      const url = m[1] as string;
      resolvePromise({
        url,
        origin: new URL(url).origin,
        child,
        stdout: () => out,
        stderr: () => err,
        stop(signal = 'SIGINT') {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before printing an address\n${out}\n${err}`));
    });
  });
}

export function upload(
  url: string,
  path: string,
  body: Uint8Array | string,
  name: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'X-Filename': encodeURIComponent(name), ...headers },
    // a copy on its own ArrayBuffer: what both Node's and the DOM's fetch types accept
    body: typeof body === 'string' ? body : Uint8Array.from(body),
  });
}

export const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
