import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver/node';
import type { LintMessage, Severity } from '../engine/types.js';
import { analyse, indexOf, type ServerContext } from './context.js';
import { RANK } from './settings.js';

const SEVERITY_NAME: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The findings under the pointer, narrowest first: rule id, severity, the rule's description and its link. */
export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const doc = ctx.docs.get(params.textDocument.uri);
  if (!doc || !ctx.settings.enable) return null;
  const a = analyse(ctx, doc);
  const index = indexOf(a);
  const offset = index.offsetAt(params.position, ctx.encoding);
  const floor = RANK[ctx.settings.severityFloor] ?? 0;
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
    range: index.rangeOf(first.start + a.shift, first.end + a.shift, ctx.encoding),
  };
}
