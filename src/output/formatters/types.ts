import type { LintResult, LoadedRule } from '../../engine/types.js';

/** What every formatter gets besides the results. */
export interface FormatterContext {
  /** Directory paths are made relative to (the repository root in CI). */
  cwd: string;
  /** Loaded rules by id: descriptions and documentation links for formats that carry rule metadata. */
  rules: Map<string, LoadedRule>;
  /** fazhi-lint's own version, for formats that name the producing tool. */
  toolVersion: string;
  /**
   * Files that could not be read or linted (the run is incomplete); SARIF reports them as execution failures,
   * JSON as fatal entries. A writer reads this list only in `tail`, so a run may add to it while it goes.
   */
  failures?: { path: string; message: string }[];
  /** ANSI colours, for the terminal format (stylish). */
  color?: boolean;
}

/**
 * A format written report by report, so that a run over any number of reports holds one report's output at a time:
 * `head`, then `report` for each result in input order, then `tail`, concatenated, are the format's whole text.
 * A writer keeps only small facts across reports (totals, the rule ids it has seen).
 */
export interface ReportWriter {
  /**
   * The head depends on the whole run (JUnit's root element carries the totals): it is asked for after the last
   * report, and whoever streams the reports keeps their text aside until then (see output/sink.ts).
   */
  readonly headLast?: boolean;
  head(): string;
  report(result: LintResult): string;
  tail(): string;
}

export type WriterFactory = (context: FormatterContext) => ReportWriter;

/** Turns lint results into the text of one output format. Pure: no I/O, deterministic for equal input. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;

/** The whole text of a format at once, by the same writer the streamed output uses (so the two are identical). */
export function oneShot(factory: WriterFactory): Formatter {
  return (results, context) => {
    const writer = factory(context);
    const head = writer.headLast ? '' : writer.head();
    let body = '';
    for (const r of results) body += writer.report(r);
    return (writer.headLast ? writer.head() : head) + body + writer.tail();
  };
}
