/** The library API: what the CLI, the language server and the benchmark share. */
export { createLinter, formatFor, type Linter, type LinterOptions, summarize, textSource } from './engine/linter.js';
export { ConfigError, ConfigErrors } from './engine/errors.js';
export type { Fix, Kind, LintMessage, LintResult, LoadedRule, Report, Severity } from './engine/types.js';
export { buildModel } from './model/build.js';
export type { DocumentModel } from './model/types.js';
export { readSourceFile, writeSourceFile, InputError } from './input/index.js';
export type { SourceFile } from './input/types.js';
