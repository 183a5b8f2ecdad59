import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { openText, textFormatOf } from '../service/open.js';
import { indexOf, type OpenDocument, type ServerContext } from './context.js';
import { LineIndex } from './positions.js';

/** Markdown and plain text, by language id or by extension. */
export function isServed(languageId: string, uri: string): boolean {
  if (languageId === 'markdown' || languageId === 'plaintext' || languageId === 'text') return true;
  return /\.(md|markdown|txt)$/i.test(uri.split(/[?#]/)[0] ?? '');
}

/** The file path a document's config is resolved for: its own, or a stand-in in the workspace root. */
export function pathFor(root: string, uri: string, languageId: string): string {
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
}

export function openDocument(
  ctx: ServerContext,
  td: { uri: string; languageId: string; version: number; text?: unknown },
): OpenDocument {
  const path = pathFor(ctx.root, td.uri, td.languageId);
  const text = typeof td.text === 'string' ? td.text : '';
  return {
    ...openText(text, path, textFormatOf(td.languageId, path)),
    uri: td.uri,
    languageId: td.languageId,
    version: td.version,
    path,
    lastLintMs: 0,
  };
}

/** Applies incremental (or whole-text) changes to a document's text, and takes the client's version. */
export function changeDocument(
  ctx: ServerContext,
  doc: OpenDocument,
  version: unknown,
  changes: (TextDocumentContentChangeEvent | null | undefined)[] | undefined,
): void {
  let text = doc.text;
  let index: LineIndex | null = null;
  for (const change of changes ?? []) {
    if (!change || typeof change.text !== 'string') continue;
    if ('range' in change && change.range) {
      index ??=
        doc.analysis?.version === doc.version && doc.analysis.text === text
          ? indexOf(doc.analysis)
          : new LineIndex(text);
      const start = index.offsetAt(change.range.start, ctx.encoding);
      const end = Math.max(start, index.offsetAt(change.range.end, ctx.encoding));
      text = text.slice(0, start) + change.text + text.slice(end);
      index = null;
    } else text = change.text;
  }
  const opened = openText(text, doc.path, doc.source.format);
  doc.text = opened.text;
  doc.source = opened.source;
  doc.shift = opened.shift;
  doc.version = typeof version === 'number' ? version : doc.version + 1;
}
