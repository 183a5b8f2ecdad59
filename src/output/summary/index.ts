import { formatSummaryHtml } from './html.js';
import type { Summary } from './matrix.js';
import { formatSummaryCsv, formatSummaryJson, formatSummaryMarkdown, formatSummaryText } from './tabular.js';

export { escapeHtml, formatSummaryHtml, highlightText, normCitation } from './html.js';
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

export function renderSummary(format: string, summary: Summary, toolVersion: string): string {
  switch (format) {
    case 'csv':
      return formatSummaryCsv(summary);
    case 'markdown':
      return formatSummaryMarkdown(summary);
    case 'html':
      return formatSummaryHtml(summary, toolVersion);
    case 'json':
      return formatSummaryJson(summary);
    case 'text':
      return formatSummaryText(summary);
    default:
      throw new Error(`未知的汇总格式 ${format}`);
  }
}
