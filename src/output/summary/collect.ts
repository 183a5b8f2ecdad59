import type { LintResult, LoadedRule } from '../../engine/types.js';
import { Spool, type SpoolRange } from '../../util/spool.js';
import { articleTemplate, fillArticle } from './article.js';
import {
  addToTotals,
  compareRows,
  OTHER_COLUMN,
  type ReportFacts,
  type Summary,
  type SummaryRow,
  type SummaryTotals,
  summaryLayout,
  withOtherColumn,
} from './matrix.js';

/** What stays in memory of a report: its sort keys and where its row (and article) lie in the spool. */
interface RowEntry {
  failedChecks: number;
  warnedChecks: number;
  errorCount: number;
  warningCount: number;
  path: string;
  row: SpoolRange;
  article: SpoolRange | null;
}

/**
 * The summary of a batch of any size: each report's row goes to a spool as the report is done (with its HTML
 * detail when `articles` is asked for), and memory keeps its sort keys and byte ranges. `finish` gives a Summary
 * whose rows are read back in matrix order, one at a time; `close` frees the spool.
 */
export function summaryCollector(rules: LoadedRule[], cwd: string, options: { articles?: boolean } = {}) {
  const layout = summaryLayout(rules, cwd);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const labels = new Map([...layout.columns, OTHER_COLUMN].map((c) => [c.id, c.label]));
  const spool = new Spool();
  const entries: RowEntry[] = [];
  const totals: SummaryTotals = { reports: 0, passing: 0, withWarnings: 0, withErrors: 0 };
  const ruleCounts = new Map<string, number>();
  let hasOther = false;
  return {
    add(result: LintResult, facts?: ReportFacts): void {
      const { row, messageColumns } = layout.row(result, facts);
      if (messageColumns.includes('other')) hasOther = true;
      for (const m of result.messages) ruleCounts.set(m.ruleId, (ruleCounts.get(m.ruleId) ?? 0) + 1);
      addToTotals(totals, row);
      entries.push({
        failedChecks: row.failedChecks,
        warnedChecks: row.warnedChecks,
        errorCount: row.errorCount,
        warningCount: row.warningCount,
        path: row.path,
        row: spool.append(JSON.stringify(row)),
        article: options.articles
          ? spool.append(articleTemplate(byId, labels, row, result, messageColumns))
          : null,
      });
    },
    finish(): Summary {
      entries.sort(compareRows);
      const rowOf = new WeakMap<SummaryRow, RowEntry>();
      return {
        columns: hasOther ? [...layout.columns, OTHER_COLUMN] : layout.columns,
        rows: {
          *[Symbol.iterator]() {
            for (const entry of entries) {
              const row = withOtherColumn(JSON.parse(spool.read(entry.row)) as SummaryRow, hasOther);
              rowOf.set(row, entry);
              yield row;
            }
          },
        },
        rules: byId,
        totals,
        ruleCounts,
        article(row, n, open) {
          const range = rowOf.get(row)?.article;
          if (!range) throw new Error(`summary: no article kept for ${row.path}`);
          return fillArticle(spool.read(range), n, open);
        },
      };
    },
    close(): void {
      spool.close();
    },
  };
}
