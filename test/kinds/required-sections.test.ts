import { ruleTester } from '../helpers/rule-tester.js';

const measures = '一、主要举措和成效\n全年办理行政复议案件12件。';
const shortcomings = '二、存在的不足和原因\n一是宣传不够深入。二是队伍力量不足。';
const first = '三、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记亲自部署。';
const next = '四、下一步工作安排\n一是完善制度。二是加强培训。';
const msg = (name: string, content: string, suggest: string) =>
  `缺少“${name}”部分：按照《法治政府建设与责任落实督察工作规定》，年度报告应报告${content}。请在此处补写，以“${suggest}”为题`;

ruleTester('required-sections', {
  valid: [
    [measures, shortcomings, first, next].join('\n'),
    {
      name: 'topical level-1 sections are results',
      text: [
        '一、全面加大统筹推进力度\n正文。',
        '二、存在问题\n正文。',
        '三、第一责任人履职情况\n正文。',
        '四、2025年工作打算\n正文。',
      ].join('\n'),
    },
    {
      name: 'first-responsible as an enumeration lead',
      text: [measures, shortcomings, '（一）加强领导\n一是全面履行法治建设第一责任人职责。正文。', next].join(
        '\n',
      ),
    },
    {
      name: 'parts as Markdown headings',
      filename: 'r.md',
      text: '## 主要做法\n\n正文。\n\n## 存在的问题\n\n正文。\n\n## 第一责任人履职\n\n正文。\n\n## 下一步打算\n\n正文。\n',
    },
  ],
  invalid: [
    {
      name: 'shortcomings missing: reported at the end of the results part',
      text: [measures, first, next].join('\n'),
      errors: [
        {
          message: msg('存在的不足和原因', '上一年度推进法治政府建设存在的不足和原因', '存在的不足和原因'),
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 15,
          data: { section: 'shortcomings' },
        },
      ],
    },
    {
      name: 'first-responsible only in body text does not count (reported at the end of the results, topical 三、 included)',
      text: [measures, shortcomings, '三、加强组织领导\n切实履行法治建设第一责任人职责。', next].join('\n'),
      errors: [
        { messageIncludes: '第一责任人', line: 6, column: 16, data: { section: 'first-responsible' } },
      ],
    },
    {
      name: 'run-in heading: the first-responsible mention after 。 is body',
      text: [measures, shortcomings, '（二）构建体系。强化法治建设第一责任人职责。', next].join('\n'),
      errors: [
        { messageIncludes: '第一责任人', line: 5, column: 22, data: { section: 'first-responsible' } },
      ],
    },
    {
      name: 'next-year missing: reported after the last present part',
      text: [measures, shortcomings, first].join('\n'),
      errors: [{ messageIncludes: '下一步工作安排', line: 6, column: 10, data: { section: 'next-year' } }],
    },
    {
      name: 'only background: measures missing at the body start',
      text: '某镇2024年法治政府建设情况报告\n一、基本情况\n某镇面积86平方千米。\n二、存在问题\n正文。\n三、第一责任人履职\n正文。\n四、下一步工作\n正文。',
      errors: [
        {
          messageIncludes: '主要举措和成效',
          line: 2,
          column: 1,
          endColumn: 2,
          data: { section: 'measures' },
        },
      ],
    },
  ],
});
