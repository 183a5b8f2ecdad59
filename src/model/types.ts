import type { SourceFile, SourceFormat } from '../input/types.js';

/** A 1-based line of the document. `start`/`end` are offsets; `end` excludes the line break. */
export interface Line {
  number: number;
  start: number;
  end: number;
  text: string;
}

/** A half-open offset range [start, end) in UTF-16 code units of `DocumentModel.text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The marker families of official numbering, and the enumeration lead 一是/二是. */
export type MarkerStyle =
  | 'markdown' // '#', '##' …
  | 'style' // a Word heading style
  | 'cn' // 一、
  | 'paren-cn' // （一） or (一)
  | 'arabic' // 1. 1． 1、
  | 'paren-arabic' // （1） or (1)
  | 'enum'; // 一是 二是

export interface Heading {
  /** 1 for 一、 and #; 2 for （一）; 3 for 1.; 4 for （1）; enumeration leads sit one below their section. */
  level: number;
  style: MarkerStyle;
  /** The numbering as written ('一、', '（二）', '1．', '三是'), empty for Markdown and style headings. */
  marker: string;
  /** Numeric value of the marker (一 → 1, （十二）→ 12), null when there is none. */
  ordinal: number | null;
  /** Marker and heading text, up to the first 。：: of a run-in heading (inclusive of marker, exclusive of stop). */
  span: Span;
  /** Offset where the marker starts. */
  markerStart: number;
  /** Heading text without marker and without trailing punctuation. */
  text: string;
  /** True when the paragraph continues with body text after the heading (run-in heading). */
  runIn: boolean;
  paragraph: Paragraph;
}

export interface Paragraph {
  /** Offsets of the paragraph's trimmed content. */
  start: number;
  end: number;
  text: string;
  /** First and last 1-based line. */
  line: number;
  endLine: number;
  /** The heading this paragraph opens with, if any. */
  heading?: Heading;
  /** Role assigned by the model. */
  role: 'title' | 'residue' | 'body' | 'heading' | 'closing' | 'addressee';
}

/** A node of the section tree. The root has no heading and spans the body. */
export interface Section {
  heading: Heading | null;
  level: number;
  parent: Section | null;
  children: Section[];
  /** From the heading's start to the start of the next heading at the same or a higher level. */
  start: number;
  end: number;
  line: number;
  endLine: number;
  /** Paragraphs whose start lies inside the section (including those of sub-sections). */
  paragraphs: Paragraph[];
}

export interface Title {
  span: Span;
  line: number;
  /** Issuer named in the title (沩山镇 / 眉山市东坡区崇礼镇人民政府), null when the title names none. */
  issuer: string | null;
  year: number | null;
}

export interface ClosingBlock {
  /** Signer lines (发文机关署名), in order. */
  signers: Span[];
  /** The date line, trimmed, when one is found (in any form; closing-date judges the form). */
  date: Span | null;
  /** Offset of the first character of the block; equals the end of the body text when empty. */
  start: number;
  /** Last substantive line of the document (where a missing signer/date is reported). */
  lastLine: Line | null;
}

/** Word tokens with offsets, from the shared segmenter (computed lazily, once per document). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/** A word with its part of speech (jieba's tags: v verb, m numeral, t time word, x punctuation…). */
export interface TaggedToken extends Token {
  tag: string;
}

/**
 * The document, parsed once and shared by every rule. Fields are computed on construction except the
 * ones behind methods, which are computed on first use and cached.
 */
export interface DocumentModel {
  source: SourceFile;
  format: SourceFormat;
  text: string;
  lines: Line[];
  paragraphs: Paragraph[];
  /** Structural headings in document order (Markdown, Word styles, official numbering 一、（一）1.（1）). */
  headings: Heading[];
  /** Enumeration leads 一是/二是…, at a paragraph start or after a sentence end, in document order. */
  enumerations: Heading[];
  /** Section tree; `root.children` are the level-1 sections. */
  root: Section;
  title: Title | null;
  /** Report year: from the title, else from the first NNNN年 of the body. */
  year: number | null;
  /** How the body refers to its own unit (镇 for 我镇, 县 for 我县…), the most frequent, or null. */
  selfReference: string | null;
  closing: ClosingBlock;
  /** Lines the model classified as page residue (navigation, metadata, share prompts…), with their kind (导航路径…). */
  residueLines: Map<number, string>;
  /** Offset ranges a rule must ignore: Markdown code, HTML comments, front matter. */
  ignoredRanges: Span[];
  /** Suppression directives from Markdown comments. */
  directives: Directive[];

  /** 1-based line and UTF-16 column + 1 of an offset. */
  positionAt(offset: number): { line: number; column: number };
  offsetAt(line: number, column: number): number;
  /** The line containing an offset. */
  lineAt(offset: number): Line;
  /** Word tokens of the whole text (jieba with the domain dictionary), computed on first call. */
  tokens(): Token[];
  /**
   * Whether a word of `tokens()` starts or ends at an offset, segmenting only the clause around it (once per
   * clause): what a lexicon rule needs, at a fraction of the cost of segmenting the whole text.
   */
  isWordBoundary(offset: number): boolean;
  /**
   * The word holding an offset, with its part of speech, tagging only the clause around it (once per clause); null
   * outside the text. A punctuation mark or line break is a word of its own, tagged `x`.
   */
  wordAt(offset: number): TaggedToken | null;
  /** The innermost section containing an offset. */
  sectionAt(offset: number): Section;
  /** The UTF-16 code units of `text` (computed on first call): loops over every character run faster on them. */
  codes(): Uint16Array;
  /** Offsets of the punctuation marks of `INDEXED_MARKS` (model/marks.ts), ascending; computed on first call. */
  marks(): Int32Array;
  /**
   * A fact that shared kind code derives from this document (the report's parts, its URLs…): `compute` runs on the
   * first call for `key`, later calls return its value. Kept on the model, so it goes when the model goes; a
   * module-level WeakMap keyed by the model would do the same in theory, but V8's young-generation collector keeps
   * the values of an old WeakMap alive, and every model would reach the old generation with them.
   */
  derived<T>(key: object, compute: (model: DocumentModel) => T): T;
}

/** `<!-- fazhi-lint-disable rule -->` and friends, as parsed from Markdown comments. */
export interface Directive {
  type: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means all rules. */
  rules: string[];
  line: number;
  offset: number;
}
