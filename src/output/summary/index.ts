import { summaryHtml } from './html.js';
import type { Summary } from './matrix.js';
import { summaryCsv, summaryJson, summaryMarkdown, summaryText } from './tabular.js';

export { highlightText, normCitation } from './article.js';
export { summaryCollector } from './collect.js';
export { escapeHtml } from './escape.js';
export { formatSummaryHtml } from './html.js';
export {
  buildSummary,
  type CheckStatus,
  cellSymbol,
  columnOf,
  type ReportFacts,
  reportFacts,
  type Summary,
  type SummaryCell,
  type SummaryColumn,
  type SummaryRow,
  summaryColumns,
} from './matrix.js';
export { formatSummaryCsv, formatSummaryJson, formatSummaryMarkdown, formatSummaryText } from './tabular.js';

/** `fazhi-lint summary --format` names. */
export const SUMMARY_FORMATS = ['text', 'csv', 'markdown', 'html', 'json'];

/** The summary in a format, piece by piece (a row at a time). */
export function summaryPieces(format: string, summary: Summary, toolVersion: string): Iterable<string> {
  switch (format) {
    case 'csv':
      return summaryCsv(summary);
    case 'markdown':
      return summaryMarkdown(summary);
    case 'html':
      return summaryHtml(summary, toolVersion);
    case 'json':
      return summaryJson(summary);
    case 'text':
      return summaryText(summary);
    default:
      throw new Error(`未知的汇总格式 ${format}`);
  }
}

export function renderSummary(format: string, summary: Summary, toolVersion: string): string {
  return [...summaryPieces(format, summary, toolVersion)].join('');
}
