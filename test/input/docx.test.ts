import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatNumber, headingLevelFromStyle, InputError, readDocx } from '../../src/input/index.js';
import { paragraphProperties, readWordStories } from '../../src/input/wordml.js';
import { parseXmlTree, type XmlNode } from '../../src/input/xml-tree.js';
import { docxParts, fixture, lvl, makeDocx, makeZip, para } from './helpers.js';

async function docxError(
  buffer: Buffer | Promise<Buffer>,
  path: string,
  options: { maxUnzippedSize?: number; maxEntries?: number } = {},
): Promise<InputError> {
  try {
    await readDocx(await buffer, path, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('headings.docx: heading styles, line breaks, tables', async () => {
  const { text, docx } = await readDocx(readFileSync(fixture('headings.docx')), 'headings.docx');
  const lines = text.split('\n');

  test('one line per Word paragraph, with heading levels', () => {
    expect(lines.map((line, i) => [line, docx[i]?.headingLevel])).toEqual([
      ['某某镇2023年法治政府建设年度报告', undefined], // style 'Title' is not a heading
      ['2023年，某某镇深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。', undefined],
      ['一、主要举措和成效', 1], // Heading1
      ['（一）加强党对法治政府建设的领导', 2], // Heading2
      ['镇党委理论学习中心组开展专题学法4次， 组织领导干部旁听庭审1次。', undefined],
      ['1.健全依法决策机制', 3], // custom style with outline level 2 only
      ['重大行政决策\t均经合法性审查。', undefined],
      ['', undefined],
      ['二、存在的不足和原因', 1], // localized style name '标题 1'
      ['指标', undefined],
      ['数量', undefined],
      ['行政复议案件', undefined],
      ['3件', undefined],
      ['某某镇人民政府', undefined],
      ['2024年3月1日', undefined],
    ]);
    expect(docx).toHaveLength(lines.length);
    // The line break is read as a space, and marked: it is no space the drafter typed.
    expect(docx[4]?.lineBreaks).toEqual([(lines[4] as string).indexOf(' ')]);
  });

  test('<w:br/> inside a paragraph becomes a space, not a new line', () => {
    expect(lines[4]).toBe('镇党委理论学习中心组开展专题学法4次， 组织领导干部旁听庭审1次。');
  });

  test('no numbering prefixes without numbering.xml', () => {
    expect(docx.every((d) => d.numberingPrefix === undefined)).toBe(true);
  });
});

describe('numbering.docx: automatic numbering rebuilt', async () => {
  const { text, docx } = await readDocx(readFileSync(fixture('numbering.docx')), 'numbering.docx');

  test('exact lines and prefixes', () => {
    expect(text.split('\n').map((line, i) => [line, docx[i]?.numberingPrefix])).toEqual([
      ['某某镇2023年法治政府建设年度报告', undefined],
      ['2023年，某某镇在县委、县政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下。', undefined],
      ['一、主要举措和成效', '一、'],
      ['（一）加强党对法治政府建设的领导', '（一）'],
      ['1.制定年度学法计划', '1.'],
      ['2.落实领导干部述法制度', '2.'],
      ['（二）深化“放管服”改革', '（二）'],
      ['全年办理政务服务事项12,356件', undefined], // Wingdings bullet: not text
      ['二、存在的不足和原因', '二、'],
      ['（一）执法队伍能力有待提高', '（一）'], // level 1 restarts under a new level 0
      ['部分执法人员对新修订法律法规掌握不够。', undefined], // only the old w:numPr of a tracked change
      ['三、下一步工作打算', '三、'],
      ['某某镇人民政府', undefined],
      ['2024年3月1日', undefined],
    ]);
  });
});

const ABSTRACT_0 = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;

async function lines(body: string, parts: { styles?: string; numbering?: string }) {
  const { text } = await readDocx(await makeDocx(body, parts), 't.docx');
  return text.split('\n');
}

describe('numbering semantics', () => {
  test('two w:num sharing an abstractNum continue; w:startOverride restarts', async () => {
    const numbering = `${ABSTRACT_0}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const body = [
      para('甲', { num: [1, 0] }),
      para('乙', { num: [2, 0] }),
      para('丙', { num: [3, 0] }),
      para('丁', { num: [3, 0] }),
    ];
    expect(await lines(body.join(''), { numbering })).toEqual(['一、甲', '二、乙', '一、丙', '二、丁']);
  });

  test('deeper levels reset; w:lvlRestart="0" keeps counting; levels 3 and 4', async () => {
    const abstract = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}${lvl(2, 'decimal', '（%3）')}</w:abstractNum>`;
    const numbering = `${abstract}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('a', { num: [1, 0] }),
      para('b', { num: [1, 1] }),
      para('c', { num: [1, 2] }),
      para('d', { num: [1, 2] }),
      para('e', { num: [1, 0] }),
      para('f', { num: [1, 1] }),
      para('g', { num: [1, 2] }),
    ];
    expect(await lines(body.join(''), { numbering })).toEqual([
      '一、a',
      '1.b',
      '（1）c',
      '（2）d',
      '二、e',
      '2.f',
      '（1）g',
    ]);
  });

  test('numbering through the paragraph style (heading styles linked to a list)', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const numbering = `${ABSTRACT_0}<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('总体情况', { style: '1' }),
      para('工作举措', { style: '2' }),
      para('正文'),
      para('存在问题', { style: '1' }),
    ];
    const { text, docx } = await readDocx(await makeDocx(body.join(''), { styles, numbering }), 't.docx');
    expect(text.split('\n')).toEqual(['一、总体情况', '（一）工作举措', '正文', '二、存在问题']);
    expect(docx.map((d) => d.headingLevel)).toEqual([1, 2, undefined, 1]);
  });

  test('numId 0 switches numbering off; w:isLgl renders decimals; w:numFmt none', async () => {
    const abstract = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1章')}${lvl(1, 'chineseCounting', '%1.%2', '<w:isLgl/>')}${lvl(2, 'none', '')}</w:abstractNum>`;
    const numbering = `${abstract}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('a', { num: [1, 0] }),
      para('b', { num: [1, 1] }),
      para('c', { num: [0, 0] }),
      para('d', { num: [1, 2] }),
    ];
    expect(await lines(body.join(''), { numbering })).toEqual(['第一章a', '1.1b', 'c', 'd']);
  });

  test('paragraphs mammoth merges or skips stay aligned (tracked deletion, alternate content, empty <w:p/>)', async () => {
    const numbering = `${ABSTRACT_0}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const deleted =
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>删除的段落</w:t></w:r></w:p>';
    const alternate = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${para('选择内容', { num: [1, 0] })}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${para('文本框')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚定段落</w:t></w:r></w:p>`;
    const body = [
      para('甲', { num: [1, 0] }),
      deleted,
      para('乙', { num: [1, 0] }),
      alternate,
      '<w:p/>',
      para('丙', { num: [1, 0] }),
    ];
    expect(await lines(body.join(''), { numbering })).toEqual([
      '一、甲',
      '二、删除的段落乙',
      '锚定段落',
      '文本框',
      '',
      '三、丙',
    ]);
  });

  test('a namespace prefix other than w: is handled', async () => {
    const parts = docxParts('');
    parts['word/document.xml'] =
      '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:pPr><x:pStyle x:val="Heading2"/></x:pPr><x:r><x:t>标题</x:t></x:r></x:p></x:body></x:document>';
    const { text, docx } = await readDocx(makeZip(parts), 'x.docx');
    expect([text, docx]).toEqual(['标题', [{ headingLevel: 2 }]]);
  });
});

describe('text mammoth dropped and Word shows', () => {
  test("a simple field's result, the base text of ruby; symbol-font glyphs are not text", async () => {
    const body = [
      '<w:p><w:r><w:t>成文日期：</w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年3月1日</w:t></w:r></w:fldSimple></w:p>',
      '<w:p><w:ruby><w:rubyPr/><w:rt><w:r><w:t>fǎ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>法</w:t></w:r></w:rubyBase></w:ruby><w:r><w:t>治</w:t></w:r></w:p>',
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>已完成</w:t></w:r></w:p>',
    ];
    expect(await lines(body.join(''), {})).toEqual(['成文日期：2024年3月1日', '法治', '已完成']);
  });
});

describe('readWordStories: text outside the body', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const texts = (xml: string) =>
    readWordStories(xml).map((s) => ({ id: s.id, text: s.paragraphs.map((p) => p.text) }));

  test.each([
    [
      'a header: one story, read as the body is (runs, tabs, fields)',
      `<w:hdr ${W}><w:p><w:r><w:t>某某镇人民政府</w:t></w:r><w:r><w:tab/><w:t>文件</w:t></w:r></w:p><w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p></w:hdr>`,
      [{ id: null, text: ['某某镇人民政府\t文件', '3'] }],
    ],
    ['a footer without text', `<w:ftr ${W}><w:p/></w:ftr>`, [{ id: null, text: [''] }]],
    [
      'footnotes: a story per note, the separators Word draws left out',
      `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>见《法治政府建设实施纲要》</w:t></w:r></w:p></w:footnote><w:footnote w:type="normal" w:id="2"><w:p><w:r><w:t>第二条</w:t></w:r></w:p><w:p><w:r><w:t>续</w:t></w:r></w:p></w:footnote></w:footnotes>`,
      [
        { id: '1', text: ['见《法治政府建设实施纲要》'] },
        { id: '2', text: ['第二条', '续'] },
      ],
    ],
    [
      'endnotes',
      `<w:endnotes ${W}><w:endnote w:id="1"><w:p><w:r><w:t>尾注</w:t></w:r></w:p></w:endnote></w:endnotes>`,
      [{ id: '1', text: ['尾注'] }],
    ],
  ])('%s', (_, xml, expected) => {
    expect(texts(xml)).toEqual(expected);
  });

  test('a part that is not well-formed throws, as the body does', () => {
    expect(() => readWordStories(`<w:hdr ${W}><w:p>`)).toThrow();
  });
});

describe('paragraphProperties', () => {
  test("reads only the paragraph's own w:pPr, not a tracked property change", () => {
    const xml = `<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="2"/><w:pPrChange><w:pPr><w:pStyle w:val="Old"/><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:p><w:p/></w:body>`;
    const body = parseXmlTree(xml).children[0] as XmlNode;
    expect(body.children.map(paragraphProperties)).toEqual([
      { pStyle: 'A', numId: '3', ilvl: 1, outlineLvl: 2 },
      {},
    ]);
  });
});

describe('invalid .docx files', () => {
  test.each([
    [
      'not-a-zip.docx',
      '无法读取 not-a-zip.docx：文件不是有效的 .docx（不是 ZIP 压缩格式，可能已损坏或只是改了扩展名）。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ],
    [
      'renamed-doc.docx',
      '无法读取 renamed-doc.docx：扩展名是 .docx，内容却是旧版 Word（.doc）格式或加密文档。请在 Word/WPS 中另存为 .docx（不设密码）后再检查',
    ],
  ])('%s', async (name, message) => {
    const error = await docxError(readFileSync(fixture(name)), name);
    expect([error.code, error.path, error.message]).toEqual(['docx-invalid', name, message]);
  });

  test('an encrypted .docx (password "fazhi", agile encryption)', async () => {
    const error = await docxError(readFileSync(fixture('encrypted.docx')), '加密.docx');
    expect([error.code, error.message]).toEqual([
      'docx-encrypted',
      '无法读取 加密.docx：文档设置了打开密码（已加密）。请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再检查',
    ]);
  });

  test('a damaged zip (cut short)', async () => {
    const bytes = readFileSync(fixture('headings.docx'));
    const error = await docxError(bytes.subarray(0, bytes.length - 200), '损坏.docx');
    expect([error.code, error.message]).toEqual([
      'docx-invalid',
      '无法读取 损坏.docx：压缩包已损坏（压缩包不完整（找不到目录，文件可能只下载或复制了一部分））。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ]);
  });

  test('an archive bomb stops at the limit, which can be changed', async () => {
    const parts = docxParts(para('正文'.repeat(2000)));
    const bytes = makeZip(parts);
    const error = await docxError(bytes, '炸弹.docx', { maxUnzippedSize: 4096 });
    expect([error.code, error.message]).toEqual([
      'docx-too-large',
      '无法读取 炸弹.docx：解压后超过 4 KB，可能不是正常的 Word 文档（压缩炸弹）。如确为正常文档，可用 --max-unzipped-size 调高上限',
    ]);
    expect((await readDocx(bytes, 'x.docx')).text).toBe('正文'.repeat(2000));
  });

  test('too many entries', async () => {
    const error = await docxError(makeDocx(para('正文')), '多.docx', { maxEntries: 3 });
    expect([error.code, error.message]).toEqual([
      'docx-too-many-entries',
      '无法读取 多.docx：压缩包中有 4 个文件，超过上限 3 个，可能不是正常的 Word 文档',
    ]);
  });

  test.each([
    ['%PDF-1.7\n', '内容是 PDF 文件，不是 Word 文档'],
    ['{\\rtf1\\ansi', '内容是 RTF 格式，不是 .docx（只是改了扩展名）'],
    ['<html><body>报告</body></html>', '内容是网页格式，不是 .docx（只是改了扩展名）'],
  ])('not Word at all: %s', async (content, detail) => {
    const error = await docxError(Buffer.from(content), 'x.docx');
    expect([error.code, error.message]).toEqual([
      'docx-invalid',
      `无法读取 x.docx：${detail}。请在 Word/WPS 中打开并另存为 .docx 后再检查`,
    ]);
  });

  test('an Excel workbook renamed .docx', async () => {
    const error = await docxError(
      makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
      'x.docx',
    );
    expect(error.message).toBe(
      '无法读取 x.docx：这是 Excel 表格或 PowerPoint 演示文稿，不是 Word 文档。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    );
  });

  test('XML that is not well-formed is named in Chinese, with the part and the position', async () => {
    const parts = docxParts('<w:p><w:r><w:t>正文</w:r></w:p>');
    const error = await docxError(makeZip(parts), 'x.docx');
    expect([error.code, error.message]).toEqual([
      'docx-invalid',
      '无法读取 x.docx：word/document.xml 的 XML 格式有误（第 1 行第 363 列：结束标记 </w:r> 没有对应的开始标记，应为 </w:t>），文件可能已损坏。请在 Word/WPS 中打开并另存为 .docx 后再检查',
    ]);
    expect(error.message).not.toMatch(/xmldom|undefined/);
  });

  test('a zip without word/document.xml', async () => {
    const error = await docxError(makeZip({ 'hello.txt': 'hi' }), 'x.docx');
    expect(error.code).toBe('docx-invalid');
    expect(error.message).toContain('没有 Word 正文');
  });
});

describe('style names → heading level', () => {
  test.each([
    ['heading 1', 1],
    ['Heading 2', 2],
    ['Heading3', 3],
    ['标题 1', 1],
    ['标题2', 2],
    ['Title', undefined],
    ['标题', undefined],
    ['Heading 1 Char', undefined],
  ])('%s → %s', (name, level) => {
    expect(headingLevelFromStyle(name)).toBe(level);
  });
});

describe('formatNumber', () => {
  test.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [21, 'chineseCountingThousand', '二十一'],
    [105, 'chineseCountingThousand', '一百零五'],
    [110, 'chineseCountingThousand', '一百一十'],
    [1010, 'chineseCountingThousand', '一千零一十'],
    [3, 'chineseLegalSimplified', '叁'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [3, 'ideographTraditional', '丙'],
    [10, 'ideographTraditional', '癸'],
    [11, 'ideographTraditional', '11'],
    [2, 'ideographZodiac', '丑'],
    [105, 'ideographDigital', '一〇五'],
    [1, 'ideographEnclosedCircle', '㊀'],
    [7, 'decimal', '7'],
    [7, 'decimalZero', '07'],
    [12, 'decimalFullWidth', '１２'],
    [3, 'decimalEnclosedCircle', '③'],
    [21, 'decimalEnclosedCircle', '㉑'],
    [3, 'decimalEnclosedParen', '⑶'],
    [3, 'decimalEnclosedFullstop', '⒊'],
    [14, 'upperRoman', 'XIV'],
    [4, 'lowerRoman', 'iv'],
    [28, 'upperLetter', 'BB'],
    [2, 'lowerLetter', 'b'],
    [5, 'none', ''],
    [5, 'someFutureFormat', '5'],
  ])('%i as %s → %s', (n, fmt, expected) => {
    expect(formatNumber(n, fmt)).toBe(expected);
  });
});
