import { ruleTester } from '../helpers/rule-tester.js';

const MESSAGE = (n: number) =>
  `“主要举措和成效”部分只有 ${n} 处量化数据（至少 3 处）：请用数字和单位或百分比说明成效，如“办理行政复议案件12件”“调解成功率98%”`;

ruleTester('quantified-results', {
  valid: [
    '一、主要举措和成效\n办理行政复议案件12件，调解成功率98.5%，培训干部120人次。',
    {
      name: 'topical sections count as results',
      text: '一、规范行政执法\n办理案件126件。\n二、化解矛盾纠纷\n调解纠纷312件，成功率97.8%。',
    },
    {
      name: 'a missing results part is required-sections’ finding, not this one',
      text: '一、存在的不足\n宣传不够。',
    },
    {
      name: 'figures with 余 and 多',
      text: '一、主要工作\n开展活动20余场，覆盖群众3000多人，发放资料1.5万份。',
    },
  ],
  invalid: [
    {
      name: 'years, dates and document numbers are not quantities',
      text: '一、主要举措和成效\n2024年3月，按照〔2025〕37号文件要求，办理案件12件。',
      errors: [{ message: MESSAGE(1), line: 1, column: 1, endLine: 1, endColumn: 10, severity: 'warning' }],
    },
    {
      name: 'an info per level-2 subsection without figures',
      text: '一、主要举措和成效\n（一）加强领导\n高度重视法治建设。\n（二）规范执法\n办理案件12件，纠错率8%，培训120人次。',
      errors: [
        {
          message: '本小节没有量化数据：可补充数字、单位或百分比说明成效',
          line: 2,
          column: 1,
          endColumn: 8,
          severity: 'info',
        },
      ],
    },
    {
      name: 'a problems subsection inside the results does not count as results',
      text: '一、工作情况\n办理案件12件。\n（一）存在问题\n办理案件时宣传不够，成功率90%。',
      errors: [{ message: MESSAGE(1), line: 1, column: 1, endColumn: 7 }],
    },
  ],
});
