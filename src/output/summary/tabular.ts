import { displayWidth, padEnd } from '../text-width.js';
import { cellSymbol, type Summary, yearText } from './matrix.js';

const LEGEND = '✓ 通过  ✗ 有错误  ! 只有警告（符号后的数字为问题个数；提示不计）';

function totalsLine(summary: Summary): string {
  const t = summary.totals;
  return `${t.reports} 份报告：${t.passing} 份全部通过，${t.withErrors} 份有错误，${t.withWarnings} 份只有警告`;
}

/** Header and rows as plain strings, shared by the text, CSV and Markdown tables. */
function table(summary: Summary): { header: string[]; rows: string[][] } {
  const header = ['单位', '年度', ...summary.columns.map((c) => c.label), '错误', '警告', '提示', '文件'];
  const rows = summary.rows.map((r) => [
    r.unit,
    yearText(r.year),
    ...summary.columns.map((c) =>
      cellSymbol(r.cells[c.id] ?? { status: 'pass', errors: 0, warnings: 0, infos: 0 }),
    ),
    String(r.errorCount),
    String(r.warningCount),
    String(r.infoCount),
    r.path,
  ]);
  return { header, rows };
}

/** Aligned columns for a terminal (CJK characters count two columns). */
export function formatSummaryText(summary: Summary): string {
  const { header, rows } = table(summary);
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] as string))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line), '', totalsLine(summary), LEGEND].join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV with a UTF-8 BOM and CRLF, so Excel and WPS open the Chinese correctly. Fields that a spreadsheet
 * would run as a formula (=, +, -, @) are quoted.
 */
export function formatSummaryCsv(summary: Summary): string {
  const { header, rows } = table(summary);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function mdCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A GitHub-flavoured Markdown table (for a pull-request comment or a job summary). */
export function formatSummaryMarkdown(summary: Summary): string {
  const { header, rows } = table(summary);
  const out = [
    `| ${header.map(mdCell).join(' | ')} |`,
    `| ${header.map((_, i) => (i >= 1 && i < header.length - 1 ? ':-:' : '---')).join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${r.map((c, i) => (i === r.length - 1 ? `\`${c.replace(/`/g, '')}\`` : mdCell(c))).join(' | ')} |`,
    ),
    '',
    `${totalsLine(summary)}。${LEGEND}`,
  ];
  return `${out.join('\n')}\n`;
}

/** The matrix as data, for other tools. */
export function formatSummaryJson(summary: Summary): string {
  return `${JSON.stringify(
    {
      columns: summary.columns,
      reports: summary.rows.map((r) => ({
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
      })),
      totals: summary.totals,
    },
    null,
    2,
  )}\n`;
}
