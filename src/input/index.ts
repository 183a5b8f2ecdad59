export {
  type CollectOptions,
  collectFiles,
  REPORT_EXTENSIONS,
  reportExtensions,
} from './collect.js';
export {
  type DecodedText,
  type DecodeOptions,
  decodeText,
  detectEol,
  encodingLabel,
  normalizeEncoding,
} from './decode.js';
export {
  convertDocToDocx,
  DEFAULT_DOC_TIMEOUT_MS,
  type DocConversionOptions,
  findSoffice,
} from './doc.js';
export {
  type DocxPackage,
  type DocxReadOptions,
  type DocxText,
  headingLevelFromStyle,
  openDocx,
  readDocx,
} from './docx.js';
export { encodeBytes, encodeText } from './encode.js';
export { InputError, type InputErrorCode, positionAt } from './errors.js';
export type { InputFileHandle, InputFs, InputStats } from './fs.js';
export { formatNumber } from './numbering.js';
export {
  DEFAULT_MAX_FILE_SIZE,
  formatFor,
  type ReadOptions,
  readSourceFile,
  readStdin,
  sourceFromBuffer,
  wordBytes,
} from './read.js';
export type { DocxParagraphInfo, SourceFile, SourceFormat, TextEncodingInfo } from './types.js';
export { type WriteOptions, writeSourceFile } from './write.js';
export { DEFAULT_MAX_ENTRIES, DEFAULT_MAX_UNZIPPED_SIZE, type ZipLimits } from './zip.js';
