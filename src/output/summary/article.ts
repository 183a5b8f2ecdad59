import type { LintMessage, LintResult, LoadedRule, Severity } from '../../engine/types.js';
import { escapeHtml } from './escape.js';
import type { SummaryRow } from './matrix.js';

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function worst(messages: LintMessage[]): Severity {
  return messages.reduce<Severity>((w, m) => (RANK[m.severity] > RANK[w] ? m.severity : w), 'info');
}

/**
 * The report text with every finding highlighted in place: the text is cut at every finding boundary, and each
 * piece covered by findings becomes one `<mark>` naming them all (overlaps nest nothing: no markup crosses
 * another). A finding without extent (a missing part, reported at a point) becomes an empty `<mark class="point">`.
 * Every finding gets an anchor at its start, the target of its entry in the list above the text.
 */
export function highlightText(text: string, messages: LintMessage[], report: number | string): string {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const items = messages.map((m, i) => ({
    m,
    i,
    start: clamp(m.start),
    end: clamp(Math.max(m.start, m.end)),
  }));
  const cuts = new Set<number>([0, text.length]);
  for (const it of items) {
    cuts.add(it.start);
    cuts.add(it.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const attrs = (ms: LintMessage[]) =>
    `class="${worst(ms)}" data-rules="${escapeHtml([...new Set(ms.map((m) => m.ruleId))].join(' '))}" title="${escapeHtml(ms.map((m) => `${m.ruleId}：${m.message}`).join('\n'))}"`;
  let out = '';
  for (let p = 0; p < points.length; p++) {
    const at = points[p] as number;
    for (const it of items) {
      if (it.start !== at) continue;
      out += `<a class="anchor" id="r${report}-f${it.i + 1}"></a>`;
      if (it.end === it.start) {
        out += `<mark ${attrs([it.m]).replace('class="', 'class="point ')}></mark>`;
      }
    }
    const next = points[p + 1];
    if (next === undefined) break;
    const piece = escapeHtml(text.slice(at, next));
    const covering = items
      .filter((it) => it.start < it.end && it.start <= at && it.end >= next)
      .map((it) => it.m);
    out += covering.length > 0 ? `<mark ${attrs(covering)}>${piece}</mark>` : piece;
  }
  return out;
}

/** The first sentence of a rule description (up to the first 。；：), for the one-line citation. */
export function normCitation(text: string): string {
  const m = /^[\s\S]*?[。；]/.exec(text);
  const first = (m ? m[0] : text).trim();
  return first.length > 90 ? `${first.slice(0, 88)}…` : first;
}

/**
 * Placeholders for what only the sorted matrix knows: the report's number (in ids, links and heading) and whether
 * its text starts unfolded. Markup-like, so no escaped text can contain them (escapeHtml turns every `<` into
 * `&#60;`).
 */
const NUMBER = '<#n>';
const OPEN = '<#open>';

/**
 * A report's detail with placeholders for its number and unfolding: written to a spool as the report is done,
 * filled in by `fillArticle` when the matrix order is known.
 */
export function articleTemplate(
  rules: Map<string, LoadedRule>,
  /** Column labels by id, `other` included. */
  labels: Map<string, string>,
  row: SummaryRow,
  result: LintResult,
  messageColumns: string[],
): string {
  const messages = result.messages;
  const findings = messages.map((m, i) => {
    const norm = rules.get(m.ruleId)?.description ?? '';
    const column = labels.get(messageColumns[i] as string);
    return (
      `<li data-rule="${escapeHtml(m.ruleId)}"><a href="#r${NUMBER}-f${i + 1}">${m.line}:${m.column}</a> ` +
      `<span class="sev ${m.severity}">${LABEL[m.severity]}</span> ${escapeHtml(m.message)} ` +
      `<code>${escapeHtml(m.ruleId)}</code>${column && column !== m.ruleId ? ` <span class="muted">${escapeHtml(column)}</span>` : ''}` +
      (norm
        ? `<details class="norm"><summary>依据：${escapeHtml(normCitation(norm))}</summary>${escapeHtml(norm)}</details>`
        : '') +
      '</li>'
    );
  });
  const source = result.source ?? '';
  const heading = `${row.unit}${row.year !== null ? `（${row.year}年）` : ''}`;
  return [
    `<article class="report status-${row.status}" id="report-${NUMBER}">`,
    `<h2>${NUMBER}. ${escapeHtml(heading)}</h2>`,
    `<p class="path">${escapeHtml(row.path)}${row.title ? ` · 标题：${escapeHtml(row.title)}` : ' · 未识别出标题'} · 错误 ${row.errorCount}，警告 ${row.warningCount}，提示 ${row.infoCount}</p>`,
    findings.length > 0 ? `<ol class="findings">${findings.join('')}</ol>` : '<p>没有发现问题。</p>',
    `<details${OPEN}><summary>报告原文（问题处已标出）</summary><pre class="text">${highlightText(source, messages, NUMBER)}</pre></details>`,
    '</article>',
  ].join('\n');
}

/** The article of the report numbered `n`. */
export function fillArticle(template: string, n: number, open: boolean): string {
  return template.replaceAll(NUMBER, String(n)).replace(OPEN, open ? ' open' : '');
}

/** The article of one report held in memory. */
export function reportArticle(
  rules: Map<string, LoadedRule>,
  labels: Map<string, string>,
  row: SummaryRow,
  result: LintResult,
  messageColumns: string[],
): (n: number, open: boolean) => string {
  const template = articleTemplate(rules, labels, row, result, messageColumns);
  return (n, open) => fillArticle(template, n, open);
}
