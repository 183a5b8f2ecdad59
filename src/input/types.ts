/** Which parser models a document. `.docx` arrives as text with one Word paragraph per line. */
export type SourceFormat = 'markdown' | 'text' | 'docx';

/** How a text file was stored, so `--fix` can write it back byte-compatible. */
export interface TextEncodingInfo {
  /**
   * WHATWG encoding name: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030' (what detection gives for GBK files);
   * 'gbk', 'big5' … only when forced with --encoding or detected for non-Chinese text.
   */
  encoding: string;
  bom: boolean;
  /** Dominant line ending of the original file. */
  eol: '\n' | '\r\n' | '\r';
  /** True when the encoding was detected (not UTF-8 and not forced), so messages can say what was assumed. */
  detected: boolean;
  /**
   * True when some bytes could not be decoded and were replaced by U+FFFD, so the text no longer
   * matches the file; `--fix` refuses to write such a file back.
   */
  lossy?: boolean;
}

/** Per-line facts only a .docx carries (Word heading styles, automatic list numbers). */
export interface DocxParagraphInfo {
  /** 1-based Word heading level from the paragraph style (Heading 1 / 标题 1), if any. */
  headingLevel?: number;
  /** The automatic number Word would render before the text (e.g. '一、'), already prefixed to the line text. */
  numberingPrefix?: string;
  /** Offsets in the line of the spaces that stand for Word line breaks (Shift+Enter): no space the drafter typed. */
  lineBreaks?: number[];
}

/** A document ready to be modelled: decoded text plus where it came from. */
export interface SourceFile {
  /** Path as the user gave it (or the --stdin-filename). */
  path: string;
  format: SourceFormat;
  /** Decoded text, BOM removed, line endings preserved as in the file. */
  text: string;
  encoding: TextEncodingInfo;
  /** Only for .docx: one entry per line of `text`. */
  docx?: DocxParagraphInfo[];
  /** Size and modification time when read from disk, so `--fix` can refuse a file changed meanwhile. */
  stat?: { size: number; mtimeMs: number };
}
