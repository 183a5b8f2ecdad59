/** Machine-readable reason an input could not be read or written. */
export type InputErrorCode =
  | 'binary'
  | 'too-large'
  | 'unsupported-format'
  | 'empty'
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'unencodable'
  | 'undecodable'
  | 'unknown-encoding'
  | 'lossy'
  | 'changed'
  /** Not a readable Word package: not a zip, damaged, no Word body, XML that is not well-formed. */
  | 'docx-invalid'
  /** Protected by a password. */
  | 'docx-encrypted'
  /** Inflates past the limit (an archive bomb, or a limit set too low). */
  | 'docx-too-large'
  /** More entries than the limit. */
  | 'docx-too-many-entries'
  /** A Word 97–2003 file LibreOffice could not convert (or one that is not Word at all). */
  | 'doc-unreadable'
  /** A request the command cannot carry out (such as writing over the input). */
  | 'usage'
  | 'write-failed';

/**
 * A problem with an input file, reported to the user instead of a lint result.
 * The message is Chinese, names the file and says what to do.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly path: string;
  readonly code: InputErrorCode | (string & {});
  /** 1-based line of the offending character, when there is one (e.g. 'unencodable'). */
  readonly line?: number;
  /** 1-based column in UTF-16 code units. */
  readonly column?: number;

  constructor(
    path: string,
    code: InputErrorCode | (string & {}),
    message: string,
    position?: { line: number; column: number },
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.path = path;
    this.code = code;
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`, counting \r\n, \r and \n as breaks. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** 'U+00A0' style name of the character at `offset`, with the glyph when printable. */
export function describeChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff);
  return printable ? `“${String.fromCodePoint(cp)}”（${hex}）` : hex;
}
