import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('xi-fazhi-thought', {
  valid: [
    '某镇2023年法治政府建设情况报告\n深入学习贯彻习近平法治思想。',
    {
      name: 'reports before 2020 are not held to it',
      text: '某镇2019年法治政府建设情况报告\n深入推进依法行政。',
    },
    {
      name: 'other formulations starting with 习近平 are not near misses',
      text: '2023年，学习习近平总书记重要讲话和习近平新时代中国特色社会主义思想，贯彻习近平法治思想。',
    },
  ],
  invalid: [
    {
      name: 'not mentioned: reported at the title',
      text: '某镇2023年法治政府建设情况报告\n深入推进依法行政。',
      errors: [
        {
          message:
            '全文未提及“习近平法治思想”：2020年11月中央全面依法治国工作会议确立习近平法治思想，年度报告应写明以其为指导推进法治政府建设',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
        },
      ],
    },
    {
      name: '法制 for 法治: a near miss, fixed',
      text: '2023年，深入学习贯彻习近平法制思想。',
      errors: [
        { message: '“习近平法制思想”不是规范表述，应为“习近平法治思想”', line: 1, column: 13, endColumn: 20 },
      ],
      output: '2023年，深入学习贯彻习近平法治思想。',
    },
    {
      name: 'an inserted character: reported, not fixed blindly',
      text: '2023年，深入学习贯彻习近平的法治思想。',
      errors: [
        {
          message: '“习近平的法治思想”不是规范表述，应为“习近平法治思想”',
          line: 1,
          column: 13,
          endColumn: 21,
        },
      ],
      output: null,
    },
    {
      name: 'positions after an astral character',
      text: '2023年𠀀，习近平法制思想。',
      errors: [{ messageIncludes: '习近平法制思想', line: 1, column: 9, endColumn: 16 }],
    },
  ],
});
