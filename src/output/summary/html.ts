import { escapeHtml } from './escape.js';
import { type Summary, type SummaryRow, yearText } from './matrix.js';
import { cellSymbol, STATUS_LABEL } from './order.js';

export { escapeHtml };

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

/**
 * A single self-contained HTML file (inline CSS and script, no external URL, a CSP that forbids fetching
 * anything): the matrix, a rule filter, then every report with its findings, the norms they cite, and its text
 * with each finding highlighted in place. Deterministic: no timestamps. Produced piece by piece (a row, an
 * article at a time), so a batch of any size is written without holding the page.
 */
export function* summaryHtml(summary: Summary, toolVersion: string): Generator<string> {
  const t = summary.totals;
  const ruleCounts = summary.ruleCounts;
  const ruleIds = [...ruleCounts.keys()].sort();
  const open = t.reports <= 20;
  const header = summary.columns
    .map((c) => `<th title="${escapeHtml(c.description)}">${escapeHtml(c.label)}</th>`)
    .join('');
  const boxes = ruleIds
    .map(
      (id) =>
        `<label title="${escapeHtml(summary.rules.get(id)?.description ?? '')}"><input type="checkbox" data-rule="${escapeHtml(id)}" checked> ${escapeHtml(id)}（${ruleCounts.get(id)}）</label>`,
    )
    .join('');
  yield `<!DOCTYPE html>
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
`;
  let n = 0;
  for (const row of summary.rows) {
    n++;
    yield `${n > 1 ? '\n' : ''}${matrixRow(summary, row, n)}`;
  }
  yield `
</tbody>
</table>
</section>
<section id="filter">按规则筛选：${boxes || '<span class="muted">（没有发现问题）</span>'}
<button type="button" id="all">全选</button><button type="button" id="none">全不选</button>
<label><input type="checkbox" id="hide-clean"> 隐藏没有所选问题的报告</label>
</section>
`;
  n = 0;
  for (const row of summary.rows) {
    n++;
    yield `${n > 1 ? '\n' : ''}${summary.article(row, n, open)}`;
  }
  yield `
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export function formatSummaryHtml(summary: Summary, toolVersion: string): string {
  return [...summaryHtml(summary, toolVersion)].join('');
}
