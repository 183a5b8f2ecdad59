import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtins } from '../util/builtins.js';
import { encryptedError, isCompoundFile, isEncryptedPackage } from './docx.js';
import { InputError } from './errors.js';

/**
 * Word 97–2003 (.doc) through LibreOffice: many offices' templates still produce it. The file is converted headless
 * to .docx in a temporary folder, with a private LibreOffice profile (so parallel runs, and a LibreOffice the user
 * has open, do not collide) and a time limit, and the .docx is read as any other.
 */

export const DEFAULT_DOC_TIMEOUT_MS = 60_000;

export interface DocConversionOptions {
  /**
   * The LibreOffice executable; null: none. Default: FAZHI_LINT_SOFFICE (empty: none), else soffice or libreoffice
   * on PATH, else LibreOffice's usual install folders on Windows and macOS.
   */
  soffice?: string | null;
  /** Give up on a conversion after this long. Default 60 s. */
  timeoutMs?: number;
}

const INSTALL_HINT =
  '或安装 LibreOffice 后直接检查 .doc（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；Windows：从 LibreOffice 官网下载安装）';

let found: { key: string; path: string | null } | undefined;

/** The LibreOffice executable fazhi-lint would use, or null. */
export function findSoffice(): string | null {
  const configured = process.env.FAZHI_LINT_SOFFICE;
  const key = `${configured}\0${process.env.PATH}`;
  if (found?.key === key) return found.path;
  let path: string | null = null;
  if (configured !== undefined) path = configured === '' ? null : configured;
  else {
    const windows = process.platform === 'win32';
    const names = windows ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
    const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
    if (windows) {
      for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)']]) {
        if (base) folders.push(join(base, 'LibreOffice', 'program'));
      }
    }
    if (process.platform === 'darwin') folders.push('/Applications/LibreOffice.app/Contents/MacOS');
    search: for (const folder of folders) {
      for (const name of names) {
        const candidate = join(folder, name);
        try {
          if (statSync(candidate).isFile()) {
            path = candidate;
            break search;
          }
        } catch {
          // not here
        }
      }
    }
  }
  found = { key, path };
  return path;
}

/** The message for a Word 97–2003 file when LibreOffice is not installed. */
export function docNeedsLibreOffice(path: string, renamed: boolean): InputError {
  const what = renamed ? '扩展名是 .docx，内容却是旧版 Word（.doc）格式' : '文件为旧版 Word 格式（.doc）';
  return new InputError(
    path,
    'unsupported-format',
    `无法读取 ${path}：${what}，请在 Word/WPS 中另存为 .docx 后再检查，${INSTALL_HINT}`,
  );
}

/** The extension LibreOffice should see for these bytes (its filter detection goes by it), or null: not Word. */
function wordExtension(bytes: Uint8Array): string | null {
  if (isCompoundFile(bytes)) return '.doc';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return '.rtf';
  // "Save as web page, .doc": Word and WPS write HTML or MHTML under a .doc name.
  if (head.startsWith('mime-version')) return '.mht';
  if (
    head.startsWith('<html') ||
    head.startsWith('<!doctype html') ||
    head.includes('urn:schemas-microsoft-com:office:word')
  )
    return '.htm';
  return null;
}

/**
 * Convert a Word 97–2003 document (or the RTF and web pages Word saves under a .doc name) to .docx bytes. Throws
 * InputError: 'docx-encrypted' for a password-protected file, 'unsupported-format' (with what to install) without
 * LibreOffice, 'doc-unreadable' when the bytes are not Word or LibreOffice cannot convert them in time.
 */
export async function convertDocToDocx(
  bytes: Uint8Array,
  path: string,
  options: DocConversionOptions = {},
): Promise<Uint8Array> {
  if (isEncryptedPackage(bytes)) throw encryptedError(path);
  const extension = wordExtension(bytes);
  const renamed = extname(path).toLowerCase() === '.docx';
  if (extension === null) {
    throw new InputError(
      path,
      'doc-unreadable',
      `无法读取 ${path}：文件内容不是 Word 文档（可能已损坏或只是改了扩展名）`,
    );
  }
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw docNeedsLibreOffice(path, renamed);
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOC_TIMEOUT_MS;
  const unreadable = (detail: string) =>
    new InputError(
      path,
      'doc-unreadable',
      `无法读取 ${path}：LibreOffice ${detail}（文件可能已损坏或设置了密码）。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    );
  const dir = mkdtempSync(join(builtins.os().tmpdir(), 'fazhi-lint-doc-'));
  try {
    const input = join(dir, `report${extension}`);
    const outDir = join(dir, 'out');
    writeFileSync(input, bytes);
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      '--nodefault',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      outDir,
      input,
    ];
    const outcome = await run(soffice, args, timeoutMs);
    const output = join(outDir, 'report.docx');
    if (outcome === 'timeout') throw unreadable(`在 ${Math.round(timeoutMs / 1000)} 秒内未能完成转换`);
    if (outcome === 'failed-to-start') {
      throw new InputError(path, 'doc-unreadable', `无法读取 ${path}：无法启动 LibreOffice（${soffice}）`);
    }
    if (!existsSync(output)) throw unreadable('无法转换此文件');
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs LibreOffice; on timeout its whole process group is killed (soffice starts soffice.bin as a child). */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<'done' | 'timeout' | 'failed-to-start'> {
  return new Promise((resolve) => {
    const detached = process.platform !== 'win32';
    const child = builtins
      .childProcess()
      .spawn(command, args, { stdio: 'ignore', detached, windowsHide: true });
    let settled = false;
    const finish = (outcome: 'done' | 'timeout' | 'failed-to-start') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      finish('timeout');
    }, timeoutMs);
    child.on('error', () => finish('failed-to-start'));
    child.on('exit', () => finish('done'));
  });
}
