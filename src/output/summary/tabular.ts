import { jsonArrayAt, jsonAt } from '../formatters/json-layout.js';
import { displayWidth, padEnd } from '../text-width.js';
import { cellSymbol, type Summary, type SummaryRow, yearText } from './matrix.js';

// Each table is produced line by line (a generator of pieces), so a batch of any size is written without holding
// the table; `format…` joins the pieces for a caller that wants the whole text.

const LEGEND = '✓ 通过  ✗ 有错误  ! 只有警告（符号后的数字为问题个数；提示不计）';

function totalsLine(summary: Summary): string {
  const t = summary.totals;
  return `${t.reports} 份报告：${t.passing} 份全部通过，${t.withErrors} 份有错误，${t.withWarnings} 份只有警告`;
}

/** The header and one row as plain strings, shared by the text, CSV and Markdown tables. */
function headerCells(summary: Summary): string[] {
  return ['单位', '年度', ...summary.columns.map((c) => c.label), '错误', '警告', '提示', '文件'];
}

function rowCells(summary: Summary, r: SummaryRow): string[] {
  return [
    r.unit,
    yearText(r.year),
    ...summary.columns.map((c) =>
      cellSymbol(r.cells[c.id] ?? { status: 'pass', errors: 0, warnings: 0, infos: 0 }),
    ),
    String(r.errorCount),
    String(r.warningCount),
    String(r.infoCount),
    r.path,
  ];
}

/** Aligned columns for a terminal (CJK characters count two columns): the rows are measured first. */
export function* summaryText(summary: Summary): Generator<string> {
  const header = headerCells(summary);
  const widths = header.map(displayWidth);
  for (const r of summary.rows) {
    rowCells(summary, r).forEach((c, i) => {
      widths[i] = Math.max(widths[i] as number, displayWidth(c));
    });
  }
  const line = (cells: string[]) =>
    `${cells
      .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i] as number)))
      .join('  ')
      .trimEnd()}\n`;
  yield line(header);
  for (const r of summary.rows) yield line(rowCells(summary, r));
  yield `\n${totalsLine(summary)}\n${LEGEND}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV with a UTF-8 BOM and CRLF, so Excel and WPS open the Chinese correctly. Fields that a spreadsheet
 * would run as a formula (=, +, -, @) are quoted.
 */
export function* summaryCsv(summary: Summary): Generator<string> {
  const line = (cells: string[]) => `${cells.map(csvField).join(',')}\r\n`;
  yield `\uFEFF${line(headerCells(summary))}`;
  for (const r of summary.rows) yield line(rowCells(summary, r));
}

function mdCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A GitHub-flavoured Markdown table (for a pull-request comment or a job summary). */
export function* summaryMarkdown(summary: Summary): Generator<string> {
  const header = headerCells(summary);
  yield `| ${header.map(mdCell).join(' | ')} |\n`;
  yield `| ${header.map((_, i) => (i >= 1 && i < header.length - 1 ? ':-:' : '---')).join(' | ')} |\n`;
  for (const r of summary.rows) {
    const cells = rowCells(summary, r);
    yield `| ${cells.map((c, i) => (i === cells.length - 1 ? `\`${c.replace(/`/g, '')}\`` : mdCell(c))).join(' | ')} |\n`;
  }
  yield `\n${totalsLine(summary)}。${LEGEND}\n`;
}

/** The matrix as data, for other tools (the layout of `JSON.stringify(…, null, 2)`). */
export function* summaryJson(summary: Summary): Generator<string> {
  const reports = jsonArrayAt(1);
  yield `{\n  "columns": ${jsonAt(summary.columns, 1)},\n  "reports": ${reports.open}`;
  for (const r of summary.rows) {
    yield reports.item({
      path: r.path,
      unit: r.unit,
      unitSource: r.unitSource,
      year: r.year,
      title: r.title,
      status: r.status,
      checks: r.cells,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
    });
  }
  yield `${reports.close()},\n  "totals": ${jsonAt(summary.totals, 1)}\n}\n`;
}

const joined = (pieces: Iterable<string>) => [...pieces].join('');
export const formatSummaryText = (summary: Summary) => joined(summaryText(summary));
export const formatSummaryCsv = (summary: Summary) => joined(summaryCsv(summary));
export const formatSummaryMarkdown = (summary: Summary) => joined(summaryMarkdown(summary));
export const formatSummaryJson = (summary: Summary) => joined(summaryJson(summary));
