import { selectFixes } from '../../engine/fix.js';
import { createLinter, type Linter } from '../../engine/linter.js';
import type { LintMessage, LintResult, LoadedRule, Severity } from '../../engine/types.js';
import {
  type DocxPackage,
  type DocxReadOptions,
  openDocx,
  relationshipTarget,
  relationshipTargets,
} from '../../input/docx.js';
import { describeChar } from '../../input/errors.js';
import type { SourceFile } from '../../input/types.js';
import { readWordStories } from '../../input/wordml.js';
import { writeZip, type ZipPart } from '../../input/zip.js';
import { buildModel } from '../../model/build.js';
import type { DocumentModel } from '../../model/types.js';
import { markedEnd } from '../marked-range.js';
import { buildSummary, cellSymbol, normCitation, reportFacts } from '../summary/index.js';
import { DocumentAnnotator } from './document.js';
import {
  type CommentText,
  ID_PARTS,
  largestId,
  removeOwnAnnotations,
  withCommentsContentType,
  withCommentsRelationship,
  writeComments,
} from './package.js';

/**
 * A reviewed copy of a Word document: every finding a comment (批注) on exactly the characters it covers, every
 * safe fix a tracked change (修订), one summary comment on the title; everything else in the package byte for
 * byte as it was. Pure: bytes in, bytes out, no file system (the CLI and the web server write the result).
 */

export const ANNOTATION_AUTHOR = 'fazhi-lint';

export interface AnnotateOptions extends DocxReadOptions {
  /** The linter to use (a server keeps one); default: the shipped rules with the config found from `cwd`. */
  linter?: Linter;
  /** Folder configs are looked up from and summary paths are relative to. Default process.cwd(). */
  cwd?: string;
  /** Safe fixes as tracked changes (default true); false: comments only. */
  trackChanges?: boolean;
  /** Time stamp of the comments and changes. Default now. */
  date?: Date;
}

export interface AnnotateResult {
  /** The annotated .docx. */
  bytes: Uint8Array;
  /** The findings, with offsets into the text the document was read as. */
  result: LintResult;
  /** Findings marked where they are. */
  comments: number;
  /** Safe fixes made tracked changes. */
  trackedChanges: number;
  /** Findings that could not be marked where they are (text boxes): listed in the summary comment instead. */
  unanchored: LintMessage[];
  /** Findings in headers, footers, footnotes and endnotes: listed in the summary comment. */
  outside: OutsideFinding[];
  /** Whether comments and changes of an earlier run were replaced. */
  replaced: boolean;
}

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * A finding in text outside the body. Its offsets and line are those of the passage it was found in (`passage`),
 * which is linted on its own with the rules that read any text (`Linter.lintPassage`).
 */
export interface OutsideFinding {
  /** Where the passage is, as Word names it: 页眉, 页脚, 脚注 2, 尾注 1. */
  where: string;
  passage: string;
  message: LintMessage;
}

/** The parts outside the body, by relationship type, with what Word calls them. */
const OUTSIDE_PARTS: { kind: string; name: string; numbered: boolean }[] = [
  { kind: 'header', name: '页眉', numbered: false },
  { kind: 'footer', name: '页脚', numbered: false },
  { kind: 'footnotes', name: '脚注', numbered: true },
  { kind: 'endnotes', name: '尾注', numbered: true },
];

/**
 * The findings in the headers, footers, footnotes and endnotes of a document. Word cannot anchor a comment in a
 * header or footer, so all of them are listed in the summary comment. The same header in several sections (first
 * page, odd and even pages) is checked once. A part that cannot be read is passed over: the body is what was asked.
 */
function outsideFindings(
  pkg: DocxPackage,
  folder: string,
  linter: Linter,
  fileName: string,
): OutsideFinding[] {
  const out: OutsideFinding[] = [];
  const seen = new Set<string>();
  for (const { kind, name, numbered } of OUTSIDE_PARTS) {
    for (const part of relationshipTargets(pkg.relationshipsXml, kind, folder)) {
      let stories: ReturnType<typeof readWordStories>;
      try {
        const xml = pkg.zip.readText(part);
        if (xml === undefined) continue;
        stories = readWordStories(xml);
      } catch {
        continue;
      }
      stories.forEach((story, i) => {
        const passage = story.paragraphs.map((p) => p.text).join('\n');
        const key = `${name}\0${passage}`;
        if (!passage.trim() || seen.has(key)) return;
        seen.add(key);
        const model = buildModel({
          path: fileName,
          format: 'text',
          text: passage,
          encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
        });
        const where = numbered ? `${name} ${i + 1}` : name;
        for (const message of linter.lintPassage(model).messages) out.push({ where, passage, message });
      });
    }
  }
  return out;
}

/** The summary comment's lines for the findings outside the body. */
function outsideLines(outside: OutsideFinding[]): string[] {
  if (outside.length === 0) return [];
  const lines = [
    `正文之外另有 ${outside.length} 处问题（页眉、页脚、脚注和尾注只查字词、标点、数字和提法）：`,
  ];
  for (const { where, passage, message: m } of outside) {
    const line = (passage.split('\n')[m.line - 1] ?? '').trim();
    const shown = line.length > 12 ? `${line.slice(0, 12)}…` : line;
    lines.push(`${where}“${shown}”：${m.message}（${m.ruleId} · ${SEVERITY[m.severity]}）`);
  }
  return lines;
}

/** A short, visible quotation of text for a comment (invisible characters named). */
function quote(text: string): string {
  if (/^[\s\u00a0\u200b-\u200f\u2028-\u202f\u205f-\u206f\ufeff]+$/u.test(text) || text === '') {
    return [...text].map((_, i) => describeChar(text, i)).join('、') || '（空）';
  }
  return `“${text.length > 30 ? `${text.slice(0, 29)}…` : text}”`;
}

/** What a fix does, in words: for a comment whose fix is not a tracked change. */
function describeFix(text: string, m: LintMessage): string {
  const fix = m.fix;
  if (!fix) return '';
  const old = text.slice(fix.range[0], fix.range[1]);
  if (!old) return `建议插入${quote(fix.text)}`;
  if (!fix.text) return `建议删去${quote(old)}`;
  return `建议将${quote(old)}改为${quote(fix.text)}`;
}

function findingComment(
  id: number,
  m: LintMessage,
  text: string,
  rules: Map<string, LoadedRule>,
  fix: 'tracked' | 'not-tracked' | 'none' | 'not-mappable',
): CommentText {
  const second = [`${m.ruleId} · ${SEVERITY[m.severity]}`];
  if (fix === 'tracked') second.push('已作修订，可在“审阅”中接受或拒绝');
  else if (fix === 'not-tracked') second.push(describeFix(text, m));
  else if (fix === 'not-mappable') second.push(`${describeFix(text, m)}（此处无法标为修订，请手动修改）`);
  const paragraphs = [m.message, second.join('；')];
  const description = rules.get(m.ruleId)?.description;
  if (description) paragraphs.push(`依据：${normCitation(description.replace(/\s*\n\s*/g, ''))}`);
  return { id, paragraphs };
}

/** Where the summary comment goes: the title, else the first paragraph with text, else the start. */
function summaryRange(model: DocumentModel): { start: number; end: number } {
  if (model.title) return { start: model.title.span.start, end: model.title.span.end };
  const first = model.paragraphs.find((p) => p.text.trim());
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}

function summaryComment(
  id: number,
  model: DocumentModel,
  result: LintResult,
  rules: LoadedRule[],
  cwd: string,
  tracked: number,
  unanchored: LintMessage[],
  outside: OutsideFinding[],
  pkg: DocxPackage,
): CommentText {
  const summary = buildSummary([{ result, facts: reportFacts(model) }], rules, cwd);
  const row = summary.rows[0];
  const paragraphs = [
    result.messages.length === 0
      ? 'fazhi-lint 检查结果：未发现问题'
      : `fazhi-lint 检查结果：错误 ${result.errorCount} 处，警告 ${result.warningCount} 处，提示 ${result.infoCount} 处`,
  ];
  if (row) {
    const cells = summary.columns.map(
      (c) =>
        `${c.label} ${cellSymbol(row.cells[c.id] ?? { status: 'pass', errors: 0, warnings: 0, infos: 0 })}`,
    );
    paragraphs.push(
      `必查项：${cells.join('　')}`,
      '✓ 通过　✗ 有错误　! 只有警告（符号后的数字为问题个数；提示不计）',
    );
  }
  if (tracked > 0) paragraphs.push(`已将 ${tracked} 处可安全修复的问题标为修订，可在“审阅”中逐条接受或拒绝`);
  if (unanchored.length > 0) {
    paragraphs.push(`以下 ${unanchored.length} 处问题在文本框中，无法在原处批注：`);
    for (const m of unanchored) {
      const line = pkg.lines[m.line - 1];
      const where = line ? line.paragraph.text.trim().slice(0, 12) : '';
      paragraphs.push(
        `文本框“${where}${where.length >= 12 ? '…' : ''}”：${m.message}（${m.ruleId} · ${SEVERITY[m.severity]}）`,
      );
    }
  }
  paragraphs.push(...outsideLines(outside));
  return { id, paragraphs };
}

/** An XML part as UTF-8 bytes (a UTF-16 part's declaration says so no longer). */
function xmlBytes(xml: string): Uint8Array {
  return Buffer.from(xml.replace(/^(<\?xml[^>]*encoding=["'])utf-16(?:le|be)?(["'])/i, '$1UTF-8$2'), 'utf8');
}

/** The document without fazhi-lint's own earlier comments and changes, or null when it has none. */
function withoutOwnAnnotations(pkg: DocxPackage, commentsPart: string | undefined): Uint8Array | null {
  const marker = `author="${ANNOTATION_AUTHOR}"`;
  const commentsXml = commentsPart ? pkg.zip.readText(commentsPart) : undefined;
  if (!pkg.body.xml.includes(marker) && !commentsXml?.includes(marker)) return null;
  const stripped = removeOwnAnnotations(pkg.body.xml, commentsXml, ANNOTATION_AUTHOR);
  if (!stripped) return null;
  const parts: ZipPart[] = pkg.zip.entries.map((entry) => {
    if (entry === pkg.zip.entry(pkg.documentPath))
      return { name: entry.name, data: xmlBytes(stripped.documentXml) };
    if (commentsPart && entry === pkg.zip.entry(commentsPart) && stripped.commentsXml !== undefined)
      return { name: entry.name, data: xmlBytes(stripped.commentsXml) };
    return { entry };
  });
  return writeZip(pkg.zip, parts, new Date());
}

/**
 * Annotate a .docx. Throws InputError for input that is not a readable .docx ('docx-invalid', 'docx-encrypted',
 * 'docx-too-large', 'docx-too-many-entries'; see `openDocx`); a Word 97 file must be converted first
 * (`wordBytes` / `convertDocToDocx`).
 */
export async function annotateDocx(
  bytes: Uint8Array,
  fileName: string,
  options: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits: DocxReadOptions = {};
  if (options.maxUnzippedSize !== undefined) limits.maxUnzippedSize = options.maxUnzippedSize;
  if (options.maxEntries !== undefined) limits.maxEntries = options.maxEntries;
  const linter = options.linter ?? (await createLinter({ cwd }));

  let pkg = openDocx(bytes, fileName, limits);
  const folder = pkg.documentPath.slice(0, pkg.documentPath.lastIndexOf('/') + 1);
  const commentsPart = relationshipTarget(pkg.relationshipsXml, 'comments', folder);
  const stripped = withoutOwnAnnotations(pkg, commentsPart);
  if (stripped) pkg = openDocx(stripped, fileName, limits);

  const source: SourceFile = {
    path: fileName,
    format: 'docx',
    text: pkg.text,
    encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
    docx: pkg.docx,
  };
  const model = buildModel(source);
  const result = linter.lintModel(model);

  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const existingComments = commentsPart ? pkg.zip.readText(commentsPart) : undefined;
  const idParts = [pkg.body.xml, existingComments];
  for (const kind of ID_PARTS) {
    for (const part of relationshipTargets(pkg.relationshipsXml, kind, folder)) {
      if (part !== commentsPart) idParts.push(pkg.zip.readText(part));
    }
  }
  let lastId = largestId(idParts);
  const stamp = { author: ANNOTATION_AUTHOR, initials: 'FL', date, nextId: () => ++lastId };
  const annotator = new DocumentAnnotator(pkg, stamp);

  const summaryId = stamp.nextId();
  const where = summaryRange(model);
  annotator.addComment(summaryId, where.start, where.end);

  const rules = new Map(linter.rules.map((r) => [r.id, r]));
  const fixable = new Set(options.trackChanges === false ? [] : selectFixes(pkg.text, result.messages));
  const comments: CommentText[] = [];
  const unanchored: LintMessage[] = [];
  let trackedChanges = 0;
  for (const m of result.messages) {
    const id = stamp.nextId();
    if (!annotator.addComment(id, m.start, markedEnd(pkg.text, m.start, m.end))) {
      unanchored.push(m);
      continue;
    }
    let fix: 'tracked' | 'not-tracked' | 'none' | 'not-mappable' = m.fix ? 'not-tracked' : 'none';
    if (m.fix && fixable.has(m)) {
      if (annotator.addTrackedChange(m.fix, m.start)) {
        fix = 'tracked';
        trackedChanges++;
      } else fix = 'not-mappable';
    }
    comments.push(findingComment(id, m, pkg.text, rules, fix));
  }
  const outside = outsideFindings(pkg, folder, linter, fileName);
  comments.unshift(
    summaryComment(summaryId, model, result, linter.rules, cwd, trackedChanges, unanchored, outside, pkg),
  );

  // The parts that change; every other entry is copied as it is.
  const changed = new Map<string, string>();
  changed.set(pkg.documentPath, annotator.render());
  const relationships = withCommentsRelationship(pkg.relationshipsXml, folder);
  if (relationships.changed) changed.set(pkg.relationshipsPath, relationships.xml);
  changed.set(relationships.part, writeComments(existingComments, comments, stamp));
  const contentTypes = pkg.zip.readText('[Content_Types].xml');
  const types = contentTypes === undefined ? null : withCommentsContentType(contentTypes, relationships.part);
  if (types !== null) changed.set('[Content_Types].xml', types);

  const parts: ZipPart[] = [];
  for (const entry of pkg.zip.entries) {
    const name = [...changed.keys()].find((n) => pkg.zip.entry(n) === entry);
    if (name === undefined) parts.push({ entry });
    else {
      parts.push({ name: entry.name, data: xmlBytes(changed.get(name) as string) });
      changed.delete(name);
    }
  }
  for (const [name, xml] of changed) parts.push({ name, data: xmlBytes(xml) });
  return {
    bytes: writeZip(pkg.zip, parts, options.date ?? new Date()),
    result,
    comments: comments.length - 1,
    trackedChanges,
    unanchored,
    outside,
    replaced: stripped !== null,
  };
}
