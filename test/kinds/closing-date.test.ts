import { ruleTester } from '../helpers/rule-tester.js';

const head = '某镇2024年法治政府建设情况报告\n我镇深入推进依法行政。\n某镇人民政府\n';

ruleTester('closing-date', {
  valid: [
    `${head}2025年1月20日`,
    { name: 'date with surrounding full-width spaces', text: `${head}\u3000\u30002025年3月31日\u3000` },
    {
      name: 'department on time',
      text: '某县司法局2024年法治政府建设情况报告\n我局深入推进依法行政。\n某县司法局\n2025年2月28日',
    },
    // A template's blank date is the placeholder rule's finding; there is no date here to judge.
    { name: 'blank date of a template', text: `${head}2025年X月X日` },
    { name: 'blank date with ×', text: `${head}20××年×月×日` },
  ],
  invalid: [
    {
      name: 'no date',
      text: `${head.trimEnd()}`,
      errors: [
        {
          message: '文末缺少成文日期：请在署名下一行用阿拉伯数字写明年月日，如“2025年1月20日”',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
        },
      ],
    },
    {
      name: 'eight digits, fixed',
      text: `${head}20250120`,
      errors: [
        {
          message:
            '成文日期“20250120”不符合 GB/T 9704：应将年、月、日标全，月、日不编虚位，写作“2025年1月20日”',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          severity: 'error',
        },
      ],
      output: `${head}2025年1月20日`,
    },
    {
      name: 'zero padding',
      text: `${head}2025年03月01日`,
      errors: [{ messageIncludes: '写作“2025年3月1日”', line: 4, column: 1 }],
      output: `${head}2025年3月1日`,
    },
    {
      name: 'ISO form',
      text: `${head}2025-03-01`,
      errors: [{ messageIncludes: '写作“2025年3月1日”', line: 4, column: 1 }],
      output: `${head}2025年3月1日`,
    },
    {
      name: 'dots',
      text: `${head}2025.3.1`,
      errors: [{ messageIncludes: '写作“2025年3月1日”', line: 4, column: 1 }],
    },
    {
      name: 'Chinese numerals',
      text: `${head}二〇二五年三月一日`,
      errors: [{ messageIncludes: '写作“2025年3月1日”', line: 4, column: 1 }],
      output: `${head}2025年3月1日`,
    },
    {
      name: 'two-digit year is not fixed automatically',
      text: `${head}25年3月1日`,
      errors: [{ messageIncludes: '写作“2025年3月1日”', line: 4, column: 1 }],
      output: null,
    },
    {
      name: 'before the year ends',
      text: `${head}2024年12月20日`,
      errors: [
        {
          message: '成文日期2024年12月20日早于2024年度结束：年度报告应在次年年初总结全年情况后成文',
          line: 4,
          column: 1,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'after the deadline',
      text: `${head}2025年4月2日`,
      errors: [
        {
          message: '成文日期2025年4月2日晚于报送时限：报告应不晚于2025年3月31日成文报送，请核对日期',
          line: 4,
          column: 1,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'department after 1 March',
      text: '某县司法局2024年法治政府建设情况报告\n我局深入推进依法行政。\n某县司法局\n2025年3月20日',
      errors: [
        { messageIncludes: '政府部门的报告应不晚于2025年3月1日', line: 4, column: 1, severity: 'warning' },
      ],
    },
  ],
});
