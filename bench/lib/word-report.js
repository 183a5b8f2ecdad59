// A 20-page Word report for the annotate figure (issue #12): the real reports' paragraphs in order, with the title
// style, heading styles with Word's automatic numbering, runs of different formatting, and GB/T 9704 page
// geometry (A4, 仿宋 三号: 22 lines of 28 characters), so that LibreOffice lays it out on about 20 pages.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Characters of body text that LibreOffice lays out on 20 pages in this geometry (22 lines of 28 characters a page,
 * less the ends of paragraphs and the headings' lines): checked with `soffice --convert-to pdf` and `pdfinfo`.
 */
export const TWENTY_PAGES = 7400;

function paragraph(text, { style, num } = {}) {
  const pPr = `${style ? `<w:pStyle w:val="${style}"/>` : ''}${num ? `<w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="1"/></w:numPr>` : ''}`;
  const runs = text
    .split(/(?<=[，,])/)
    .map(
      (part, i) =>
        `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>${i % 2 ? '<w:b/>' : ''}</w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`,
    )
    .join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** Writes the report to `path` with the project's own zip writer (`dist` must be built); returns its size in characters. */
export async function writeWordReport(root, path) {
  const { writeZip } = await import(pathToFileURL(join(root, 'dist/input/zip.js')).href);
  const seeds = join(root, 'fixtures/seeds');
  const body = [paragraph('某某县2023年法治政府建设情况报告', { style: 'Title' })];
  let chars = 0;
  let level1 = 0;
  for (let round = 0; chars < TWENTY_PAGES; round++) {
    for (const file of readdirSync(seeds).sort()) {
      for (const line of readFileSync(join(seeds, file), 'utf8').split('\n')) {
        const text = line.trim();
        if (!text || chars >= TWENTY_PAGES) continue;
        const h1 = /^[一二三四五六七八九十]+、(.*)$/.exec(text);
        const h2 = /^（[一二三四五六七八九十]+）(.*)$/.exec(text);
        if (h1) {
          level1++;
          body.push(paragraph(h1[1], { style: 'Heading1', num: [1, 0] }));
        } else if (h2 && level1 > 0) body.push(paragraph(h2[1], { style: 'Heading2', num: [1, 1] }));
        else body.push(paragraph(text));
        chars += text.length;
      }
    }
    if (round > 10) break;
  }
  body.push(paragraph('某某县人民政府'), paragraph('2024年3月1日'));
  const level = (ilvl, fmt, text) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;
  const parts = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/></Relationships>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr></w:body></w:document>`,
  };
  const bytes = writeZip(
    null,
    Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })),
    new Date(2024, 2, 1),
  );
  writeFileSync(path, bytes);
  return chars;
}
