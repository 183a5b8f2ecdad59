import type { LintMessage, Severity } from '../../engine/types.js';
import { type Summary, type SummaryRow, yearText } from './matrix.js';
import { cellSymbol, STATUS_LABEL } from './order.js';

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:root { --err: #c62828; --warn: #b26a00; --ok: #2e7d32; --info: #1565c0; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; background: #f6f8fa; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 4px; }
.muted, .path { color: #59636e; font-size: 12px; }
table.matrix { border-collapse: collapse; background: #fff; margin: 12px 0 4px; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 3px 6px; text-align: center; white-space: nowrap; }
.matrix th { background: #eef1f4; font-weight: 600; font-size: 12px; }
.matrix td.unit { text-align: left; }
.matrix td.pass { color: var(--ok); }
.matrix td.error { color: #fff; background: var(--err); font-weight: 700; }
.matrix td.warning { color: #1f2328; background: #ffd580; font-weight: 700; }
.matrix tr.status-error td.unit a { color: var(--err); }
#filter { background: #fff; border: 1px solid var(--line); padding: 8px 12px; margin: 16px 0; position: sticky; top: 0; z-index: 2; }
#filter label { margin-right: 14px; white-space: nowrap; }
#filter button { margin-left: 6px; }
article.report { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
article.report.status-error { border-left: 5px solid var(--err); }
article.report.status-warning { border-left: 5px solid #ffb300; }
article.report.status-pass { border-left: 5px solid var(--ok); }
ol.findings { padding-left: 22px; margin: 8px 0; }
ol.findings li { margin: 2px 0; }
ol.findings li.off, .report.off { display: none; }
.sev { font-size: 12px; padding: 0 4px; border-radius: 3px; color: #fff; }
.sev.error { background: var(--err); } .sev.warning { background: #ef8f00; } .sev.info { background: var(--info); }
.norm { color: #59636e; font-size: 12px; margin: 0 0 2px 0; }
.norm summary { cursor: pointer; }
.norm[open] { background: #f6f8fa; padding: 2px 6px; }
code { font-size: 12px; background: #eef1f4; padding: 0 3px; border-radius: 3px; }
pre.text { white-space: pre-wrap; word-break: break-all; font: 14px/1.8 "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; background: #fcfcfc; border: 1px solid #eaeef2; padding: 10px 14px; margin: 6px 0 0; max-height: 640px; overflow: auto; }
mark { padding: 0 1px; border-radius: 2px; }
mark.error { background: #ffd4d4; border-bottom: 2px solid var(--err); }
mark.warning { background: #fff0b8; border-bottom: 2px solid #ef8f00; }
mark.info { background: #dcecff; border-bottom: 2px dotted var(--info); }
mark.point::before { content: "▲"; font-size: 11px; }
mark.point.error::before { color: var(--err); } mark.point.warning::before { color: #ef8f00; } mark.point.info::before { color: var(--info); }
mark.off { background: none; border-bottom: 0; }
mark.point.off::before { content: ""; }
`;

const SCRIPT = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filter input[data-rule]'));
  var hideClean = document.getElementById('hide-clean');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) on[b.getAttribute('data-rule')] = true; });
    document.querySelectorAll('mark[data-rules]').forEach(function (m) {
      var any = m.getAttribute('data-rules').split(' ').some(function (r) { return on[r]; });
      m.classList.toggle('off', !any);
    });
    document.querySelectorAll('li[data-rule]').forEach(function (li) {
      li.classList.toggle('off', !on[li.getAttribute('data-rule')]);
    });
    document.querySelectorAll('article.report').forEach(function (a) {
      var visible = a.querySelectorAll('li[data-rule]:not(.off)').length;
      a.classList.toggle('off', hideClean.checked && visible === 0);
    });
    var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute('data-rule'); });
    document.body.setAttribute('data-filter', chosen.length === boxes.length ? '*' : chosen.join(','));
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  hideClean.addEventListener('change', apply);
  document.getElementById('all').addEventListener('click', function () { boxes.forEach(function (b) { b.checked = true; }); apply(); });
  document.getElementById('none').addEventListener('click', function () { boxes.forEach(function (b) { b.checked = false; }); apply(); });
  var preset = /(?:^#|&)rules=([^&]*)/.exec(location.hash);
  if (preset) {
    var wanted = decodeURIComponent(preset[1]).split(',');
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.getAttribute('data-rule')) >= 0; });
  }
  apply();
})();
`;

function worst(messages: LintMessage[]): Severity {
  return messages.reduce<Severity>((w, m) => (RANK[m.severity] > RANK[w] ? m.severity : w), 'info');
}

/**
 * The report text with every finding highlighted in place: the text is cut at every finding boundary, and each
 * piece covered by findings becomes one `<mark>` naming them all (overlaps nest nothing: no markup crosses
 * another). A finding without extent (a missing part, reported at a point) becomes an empty `<mark class="point">`.
 * Every finding gets an anchor at its start, the target of its entry in the list above the text.
 */
export function highlightText(text: string, messages: LintMessage[], report: number): string {
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

/** The first sentence of a rule description (up to the first 。；), for the one-line citation of the norm. */
export function normCitation(text: string): string {
  const m = /^[\s\S]*?[。；]/.exec(text);
  const first = (m ? m[0] : text).trim();
  return first.length > 90 ? `${first.slice(0, 88)}…` : first;
}

function matrixRow(summary: Summary, row: SummaryRow, n: number): string {
  const cells = summary.columns.map((c) => {
    const cell = row.cells[c.id] ?? { status: 'pass' as const, errors: 0, warnings: 0, infos: 0 };
    const tip = `${c.label}：${STATUS_LABEL[cell.status]}（错误 ${cell.errors}，警告 ${cell.warnings}，提示 ${cell.infos}）`;
    return `<td class="${cell.status}" title="${escapeHtml(tip)}">${escapeHtml(cellSymbol(cell))}</td>`;
  });
  return (
    `<tr class="status-${row.status}"><td>${n}</td>` +
    `<td class="unit"><a href="#report-${n}">${escapeHtml(row.unit)}</a></td><td>${yearText(row.year)}</td>` +
    `${cells.join('')}<td>${row.errorCount}</td><td>${row.warningCount}</td><td>${row.infoCount}</td>` +
    `<td class="path">${escapeHtml(row.path)}</td></tr>`
  );
}

function reportArticle(summary: Summary, row: SummaryRow, n: number, open: boolean): string {
  const messages = row.result.messages;
  const label = new Map(summary.columns.map((c) => [c.id, c.label]));
  const findings = messages.map((m, i) => {
    const norm = summary.rules.get(m.ruleId)?.description ?? '';
    const column = label.get(row.messageColumns[i] as string);
    return (
      `<li data-rule="${escapeHtml(m.ruleId)}"><a href="#r${n}-f${i + 1}">${m.line}:${m.column}</a> ` +
      `<span class="sev ${m.severity}">${LABEL[m.severity]}</span> ${escapeHtml(m.message)} ` +
      `<code>${escapeHtml(m.ruleId)}</code>${column && column !== m.ruleId ? ` <span class="muted">${escapeHtml(column)}</span>` : ''}` +
      (norm
        ? `<details class="norm"><summary>依据：${escapeHtml(normCitation(norm))}</summary>${escapeHtml(norm)}</details>`
        : '') +
      '</li>'
    );
  });
  const source = row.result.source ?? '';
  const heading = `${n}. ${row.unit}${row.year !== null ? `（${row.year}年）` : ''}`;
  return [
    `<article class="report status-${row.status}" id="report-${n}">`,
    `<h2>${escapeHtml(heading)}</h2>`,
    `<p class="path">${escapeHtml(row.path)}${row.title ? ` · 标题：${escapeHtml(row.title)}` : ' · 未识别出标题'} · 错误 ${row.errorCount}，警告 ${row.warningCount}，提示 ${row.infoCount}</p>`,
    findings.length > 0 ? `<ol class="findings">${findings.join('')}</ol>` : '<p>没有发现问题。</p>',
    `<details${open ? ' open' : ''}><summary>报告原文（问题处已标出）</summary><pre class="text">${highlightText(source, messages, n)}</pre></details>`,
    '</article>',
  ].join('\n');
}

/**
 * A single self-contained HTML file (inline CSS and script, no external URL, a CSP that forbids fetching
 * anything): the matrix, a rule filter, then every report with its findings, the norms they cite, and its text
 * with each finding highlighted in place. Deterministic: no timestamps.
 */
export function formatSummaryHtml(summary: Summary, toolVersion: string): string {
  const t = summary.totals;
  const ruleCounts = new Map<string, number>();
  for (const row of summary.rows)
    for (const m of row.result.messages) ruleCounts.set(m.ruleId, (ruleCounts.get(m.ruleId) ?? 0) + 1);
  const ruleIds = [...ruleCounts.keys()].sort();
  const open = summary.rows.length <= 20;
  const header = summary.columns
    .map((c) => `<th title="${escapeHtml(c.description)}">${escapeHtml(c.label)}</th>`)
    .join('');
  const boxes = ruleIds
    .map(
      (id) =>
        `<label title="${escapeHtml(summary.rules.get(id)?.description ?? '')}"><input type="checkbox" data-rule="${escapeHtml(id)}" checked> ${escapeHtml(id)}（${ruleCounts.get(id)}）</label>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="fazhi-lint ${escapeHtml(toolVersion)}">
<title>法治政府建设年度报告审阅汇总</title>
<style>${CSS}</style>
</head>
<body data-filter="*">
<header>
<h1>法治政府建设年度报告审阅汇总</h1>
<p class="muted">${t.reports} 份报告：${t.passing} 份全部通过，${t.withErrors} 份有错误，${t.withWarnings} 份只有警告。按问题从多到少排列；✓ 通过，✗ 有错误，! 只有警告（符号后为问题个数，提示不计）。由 fazhi-lint ${escapeHtml(toolVersion)} 生成。</p>
</header>
<section id="matrix">
<table class="matrix">
<thead><tr><th>#</th><th>单位</th><th>年度</th>${header}<th>错误</th><th>警告</th><th>提示</th><th>文件</th></tr></thead>
<tbody>
${summary.rows.map((r, i) => matrixRow(summary, r, i + 1)).join('\n')}
</tbody>
</table>
</section>
<section id="filter">按规则筛选：${boxes || '<span class="muted">（没有发现问题）</span>'}
<button type="button" id="all">全选</button><button type="button" id="none">全不选</button>
<label><input type="checkbox" id="hide-clean"> 隐藏没有所选问题的报告</label>
</section>
${summary.rows.map((r, i) => reportArticle(summary, r, i + 1, open)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
