import type { LintResult, LoadedRule } from '../../engine/types.js';
import { Spool, type SpoolRange } from '../../util/spool.js';
import { articleTemplate, fillArticle } from './article.js';
import {
  addToTotals,
  OTHER_COLUMN,
  type ReportFacts,
  type Summary,
  type SummaryRow,
  type SummaryTotals,
  summaryLayout,
  withOtherColumn,
} from './matrix.js';
import { compareStrings, SORT_KEYS } from './order.js';

/**
 * What stays in memory of each report: its four sort keys and the byte ranges of its row and article in the spool,
 * in growable typed arrays (about 50 bytes a report, against ~200 for an object per report), and its path (the
 * last sort key).
 */
class RowIndex {
  count = 0;
  /** SORT_KEYS per report. */
  private keys = new Int32Array(4 * 1024);
  /** Row offset and length, article offset and length (-1: none) per report. */
  private ranges = new Float64Array(4 * 1024);
  private paths: string[] = [];

  add(row: SummaryRow, rowRange: SpoolRange, article: SpoolRange | null): void {
    if (4 * (this.count + 1) > this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const ranges = new Float64Array(this.ranges.length * 2);
      ranges.set(this.ranges);
      this.ranges = ranges;
    }
    const k = 4 * this.count;
    SORT_KEYS.forEach((key, j) => {
      this.keys[k + j] = row[key];
    });
    this.ranges[k] = rowRange.offset;
    this.ranges[k + 1] = rowRange.length;
    this.ranges[k + 2] = article ? article.offset : -1;
    this.ranges[k + 3] = article ? article.length : -1;
    this.paths.push(row.path);
    this.count++;
  }

  /** Report indexes in matrix order: compareRows, on the stored keys. */
  sorted(): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    const keys = this.keys;
    const paths = this.paths;
    return order.sort((a, b) => {
      for (let j = 0; j < 4; j++) {
        const d = (keys[4 * b + j] as number) - (keys[4 * a + j] as number);
        if (d !== 0) return d;
      }
      return compareStrings(paths[a] as string, paths[b] as string);
    });
  }

  row(i: number): SpoolRange {
    return { offset: this.ranges[4 * i] as number, length: this.ranges[4 * i + 1] as number };
  }

  article(i: number): SpoolRange | null {
    const offset = this.ranges[4 * i + 2] as number;
    return offset < 0 ? null : { offset, length: this.ranges[4 * i + 3] as number };
  }
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
  const index = new RowIndex();
  const totals: SummaryTotals = { reports: 0, passing: 0, withWarnings: 0, withErrors: 0 };
  const ruleCounts = new Map<string, number>();
  let hasOther = false;
  return {
    add(result: LintResult, facts?: ReportFacts): void {
      const { row, messageColumns } = layout.row(result, facts);
      if (messageColumns.includes('other')) hasOther = true;
      for (const m of result.messages) ruleCounts.set(m.ruleId, (ruleCounts.get(m.ruleId) ?? 0) + 1);
      addToTotals(totals, row);
      const rowRange = spool.append(JSON.stringify(row));
      const article = options.articles
        ? spool.append(articleTemplate(byId, labels, row, result, messageColumns))
        : null;
      index.add(row, rowRange, article);
    },
    finish(): Summary {
      const order = index.sorted();
      const rowOf = new WeakMap<SummaryRow, number>();
      return {
        columns: hasOther ? [...layout.columns, OTHER_COLUMN] : layout.columns,
        rows: {
          *[Symbol.iterator]() {
            for (const i of order) {
              const row = withOtherColumn(JSON.parse(spool.read(index.row(i))) as SummaryRow, hasOther);
              rowOf.set(row, i);
              yield row;
            }
          },
        },
        rules: byId,
        totals,
        ruleCounts,
        article(row, n, open) {
          const i = rowOf.get(row);
          const range = i === undefined ? null : index.article(i);
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
