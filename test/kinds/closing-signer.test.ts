import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('closing-signer', {
  valid: [
    '某镇2024年法治政府建设情况报告\n我镇推进依法行政。\n某镇人民政府\n2025年1月20日',
    {
      name: 'joint signers, title with the full government name',
      text: '眉山市东坡区崇礼镇人民政府2023年法治政府建设工作报告\n我镇推进。\n中共崇礼镇委员会\n崇礼镇人民政府\n2024年1月5日',
    },
    {
      name: 'no title: the body’s self-reference matches',
      text: '2020年，我镇推进依法行政。\n中共常平镇委\n常平镇人民政府\n2021年1月29日',
    },
    {
      name: 'a department signing its own report',
      text: '某县司法局2024年法治政府建设情况报告\n我局推进依法行政。\n某县司法局\n2025年2月1日',
    },
    {
      name: 'signer padded with U+3000 and U+00A0',
      text: '某镇2024年法治政府建设情况报告\n我镇推进。\n\u3000\u3000\u00a0某镇人民政府\u3000\n2025年1月20日',
    },
  ],
  invalid: [
    {
      name: 'no signer: reported at the last line',
      text: '某镇2024年法治政府建设情况报告\n我镇推进依法行政。\n2025年1月20日',
      errors: [
        {
          message: '文末缺少发文机关署名：请在正文后另起一行写明“某镇”的全称',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'another unit signs',
      text: '某镇2024年法治政府建设情况报告\n我镇推进。\n另一镇人民政府\n2025年1月20日',
      errors: [
        {
          message: '署名“另一镇人民政府”与标题中的发文机关“某镇”不一致：落款应为发文机关全称或规范化简称',
          line: 3,
          column: 1,
          endColumn: 8,
        },
      ],
    },
    {
      name: 'a 司法局 signing a 人民政府’s report',
      text: '某县人民政府2024年法治政府建设情况报告\n我县推进。\n某县司法局\n2025年1月20日',
      errors: [
        {
          message:
            '署名“某县司法局”是部门（司法局），而标题中的发文机关是人民政府“某县人民政府”：报告应由发文机关署名',
          line: 3,
          column: 1,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'a 镇 signing a report that says 我县',
      text: '关于2024年法治政府建设情况的报告\n我县推进依法行政，我县办理案件12件。\n某镇人民政府\n2025年1月20日',
      errors: [
        {
          message: '署名“某镇人民政府”是镇级单位，而正文自称“我县”：请核对落款与正文是否为同一单位',
          line: 3,
          column: 1,
          endColumn: 7,
        },
      ],
    },
  ],
});
