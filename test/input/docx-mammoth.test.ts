import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDocx } from '../../src/input/docx.js';
import { readDocxWithMammoth } from '../helpers/mammoth-docx.js';
import { FIXTURES, lvl, makeDocx } from './helpers.js';

/**
 * fazhi-lint reads .docx with its own walk of document.xml (src/input/wordml.ts), which also maps every character
 * back to the XML for the annotator. It must read the same text as mammoth did before it: every fixture, the
 * seeds made into .docx, and random documents mixing every construct the reader handles.
 */

const docxFixtures = [
  ...readdirSync(FIXTURES)
    .filter(
      (f) => f.endsWith('.docx') && !['not-a-zip.docx', 'renamed-doc.docx', 'encrypted.docx'].includes(f),
    )
    .map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'seeds')).map((f) => join(FIXTURES, 'seeds', f)),
];

describe('the same text as mammoth', () => {
  test.each(docxFixtures.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_, path) => {
    const bytes = readFileSync(path);
    expect(await readDocx(bytes, path)).toEqual(await readDocxWithMammoth(bytes, path));
  });

  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = fc
    .array(fc.constantFrom('法', '治', '，', '。', ' ', 'a', '&', '<', '>', '"', '2024', '　', '\u00a0'), {
      maxLength: 6,
    })
    .map((parts) => parts.join(''));
  const rPr = fc.constantFrom('', '<w:rPr><w:b/></w:rPr>', '<w:rPr><w:i/><w:color w:val="FF0000"/></w:rPr>');
  const t = text.map((s) => `<w:t xml:space="preserve">${esc(s)}</w:t>`);
  const runChild = fc.oneof(
    { weight: 6, arbitrary: t },
    { weight: 1, arbitrary: fc.constant('<w:tab/>') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<w:br/>',
        '<w:br w:type="page"/>',
        '<w:br w:type="textWrapping"/>',
        '<w:br w:type="column"/>',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('<w:noBreakHyphen/>', '<w:softHyphen/>', '<w:lastRenderedPageBreak/>'),
    },
  );
  const run = fc
    .tuple(rPr, fc.array(runChild, { minLength: 1, maxLength: 3 }))
    .map(([p, c]) => `<w:r>${p}${c.join('')}</w:r>`);
  const runs = fc.array(run, { minLength: 1, maxLength: 3 }).map((r) => r.join(''));
  const field = fc
    .tuple(fc.constantFrom(' PAGE ', ' HYPERLINK "http://x" ', ' DATE \\@ "yyyy年M月d日" '), runs)
    .map(
      ([instr, result]) =>
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${esc(instr)}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
    );
  const checkboxField = fc
    .boolean()
    .map(
      (checked) =>
        `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="${checked ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
    );
  const checkboxControl = fc
    .tuple(fc.boolean(), fc.boolean())
    .map(
      ([checked, withText]) =>
        `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r>${withText ? '<w:t>☐</w:t>' : '<w:tab/>'}</w:r></w:sdtContent></w:sdt>`,
    );
  const inline = fc.oneof(
    { weight: 8, arbitrary: run },
    { weight: 1, arbitrary: runs.map((r) => `<w:hyperlink w:anchor="a">${r}</w:hyperlink>`) },
    { weight: 1, arbitrary: runs.map((r) => `<w:smartTag w:uri="u" w:element="e">${r}</w:smartTag>`) },
    { weight: 1, arbitrary: runs.map((r) => `<w:customXml w:element="e">${r}</w:customXml>`) },
    { weight: 1, arbitrary: runs.map((r) => `<w:sdt><w:sdtPr/><w:sdtContent>${r}</w:sdtContent></w:sdt>`) },
    {
      weight: 1,
      arbitrary: runs.map(
        (r) => `<w:ins w:id="1" w:author="作者" w:date="2024-01-01T00:00:00Z">${r}</w:ins>`,
      ),
    },
    {
      weight: 1,
      arbitrary: text.map(
        (s) =>
          `<w:del w:id="2" w:author="作者" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>${esc(s)}</w:delText></w:r></w:del>`,
      ),
    },
    { weight: 1, arbitrary: runs.map((r) => `<w:moveTo w:id="3" w:author="a">${r}</w:moveTo>`) },
    {
      weight: 1,
      arbitrary: fc.constant('<w:bookmarkStart w:id="9" w:name="b"/><w:proofErr w:type="spellStart"/>'),
    },
    { weight: 1, arbitrary: field },
    { weight: 1, arbitrary: checkboxField },
    { weight: 1, arbitrary: checkboxControl },
  );
  const pPr = fc.constantFrom(
    '',
    '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:rPr><w:del w:id="4" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>',
  );
  const simpleParagraph = fc
    .tuple(pPr, fc.array(inline, { maxLength: 4 }))
    .map(([p, c]) => `<w:p>${p}${c.join('')}</w:p>`);
  const textBox = fc
    .array(simpleParagraph, { minLength: 1, maxLength: 2 })
    .map(
      (ps) =>
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${ps.join('')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${ps.join('')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    );
  const paragraph = fc
    .tuple(
      pPr,
      fc.array(fc.oneof({ weight: 9, arbitrary: inline }, { weight: 1, arbitrary: textBox }), {
        maxLength: 4,
      }),
    )
    .map(([p, c]) => `<w:p>${p}${c.join('')}</w:p>`);
  const table = fc
    .array(fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 2 }), fc.boolean()), {
      minLength: 1,
      maxLength: 2,
    })
    .map(
      (rows) =>
        `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>${rows
          .map(
            ([cells, deleted]) =>
              `<w:tr>${deleted ? '<w:trPr><w:del w:id="5" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:trPr>' : ''}<w:tc>${cells.join('')}</w:tc></w:tr>`,
          )
          .join('')}</w:tbl>`,
    );
  const body = fc
    .array(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: table }), { maxLength: 6 })
    .map((blocks) => `${blocks.join('')}<w:sectPr/>`);
  const styles =
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>';
  const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

  test('random documents: runs, fields, content controls, tracked changes, text boxes, tables', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const bytes = await makeDocx(b, { styles, numbering });
        expect(await readDocx(bytes, 'r.docx')).toEqual(await readDocxWithMammoth(bytes, 'r.docx'));
      }),
      { numRuns: 300 },
    );
  });
});
