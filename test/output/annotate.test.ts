import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyFixes, selectFixes } from '../../src/engine/fix.js';
import { createLinter, type Linter } from '../../src/engine/linter.js';
import type { LintMessage, LintResult } from '../../src/engine/types.js';
import { type DocxLine, type DocxPackage, openDocx } from '../../src/input/docx.js';
import { writeZip, ZipArchive, type ZipPart } from '../../src/input/zip.js';
import { buildModel } from '../../src/model/build.js';
import { ANNOTATION_AUTHOR, type AnnotateResult, annotateDocx } from '../../src/output/annotate/index.js';
import { removeOwnAnnotations } from '../../src/output/annotate/package.js';
import { replacements } from '../../src/output/diff.js';
import { convertAll, type OdtDocument, readOdt, SOFFICE } from '../helpers/libreoffice.js';
import { FIXTURES } from '../input/helpers.js';

/**
 * The annotated copies of the fixtures and of the five seeds made into .docx, judged by LibreOffice Writer (every
 * comment with its anchored text, every tracked change), by byte comparison of the package, and by reading them
 * back with the changes accepted and rejected.
 */

const DATE = new Date('2024-03-02T08:00:00Z');
const FILES = [
  ...['headings.docx', 'numbering.docx', 'rich.docx'].map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'seeds')).map((f) => join(FIXTURES, 'seeds', f)),
];
const name = (f: string) => f.slice(FIXTURES.length + 1);

interface Case {
  file: string;
  original: DocxPackage;
  originalResult: LintResult;
  annotated: AnnotateResult;
  out: string;
}

let linter: Linter;
let dir: string;
const cases = new Map<string, Case>();
let odt = new Map<string, string>();

function lint(text: string, docx: DocxPackage['docx'], path: string): LintResult {
  return linter.lintModel(
    buildModel({
      path,
      format: 'docx',
      text,
      encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
      docx,
    }),
  );
}

/** The messages without what depends on offsets' meaning only (for comparing two lint runs). */
const shape = (r: LintResult) =>
  r.messages.map(({ ruleId, message, line, column, endLine, endColumn }) => ({
    ruleId,
    message,
    line,
    column,
    endLine,
    endColumn,
  }));

beforeAll(async () => {
  linter = await createLinter({ cwd: FIXTURES });
  dir = mkdtempSync(join(tmpdir(), 'fazhi-annotate-'));
  for (const file of FILES) {
    const bytes = readFileSync(file);
    const original = openDocx(bytes, file);
    const annotated = await annotateDocx(bytes, file, { linter, cwd: FIXTURES, date: DATE });
    const out = join(dir, name(file).replace(/[/]/g, '_'));
    writeFileSync(out, annotated.bytes);
    cases.set(file, {
      file,
      original,
      originalResult: lint(original.text, original.docx, file),
      annotated,
      out,
    });
  }
  if (SOFFICE) odt = convertAll([...cases.values()].map((c) => c.out));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixes made tracked changes: one pass of --fix's choice, less those of findings in text boxes. */
function trackedFixes(c: Case): LintMessage[] {
  return selectFixes(c.original.text, c.annotated.result.messages).filter(
    (m) => !c.annotated.unanchored.includes(m),
  );
}

/**
 * What LibreOffice should show a comment anchored on: the characters of [start, end) without automatic numbers,
 * paragraphs joined by \n, tracked changes applied (deleted text is not in the body, inserted text is: an insertion
 * at the end of its finding belongs to comments ending there, one elsewhere to comments starting there).
 */
function expectedAnchor(c: Case, m: { start: number; end: number }): string {
  const { text, lines } = c.original;
  const lineOf = (o: number) => lines.findLast((l) => l.start <= o) as DocxLine;
  const charOf = (o: number) => {
    const l = lineOf(o);
    return Math.min(l.paragraph.text.length, Math.max(0, o - l.start - l.prefix.length));
  };
  const s = m.start;
  let e = Math.max(m.start, m.end);
  // A finding over several paragraphs is marked on its first one only.
  const lineEnd = text.indexOf('\n', s);
  if (lineEnd > s && lineEnd < e) e = lineEnd;
  if (e > s && lineOf(e) !== lineOf(s) && e === lineOf(e).start) e--;
  const first = lineOf(s);
  if (first.paragraph.cell !== lineOf(e).paragraph.cell)
    e = first.start + first.prefix.length + first.paragraph.text.length;
  if (lineOf(e) === first && charOf(s) >= charOf(e)) return '';
  // The fixes as the annotator writes them: their smallest replacements (paragraph deletions: one).
  const fixes = trackedFixes(c).flatMap((m) => {
    const f = m.fix as { range: [number, number]; text: string };
    const old = text.slice(...f.range);
    const parts =
      old.includes('\n') && !f.text ? [{ start: 0, end: old.length, text: '' }] : replacements(old, f.text);
    return parts.map((r) => ({
      range: [f.range[0] + r.start, f.range[0] + r.end] as [number, number],
      text: r.text,
      atEnd: f.range[0] + r.start > m.start,
    }));
  });
  let out = '';
  for (let i = s; i <= e; i++) {
    for (const f of fixes) {
      if (f.range[1] !== i) continue;
      const replaces = f.range[0] < f.range[1];
      if (replaces ? i > s : (s < i && i < e) || (i === e && f.atEnd) || (i === s && !f.atEnd)) out += f.text;
    }
    if (i === e) break;
    const line = lineOf(i);
    if (fixes.some((f) => f.range[0] <= i && i < f.range[1])) continue;
    if (text[i] !== '\n' && i < line.start + line.prefix.length) continue;
    out += text[i];
  }
  return out;
}

describe.each(FILES.map((f) => [name(f), f]))('%s', (_, file) => {
  const get = () => cases.get(file) as Case;

  test('every finding is a comment; the findings are those of the original', () => {
    const c = get();
    expect(shape(c.annotated.result)).toEqual(shape(c.originalResult));
    expect(c.annotated.comments + c.annotated.unanchored.length).toBe(c.originalResult.messages.length);
    expect(c.annotated.trackedChanges).toBe(trackedFixes(c).length);
  });

  test.skipIf(!SOFFICE)(
    'LibreOffice opens it and finds every comment on its characters, and every change',
    () => {
      const c = get();
      const converted = odt.get(c.out);
      expect(converted, 'LibreOffice could not open the annotated copy').toBeDefined();
      const doc: OdtDocument = readOdt(converted as string);
      const ours = doc.comments.filter((x) => x.author === ANNOTATION_AUTHOR);
      expect(ours).toHaveLength(c.annotated.comments + 1);
      const summary = ours.filter((x) => x.paragraphs[0]?.startsWith('fazhi-lint 检查结果'));
      expect(summary).toHaveLength(1);
      const anchoredMessages = c.annotated.result.messages.filter((m) => !c.annotated.unanchored.includes(m));
      const expected = anchoredMessages
        .map((m) => [m.message, `${m.ruleId} · `, expectedAnchor(c, m)])
        .sort();
      const actual = ours
        .filter((x) => x !== summary[0])
        .map((x) => [x.paragraphs[0], (x.paragraphs[1] ?? '').replace(/(· )\S+.*$/, '$1'), x.anchored])
        .sort();
      expect(actual).toEqual(expected);
      const changes = doc.changes.filter((x) => x.author === ANNOTATION_AUTHOR);
      // The body as LibreOffice shows it with the changes: the text with one pass of fixes applied, without
      // automatic numbers (list labels are not text there), blank paragraphs and text boxes.
      const accepted = openDocx(c.annotated.bytes, file);
      const shown = accepted.lines
        .filter((l) => !l.paragraph.textBox)
        .map((l) => l.paragraph.text)
        .filter((t) => t !== '');
      expect(doc.text.split('\n').filter((t) => t !== '')).toEqual(shown);
      expect(changes.every((x) => x.type === 'deletion' || x.type === 'insertion')).toBe(true);
      if (c.annotated.trackedChanges === 0) expect(changes).toEqual([]);
    },
  );

  test('everything but the annotated parts is byte for byte the original', () => {
    const c = get();
    const before = ZipArchive.open(readFileSync(file));
    const after = ZipArchive.open(c.annotated.bytes);
    const stored = (z: ZipArchive, n: string) => {
      const e = z.entry(n);
      return e ? Buffer.from(z.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)) : undefined;
    };
    const edited = [
      'word/document.xml',
      'word/comments.xml',
      'word/_rels/document.xml.rels',
      '[Content_Types].xml',
    ];
    for (const e of before.entries) {
      if (!edited.includes(e.name)) expect(stored(after, e.name), e.name).toEqual(stored(before, e.name));
    }
    expect(after.entries.map((e) => e.name).filter((n) => !before.entry(n))).toEqual(
      before.entry('word/comments.xml') ? [] : ['word/comments.xml'],
    );
    // The body: with fazhi-lint's markup taken out again, section properties and every paragraph's text are as
    // they were.
    const body = after.readText('word/document.xml') as string;
    const original = before.readText('word/document.xml') as string;
    const sectPr = (xml: string) => xml.slice(xml.lastIndexOf('<w:sectPr'), xml.lastIndexOf('</w:body>'));
    expect(sectPr(body)).toBe(sectPr(original));
    const stripped = removeOwnAnnotations(body, after.readText('word/comments.xml'), ANNOTATION_AUTHOR);
    expect(stripped).not.toBeNull();
    expect(before.readText('word/comments.xml')).toBe(
      before.entry('word/comments.xml') ? stripped?.commentsXml : undefined,
    );
  });

  test('read with the changes accepted: one pass of fixes applied, the rest unchanged', () => {
    const c = get();
    const accepted = openDocx(c.annotated.bytes, file);
    const tracked = trackedFixes(c);
    const fixed = applyFixes(c.original.text, tracked).output;
    expect(accepted.text).toBe(fixed);
    // Whole paragraphs deleted (page residue) are gone from the structure too; the others keep theirs.
    const gone = (l: DocxLine, i: number) => {
      const end = c.original.lines[i + 1]?.start;
      return tracked.some(
        (t) =>
          !t.fix?.text && t.fix?.range[0] === l.start && end !== undefined && (t.fix?.range[1] ?? 0) >= end,
      );
    };
    expect(accepted.docx).toEqual(
      c.original.docx.filter((_, i) => !gone(c.original.lines[i] as DocxLine, i)),
    );
    const after = lint(accepted.text, accepted.docx, file);
    expect(shape(after)).toEqual(shape(lint(fixed, accepted.docx, file)));
    // Every finding away from the changed text is still there.
    const key = (m: LintMessage) => `${m.ruleId}\0${m.message}`;
    const touched = (m: LintMessage) =>
      tracked.some((t) => (t.fix?.range[0] ?? 0) <= m.end && m.start <= (t.fix?.range[1] ?? 0));
    const untouched = c.originalResult.messages.filter((m) => !touched(m)).map(key);
    for (const k of untouched) expect(after.messages.map(key)).toContain(k);
  });

  test('read with the changes rejected: the original text and findings', async () => {
    const c = get();
    // Annotating again first takes fazhi-lint's comments out and rejects its changes: the same findings, once.
    const again = await annotateDocx(c.annotated.bytes, file, { linter, cwd: FIXTURES, date: DATE });
    expect(again.replaced).toBe(true);
    expect(shape(again.result)).toEqual(shape(c.originalResult));
    const comments = ZipArchive.open(again.bytes).readText('word/comments.xml') as string;
    expect(comments.split(`w:author="${ANNOTATION_AUTHOR}"`).length - 1).toBe(c.annotated.comments + 1);
    const zip = ZipArchive.open(c.annotated.bytes);
    const rejected = removeOwnAnnotations(
      zip.readText('word/document.xml') as string,
      zip.readText('word/comments.xml'),
      ANNOTATION_AUTHOR,
    );
    const original = ZipArchive.open(readFileSync(file)).readText('word/comments.xml');
    if (original === undefined) expect(rejected?.commentsXml).not.toMatch(/<w:comment\b/);
    else expect(rejected?.commentsXml).toBe(original);
    const text = openDocx(again.bytes, file).text;
    expect(text).toBe(openDocx(c.annotated.bytes, file).text);
  });
});

describe('rich.docx: what the author had stays', () => {
  test.skipIf(!SOFFICE)("the author's comment and tracked changes, next to fazhi-lint's", () => {
    const c = cases.get(join(FIXTURES, 'rich.docx')) as Case;
    const doc = readOdt(odt.get(c.out) as string);
    expect(doc.comments.filter((x) => x.author === '张三')).toEqual([
      {
        author: '张三',
        paragraphs: ['请补充学法的具体时间。'],
        anchored: '镇党委理论学习中心组开展专题学法4次，组织领导干部旁听庭审1次，',
      },
    ]);
    expect(doc.changes.filter((x) => x.author === '张三').map((x) => [x.type, x.text])).toEqual([
      ['insertion', ''],
      ['deletion', '和有关精神'],
    ]);
  });

  test('the finding in the text box is listed in the summary comment with where it is', () => {
    const c = cases.get(join(FIXTURES, 'rich.docx')) as Case;
    expect(c.annotated.unanchored.map((m) => m.ruleId)).toEqual(['formulation']);
    const comments = ZipArchive.open(c.annotated.bytes).readText('word/comments.xml') as string;
    expect(comments).toContain('以下 1 处问题在文本框中，无法在原处批注：');
    expect(comments).toContain('文本框“文本框中的法制宣传”：');
  });

  test('the placeholder in the header is listed in the summary comment with where it is', () => {
    const c = cases.get(join(FIXTURES, 'rich.docx')) as Case;
    expect(c.annotated.outside.map((o) => [o.where, o.message.ruleId, o.message.line])).toEqual([
      ['页眉', 'placeholder', 1],
    ]);
    const comments = ZipArchive.open(c.annotated.bytes).readText('word/comments.xml') as string;
    expect(comments).toContain('正文之外另有 1 处问题（页眉、页脚、脚注和尾注只查字词、标点、数字和提法）：');
    expect(comments).toContain(
      '页眉“某某镇人民政府文件”：“某某”是模板中未填写的占位名称，请填入实际内容（placeholder · 错误）',
    );
  });

  test("new ids never collide with the author's", () => {
    const c = cases.get(join(FIXTURES, 'rich.docx')) as Case;
    const zip = ZipArchive.open(c.annotated.bytes);
    const comments = zip.readText('word/comments.xml') as string;
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('0');
    const body = zip.readText('word/document.xml') as string;
    const revisionIds = [...body.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(revisionIds).size).toBe(revisionIds.length);
    // The author's: comment 0, bookmark 0, tracked changes 90 and 91.
    for (const id of [...ids, ...revisionIds].filter((x) => !['0', '90', '91'].includes(x as string)))
      expect(Number(id)).toBeGreaterThan(91);
  });
});

describe('headers, footers, footnotes and endnotes', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  /** rich.docx with a second header like the first, footnotes and endnotes added. */
  function withNotes(): Uint8Array {
    const zip = ZipArchive.open(readFileSync(join(FIXTURES, 'rich.docx')));
    const added: Record<string, string> = {
      'word/header2.xml': zip.readText('word/header1.xml') as string,
      'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">${p('依据《行政处罚法》')}</w:footnote><w:footnote w:id="2">${p('数据来源于本镇司法所,截至年底')}</w:footnote></w:footnotes>`,
      'word/endnotes.xml': `<w:endnotes ${W}><w:endnote w:id="1">${p('加强法制宣传教育')}</w:endnote></w:endnotes>`,
    };
    const rels = (zip.readText('word/_rels/document.xml.rels') as string).replace(
      '</Relationships>',
      `<Relationship Id="rId20" Type="${REL}/header" Target="header2.xml"/><Relationship Id="rId21" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId22" Type="${REL}/endnotes" Target="endnotes.xml"/></Relationships>`,
    );
    const parts: ZipPart[] = zip.entries.map((entry) =>
      entry.name === 'word/_rels/document.xml.rels'
        ? { name: entry.name, data: Buffer.from(rels) }
        : { entry },
    );
    for (const [name, xml] of Object.entries(added)) parts.push({ name, data: Buffer.from(xml) });
    return writeZip(zip, parts, DATE);
  }

  test('each finding is listed once with the part Word names, numbered as Word numbers notes', async () => {
    const bytes = withNotes();
    const annotated = await annotateDocx(bytes, 'notes.docx', { linter, cwd: FIXTURES, date: DATE });
    expect(annotated.outside.map((o) => `${o.where} ${o.message.ruleId} ${o.message.message}`)).toEqual([
      '页眉 placeholder “某某”是模板中未填写的占位名称，请填入实际内容',
      '脚注 2 punctuation-width 半角“,”应改为全角“，”：中文行文使用全角标点（GB/T 15834）',
      '尾注 1 formulation “法制宣传”不是规范表述，应写作“法治宣传”',
    ]);
    const zip = ZipArchive.open(annotated.bytes);
    const comments = zip.readText('word/comments.xml') as string;
    expect(comments).toContain('正文之外另有 3 处问题');
    expect(comments).toContain('脚注 2“数据来源于本镇司法所,截…”：半角“,”应改为全角“，”');
    // Listed, not edited: the parts outside the body are copied as they were.
    const original = ZipArchive.open(bytes);
    for (const part of ['word/header1.xml', 'word/header2.xml', 'word/footnotes.xml', 'word/endnotes.xml'])
      expect(zip.readText(part)).toBe(original.readText(part));
  });

  test("the body's findings are those of the CLI: the notes are not in its text", async () => {
    const annotated = await annotateDocx(withNotes(), 'notes.docx', { linter, cwd: FIXTURES, date: DATE });
    const plain = cases.get(join(FIXTURES, 'rich.docx')) as Case;
    expect(shape(annotated.result)).toEqual(shape(plain.annotated.result));
  });
});
