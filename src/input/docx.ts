import { InputError } from './errors.js';
import { NumberingCounter, NumberingDefinitions } from './numbering.js';
import type { DocxParagraphInfo } from './types.js';
import { readWordBody, type WordBody, type WordParagraph } from './wordml.js';
import { parseXml } from './xml.js';
import { XmlSyntaxError } from './xml-tree.js';
import { formatSize, ZipArchive, ZipError, type ZipLimits } from './zip.js';

/**
 * .docx → text with one Word paragraph per line (line N = paragraph N), plus per-line heading level and the
 * automatic numbering Word renders, which is prefixed to the line. The package is read by our own bounded zip
 * reader (zip.ts) and the body by one walk that also maps every character back to the XML (wordml.ts), which
 * the annotator uses to put comments on the same characters the linter saw.
 */

export interface DocxText {
  text: string;
  docx: DocxParagraphInfo[];
}

/** Limits on reading a package: see zip.ts. */
export type DocxReadOptions = ZipLimits;

/** One line of the linted text: a Word paragraph with the number Word renders before it. */
export interface DocxLine {
  paragraph: WordParagraph;
  /** The automatic number ('一、') prefixed to the line, or ''. */
  prefix: string;
  /** Offset of the line in the linted text. */
  start: number;
}

/** An opened .docx: the archive, where its parts are, the body with its character map, and the linted text. */
export interface DocxPackage extends DocxText {
  zip: ZipArchive;
  /** Part name of the main document ('word/document.xml'). */
  documentPath: string;
  /** Part name of the main document's relationships ('word/_rels/document.xml.rels'). */
  relationshipsPath: string;
  relationshipsXml: string | undefined;
  body: WordBody;
  lines: DocxLine[];
}

/** Heading level 1–9 from a style name or id: 'heading 1', 'Heading1', '标题 1', '标题1'. */
export function headingLevelFromStyle(...names: (string | null | undefined)[]): number | undefined {
  for (const name of names) {
    const m = name ? /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim()) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

function invalid(path: string, detail: string, cause?: unknown, code = 'docx-invalid'): InputError {
  return new InputError(
    path,
    code,
    `无法读取 ${path}：${detail}。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    undefined,
    { cause },
  );
}

/** Whether the bytes are an OLE2 compound file (Word 97–2003, or an Office file encrypted with a password). */
export function isCompoundFile(buffer: Uint8Array): boolean {
  return buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0;
}

/** Whether a compound file is an encrypted Office Open XML package (it holds an "EncryptedPackage" stream). */
export function isEncryptedPackage(buffer: Uint8Array): boolean {
  return isCompoundFile(buffer) && Buffer.from(buffer).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

export function encryptedError(path: string): InputError {
  return new InputError(
    path,
    'docx-encrypted',
    `无法读取 ${path}：文档设置了打开密码（已加密）。请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再检查`,
  );
}

/** What a file that is not a zip archive is, by its first bytes, for the message. */
function notZipDetail(buffer: Uint8Array): string {
  const head = Buffer.from(buffer.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return '内容是 PDF 文件，不是 Word 文档';
  if (head.startsWith('{\\rtf')) return '内容是 RTF 格式，不是 .docx（只是改了扩展名）';
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('mime-version'))
    return '内容是网页格式，不是 .docx（只是改了扩展名）';
  return '文件不是有效的 .docx（不是 ZIP 压缩格式，可能已损坏或只是改了扩展名）';
}

/** The Chinese InputError for a ZipError. */
export function zipFailure(path: string, error: ZipError, buffer: Uint8Array): InputError {
  switch (error.code) {
    case 'not-zip':
      return invalid(path, notZipDetail(buffer), error);
    case 'too-large':
      return new InputError(
        path,
        'docx-too-large',
        `无法读取 ${path}：解压后超过 ${formatSize(error.limit ?? 0)}，可能不是正常的 Word 文档（压缩炸弹）。如确为正常文档，可用 --max-unzipped-size 调高上限`,
        undefined,
        { cause: error },
      );
    case 'too-many-entries':
      return new InputError(
        path,
        'docx-too-many-entries',
        `无法读取 ${path}：${error.message}，可能不是正常的 Word 文档`,
        undefined,
        { cause: error },
      );
    case 'encrypted':
      return encryptedError(path);
    default:
      return invalid(path, `压缩包已损坏（${error.message}）`, error);
  }
}

/** Target of the first relationship whose type ends with `/kind` in a .rels part, resolved against `base`. */
export function relationshipTarget(
  relsXml: string | undefined,
  kind: string,
  base: string,
): string | undefined {
  return relationshipTargets(relsXml, kind, base)[0];
}

/** Every internal part of a relationship type, in order, each once (a document has several headers). */
export function relationshipTargets(relsXml: string | undefined, kind: string, base: string): string[] {
  if (!relsXml) return [];
  const out: string[] = [];
  for (const r of parseXml(relsXml).children.flatMap((c) => c.children)) {
    const type = r.attributes.Type ?? '';
    const target = r.attributes.Target;
    if (target && type.endsWith(`/${kind}`) && r.attributes.TargetMode !== 'External') {
      const part = resolvePartName(base, target);
      if (!out.includes(part)) out.push(part);
    }
  }
  return out;
}

/** A relationship target as a part name: '/word/x.xml' or 'x.xml' relative to the folder `base` ('word/'). */
export function resolvePartName(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const resolved: string[] = [];
  for (const part of `${base}${target}`.split('/')) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/**
 * Open a .docx: the archive, the parts, the body with its character map, and the linted text. Synchronous and
 * free of I/O, so a server can call it on an upload. Throws InputError: 'docx-invalid' (not a zip, damaged, no
 * Word body, XML that is not well-formed), 'docx-encrypted', 'docx-too-large' (inflates past the limit, default
 * 64 MiB), 'docx-too-many-entries'.
 */
export function openDocx(buffer: Uint8Array, path: string, options: DocxReadOptions = {}): DocxPackage {
  if (isEncryptedPackage(buffer)) throw encryptedError(path);
  if (isCompoundFile(buffer)) {
    throw new InputError(
      path,
      'docx-invalid',
      `无法读取 ${path}：扩展名是 .docx，内容却是旧版 Word（.doc）格式或加密文档。请在 Word/WPS 中另存为 .docx（不设密码）后再检查`,
    );
  }
  let current = '';
  try {
    const zip = ZipArchive.open(buffer, options);
    const read = (name: string | undefined) => {
      if (name === undefined) return undefined;
      current = name;
      return zip.readText(name);
    };
    const documentPath =
      relationshipTarget(read('_rels/.rels'), 'officeDocument', '') ??
      (zip.entry('word/document.xml') ? 'word/document.xml' : undefined);
    const documentXml = read(documentPath);
    if (documentPath === undefined || documentXml === undefined) {
      throw invalid(
        path,
        zip.entry('xl/workbook.xml') || zip.entry('ppt/presentation.xml')
          ? '这是 Excel 表格或 PowerPoint 演示文稿，不是 Word 文档'
          : '压缩包中没有 Word 正文（word/document.xml），不是 Word 文档',
      );
    }
    const slash = documentPath.lastIndexOf('/');
    const folder = documentPath.slice(0, slash + 1);
    const relationshipsPath = `${folder}_rels/${documentPath.slice(slash + 1)}.rels`;
    const relationshipsXml = read(relationshipsPath);
    const numberingXml = read(
      relationshipTarget(relationshipsXml, 'numbering', folder) ?? `${folder}numbering.xml`,
    );
    const stylesXml = read(relationshipTarget(relationshipsXml, 'styles', folder) ?? `${folder}styles.xml`);
    current = documentPath;
    const body = readWordBody(documentXml);
    if (!body.body) throw invalid(path, 'Word 正文（document.xml）中没有 w:body，不是 Word 文档');

    const definitions = new NumberingDefinitions(numberingXml, stylesXml);
    const counter = new NumberingCounter(definitions);
    const texts: string[] = [];
    const docx: DocxParagraphInfo[] = [];
    const lines: DocxLine[] = [];
    let offset = 0;
    for (const paragraph of body.paragraphs) {
      const props = paragraph.props;
      const info: DocxParagraphInfo = {};
      let level = headingLevelFromStyle(definitions.paragraphStyleName(props.pStyle), props.pStyle);
      if (level === undefined) {
        const outline = definitions.outlineLevel(props);
        if (outline !== undefined && outline >= 0 && outline <= 8) level = outline + 1;
      }
      if (level !== undefined) info.headingLevel = level;
      const prefix = counter.next(props) ?? '';
      if (prefix) info.numberingPrefix = prefix;
      const breaks = paragraph.pieces.filter((piece) => piece.node.name === 'w:br');
      if (breaks.length > 0) info.lineBreaks = breaks.map((piece) => prefix.length + piece.at);
      const line = prefix + paragraph.text;
      texts.push(line);
      docx.push(info);
      lines.push({ paragraph, prefix, start: offset });
      offset += line.length + 1;
    }
    return {
      text: texts.join('\n'),
      docx,
      zip,
      documentPath,
      relationshipsPath,
      relationshipsXml,
      body,
      lines,
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof ZipError) throw zipFailure(path, error, buffer);
    if (error instanceof XmlSyntaxError) throw xmlFailure(path, current, error);
    throw error;
  }
}

/** The Chinese InputError for a part that is not well-formed XML: which part, where, what. */
export function xmlFailure(path: string, part: string, error: XmlSyntaxError): InputError {
  return invalid(
    path,
    `${part} 的 XML 格式有误（第 ${error.line} 行第 ${error.column} 列：${error.message}），文件可能已损坏`,
    error,
  );
}

/**
 * Read a .docx: one line per Word paragraph (joined with \n), each with its heading level (style 'heading N' /
 * '标题 N', else outline level) and the automatic number Word renders, which is prefixed to the line. Throws
 * InputError as `openDocx` does.
 */
export async function readDocx(
  buffer: Uint8Array,
  path: string,
  options: DocxReadOptions = {},
): Promise<DocxText> {
  const { text, docx } = openDocx(buffer, path, options);
  return { text, docx };
}
