import type { DocumentModel } from '../model/types.js';
import type { Matcher } from '../util/matcher.js';

export type Severity = 'error' | 'warning' | 'info';

/** A replacement of `text[range[0]..range[1])` — offsets in UTF-16 code units, as in ESLint. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** What a kind's check returns: offsets, not line/column (the engine converts once). */
export interface Report {
  /** Key into the kind's `messages`; defaults to 'default' (the rule file's `message`). */
  messageId?: string;
  /** Values interpolated into the message template as `{name}`. */
  data?: Record<string, string | number>;
  start: number;
  end: number;
  /** Only safe fixes: applied by `--fix` without review. Must stay inside [start, end]. */
  fix?: Fix;
  /** A report may lower (never raise) the rule's severity, e.g. an `info` hint inside an error rule. */
  severity?: Severity;
}

/** A finding, in the vfile-message / ESLint shape. Lines are 1-based; columns are UTF-16 code units + 1. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the modelled text, for fixes, editors and highlighting. */
  start: number;
  end: number;
  fix?: Fix;
  data?: Record<string, string | number>;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** The text the offsets refer to (after decoding); kept for formatters that quote it. */
  source?: string;
  /** Facts the user should know about how the file was read (e.g. the encoding assumed). */
  notes?: string[];
  /** Set when the file could not be read or linted at all (ESLint's `fatal`). */
  fatal?: string;
}

/** Schema of one kind option; the engine validates rule files against it (Vale's definition.go, written once). */
export type OptionSchema =
  | { type: 'string'; required?: boolean; description: string; default?: string }
  | { type: 'number'; required?: boolean; description: string; default?: number }
  | { type: 'boolean'; required?: boolean; description: string; default?: boolean }
  | { type: 'regex'; required?: boolean; description: string; default?: string }
  | { type: 'string[]'; required?: boolean; description: string; default?: string[] }
  | { type: 'map'; required?: boolean; description: string; default?: Record<string, string> }
  /** Free-form structured data validated by the kind itself through `validate`. */
  | { type: 'object'; required?: boolean; description: string; default?: unknown };

export interface PrepareEnv {
  /** Shipped rules may use V8 RegExp features; user rules are compiled for RE2 (see engine/pattern.ts). */
  trusted: boolean;
  /**
   * A matcher for a word list (`compileMatcher`'s interface) that shares one pass over each document with every
   * other rule's word lists (engine/lexicon.ts).
   */
  matcher(words: readonly string[]): Matcher;
}

export interface KindContext {
  /** Resolved rule (id, severity, messages) the check runs for. */
  rule: LoadedRule;
  /**
   * Options of another loaded rule, by id (like ESLint's shared settings): rules that need the report's
   * parts read the aliases of `required-sections` instead of repeating them.
   */
  ruleOptions(id: string): Record<string, unknown> | undefined;
}

/**
 * A rule kind: metadata plus a pure check, like an ESLint rule module.
 * `O` is the option object after validation and defaults.
 */
export interface Kind<O = Record<string, unknown>> {
  name: string;
  description: string;
  options: Record<string, OptionSchema>;
  /** Message templates by id; the rule file's `message` overrides 'default', `messages` overrides any. */
  messages: Record<string, string>;
  /**
   * What the check needs: 'document' (the whole report: its parts, title, unit or closing) or 'passage' (any run
   * of text, the default). Only passage checks are run on text outside a Word document's body (headers, footers,
   * footnotes), where a missing part or signer means nothing.
   */
  scope?: 'document' | 'passage';
  /** Extra validation beyond the schema (cross-field rules, structured options). Return error strings keyed by option. */
  validate?(options: O): { option: string; message: string }[];
  /** Called once per rule load, so patterns and matchers are compiled once, not per document. */
  prepare?(options: O, env: PrepareEnv): unknown;
  check(model: DocumentModel, options: O, prepared: unknown, context: KindContext): Report[];
}

/** A rule file after loading and validation. */
export interface LoadedRule {
  id: string;
  kind: string;
  severity: Severity;
  message: string;
  messages: Record<string, string>;
  description: string;
  /** Documentation URL shown by editors and SARIF. */
  url: string;
  /** Rule file it came from (for errors and `fazhi-lint rules`). */
  file: string;
  pack: string;
  /** Whether the rule comes from a shipped pack (see PrepareEnv). */
  trusted: boolean;
  options: Record<string, unknown>;
  /** Examples for `explain` and the test that every rule fires. */
  examples?: { invalid?: string[]; valid?: string[] };
}
