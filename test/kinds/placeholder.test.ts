import { ruleTester } from '../helpers/rule-tester.js';

const blank = (found: string, name: string) => `“${found}”是模板中未填写的${name}，请填入实际内容`;

ruleTester('placeholder', {
  valid: [
    '全年投入普法经费12万元，开展培训8次，2024年3月1日召开会议。',
    {
      name: 'an example (如某某), anonymised parties, companies and villages',
      text: '如某某镇那样的做法；对当事人张某某依法作出处罚，以某某县为例，某某公司、某某村村民的纠纷已调解。',
    },
    { name: 'X in Latin words and one × as a sign', text: '采购XL码服装，面积3×4米，X光机1台。' },
    {
      name: 'anonymised parties in a case (张××, 对XX公司)',
      text: '申请人张××不服处罚决定，对XX公司依法立案。',
    },
    {
      name: 'Markdown bold and emphasis',
      filename: 'x.md',
      text: '# 标题\n\n**重点工作**和__依法行政__。\n',
    },
    { name: 'Markdown code', filename: 'x.md', text: '# 标题\n\n`XX万元` 和\n\n```\n某某镇人民政府\n```\n' },
    { name: '〇 in a year is a digit', text: '二〇〇八年建成。' },
    {
      name: 'page residue is web-residue’s to remove whole',
      text: '您当前的位置：首页 > XX专题\n某镇2023年法治政府建设情况报告\n正文。',
    },
  ],
  invalid: [
    {
      name: 'figures and names left as X, ×, □: before a unit, or not after a character',
      text: '××镇全年投入普法经费XX万元，20XX年建成□□个中心，20XX年X月召开会议。',
      errors: [
        { message: blank('××', '占位符'), line: 1, column: 1, endColumn: 3, severity: 'error' },
        { message: blank('XX', '占位符'), line: 1, column: 12, endColumn: 14 },
        { message: blank('XX', '占位符'), line: 1, column: 19, endColumn: 21 },
        { message: blank('□□', '占位符'), line: 1, column: 24, endColumn: 26 },
        { message: blank('20XX年X月', '日期占位符'), line: 1, column: 30, endColumn: 37 },
      ],
      output: null,
    },
    {
      name: 'a date left as X月X日, in the closing too',
      text: '于X月X日召开会议。\n某镇人民政府\n2024年X月X日',
      errors: [
        { message: blank('X月X日', '日期占位符'), line: 1, column: 2, endColumn: 6 },
        { message: blank('2024年X月X日', '日期占位符'), line: 3, column: 1, endColumn: 10 },
      ],
    },
    {
      name: 'underscores (two in text, three in Markdown) and asterisks in text',
      text: '开展培训＿＿次，填表人：____，***镇。',
      errors: [
        { message: blank('＿＿', '下划线空白'), line: 1, column: 5, endColumn: 7 },
        { message: blank('____', '下划线空白'), line: 1, column: 13, endColumn: 17 },
        { message: blank('***', '占位符'), line: 1, column: 18, endColumn: 21 },
      ],
    },
    {
      name: 'underscores in Markdown',
      filename: 'x.md',
      text: '# 标题\n\n开展培训___次。\n',
      errors: [{ message: blank('___', '下划线空白'), line: 3, column: 5, endColumn: 8 }],
    },
    {
      name: 'prompts in brackets: one finding each, the X inside included',
      text: '2023年，我镇【请填写XX举措】，成效明显（此处填写数字），[待补充]。',
      errors: [
        { message: blank('【请填写XX举措】', '填写提示'), line: 1, column: 9, endColumn: 18 },
        { message: blank('（此处填写数字）', '填写提示'), line: 1, column: 23, endColumn: 31 },
        { message: blank('[待补充]', '填写提示'), line: 1, column: 32, endColumn: 37 },
      ],
    },
    {
      name: '某某 as the unit: title, body and signer',
      text: '某某镇2023年法治政府建设情况报告\n2023年，某某县人民政府深入推进依法行政。\n某某镇人民政府\n2024年1月20日',
      errors: [
        { message: blank('某某', '占位名称'), line: 1, column: 1, endColumn: 3 },
        { message: blank('某某', '占位名称'), line: 2, column: 7, endColumn: 9 },
        { message: blank('某某', '占位名称'), line: 3, column: 1, endColumn: 3 },
      ],
    },
  ],
});
