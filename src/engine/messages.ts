import type { DocumentModel } from '../model/types.js';
import type { LintMessage, LoadedRule, Report, Severity } from './types.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Templates split once into literal text and placeholder names (odd indexes): rules reuse a few templates. */
const splitTemplates = new Map<string, string[]>();
const MAX_SPLIT_TEMPLATES = 1000;

/** `{name}` placeholders filled from report data; unknown names stay visible so a broken template is noticed. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size >= MAX_SPLIT_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (Object.hasOwn(data, name) ? String(data[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

/** An offset between the CR and LF of a CRLF has no line/column; it belongs before the line break. */
function outsideLineBreak(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10
    ? offset - 1
    : offset;
}

/** Converts a kind's offset report into an ESLint-shaped message, once, in one place. */
export function toMessage(model: DocumentModel, rule: LoadedRule, report: Report): LintMessage {
  const len = model.text.length;
  const start = outsideLineBreak(model.text, Math.max(0, Math.min(report.start, len)));
  const end = Math.max(start, outsideLineBreak(model.text, Math.min(report.end, len)));
  const severity =
    report.severity && RANK[report.severity] < RANK[rule.severity] ? report.severity : rule.severity;
  const template = rule.messages[report.messageId ?? 'default'] ?? rule.message;
  const from = model.positionAt(start);
  const to = model.positionAt(end);
  const message: LintMessage = {
    ruleId: rule.id,
    severity,
    message: interpolate(template, report.data),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    start,
    end,
  };
  // A fix may only rewrite text inside the reported range: that is the promise `--fix` makes.
  if (
    report.fix &&
    report.fix.range[0] >= start &&
    report.fix.range[1] <= end &&
    report.fix.range[0] <= report.fix.range[1]
  ) {
    message.fix = { range: [report.fix.range[0], report.fix.range[1]], text: report.fix.text };
  }
  if (report.data) message.data = report.data;
  return message;
}

/** Document order, then a fixed order by code units (not the locale's), so output is the same on every machine. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    a.start - b.start || a.end - b.end || byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.message, b.message)
  );
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops findings switched off by Markdown comments (`<!-- fazhi-lint-disable rule -->` and friends). */
export function applyDirectives(model: DocumentModel, messages: LintMessage[]): LintMessage[] {
  if (model.directives.length === 0) return messages;
  return messages.filter((m) => {
    let disabled = new Set<string>();
    let all = false;
    for (const d of model.directives) {
      if (d.type === 'disable-next-line') {
        const next = nextContentLine(model, d.line);
        if (m.line === next && (d.rules.length === 0 || d.rules.includes(m.ruleId))) return false;
        continue;
      }
      if (d.offset > m.start) break;
      if (d.type === 'disable') {
        if (d.rules.length === 0) all = true;
        else disabled = new Set([...disabled, ...d.rules]);
      } else if (d.rules.length === 0) {
        all = false;
        disabled = new Set();
      } else for (const r of d.rules) disabled.delete(r);
    }
    return !(all || disabled.has(m.ruleId));
  });
}

function nextContentLine(model: DocumentModel, line: number): number {
  const p = model.paragraphs.find((x) => x.line > line);
  return p ? p.line : line + 1;
}

/** Match-scoped suppression from config `ignore: {rule: [text…]}` (Vale's Rule["match"]), for text and Word files. */
export function applyIgnoreList(
  text: string,
  messages: LintMessage[],
  ignore: Map<string, string[]>,
): LintMessage[] {
  if (ignore.size === 0) return messages;
  return messages.filter((m) => {
    const list = ignore.get(m.ruleId);
    if (!list) return true;
    const quoted = text.slice(m.start, m.end);
    return !list.some((entry) => entry.length > 0 && quoted.includes(entry));
  });
}
