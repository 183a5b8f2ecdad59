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
export {
  convertDocToDocx,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_UNZIPPED_SIZE,
  InputError,
  type InputErrorCode,
  openDocx,
  readSourceFile,
  sourceFromBuffer,
  wordBytes,
  writeSourceFile,
} from './input/index.js';
export type { SourceFile } from './input/types.js';
export { buildModel } from './model/build.js';
export type { DocumentModel } from './model/types.js';
export {
  ANNOTATION_AUTHOR,
  type AnnotateOptions,
  type AnnotateResult,
  annotateDocx,
} from './output/annotate/index.js';
