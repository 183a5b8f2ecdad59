import { ruleTester } from '../helpers/rule-tester.js';

const results = '一、主要举措和成效\n办理行政复议案件12件。';

ruleTester('problems-next-steps', {
  valid: [
    `${results}\n二、存在的不足和原因\n一是宣传不够深入。二是队伍力量不足。\n三、下一步工作安排\n（一）完善制度。\n（二）加强培训。`,
    {
      name: 'one sentence listing several concrete measures',
      text: `${results}\n二、存在的问题\n基层执法人员专业能力不足，部分村干部依法办事意识不强。\n三、工作打算\n2025年，我们将持续深化综合行政执法改革，全面推进村级法律顾问全覆盖。`,
    },
    {
      name: '下一步 inside the results does not satisfy, but with real parts it passes',
      text: `${results}下一步，我镇将继续推进。\n二、存在的不足\n一是宣传不够深入。二是队伍力量不足。\n三、下一步工作\n一是完善制度。二是加强培训。`,
    },
  ],
  invalid: [
    {
      name: 'neither problems nor next steps anywhere',
      text: results,
      errors: [
        {
          message: '全文没有写下一步工作安排：请写明下一年度推进法治政府建设的2项以上具体安排',
          line: 2,
          column: 12,
          endColumn: 13,
        },
        {
          message: '全文没有写存在的问题和不足：请如实写明2项以上具体问题及其原因',
          line: 2,
          column: 12,
          endColumn: 13,
        },
      ],
    },
    {
      name: 'a thin problems part',
      text: `${results}\n二、存在的不足和原因\n宣传还不够深入。\n三、下一步工作安排\n一是完善制度。二是加强培训。`,
      errors: [
        {
          message: '存在的问题只写了 0 项（至少 2 项）：请具体写明问题和原因，不要只写套话',
          line: 3,
          column: 1,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'next steps only as one sentence in the results',
      text: `${results}\n二、存在的不足\n一是宣传不够深入。二是队伍力量不足。\n下一步，我镇将继续推进。`,
      errors: [
        { message: '下一步工作只写了 1 项（至少 2 项）：请写明具体措施', line: 5, column: 1, endColumn: 4 },
      ],
    },
  ],
});
