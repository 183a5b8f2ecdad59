import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, resolveConfig } from '../engine/config.js';
import type { LintMessage } from '../engine/types.js';
import type { Analysis } from '../service/analysis.js';
import { addFileOverride, addIgnoreEntry, ConfigEditError } from './config-edit.js';
import { analyse, indexOf, type OpenDocument, type ServerContext } from './context.js';
import { type DiagnosticData, SOURCE } from './diagnostics.js';
import { minimalEdit, shorten, textEdit, wholeTextEdit } from './edits.js';
import type { LspRange } from './positions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fazhi-lint`;
export const WRITE_CONFIG_COMMAND = 'fazhi-lint.writeConfig';

/** The message a client diagnostic refers to, in the current analysis. */
function messageFor(ctx: ServerContext, a: Analysis, d: Diagnostic): LintMessage | undefined {
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
  const index = indexOf(a);
  return (
    a.messages.find(
      (m) =>
        m.ruleId === d.code &&
        m.message === d.message &&
        same(index.rangeOf(m.start + a.shift, m.end + a.shift, ctx.encoding)),
    ) ?? a.messages.find((m) => m.ruleId === d.code && m.message === d.message)
  );
}

function fixAllAction(ctx: ServerContext, doc: OpenDocument, a: Analysis, kind: string): CodeAction | null {
  const fixed = ctx.service.fixAll(a);
  const edit = fixed === null ? null : minimalEdit(a.source.text, fixed.output);
  if (!edit) return null;
  return {
    title: '修复本文件所有 fazhi-lint 问题',
    kind,
    edit: {
      changes: {
        [doc.uri]: [textEdit(indexOf(a), edit.start + a.shift, edit.end + a.shift, edit.text, ctx.encoding)],
      },
    },
  };
}

function workspaceFolderOf(ctx: ServerContext, path: string): string {
  let best = '';
  for (const f of ctx.folders) {
    if ((path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)) && f.length > best.length) best = f;
  }
  return best || (path.startsWith(ctx.root + sep) ? ctx.root : dirname(path));
}

/** Where a text file's suppression goes: the nearest config inside the workspace, else a new one at its root. */
function configTarget(ctx: ServerContext, doc: OpenDocument): { file: string; exists: boolean } {
  const folder = workspaceFolderOf(ctx, doc.path);
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
  ctx: ServerContext,
  title: string,
  file: string,
  exists: boolean,
  before: string,
  after: string,
): CodeAction | null {
  const uri = pathToFileURL(file).href;
  if (exists) {
    const e = wholeTextEdit(before, after, ctx.encoding);
    if (!e) return null;
    return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: [e] } } };
  }
  if (ctx.client.createFiles) {
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

/** Offset where a file-wide directive goes: after the BOM and any front matter. */
function topOfMarkdown(text: string, shift: number): number {
  const body = text.slice(shift);
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(body);
  return shift + (fm ? fm[0].length : 0);
}

function disableActions(ctx: ServerContext, doc: OpenDocument, a: Analysis, m: LintMessage): CodeAction[] {
  const out: CodeAction[] = [];
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const index = indexOf(a);
  if (doc.source.format === 'markdown') {
    const line = index.lineOf(m.start + a.shift);
    const lineStart = index.starts[line] as number;
    const at = line === 0 ? a.shift : lineStart;
    out.push({
      title: `在本行停用此规则（${m.ruleId}）`,
      kind: CodeActionKind.QuickFix,
      edit: {
        changes: {
          [doc.uri]: [
            textEdit(index, at, at, `<!-- fazhi-lint-disable-next-line ${m.ruleId} -->${eol}`, ctx.encoding),
          ],
        },
      },
    });
    const top = topOfMarkdown(doc.text, a.shift);
    out.push({
      title: `在本文件停用此规则（${m.ruleId}）`,
      kind: CodeActionKind.QuickFix,
      edit: {
        changes: {
          [doc.uri]: [
            textEdit(index, top, top, `<!-- fazhi-lint-disable ${m.ruleId} -->${eol}`, ctx.encoding),
          ],
        },
      },
    });
    return out;
  }
  const target = configTarget(ctx, doc);
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
        ctx,
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
        ctx,
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
    ctx.log(`fazhi-lint: ${target.file}: ${e.message}`);
  }
  return out;
}

/** Quick fixes for the diagnostics in the request, "fix all", and "停用此规则" for the line or the file. */
export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const doc = ctx.docs.get(params.textDocument.uri);
  if (!doc || !ctx.settings.enable) return [];
  const a = analyse(ctx, doc);
  if (a.errors.length > 0 || a.note) return [];
  const index = indexOf(a);
  const only = params.context?.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of params.context?.diagnostics ?? []) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      const m = messageFor(ctx, a, d);
      if (!m) continue;
      if (m.fix) {
        const [s, e] = m.fix.range;
        fixes.push({
          title: m.fix.text ? `改为“${shorten(m.fix.text)}”` : `删除“${shorten(a.source.text.slice(s, e))}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fixes.length === 0,
          edit: {
            changes: { [doc.uri]: [textEdit(index, s + a.shift, e + a.shift, m.fix.text, ctx.encoding)] },
          },
        });
      }
      const key = `${m.ruleId}\0${index.lineOf(m.start + a.shift)}`;
      if (!seen.has(key)) {
        seen.add(key);
        for (const act of disableActions(ctx, doc, a, m)) disables.push({ ...act, diagnostics: [d] });
      }
    }
    actions.push(...fixes);
    if (fixes.length > 0) {
      const all = fixAllAction(ctx, doc, a, CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
    actions.push(...disables);
  }
  if (only && wants(FIX_ALL_KIND)) {
    const all = fixAllAction(ctx, doc, a, FIX_ALL_KIND);
    if (all) actions.push(all);
  } else if (!only) {
    const all = fixAllAction(ctx, doc, a, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}
