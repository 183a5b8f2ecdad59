import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { ConfigError } from '../engine/errors.js';
import type { LintMessage, Severity } from '../engine/types.js';
import type { Analysis } from '../service/analysis.js';
import { indexOf, type ServerContext } from './context.js';
import { LineIndex, type LspRange } from './positions.js';
import { RANK } from './settings.js';

export const SOURCE = 'fazhi-lint';
/** At most this many diagnostics per document (the rest are summed up in one more). */
export const MAX_DIAGNOSTICS = 1000;
/** Findings spanning more lines than this are underlined on their first line only (see shownEnd). */
export const MAX_UNDERLINED_LINES = 3;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Data attached to each diagnostic, for code actions. Offsets are UTF-16, into the document text of `version`. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  start: number;
  end: number;
  fix?: { start: number; end: number; text: string };
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

function toDiagnostic(ctx: ServerContext, a: Analysis, m: LintMessage): Diagnostic {
  const index = indexOf(a);
  const start = m.start + a.shift;
  const end = m.end + a.shift;
  const rule = a.rules.get(m.ruleId);
  const data: DiagnosticData = { ruleId: m.ruleId, version: a.version, start, end };
  if (m.fix) data.fix = { start: m.fix.range[0] + a.shift, end: m.fix.range[1] + a.shift, text: m.fix.text };
  const d: Diagnostic = {
    range: index.rangeOf(start, shownEnd(index, start, end), ctx.encoding),
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    source: SOURCE,
    message: m.message,
    data,
  };
  if (rule?.url) d.codeDescription = { href: rule.url };
  return d;
}

/** The findings of an analysis the settings let through, or one note, or the config errors that stopped it. */
export function diagnosticsFor(ctx: ServerContext, a: Analysis): Diagnostic[] {
  if (!ctx.settings.enable) return [];
  const top = indexOf(a).rangeOf(0, 0, ctx.encoding);
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
          {
            location: { uri: pathToFileURL(e.file).href, range: configErrorRange(ctx, e) },
            message: e.message,
          },
        ];
      }
      return d;
    });
  }
  const floor = RANK[ctx.settings.severityFloor] ?? 0;
  const shown = a.messages.filter((m) => RANK[m.severity] >= floor);
  const out = shown.slice(0, MAX_DIAGNOSTICS).map((m) => toDiagnostic(ctx, a, m));
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

function configErrorRange(ctx: ServerContext, e: ConfigError): LspRange {
  let text = '';
  try {
    text = readFileSync(e.file, 'utf8');
  } catch {
    // a missing file: point at its start
  }
  const index = new LineIndex(text);
  const line = Math.max(0, (e.line ?? 1) - 1);
  if (line >= index.lineCount) return index.rangeOf(text.length, text.length, ctx.encoding);
  const lineStart = index.starts[line] as number;
  const lineEnd = index.lineEnd(line);
  const start = Math.min(lineStart + Math.max(0, (e.column ?? 1) - 1), lineEnd);
  return index.rangeOf(e.line ? start : lineStart, lineEnd, ctx.encoding);
}

/** Shows every broken rule or config file as diagnostics on that file, and clears the ones since fixed. */
export function publishConfigErrors(ctx: ServerContext): void {
  const byFile = new Map<string, ConfigError[]>();
  const add = (e: ConfigError) => {
    if (!isFile(e.file)) return;
    const list = byFile.get(e.file) ?? [];
    if (!list.some((x) => x.message === e.message && x.line === e.line)) list.push(e);
    byFile.set(e.file, list);
  };
  for (const e of ctx.service.errors) add(e);
  for (const doc of ctx.docs.values()) for (const e of doc.analysis?.errors ?? []) add(e);
  const next = new Set<string>();
  for (const [file, errors] of byFile) {
    const uri = pathToFileURL(file).href;
    next.add(uri);
    const diagnostics: Diagnostic[] = errors.map((e) => ({
      range: configErrorRange(ctx, e),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'config-error',
      message: e.message,
    }));
    void ctx.connection.sendDiagnostics({ uri, diagnostics }).catch(() => {});
  }
  for (const uri of ctx.configDiagnosticUris) {
    if (!next.has(uri)) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => {});
  }
  ctx.configDiagnosticUris = next;
}
