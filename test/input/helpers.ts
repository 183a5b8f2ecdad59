import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { onTestFinished } from 'vitest';
import { writeZip } from '../../src/input/zip.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/input');
export const fixture = (name: string) => join(FIXTURES, name);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Lines of the report fixture (fixtures/input/make-text.mjs), LF, ending with a newline. */
export const REPORT_TEXT = [
  '某某镇2023年法治政府建设年度报告',
  '',
  '2023年，某某镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。',
  '',
  '一、主要举措和成效',
  '（一）加强党对法治政府建设的领导。镇党委理论学习中心组开展专题学法4次，组织领导干部旁听庭审1次。',
  '（二）深化“放管服”改革。全年办理政务服务事项12,356件，按时办结率100%。',
  '二、存在的不足和原因',
  '部分执法人员业务能力有待提高，行政执法规范化水平仍需提升。',
  '三、下一步工作打算',
  '持续推进严格规范公正文明执法，加快建设法治政府。',
  '',
  '某某镇人民政府',
  '2024年3月1日',
  '',
].join('\n');

/** A temporary folder removed after the current test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-input-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A zip of text parts, in order (our writer: jszip is no longer a dependency). */
export function makeZip(parts: Record<string, string | Uint8Array>): Buffer {
  return Buffer.from(
    writeZip(
      null,
      Object.entries(parts).map(([name, data]) => ({
        name,
        data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
      })),
      new Date(2024, 2, 1),
    ),
  );
}

/** The parts of a minimal .docx around a w:body fragment, with optional styles.xml and numbering.xml bodies. */
export function docxParts(
  body: string,
  parts: { styles?: string; numbering?: string } = {},
): Record<string, string> {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  };
  const rels: string[] = [];
  if (parts.styles !== undefined) {
    rels.push(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    );
    files['word/styles.xml'] = `<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`;
  }
  if (parts.numbering !== undefined) {
    rels.push(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
    );
    files['word/numbering.xml'] = `<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`;
  }
  files['word/_rels/document.xml.rels'] =
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  files['word/document.xml'] =
    `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}</w:body></w:document>`;
  return files;
}

/** A minimal .docx around a w:body fragment, with optional styles.xml and numbering.xml bodies. */
export async function makeDocx(
  body: string,
  parts: { styles?: string; numbering?: string } = {},
): Promise<Buffer> {
  return makeZip(docxParts(body, parts));
}

/** `<w:p>` with optional style, numbering (numId, ilvl) and plain-text runs. */
export function para(
  text: string,
  opts: { style?: string; num?: [number, number]; pPr?: string } = {},
): string {
  const pPr = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '',
    opts.num ? `<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>` : '',
    opts.pPr ?? '',
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ''}</w:p>`;
}

/** A w:lvl element. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;
}

/**
 * A raw deflate stream that inflates to `mib` MiB of zeros from a few kilobytes: one fully flushed block of 1 MiB
 * of zeros (byte-aligned, no reference to what came before) repeated, then an empty final block.
 */
export function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => block), last]);
}

/** A one-entry archive around deflated bytes (shared with the server's bad inputs, bench/lib/bad-inputs.js). */
export { rawEntryZip } from '../../bench/lib/bad-inputs.js';
