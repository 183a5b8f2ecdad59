/**
 * The parts of the review matrix that need neither Node nor the DOM, so the web page (src/web/page/) orders and
 * draws its batch matrix exactly as `summary` does.
 */
export type CheckStatus = 'pass' | 'warning' | 'error';

export interface CellCounts {
  status: CheckStatus;
  errors: number;
  warnings: number;
}

export interface RankedRow {
  path: string;
  failedChecks: number;
  warnedChecks: number;
  errorCount: number;
  warningCount: number;
}

/** Code-unit order, independent of the locale (deterministic everywhere). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The matrix's sort keys, each descending (most failed checks first…); ties go by path, in code-unit order. */
export const SORT_KEYS = ['failedChecks', 'warnedChecks', 'errorCount', 'warningCount'] as const;

/** The worst reports first: most failed checks, then most warned checks, errors, warnings; ties by path. */
export function compareRows(a: RankedRow, b: RankedRow): number {
  for (const key of SORT_KEYS) {
    const d = b[key] - a[key];
    if (d !== 0) return d;
  }
  return compareStrings(a.path, b.path);
}

/** The cell as one short string: ✓ passed, ✗ errors, ! warnings only; the count follows when above one. */
export function cellSymbol(cell: CellCounts): string {
  if (cell.status === 'pass') return '✓';
  const n = cell.status === 'error' ? cell.errors : cell.warnings;
  return `${cell.status === 'error' ? '✗' : '!'}${n > 1 ? n : ''}`;
}

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: '通过',
  warning: '只有警告',
  error: '有错误',
};
