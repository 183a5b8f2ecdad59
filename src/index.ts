/** The library API: what the CLI, the language server and the benchmark share. */

export { ConfigError, ConfigErrors } from './engine/errors.js';
export {
  createLinter,
  formatFor,
  type Linter,
  type LinterOptions,
  summarize,
  textSource,
} from './engine/linter.js';
export type { Fix, Kind, LintMessage, LintResult, LoadedRule, Report, Severity } from './engine/types.js';
export { InputError, readSourceFile, writeSourceFile } from './input/index.js';
export type { SourceFile } from './input/types.js';
export { buildModel } from './model/build.js';
export type { DocumentModel } from './model/types.js';
