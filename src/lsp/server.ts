/**
 * fazhi-lint language server: the CLI's engine (createLinter) behind LSP, for inline warnings in editors.
 *
 *   fazhi-lint lsp --stdio          (or: node dist/lsp/server.js --stdio)
 *
 * Serves Markdown and plain text. See src/lsp/README.md for the protocol surface and how to drive it from a script.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import {
  type CodeAction,
  CodeActionKind,
  type Connection,
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  MarkupKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, clearConfigCache, resolveConfig } from '../engine/config.js';
import { ConfigError, ConfigErrors } from '../engine/errors.js';
import { createLinter, type Linter } from '../engine/linter.js';
import type { LintMessage, LoadedRule, Severity } from '../engine/types.js';
import type { SourceFile, SourceFormat } from '../input/types.js';
import { buildModel } from '../model/build.js';
import { addFileOverride, addIgnoreEntry, ConfigEditError } from './config-edit.js';
import { FramingGuard } from './framing.js';
import { LineIndex, type LspRange, negotiateEncoding, type PositionEncoding } from './positions.js';

export const SOURCE = 'fazhi-lint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fazhi-lint`;
export const WRITE_CONFIG_COMMAND = 'fazhi-lint.writeConfig';
/** Documents longer than this (UTF-16 code units) get one note instead of a lint run. */
export const MAX_CHARS = 5_000_000;
/** At most this many diagnostics per document (the rest are summed up in one more). */
export const MAX_DIAGNOSTICS = 1000;
/** Findings spanning more lines than this are underlined on their first line only (see shownEnd). */
export const MAX_UNDERLINED_LINES = 3;
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

export interface Settings {
  enable: boolean;
  /** Extra rule folders, relative to the workspace root (the CLI's `--rules`). */
  rulesDirs: string[];
  /** Findings below this severity are not shown. */
  severityFloor: Severity;
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

const DEFAULT_SETTINGS: Settings = { enable: true, rulesDirs: [], severityFloor: 'info' };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};
const SEVERITY_NAME: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  /** File path the config cascade is resolved for (a stand-in inside the workspace for untitled documents). */
  path: string;
  format: SourceFormat;
  timer?: NodeJS.Timeout;
  lastLintMs: number;
  analysis?: Analysis;
}

/** One lint of one document version under one linter generation: computed once, shared by every request. */
interface Analysis {
  version: number;
  generation: number;
  index: LineIndex;
  /** 1 when the text starts with a BOM (the engine's offsets exclude it). */
  shift: number;
  source: SourceFile;
  messages: LintMessage[];
  rules: Map<string, LoadedRule>;
  /** Rule or config errors that stopped the lint. */
  errors: ConfigError[];
  /** A note shown instead of findings (document too large, internal failure). */
  note?: string;
  ms: number;
}

/** Data attached to each diagnostic, for code actions. Offsets are UTF-16, into the document text of `version`. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  start: number;
  end: number;
  fix?: { start: number; end: number; text: string };
}

function toConfigErrors(e: unknown): ConfigError[] | null {
  if (e instanceof ConfigErrors) return e.errors;
  if (e instanceof ConfigError) return [e];
  return null;
}

function isServed(languageId: string, uri: string): boolean {
  if (languageId === 'markdown' || languageId === 'plaintext' || languageId === 'text') return true;
  return /\.(md|markdown|txt)$/i.test(uri.split(/[?#]/)[0] ?? '');
}

/** The smallest single edit turning `before` into `after`, as offsets. */
export function minimalEdit(
  before: string,
  after: string,
): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // never split a surrogate pair
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1] as string)) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && /[\uDC00-\uDFFF]/.test(before[endB] as string)) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

function shorten(s: string, max = 24): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/**
 * The connection editors get: over stdio (`--stdio`) through a FramingGuard, so a malformed message costs that
 * message and not the rest of the session; other transports (`--node-ipc`, `--socket=`) as vscode-languageserver
 * sets them up from the command line.
 */
function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const guard = new FramingGuard((m) => process.stderr.write(`fazhi-lint: ${m}\n`));
  process.stdin.pipe(guard);
  const connection = createConnection(ProposedFeatures.all, guard, process.stdout);
  // Anything printed to stdout would corrupt the protocol: console output goes to the client's log instead.
  const toLog =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      connection.console[level](args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  console.log = toLog('log');
  console.info = toLog('info');
  console.debug = toLog('log');
  console.warn = toLog('warn');
  console.error = toLog('error');
  return connection;
}

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? defaultConnection();
  let debounceMs = options.debounceMs ?? 150;
  let leadingMs = options.leadingMs ?? 10;
  const slowLintMs = options.slowLintMs ?? 1000;
  const docs = new Map<string, OpenDocument>();
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let encoding: PositionEncoding = 'utf-16';
  let root = process.cwd();
  let folders: string[] = [];
  let linter: Linter | null = null;
  let linterErrors: ConfigError[] = [];
  let generation = 0;
  let canConfigure = false;
  let canWatchDynamically = false;
  let canCreateFiles = false;
  let canVersionDiagnostics = false;
  let reloadTimer: NodeJS.Timeout | undefined;
  /** Config/rule file URIs we published diagnostics to, so they are cleared when the file is fixed. */
  let configDiagnosticUris = new Set<string>();

  const log = (m: string) => {
    try {
      connection.console.log(m);
    } catch {
      // the client is gone: nothing to tell
    }
  };
  const logError = (what: string, e: unknown) => {
    try {
      connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // ignore
    }
  };

  // A server that dies takes every inline warning with it: log and carry on instead.
  process.on('uncaughtException', (e) => {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
    logError('fazhi-lint: uncaught exception', e);
  });
  process.on('unhandledRejection', (e) => logError('fazhi-lint: unhandled rejection', e));

  const pathFor = (uri: string, languageId: string): string => {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // fall through to a stand-in path
      }
    }
    const name = basename(uri.split(/[?#]/)[0] ?? '') || 'untitled';
    const ext = /\.(md|markdown|txt)$/i.test(name) ? '' : languageId === 'markdown' ? '.md' : '.txt';
    return join(root, `${name.replace(/[^\w.\u4e00-\u9fff-]/g, '_')}${ext}`);
  };

  const formatOf = (languageId: string, path: string): SourceFormat => {
    if (languageId === 'markdown') return 'markdown';
    if (languageId === 'plaintext' || languageId === 'text') return 'text';
    const ext = extname(path).toLowerCase();
    return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
  };

  const workspaceFolderOf = (path: string): string => {
    let best = '';
    for (const f of folders) {
      if ((path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)) && f.length > best.length) best = f;
    }
    return best || (path.startsWith(root + sep) ? root : dirname(path));
  };

  async function rebuildLinter(): Promise<void> {
    generation++;
    clearConfigCache();
    try {
      linter = await createLinter({ cwd: root, rulesDirs: settings.rulesDirs });
      linterErrors = [];
    } catch (e) {
      const errors = toConfigErrors(e);
      if (!errors) logError('fazhi-lint: could not load rules', e);
      linter = null;
      linterErrors = errors ?? [new ConfigError(root, `无法加载规则：${(e as Error).message}`)];
    }
  }

  function analyse(doc: OpenDocument): Analysis {
    const cached = doc.analysis;
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    const started = performance.now();
    const shift = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = shift ? doc.text.slice(1) : doc.text;
    const source: SourceFile = {
      path: doc.path,
      format: doc.format,
      text,
      encoding: {
        encoding: 'utf-8',
        bom: shift === 1,
        eol: text.includes('\r\n') ? '\r\n' : '\n',
        detected: false,
      },
    };
    const a: Analysis = {
      version: doc.version,
      generation,
      index: new LineIndex(doc.text),
      shift,
      source,
      messages: [],
      rules: new Map(),
      errors: [],
      ms: 0,
    };
    if (!linter) a.errors = linterErrors;
    else if (doc.text.length > MAX_CHARS) {
      a.note = `文档过长（${doc.text.length} 字符，上限 ${MAX_CHARS}），fazhi-lint 未在编辑器中检查；请用命令行检查`;
    } else if (looksBinary(doc.text)) {
      a.note = 'fazhi-lint 未检查：这不像文本文件（含有 NUL 或大量控制字符），命令行同样不会检查它';
    } else {
      try {
        if (!linter.isIgnored(doc.path)) {
          for (const r of linter.rulesFor(doc.path)) a.rules.set(r.id, r);
          a.messages = linter.lintModel(buildModel(source)).messages;
        }
      } catch (e) {
        const errors = toConfigErrors(e);
        if (errors) a.errors = errors;
        else {
          logError(`fazhi-lint: lint failed for ${doc.uri}`, e);
          a.note = `fazhi-lint 检查本文件时出错（内部错误，请报告）：${(e as Error).message}`;
        }
      }
    }
    a.ms = performance.now() - started;
    doc.lastLintMs = a.ms;
    doc.analysis = a;
    return a;
  }

  /**
   * A finding over more than a few lines (a whole document in half-width punctuation) is underlined on its first
   * line only: editors would otherwise paint the whole text. Its fix (in `data`) still covers all of it.
   */
  function shownEnd(index: LineIndex, start: number, end: number): number {
    const first = index.lineOf(start);
    if (index.lineOf(end) - first < MAX_UNDERLINED_LINES) return end;
    return Math.max(start + 1, index.lineEnd(first));
  }

  function toDiagnostic(a: Analysis, m: LintMessage): Diagnostic {
    const start = m.start + a.shift;
    const end = m.end + a.shift;
    const rule = a.rules.get(m.ruleId);
    const data: DiagnosticData = { ruleId: m.ruleId, version: a.version, start, end };
    if (m.fix)
      data.fix = { start: m.fix.range[0] + a.shift, end: m.fix.range[1] + a.shift, text: m.fix.text };
    const d: Diagnostic = {
      range: a.index.rangeOf(start, shownEnd(a.index, start, end), encoding),
      severity: SEVERITY[m.severity],
      code: m.ruleId,
      source: SOURCE,
      message: m.message,
      data,
    };
    if (rule?.url) d.codeDescription = { href: rule.url };
    return d;
  }

  function diagnosticsFor(a: Analysis): Diagnostic[] {
    if (!settings.enable) return [];
    const top = a.index.rangeOf(0, 0, encoding);
    if (a.note)
      return [
        {
          range: top,
          severity: DiagnosticSeverity.Information,
          source: SOURCE,
          code: 'internal',
          message: a.note,
        },
      ];
    if (a.errors.length > 0) {
      return a.errors.slice(0, 5).map((e) => {
        const d: Diagnostic = {
          range: top,
          severity: DiagnosticSeverity.Error,
          source: SOURCE,
          code: 'config-error',
          message: `规则或配置有误，本文件未检查：${e.format()}`,
        };
        if (isFile(e.file)) {
          d.relatedInformation = [
            { location: { uri: pathToFileURL(e.file).href, range: configErrorRange(e) }, message: e.message },
          ];
        }
        return d;
      });
    }
    const floor = RANK[settings.severityFloor] ?? 0;
    const shown = a.messages.filter((m) => RANK[m.severity] >= floor);
    const out = shown.slice(0, MAX_DIAGNOSTICS).map((m) => toDiagnostic(a, m));
    if (shown.length > MAX_DIAGNOSTICS) {
      out.push({
        range: top,
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: 'truncated',
        message: `另有 ${shown.length - MAX_DIAGNOSTICS} 个问题未在编辑器中显示；请用命令行查看全部`,
      });
    }
    return out;
  }

  function isFile(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }

  function configErrorRange(e: ConfigError): LspRange {
    let text = '';
    try {
      text = readFileSync(e.file, 'utf8');
    } catch {
      // a missing file: point at its start
    }
    const index = new LineIndex(text);
    const line = Math.max(0, (e.line ?? 1) - 1);
    if (line >= index.lineCount) return index.rangeOf(text.length, text.length, encoding);
    const lineStart = index.starts[line] as number;
    const lineEnd = index.lineEnd(line);
    const start = Math.min(lineStart + Math.max(0, (e.column ?? 1) - 1), lineEnd);
    return index.rangeOf(e.line ? start : lineStart, lineEnd, encoding);
  }

  /** Shows every broken rule or config file as diagnostics on that file, and clears the ones since fixed. */
  function publishConfigErrors(): void {
    const byFile = new Map<string, ConfigError[]>();
    const add = (e: ConfigError) => {
      if (!isFile(e.file)) return;
      const list = byFile.get(e.file) ?? [];
      if (!list.some((x) => x.message === e.message && x.line === e.line)) list.push(e);
      byFile.set(e.file, list);
    };
    for (const e of linterErrors) add(e);
    for (const doc of docs.values()) for (const e of doc.analysis?.errors ?? []) add(e);
    const next = new Set<string>();
    for (const [file, errors] of byFile) {
      const uri = pathToFileURL(file).href;
      next.add(uri);
      const diagnostics: Diagnostic[] = errors.map((e) => ({
        range: configErrorRange(e),
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'config-error',
        message: e.message,
      }));
      void connection.sendDiagnostics({ uri, diagnostics }).catch(() => {});
    }
    for (const uri of configDiagnosticUris) {
      if (!next.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => {});
    }
    configDiagnosticUris = next;
  }

  function lintAndPublish(uri: string): void {
    const doc = docs.get(uri);
    if (!doc) return;
    doc.timer = undefined;
    let diagnostics: Diagnostic[];
    let version: number;
    try {
      const a = analyse(doc);
      version = a.version;
      diagnostics = diagnosticsFor(a);
    } catch (e) {
      logError(`fazhi-lint: could not lint ${uri}`, e);
      return;
    }
    // The newest text wins: a result for a version the editor has moved past is dropped.
    const current = docs.get(uri);
    if (!current || current !== doc || current.version !== version) return;
    void connection
      .sendDiagnostics(canVersionDiagnostics ? { uri, version, diagnostics } : { uri, diagnostics })
      .catch((e) => logError('fazhi-lint: publishDiagnostics failed', e));
    if (configDiagnosticUris.size > 0 || (doc.analysis?.errors.length ?? 0) > 0 || linterErrors.length > 0)
      publishConfigErrors();
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
    if (docs.size === 0) publishConfigErrors();
  }

  async function reload(): Promise<void> {
    await rebuildLinter();
    relintAll();
  }

  function readSettings(raw: unknown): Settings {
    const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const floor = s.severityFloor;
    return {
      enable: s.enable !== false,
      rulesDirs: Array.isArray(s.rulesDirs)
        ? s.rulesDirs.filter((d): d is string => typeof d === 'string' && d !== '')
        : [],
      severityFloor: floor === 'warning' || floor === 'error' || floor === 'info' ? floor : 'info',
    };
  }

  async function fetchSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (raw === undefined && canConfigure) {
      try {
        raw = await connection.workspace.getConfiguration('fazhiLint');
      } catch (e) {
        logError('fazhi-lint: workspace/configuration failed', e);
      }
    }
    if (raw === undefined || raw === null) return;
    const next = readSettings(raw);
    const rulesChanged = JSON.stringify(next.rulesDirs) !== JSON.stringify(settings.rulesDirs);
    settings = next;
    if (rulesChanged) await rebuildLinter();
    else generation++;
    relintAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    encoding = negotiateEncoding(params.capabilities.general?.positionEncodings);
    const ws = params.workspaceFolders ?? [];
    folders = ws.flatMap((f) => {
      try {
        return [fileURLToPath(f.uri)];
      } catch {
        return [];
      }
    });
    const rootUri = params.rootUri ?? ws[0]?.uri;
    if (rootUri?.startsWith('file:')) root = fileURLToPath(rootUri);
    else if (params.rootPath) root = params.rootPath;
    else if (folders[0]) root = folders[0];
    try {
      root = realpathSync(root);
    } catch {
      // keep the path as given
    }
    if (!folders.includes(root)) folders.push(root);
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (init.settings) settings = readSettings(init.settings);
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init.leadingMs === 'number' && init.leadingMs >= 0) leadingMs = init.leadingMs;
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const we = params.capabilities.workspace?.workspaceEdit;
    canCreateFiles = we?.documentChanges === true && (we.resourceOperations ?? []).includes('create');
    canVersionDiagnostics = params.capabilities.textDocument?.publishDiagnostics?.versionSupport === true;
    return {
      capabilities: {
        positionEncoding: encoding,
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
      if (canWatchDynamically) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/dict/*.txt' }],
        });
      }
      if (canConfigure) {
        await connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'fazhiLint' })
          .catch(() => {});
        await fetchSettings();
      }
    } catch (e) {
      logError('fazhi-lint: initialization', e);
    }
    relintAll();
    setTimeout(warmUp, 0);
  });

  connection.onDidOpenTextDocument(({ textDocument: td }) => {
    if (!isServed(td.languageId, td.uri)) return;
    const path = pathFor(td.uri, td.languageId);
    const doc: OpenDocument = {
      uri: td.uri,
      languageId: td.languageId,
      version: td.version,
      text: typeof td.text === 'string' ? td.text : '',
      path,
      format: formatOf(td.languageId, path),
      lastLintMs: 0,
    };
    docs.set(td.uri, doc);
    if (linter || linterErrors.length > 0) schedule(doc, true);
  });

  connection.onDidChangeTextDocument(({ textDocument: td, contentChanges }) => {
    const doc = docs.get(td.uri);
    if (!doc) return;
    let text = doc.text;
    let index: LineIndex | null = null;
    for (const change of contentChanges ?? []) {
      if (!change || typeof change.text !== 'string') continue;
      if ('range' in change && change.range) {
        index ??=
          doc.analysis?.version === doc.version && doc.analysis.index.text === text
            ? doc.analysis.index
            : new LineIndex(text);
        const start = index.offsetAt(change.range.start, encoding);
        const end = Math.max(start, index.offsetAt(change.range.end, encoding));
        text = text.slice(0, start) + change.text + text.slice(end);
        index = null;
      } else text = change.text;
    }
    doc.text = text;
    doc.version = typeof td.version === 'number' ? td.version : doc.version + 1;
    schedule(doc);
  });

  connection.onDidCloseTextDocument(({ textDocument: td }) => {
    const doc = docs.get(td.uri);
    if (!doc) return;
    if (doc.timer) clearTimeout(doc.timer);
    docs.delete(td.uri);
    void connection.sendDiagnostics({ uri: td.uri, diagnostics: [] }).catch(() => {});
    if (configDiagnosticUris.size > 0) publishConfigErrors();
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.fazhiLint;
    void fetchSettings(canConfigure ? undefined : pushed).catch((e) => logError('fazhi-lint: settings', e));
  });

  connection.onDidChangeWatchedFiles(() => {
    // Config files, rule files and dictionaries: read them all again, once the burst of events settles.
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      void reload().catch((e) => logError('fazhi-lint: reload', e));
    }, 50);
  });

  /** The current analysis and the messages a client diagnostic refers to. */
  function messageFor(a: Analysis, d: Diagnostic): LintMessage | undefined {
    const data = d.data as Partial<DiagnosticData> | undefined;
    if (data && data.version === a.version && typeof data.start === 'number') {
      const hit = a.messages.find(
        (m) => m.ruleId === data.ruleId && m.start + a.shift === data.start && m.end + a.shift === data.end,
      );
      if (hit) return hit;
    }
    const same = (r: LspRange) =>
      r.start.line === d.range.start.line &&
      r.start.character === d.range.start.character &&
      r.end.line === d.range.end.line &&
      r.end.character === d.range.end.character;
    return (
      a.messages.find(
        (m) =>
          m.ruleId === d.code &&
          m.message === d.message &&
          same(a.index.rangeOf(m.start + a.shift, m.end + a.shift, encoding)),
      ) ?? a.messages.find((m) => m.ruleId === d.code && m.message === d.message)
    );
  }

  function textEdit(index: LineIndex, start: number, end: number, text: string): TextEdit {
    return { range: index.rangeOf(start, end, encoding), newText: text };
  }

  function fixAllAction(doc: OpenDocument, a: Analysis, kind: string): CodeAction | null {
    if (!linter || !a.messages.some((m) => m.fix)) return null;
    const { output } = linter.fixSource(a.source);
    const edit = minimalEdit(a.source.text, output);
    if (!edit) return null;
    return {
      title: '修复本文件所有 fazhi-lint 问题',
      kind,
      edit: {
        changes: { [doc.uri]: [textEdit(a.index, edit.start + a.shift, edit.end + a.shift, edit.text)] },
      },
    };
  }

  /** Where a text file's suppression goes: the nearest config inside the workspace, else a new one at its root. */
  function configTarget(doc: OpenDocument): { file: string; exists: boolean } {
    const folder = workspaceFolderOf(doc.path);
    let nearest: string | undefined;
    try {
      nearest = resolveConfig(doc.path).files.at(-1);
    } catch {
      nearest = undefined;
    }
    if (nearest && (nearest.startsWith(folder + sep) || dirname(nearest) === folder))
      return { file: nearest, exists: true };
    for (const name of CONFIG_FILE_NAMES) {
      const f = join(folder, name);
      if (existsSync(f)) return { file: f, exists: true };
    }
    return { file: join(folder, CONFIG_FILE_NAMES[0] as string), exists: false };
  }

  function configEditAction(
    title: string,
    file: string,
    exists: boolean,
    before: string,
    after: string,
  ): CodeAction | null {
    const uri = pathToFileURL(file).href;
    if (exists) {
      const e = minimalEdit(before, after);
      if (!e) return null;
      return {
        title,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: [textEdit(new LineIndex(before), e.start, e.end, e.text)] } },
      };
    }
    if (canCreateFiles) {
      const edit: WorkspaceEdit = {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          {
            textDocument: { uri, version: null },
            edits: [
              { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after },
            ],
          },
        ],
      };
      return { title, kind: CodeActionKind.QuickFix, edit };
    }
    return {
      title,
      kind: CodeActionKind.QuickFix,
      command: { title, command: WRITE_CONFIG_COMMAND, arguments: [file, after] },
    };
  }

  function disableActions(doc: OpenDocument, a: Analysis, m: LintMessage): CodeAction[] {
    const out: CodeAction[] = [];
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    if (doc.format === 'markdown') {
      const line = a.index.lineOf(m.start + a.shift);
      const lineStart = a.index.starts[line] as number;
      const at = line === 0 ? a.shift : lineStart;
      out.push({
        title: `在本行停用此规则（${m.ruleId}）`,
        kind: CodeActionKind.QuickFix,
        edit: {
          changes: {
            [doc.uri]: [textEdit(a.index, at, at, `<!-- fazhi-lint-disable-next-line ${m.ruleId} -->${eol}`)],
          },
        },
      });
      const top = topOfMarkdown(doc.text, a.shift);
      out.push({
        title: `在本文件停用此规则（${m.ruleId}）`,
        kind: CodeActionKind.QuickFix,
        edit: {
          changes: {
            [doc.uri]: [textEdit(a.index, top, top, `<!-- fazhi-lint-disable ${m.ruleId} -->${eol}`)],
          },
        },
      });
      return out;
    }
    const target = configTarget(doc);
    let before = '';
    if (target.exists) {
      try {
        before = readFileSync(target.file, 'utf8');
      } catch {
        return out;
      }
    }
    const name = basename(target.file);
    const quote = a.source.text.slice(m.start, m.end);
    try {
      if (quote.trim() !== '') {
        let inherited: string[] = [];
        try {
          inherited = resolveConfig(doc.path).ignore.get(m.ruleId) ?? [];
        } catch {
          inherited = [];
        }
        const after = addIgnoreEntry(before, m.ruleId, quote, inherited);
        const act = configEditAction(
          `在本行停用此规则：在 ${name} 中忽略“${shorten(quote)}”`,
          target.file,
          target.exists,
          before,
          after,
        );
        if (act) out.push(act);
      }
      const rel = relative(dirname(target.file), doc.path);
      if (!rel.startsWith('..')) {
        const after = addFileOverride(before, m.ruleId, rel);
        const act = configEditAction(
          `在本文件停用此规则（写入 ${name}）`,
          target.file,
          target.exists,
          before,
          after,
        );
        if (act) out.push(act);
      }
    } catch (e) {
      if (!(e instanceof ConfigEditError)) throw e;
      log(`fazhi-lint: ${target.file}: ${e.message}`);
    }
    return out;
  }

  connection.onCodeAction((params) => {
    try {
      const doc = docs.get(params.textDocument.uri);
      if (!doc || !settings.enable) return [];
      const a = analyse(doc);
      if (a.errors.length > 0 || a.note) return [];
      const only = params.context?.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const fixes: CodeAction[] = [];
        const disables: CodeAction[] = [];
        const seen = new Set<string>();
        for (const d of params.context?.diagnostics ?? []) {
          if (d.source !== SOURCE || typeof d.code !== 'string') continue;
          const m = messageFor(a, d);
          if (!m) continue;
          if (m.fix) {
            const [s, e] = m.fix.range;
            fixes.push({
              title: m.fix.text
                ? `改为“${shorten(m.fix.text)}”`
                : `删除“${shorten(a.source.text.slice(s, e))}”`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: fixes.length === 0,
              edit: { changes: { [doc.uri]: [textEdit(a.index, s + a.shift, e + a.shift, m.fix.text)] } },
            });
          }
          const key = `${m.ruleId}\0${a.index.lineOf(m.start + a.shift)}`;
          if (!seen.has(key)) {
            seen.add(key);
            for (const act of disableActions(doc, a, m)) disables.push({ ...act, diagnostics: [d] });
          }
        }
        actions.push(...fixes);
        if (fixes.length > 0) {
          const all = fixAllAction(doc, a, CodeActionKind.QuickFix);
          if (all) actions.push(all);
        }
        actions.push(...disables);
      }
      if (only && wants(FIX_ALL_KIND)) {
        const all = fixAllAction(doc, a, FIX_ALL_KIND);
        if (all) actions.push(all);
      } else if (!only) {
        const all = fixAllAction(doc, a, FIX_ALL_KIND);
        if (all) actions.push(all);
      }
      return actions;
    } catch (e) {
      logError('fazhi-lint: codeAction', e);
      return [];
    }
  });

  connection.onHover((params): Hover | null => {
    try {
      const doc = docs.get(params.textDocument.uri);
      if (!doc || !settings.enable) return null;
      const a = analyse(doc);
      const offset = a.index.offsetAt(params.position, encoding);
      const floor = RANK[settings.severityFloor] ?? 0;
      const hits = a.messages.filter((m) => {
        if (RANK[m.severity] < floor) return false;
        const s = m.start + a.shift;
        const e = m.end + a.shift;
        return s === e ? offset === s : offset >= s && offset <= e;
      });
      if (hits.length === 0) return null;
      // the narrowest finding first: it is the one under the pointer
      hits.sort((x, y) => x.end - x.start - (y.end - y.start));
      const parts: string[] = [];
      const seen = new Set<string>();
      for (const m of hits) {
        if (seen.has(m.ruleId)) continue;
        seen.add(m.ruleId);
        const rule = a.rules.get(m.ruleId);
        const lines = [`**fazhi-lint · ${m.ruleId}**（${SEVERITY_NAME[m.severity]}）`];
        if (rule?.description) lines.push('', rule.description.trim());
        if (rule?.url) lines.push('', `[规则说明](${rule.url})`);
        parts.push(lines.join('\n'));
      }
      const first = hits[0] as LintMessage;
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
        range: a.index.rangeOf(first.start + a.shift, first.end + a.shift, encoding),
      };
    } catch (e) {
      logError('fazhi-lint: hover', e);
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
      logError(`fazhi-lint: could not write ${file}`, e);
      return null;
    }
    await reload();
    return null;
  });

  connection.onRequest(
    STATUS_REQUEST,
    (): StatusResult => ({
      generation,
      positionEncoding: encoding,
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
    if (!linter || docs.size > 0) return;
    try {
      linter.lintText(
        '某镇2023年法治政府建设情况报告\n一、主要成效\n我镇深入推进依法行政。\n',
        join(root, '.fazhi-lint-warmup.txt'),
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

/** The command line's test for binary input (src/input/decode.ts): NUL, or more than 10% control characters. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (
      (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) ||
      c === 0x7f ||
      (c >= 0x80 && c <= 0x9f)
    )
      controls++;
  }
  return text.length > 0 && controls / text.length > 0.1;
}

/** Offset where a file-wide directive goes: after the BOM and any front matter. */
function topOfMarkdown(text: string, shift: number): number {
  const body = text.slice(shift);
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(body);
  return shift + (fm ? fm[0].length : 0);
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
