/**
 * A minimal LSP client for the protocol tests: spawns the real server (`node bin/fazhi-lint.js lsp --stdio`)
 * and talks JSON-RPC over its stdio with vscode-jsonrpc, as an editor would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = resolve(ROOT, 'bin', 'fazhi-lint.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
  relatedInformation?: unknown[];
}
export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown[] };
  command?: { command: string; arguments?: unknown[] };
}

export interface StartOptions {
  cwd?: string;
  positionEncodings?: string[];
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Advertise workspace/configuration, dynamic file watching and resource operations (like VS Code). */
  vscodeLike?: boolean;
}

export class TestClient {
  readonly published: PublishParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  private waiters: {
    test: (p: PublishParams) => boolean;
    resolve: (p: PublishParams) => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
  ) {}

  static async start(
    options: StartOptions = {},
  ): Promise<{ client: TestClient; init: { capabilities: Record<string, unknown> } }> {
    const cwd = options.cwd ?? ROOT;
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(child, conn);
    child.stderr.on('data', (d) => {
      client.stderr += String(d);
    });
    child.on('exit', (code) => {
      for (const w of client.waiters.splice(0))
        w.reject(new Error(`server exited (${code}): ${client.stderr.slice(-500)}`));
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
      client.published.push(p);
      for (const w of [...client.waiters]) {
        if (w.test(p)) {
          client.waiters.splice(client.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
      p.items.map(() => options.settings ?? null),
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    conn.listen();
    const wsUri = pathToFileURL(cwd).href;
    const init = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: wsUri,
      workspaceFolders: [{ uri: wsUri, name: 'ws' }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        general: options.positionEncodings ? { positionEncodings: options.positionEncodings } : {},
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: {}, hover: {} },
        workspace: options.vscodeLike
          ? {
              configuration: true,
              didChangeWatchedFiles: { dynamicRegistration: true },
              workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
            }
          : {},
      },
    })) as { capabilities: Record<string, unknown> };
    await conn.sendNotification('initialized', {});
    return { client, init };
  }

  /** Resolves with the next publish for `uri` that satisfies `test` (or one already received, when `past`). */
  waitFor(
    uri: string,
    test: (p: PublishParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishParams> {
    return new Promise((resolvePromise, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(t);
          resolvePromise(p);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
    });
  }

  async open(
    uri: string,
    text: string,
    languageId = uri.endsWith('.md') ? 'markdown' : 'plaintext',
    version = 1,
  ): Promise<PublishParams> {
    const wait = this.waitFor(uri, (p) => p.version === undefined || p.version === version);
    await this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return wait;
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    await new Promise<void>((r) => {
      if (this.child.exitCode !== null) return r();
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        r();
      }, 3000);
      this.child.on('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
}

/** Applies LSP text edits (UTF-16 positions) to a text, last first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
