import { compareRows, STATUS_LABEL } from '../../output/summary/order.js';
import { byId, el } from './dom.js';
import type { Check, JsonResult, LintResponse } from './types.js';

export interface BatchEntry {
  /** The path inside the dropped folder, or the file name. */
  path: string;
  file: File;
  response?: LintResponse;
  error?: string;
}

/**
 * The batch matrix, as `summary --format html` draws it: one row per report, one column per required check,
 * the worst reports first; each row opens that report.
 */
export function renderBatch(entries: BatchEntry[], open: (entry: BatchEntry) => void): void {
  const done = entries.filter((e) => e.response);
  const failed = entries.filter((e) => e.error);
  // the columns of every report, in summary's order (a further rule's column, 其他, only when one has it)
  const columns = new Map<string, Check>();
  for (const e of done)
    for (const c of e.response?.detail.checks ?? []) if (c.id !== 'other') columns.set(c.id, c);
  for (const e of done)
    for (const c of e.response?.detail.checks ?? []) if (c.id === 'other') columns.set(c.id, c);
  const first = [...columns.values()];
  const rows = done
    .map((e) => {
      const r = e.response as LintResponse;
      const result = r.results[0] as JsonResult;
      return {
        entry: e,
        path: e.path,
        detail: r.detail,
        result,
        failedChecks: r.detail.report.failedChecks,
        warnedChecks: r.detail.report.warnedChecks,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
      };
    })
    .sort(compareRows);
  const passing = rows.filter((r) => r.detail.report.status === 'pass').length;
  const withErrors = rows.filter((r) => r.detail.report.status === 'error').length;
  byId('batch-summary').textContent =
    `${rows.length} 份报告：${passing} 份全部通过，${withErrors} 份有错误，${rows.length - passing - withErrors} 份只有警告。` +
    '按问题从多到少排列；✓ 通过，✗ 有错误，! 只有警告（符号后为问题个数）。点击单位名称查看该报告。';
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, '#'),
    el('th', { scope: 'col' }, '单位'),
    el('th', { scope: 'col' }, '年度'),
    ...first.map((c) => el('th', { scope: 'col', title: c.description }, c.label)),
    el('th', { scope: 'col' }, '错误'),
    el('th', { scope: 'col' }, '警告'),
    el('th', { scope: 'col' }, '提示'),
    el('th', { scope: 'col' }, '文件'),
  );
  const body = rows.map((row, i) => {
    const cells = new Map<string, Check>(row.detail.checks.map((c) => [c.id, c]));
    const button = el(
      'button',
      { type: 'button', class: 'link', 'data-path': row.path },
      row.detail.report.unit,
    );
    button.addEventListener('click', () => open(row.entry));
    return el(
      'tr',
      { class: `status-${row.detail.report.status}`, 'data-path': row.path },
      el('td', {}, String(i + 1)),
      el('th', { scope: 'row', class: 'unit' }, button),
      el('td', {}, row.detail.report.year === null ? '—' : String(row.detail.report.year)),
      ...first.map((c) => {
        const cell = cells.get(c.id);
        const status = cell?.status ?? 'pass';
        return el(
          'td',
          {
            class: `cell ${status}`,
            title: `${c.label}：${STATUS_LABEL[status]}（错误 ${cell?.errors ?? 0}，警告 ${cell?.warnings ?? 0}）`,
          },
          cell?.symbol ?? '✓',
        );
      }),
      el('td', {}, String(row.result.errorCount)),
      el('td', {}, String(row.result.warningCount)),
      el('td', {}, String(row.result.infoCount)),
      el('td', { class: 'path' }, row.path),
    );
  });
  byId('batch-table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
  const errors = byId('batch-errors');
  errors.replaceChildren(...failed.map((e) => el('li', {}, `${e.path}：${e.error}`)));
  errors.hidden = failed.length === 0;
}
