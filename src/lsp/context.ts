import type { Connection } from 'vscode-languageserver/node';
import type { Analysis } from '../service/analysis.js';
import type { DocumentService } from '../service/document-service.js';
import type { OpenedDocument } from '../service/open.js';
import { LineIndex, type PositionEncoding } from './positions.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

/** A document the editor has open. */
export interface OpenDocument extends OpenedDocument {
  uri: string;
  languageId: string;
  version: number;
  /** File path the config cascade is resolved for (a stand-in inside the workspace for untitled documents). */
  path: string;
  timer?: NodeJS.Timeout;
  lastLintMs: number;
  analysis?: Analysis;
}

/** What the client said it can do (in `initialize`). */
export interface ClientCapabilities {
  configure: boolean;
  watchDynamically: boolean;
  createFiles: boolean;
  versionDiagnostics: boolean;
}

/** The state of one language-server session, shared by its handlers. */
export interface ServerContext {
  connection: Connection;
  service: DocumentService;
  docs: Map<string, OpenDocument>;
  settings: Settings;
  encoding: PositionEncoding;
  root: string;
  folders: string[];
  client: ClientCapabilities;
  /** Config/rule file URIs we published diagnostics to, so they are cleared when the file is fixed. */
  configDiagnosticUris: Set<string>;
  log(message: string): void;
  logError(what: string, e: unknown): void;
}

export function createContext(connection: Connection, service: DocumentService): ServerContext {
  return {
    connection,
    service,
    docs: new Map(),
    settings: { ...DEFAULT_SETTINGS },
    encoding: 'utf-16',
    root: process.cwd(),
    folders: [],
    client: { configure: false, watchDynamically: false, createFiles: false, versionDiagnostics: false },
    configDiagnosticUris: new Set(),
    log(m) {
      try {
        connection.console.log(m);
      } catch {
        // the client is gone: nothing to tell
      }
    },
    logError(what, e) {
      try {
        connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      } catch {
        // ignore
      }
    },
  };
}

/** Line index of each analysed text, made once per analysis. */
const indexes = new WeakMap<Analysis, LineIndex>();

export function indexOf(a: Analysis): LineIndex {
  let index = indexes.get(a);
  if (!index) {
    index = new LineIndex(a.text);
    indexes.set(a, index);
  }
  return index;
}

/** The document's current analysis (computed now if its version or the rules changed). */
export function analyse(ctx: ServerContext, doc: OpenDocument): Analysis {
  const a = ctx.service.analyse(doc, doc.version, doc.analysis);
  if (a !== doc.analysis) {
    doc.lastLintMs = a.ms;
    doc.analysis = a;
  }
  return a;
}
