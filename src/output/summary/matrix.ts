import { basename, extname, relative, sep } from 'node:path';
import type { LintMessage, LintResult, LoadedRule } from '../../engine/types.js';
import { bodyUnitName } from '../../kinds/shared/organ.js';
import type { DocumentModel } from '../../model/types.js';
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
  /** The lint result (messages with offsets, and the text), for the HTML report. */
  result: LintResult;
  /** Which column each of `result.messages` belongs to. */
  messageColumns: string[];
}

export interface Summary {
  columns: SummaryColumn[];
  rows: SummaryRow[];
  /** Loaded rules by id (descriptions for the norms cited). */
  rules: Map<string, LoadedRule>;
  totals: { reports: number; passing: number; withWarnings: number; withErrors: number };
}

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

/**
 * The review matrix: one row per report, one cell per required check, the worst reports first (most failed
 * checks, then most warned checks, errors, warnings; ties broken by path).
 */
export function buildSummary(
  entries: { result: LintResult; facts?: ReportFacts }[],
  rules: LoadedRule[],
  cwd: string,
): Summary {
  const columns = summaryColumns(rules);
  const ids = new Set(columns.map((c) => c.id));
  const hasTitleRule = rules.some((r) => r.id === 'title');
  let hasOther = false;
  const rows: SummaryRow[] = entries.map(({ result, facts }) => {
    const path = relative(cwd, result.filePath).split(sep).join('/') || result.filePath;
    const counts = new Map<string, { errors: number; warnings: number; infos: number }>();
    const messageColumns = result.messages.map((m) => {
      const column = columnOf(m, ids);
      if (column === 'other') hasOther = true;
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
    return {
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
      result,
      messageColumns,
    };
  });
  if (hasOther) columns.push({ id: 'other', label: '其他', description: '其他已加载规则的发现' });
  for (const row of rows) row.cells.other ??= { status: 'pass', errors: 0, warnings: 0, infos: 0 };
  if (!hasOther) for (const row of rows) delete row.cells.other;
  rows.sort(compareRows);
  return {
    columns,
    rows,
    rules: new Map(rules.map((r) => [r.id, r])),
    totals: {
      reports: rows.length,
      passing: rows.filter((r) => r.status === 'pass').length,
      withWarnings: rows.filter((r) => r.status === 'warning').length,
      withErrors: rows.filter((r) => r.status === 'error').length,
    },
  };
}

export function yearText(year: number | null): string {
  return year === null ? '—' : String(year);
}
