/** The shapes the page reads from the server's API (see src/service/jobs.ts and the README's API table). */
import type { JsonResult } from '../../output/json-shape.js';

export type Severity = 'error' | 'warning' | 'info';

export type { JsonMessage, JsonResult } from '../../output/json-shape.js';

export interface Check {
  id: string;
  label: string;
  description: string;
  status: 'pass' | 'warning' | 'error';
  errors: number;
  warnings: number;
  infos: number;
  symbol: string;
}

export interface Detail {
  text: string;
  format: 'text' | 'markdown' | 'docx';
  encoding: { name: string; label: string; bom: boolean; eol: '\n' | '\r\n' | '\r'; detected: boolean };
  offsets: [number, number][];
  columns: string[];
  checks: Check[];
  report: {
    unit: string;
    unitSource: string;
    year: number | null;
    title: string | null;
    status: 'pass' | 'warning' | 'error';
    failedChecks: number;
    warnedChecks: number;
  };
  notes: string[];
}

export interface LintResponse {
  results: JsonResult[];
  detail: Detail;
}

export interface Explanation {
  id: string;
  severity: Severity;
  active: boolean;
  kind: { name: string; description: string };
  description: string;
  norms: string[];
  invalid: {
    text: string;
    findings: { line: number; column: number; severity: Severity; message: string }[];
  } | null;
  valid: string | null;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** A finding as the page holds it: offsets into the page's text (line breaks as \n). */
export interface Finding {
  index: number;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  start: number;
  end: number;
  fix?: { start: number; end: number; text: string };
  /** The required-check column it counts against (summary's), or its rule id. */
  column_: string;
}

export const SEVERITY: Record<0 | 1 | 2, Severity> = { 2: 'error', 1: 'warning', 0: 'info' };
export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
