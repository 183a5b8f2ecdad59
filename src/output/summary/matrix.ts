import { basename, extname, relative, sep } from 'node:path';
import type { LintMessage, LintResult, LoadedRule } from '../../engine/types.js';
import { bodyUnitName } from '../../kinds/shared/organ.js';
import type { DocumentModel } from '../../model/types.js';
import { reportArticle } from './article.js';
import { type CheckStatus, compareRows } from './order.js';

export { type CheckStatus, cellSymbol } from './order.js';

/** One column of the matrix: a required check (a rule, or one part of `required-sections`). */
export interface SummaryColumn {
  /** Rule id, or `required-sections:<part>`; `title` for the title check; `other` for any further rule. */
  id: string;
  /** Short Chinese heading. */
  label: string;
  /** What the check asks for: the rule's description (the norm it cites), or the part's content. */
  description: string;
}

export interface SummaryCell {
  status: CheckStatus;
  errors: number;
  warnings: number;
  infos: number;
}

/** Facts from the document model that name the report. */
export interface ReportFacts {
  title: string | null;
  issuer: string | null;
  signers: string[];
  year: number | null;
  /** The unit the body names as its own (红土乡 for a body saying 我乡), when the title and the closing name none. */
  bodyUnit?: string | null;
}

/** The facts of a report, from its model. */
export function reportFacts(model: DocumentModel): ReportFacts {
  return {
    title: model.title?.span.text ?? null,
    issuer: model.title?.issuer ?? null,
    signers: model.closing.signers.map((s) => s.text),
    year: model.year,
    bodyUnit:
      model.title?.issuer || model.closing.signers.length > 0
        ? null
        : bodyUnitName(model.paragraphs, model.selfReference),
  };
}

export interface SummaryRow {
  /** Path relative to cwd, with forward slashes. */
  path: string;
  /** The unit the report is from: the title's issuer, else the (last) signer, else the body's own unit, else the file name. */
  unit: string;
  unitSource: 'title' | 'signer' | 'body' | 'file';
  year: number | null;
  title: string | null;
  cells: Record<string, SummaryCell>;
  status: CheckStatus;
  /** Columns with status error / warning: the sort keys. */
  failedChecks: number;
  warnedChecks: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface SummaryTotals {
  reports: number;
  passing: number;
  withWarnings: number;
  withErrors: number;
}

/**
 * The review matrix. Rows hold no findings and no text: a batch of any size keeps one row per report (and the
 * streamed summary keeps even those on disk, see collect.ts).
 */
export interface Summary {
  columns: SummaryColumn[];
  /** Worst first. May be iterated more than once (the text table measures its columns first). */
  rows: Iterable<SummaryRow>;
  /** Loaded rules by id (descriptions for the norms cited). */
  rules: Map<string, LoadedRule>;
  totals: SummaryTotals;
  /** Findings per rule over all reports, for the HTML filter. */
  ruleCounts: Map<string, number>;
  /** The HTML detail of a report: its findings, the norms they cite, its text highlighted (see html.ts). */
  article(row: SummaryRow, n: number, open: boolean): string;
}

/** A report's detail as the HTML summary shows it, once its place `n` in the sorted matrix is known. */
export type ArticleRenderer = (n: number, open: boolean) => string;

const PART_LABELS: Record<string, string> = {
  measures: '举措成效',
  shortcomings: '不足原因',
  'first-responsible': '第一责任人部分',
  'next-year': '下年安排',
};

/** The rule columns after the parts, in the order the issue lists the required checks. */
const RULE_COLUMNS: [string, string][] = [
  ['first-responsible-duty', '第一责任人履职'],
  ['xi-fazhi-thought', '习近平法治思想'],
  ['quantified-results', '量化成效'],
  ['problems-next-steps', '问题与措施'],
  ['closing-signer', '署名'],
  ['closing-date', '成文日期'],
];

const TITLE_DESCRIPTION =
  'GB/T 9704-2012 党政机关公文格式：标题由发文机关名称、事由和文种组成；年度报告的标题应写明单位和年度，如“某镇2024年法治政府建设情况报告”。';

interface PartDefinition {
  id: string;
  name?: string;
  content?: string;
}

/** The columns for the loaded rules: title, one per part of required-sections, the six other checks. */
export function summaryColumns(rules: LoadedRule[]): SummaryColumn[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const columns: SummaryColumn[] = [
    { id: 'title', label: '标题', description: byId.get('title')?.description || TITLE_DESCRIPTION },
  ];
  const sectionsRule = byId.get('required-sections');
  const parts = (sectionsRule?.options.sections as PartDefinition[] | undefined) ?? [
    { id: 'measures' },
    { id: 'shortcomings' },
    { id: 'first-responsible' },
    { id: 'next-year' },
  ];
  for (const part of parts) {
    columns.push({
      id: `required-sections:${part.id}`,
      label: PART_LABELS[part.id] ?? part.name ?? part.id,
      description:
        `${sectionsRule?.description ?? ''}${part.content ? `（本列：${part.content}）` : ''}`.trim(),
    });
  }
  for (const [id, label] of RULE_COLUMNS) {
    columns.push({ id, label, description: byId.get(id)?.description ?? '' });
  }
  return columns;
}

/** Which column a finding counts against. */
export function columnOf(message: LintMessage, columnIds: Set<string>): string {
  if (message.ruleId === 'required-sections' && message.data?.section !== undefined) {
    const id = `required-sections:${message.data.section}`;
    if (columnIds.has(id)) return id;
  }
  if (columnIds.has(message.ruleId)) return message.ruleId;
  if (message.ruleId.startsWith('title-')) return 'title';
  return 'other';
}

function statusOf(errors: number, warnings: number): CheckStatus {
  return errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass';
}

function unitOf(path: string, facts: ReportFacts | undefined): Pick<SummaryRow, 'unit' | 'unitSource'> {
  if (facts?.issuer) return { unit: facts.issuer, unitSource: 'title' };
  const signer = facts?.signers.at(-1);
  if (signer) return { unit: signer.trim(), unitSource: 'signer' };
  if (facts?.bodyUnit) return { unit: facts.bodyUnit, unitSource: 'body' };
  return { unit: basename(path, extname(path)), unitSource: 'file' };
}

/** The part of the matrix known before any report: the columns of the loaded rules, and how to fill a row. */
export function summaryLayout(rules: LoadedRule[], cwd: string) {
  const columns = summaryColumns(rules);
  const ids = new Set(columns.map((c) => c.id));
  const hasTitleRule = rules.some((r) => r.id === 'title');
  return {
    columns,
    /** One report's row, and the column of each of its findings (`other` when no column claims it). */
    row(result: LintResult, facts?: ReportFacts): { row: SummaryRow; messageColumns: string[] } {
      const path = relative(cwd, result.filePath).split(sep).join('/') || result.filePath;
      const counts = new Map<string, { errors: number; warnings: number; infos: number }>();
      const messageColumns = result.messages.map((m) => {
        const column = columnOf(m, ids);
        const c = counts.get(column) ?? { errors: 0, warnings: 0, infos: 0 };
        if (m.severity === 'error') c.errors++;
        else if (m.severity === 'warning') c.warnings++;
        else c.infos++;
        counts.set(column, c);
        return column;
      });
      const cells: Record<string, SummaryCell> = {};
      for (const [id, c] of counts) cells[id] = { ...c, status: statusOf(c.errors, c.warnings) };
      const title = cells.title ?? { errors: 0, warnings: 0, infos: 0, status: 'pass' };
      // Without a title rule loaded, a report with no recognisable title fails the check on the model's word.
      if (!hasTitleRule && facts && !facts.title) title.status = 'error';
      cells.title = title;
      for (const id of ids) cells[id] ??= { status: 'pass', errors: 0, warnings: 0, infos: 0 };
      const statuses = Object.values(cells).map((c) => c.status);
      const failedChecks = statuses.filter((s) => s === 'error').length;
      const warnedChecks = statuses.filter((s) => s === 'warning').length;
      const row: SummaryRow = {
        path,
        ...unitOf(result.filePath, facts),
        year: facts?.year ?? null,
        title: facts?.title ?? null,
        cells,
        status: failedChecks > 0 ? 'error' : warnedChecks > 0 ? 'warning' : 'pass',
        failedChecks,
        warnedChecks,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
        infoCount: result.infoCount,
      };
      return { row, messageColumns };
    },
  };
}

/** The `other` column, when some finding belongs to no required check. */
export const OTHER_COLUMN: SummaryColumn = {
  id: 'other',
  label: '其他',
  description: '其他已加载规则的发现',
};

/** A row as the final matrix shows it: an `other` cell exactly when that column is shown. */
export function withOtherColumn(row: SummaryRow, hasOther: boolean): SummaryRow {
  if (hasOther) row.cells.other ??= { status: 'pass', errors: 0, warnings: 0, infos: 0 };
  else delete row.cells.other;
  return row;
}

export function addToTotals(totals: SummaryTotals, row: SummaryRow): void {
  totals.reports++;
  if (row.status === 'pass') totals.passing++;
  else if (row.status === 'warning') totals.withWarnings++;
  else totals.withErrors++;
}

/**
 * The review matrix of a few results held in memory (the CLI streams, see collect.ts): one row per report, one
 * cell per required check, the worst reports first.
 */
export function buildSummary(
  entries: { result: LintResult; facts?: ReportFacts }[],
  rules: LoadedRule[],
  cwd: string,
): Summary & { rows: SummaryRow[] } {
  const layout = summaryLayout(rules, cwd);
  const totals: SummaryTotals = { reports: 0, passing: 0, withWarnings: 0, withErrors: 0 };
  const ruleCounts = new Map<string, number>();
  const details = new Map<SummaryRow, { result: LintResult; messageColumns: string[] }>();
  let hasOther = false;
  const rows = entries.map(({ result, facts }) => {
    const { row, messageColumns } = layout.row(result, facts);
    if (messageColumns.includes('other')) hasOther = true;
    for (const m of result.messages) ruleCounts.set(m.ruleId, (ruleCounts.get(m.ruleId) ?? 0) + 1);
    addToTotals(totals, row);
    details.set(row, { result, messageColumns });
    return row;
  });
  for (const row of rows) withOtherColumn(row, hasOther);
  rows.sort(compareRows);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const labels = new Map([...layout.columns, OTHER_COLUMN].map((c) => [c.id, c.label]));
  return {
    columns: hasOther ? [...layout.columns, OTHER_COLUMN] : layout.columns,
    rows,
    rules: byId,
    totals,
    ruleCounts,
    article(row, n, open) {
      const detail = details.get(row);
      if (!detail) throw new Error(`summary: no detail for ${row.path}`);
      return reportArticle(byId, labels, row, detail.result, detail.messageColumns)(n, open);
    },
  };
}

export function yearText(year: number | null): string {
  return year === null ? '—' : String(year);
}
