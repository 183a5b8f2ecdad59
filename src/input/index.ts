export {
  type CollectOptions,
  collectFiles,
  REPORT_EXTENSIONS,
} from './collect.js';
export {
  type DecodedText,
  type DecodeOptions,
  decodeText,
  detectEol,
  encodingLabel,
  normalizeEncoding,
} from './decode.js';
export { type DocxText, headingLevelFromStyle, readDocx } from './docx.js';
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
} from './read.js';
export type { DocxParagraphInfo, SourceFile, SourceFormat, TextEncodingInfo } from './types.js';
export { type WriteOptions, writeSourceFile } from './write.js';
