import type { LintResult, LoadedRule } from '../../engine/types.js';

/** What every formatter gets besides the results. */
export interface FormatterContext {
  /** Directory paths are made relative to (the repository root in CI). */
  cwd: string;
  /** Loaded rules by id: descriptions and documentation links for formats that carry rule metadata. */
  rules: Map<string, LoadedRule>;
  /** fazhi-lint's own version, for formats that name the producing tool. */
  toolVersion: string;
  /** Files that could not be read or linted (the run is incomplete); SARIF reports them as execution failures. */
  failures?: { path: string; message: string }[];
}

/** Turns lint results into the text of one output format. Pure: no I/O, deterministic for equal input. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
