/**
 * fazhi-lint language server: the shared document service (src/service/) behind LSP, for inline warnings in
 * editors. This file wires the protocol's messages to small modules: documents, diagnostics, code actions, hover.
 *
 *   fazhi-lint lsp --stdio          (or: node dist/lsp/server.js --stdio)
 *
 * Serves Markdown and plain text. See src/lsp/README.md for the protocol surface and how to drive it from a script.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../engine/config.js';
import { DocumentService } from '../service/document-service.js';
import { codeActions, FIX_ALL_KIND, WRITE_CONFIG_COMMAND } from './code-actions.js';
import { defaultConnection } from './connection.js';
import { analyse, createContext, type OpenDocument } from './context.js';
import { diagnosticsFor, publishConfigErrors } from './diagnostics.js';
import { changeDocument, isServed, openDocument } from './documents.js';
import { hover } from './hover.js';
import { negotiateEncoding, type PositionEncoding } from './positions.js';
import { readSettings } from './settings.js';

export { MAX_CHARS } from '../service/analysis.js';
export { FIX_ALL_KIND, WRITE_CONFIG_COMMAND } from './code-actions.js';
export { type DiagnosticData, MAX_DIAGNOSTICS, MAX_UNDERLINED_LINES, SOURCE } from './diagnostics.js';
export { minimalEdit } from './edits.js';
export type { Settings } from './settings.js';

/** Custom request: what the server did last, per open document (for the benchmark and tests). */
export const STATUS_REQUEST = 'fazhi-lint/status';

export interface StatusResult {
  generation: number;
  positionEncoding: PositionEncoding;
  documents: {
    uri: string;
    version: number;
    lintedVersion: number | null;
    lintMs: number;
    findings: number;
  }[];
}

export interface ServerOptions {
  connection?: Connection;
  /** Quiet time after a burst of changes before linting (default 150 ms). */
  debounceMs?: number;
  /** Delay for a change that finds no lint waiting (default 10 ms: coalesces messages already in the pipe). */
  leadingMs?: number;
  /** A document whose last lint took longer than this always waits `debounceMs` (default 1000 ms). */
  slowLintMs?: number;
}

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? defaultConnection();
  let debounceMs = options.debounceMs ?? 150;
  let leadingMs = options.leadingMs ?? 10;
  const slowLintMs = options.slowLintMs ?? 1000;
  const service = new DocumentService({
    cwd: process.cwd(),
    onInternalError: (what, e) => ctx.logError(what, e),
  });
  const ctx = createContext(connection, service);
  const { docs } = ctx;
  let reloadTimer: NodeJS.Timeout | undefined;

  // A server that dies takes every inline warning with it: log and carry on instead.
  process.on('uncaughtException', (e) => {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
    ctx.logError('fazhi-lint: uncaught exception', e);
  });
  process.on('unhandledRejection', (e) => ctx.logError('fazhi-lint: unhandled rejection', e));

  const rebuildLinter = () => service.reload({ cwd: ctx.root, rulesDirs: ctx.settings.rulesDirs });

  function lintAndPublish(uri: string): void {
    const doc = docs.get(uri);
    if (!doc) return;
    doc.timer = undefined;
    let diagnostics: Diagnostic[];
    let version: number;
    try {
      const a = analyse(ctx, doc);
      version = a.version;
      diagnostics = diagnosticsFor(ctx, a);
    } catch (e) {
      ctx.logError(`fazhi-lint: could not lint ${uri}`, e);
      return;
    }
    // The newest text wins: a result for a version the editor has moved past is dropped.
    const current = docs.get(uri);
    if (!current || current !== doc || current.version !== version) return;
    void connection
      .sendDiagnostics(ctx.client.versionDiagnostics ? { uri, version, diagnostics } : { uri, diagnostics })
      .catch((e) => ctx.logError('fazhi-lint: publishDiagnostics failed', e));
    if (
      ctx.configDiagnosticUris.size > 0 ||
      (doc.analysis?.errors.length ?? 0) > 0 ||
      service.errors.length > 0
    )
      publishConfigErrors(ctx);
  }

  /**
   * Debounce: a change that finds nothing waiting is linted after `leadingMs` (the engine takes a few ms for a
   * 20,000-character report, so the user sees the result at once); a change arriving while another waits
   * restarts a `debounceMs` quiet period, so a burst of edits is linted once, for its last version; a document
   * whose lint is slow always waits `debounceMs`.
   */
  function schedule(doc: OpenDocument, immediate = false): void {
    const waiting = doc.timer !== undefined;
    if (doc.timer) clearTimeout(doc.timer);
    const delay = immediate ? 0 : waiting || doc.lastLintMs > slowLintMs ? debounceMs : leadingMs;
    doc.timer = setTimeout(() => lintAndPublish(doc.uri), delay);
  }

  function relintAll(): void {
    for (const doc of docs.values()) schedule(doc, true);
    if (docs.size === 0) publishConfigErrors(ctx);
  }

  async function reload(): Promise<void> {
    await rebuildLinter();
    relintAll();
  }

  async function fetchSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (raw === undefined && ctx.client.configure) {
      try {
        raw = await connection.workspace.getConfiguration('fazhiLint');
      } catch (e) {
        ctx.logError('fazhi-lint: workspace/configuration failed', e);
      }
    }
    if (raw === undefined || raw === null) return;
    const next = readSettings(raw);
    const rulesChanged = JSON.stringify(next.rulesDirs) !== JSON.stringify(ctx.settings.rulesDirs);
    ctx.settings = next;
    if (rulesChanged) await rebuildLinter();
    else service.invalidate();
    relintAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    ctx.encoding = negotiateEncoding(params.capabilities.general?.positionEncodings);
    const ws = params.workspaceFolders ?? [];
    ctx.folders = ws.flatMap((f) => {
      try {
        return [fileURLToPath(f.uri)];
      } catch {
        return [];
      }
    });
    const rootUri = params.rootUri ?? ws[0]?.uri;
    if (rootUri?.startsWith('file:')) ctx.root = fileURLToPath(rootUri);
    else if (params.rootPath) ctx.root = params.rootPath;
    else if (ctx.folders[0]) ctx.root = ctx.folders[0];
    try {
      ctx.root = realpathSync(ctx.root);
    } catch {
      // keep the path as given
    }
    if (!ctx.folders.includes(ctx.root)) ctx.folders.push(ctx.root);
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (init.settings) ctx.settings = readSettings(init.settings);
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init.leadingMs === 'number' && init.leadingMs >= 0) leadingMs = init.leadingMs;
    const workspace = params.capabilities.workspace;
    const we = workspace?.workspaceEdit;
    ctx.client = {
      configure: workspace?.configuration === true,
      watchDynamically: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      createFiles: we?.documentChanges === true && (we.resourceOperations ?? []).includes('create'),
      versionDiagnostics: params.capabilities.textDocument?.publishDiagnostics?.versionSupport === true,
    };
    return {
      capabilities: {
        positionEncoding: ctx.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        hoverProvider: true,
        executeCommandProvider: { commands: [WRITE_CONFIG_COMMAND] },
      },
      serverInfo: { name: 'fazhi-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    try {
      await rebuildLinter();
      if (ctx.client.watchDynamically) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/dict/*.txt' }],
        });
      }
      if (ctx.client.configure) {
        await connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'fazhiLint' })
          .catch(() => {});
        await fetchSettings();
      }
    } catch (e) {
      ctx.logError('fazhi-lint: initialization', e);
    }
    relintAll();
    setTimeout(warmUp, 0);
  });

  connection.onDidOpenTextDocument(({ textDocument: td }) => {
    if (!isServed(td.languageId, td.uri)) return;
    const doc = openDocument(ctx, td);
    docs.set(td.uri, doc);
    if (service.loaded) schedule(doc, true);
  });

  connection.onDidChangeTextDocument(({ textDocument: td, contentChanges }) => {
    const doc = docs.get(td.uri);
    if (!doc) return;
    changeDocument(ctx, doc, td.version, contentChanges);
    schedule(doc);
  });

  connection.onDidCloseTextDocument(({ textDocument: td }) => {
    const doc = docs.get(td.uri);
    if (!doc) return;
    if (doc.timer) clearTimeout(doc.timer);
    docs.delete(td.uri);
    void connection.sendDiagnostics({ uri: td.uri, diagnostics: [] }).catch(() => {});
    if (ctx.configDiagnosticUris.size > 0) publishConfigErrors(ctx);
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.fazhiLint;
    void fetchSettings(ctx.client.configure ? undefined : pushed).catch((e) =>
      ctx.logError('fazhi-lint: settings', e),
    );
  });

  connection.onDidChangeWatchedFiles(() => {
    // Config files, rule files and dictionaries: read them all again, once the burst of events settles.
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      void reload().catch((e) => ctx.logError('fazhi-lint: reload', e));
    }, 50);
  });

  connection.onCodeAction((params) => {
    try {
      return codeActions(ctx, params);
    } catch (e) {
      ctx.logError('fazhi-lint: codeAction', e);
      return [];
    }
  });

  connection.onHover((params) => {
    try {
      return hover(ctx, params);
    } catch (e) {
      ctx.logError('fazhi-lint: hover', e);
      return null;
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== WRITE_CONFIG_COMMAND) return null;
    const [file, text] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof file !== 'string' || typeof text !== 'string' || !CONFIG_FILE_NAMES.includes(basename(file)))
      return null;
    try {
      writeFileSync(file, text, { flag: 'wx' });
    } catch (e) {
      ctx.logError(`fazhi-lint: could not write ${file}`, e);
      return null;
    }
    await reload();
    return null;
  });

  connection.onRequest(
    STATUS_REQUEST,
    (): StatusResult => ({
      generation: service.generation,
      positionEncoding: ctx.encoding,
      documents: [...docs.values()].map((d) => ({
        uri: d.uri,
        version: d.version,
        lintedVersion: d.analysis?.version ?? null,
        lintMs: d.analysis?.ms ?? 0,
        findings: d.analysis?.messages.length ?? 0,
      })),
    }),
  );

  /** Loads the rules' lazy parts (compiled patterns, the jieba dictionary) before the first document arrives. */
  function warmUp(): void {
    if (!service.linter || docs.size > 0) return;
    try {
      service.linter.lintText(
        '某镇2023年法治政府建设情况报告\n一、主要成效\n我镇深入推进依法行政。\n',
        join(ctx.root, '.fazhi-lint-warmup.txt'),
      );
    } catch {
      // a broken config shows up when a real document is linted
    }
  }

  connection.onShutdown(() => {
    for (const doc of docs.values()) if (doc.timer) clearTimeout(doc.timer);
    if (reloadTimer) clearTimeout(reloadTimer);
  });

  connection.listen();
  return connection;
}

/** `node dist/lsp/server.js --stdio` starts the server directly (the benchmark and editors that skip the CLI). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return resolve(entry) === fileURLToPath(import.meta.url);
  }
}

if (isMain()) startServer();
