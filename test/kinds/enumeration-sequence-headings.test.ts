import { ruleTester } from '../helpers/rule-tester.js';

/** The form of heading numbers and the end marks of sibling headings (issue #16). */
const TITLE = '某镇2023年法治政府建设情况报告\n';

ruleTester('enumeration-sequence', {
  valid: [
    { name: '1. and 1．', text: `${TITLE}一、主要举措\n1.完善制度\n2．加强培训` },
    {
      name: 'siblings alike: all standalone without a mark, all run-in',
      text: `${TITLE}一、主要举措\n（一）加强领导\n正文。\n（二）规范执法\n正文。\n二、存在的不足\n（一）甲。正文。\n（二）乙。正文。`,
    },
    {
      name: 'no strict majority of two',
      text: `${TITLE}一、主要举措\n（一）甲。正文。\n（二）乙。正文。\n（三）丙\n正文。\n（四）丁：正文。`,
    },
    { name: 'a Markdown ordered list numbers itself', filename: 'x.md', text: '# 标题\n\n1. 甲\n2. 乙\n' },
  ],
  invalid: [
    {
      name: '1、 for 1. (GB/T 9704): the document’s own full stop',
      text: `${TITLE}一、主要举措\n1、完善制度\n2、加强培训\n3．强化监督`,
      errors: [
        {
          message: '序号“1、”不规范：第三层序数用阿拉伯数字加下脚点，应写作“1．”（GB/T 9704）',
          line: 3,
          column: 1,
          endColumn: 3,
          severity: 'warning',
        },
        { messageIncludes: '应写作“2．”', line: 4, column: 1, endColumn: 3 },
      ],
      output: `${TITLE}一、主要举措\n1．完善制度\n2．加强培训\n3．强化监督`,
    },
    {
      name: 'a run-in heading among standalone ones (seed 002): reported, not fixed',
      text: `${TITLE}一、主要举措\n（一）深入学习贯彻习近平法治思想\n正文。\n（二）加强党的领导\n正文。\n（三）加大宣传力度，营造法治氛围。深入开展法律宣传。`,
      errors: [
        {
          message:
            '标题“（三）加大宣传力度，营造法治氛围”末尾用了“。”，同级的“（一）”“（二）”末尾没有标点：同级标题的标点应一致',
          line: 7,
          column: 1,
          endColumn: 18,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a standalone heading with a stray full stop: removed',
      text: `${TITLE}一、主要举措和成效。\n正文。\n二、存在的不足\n正文。\n三、下一步安排\n正文。`,
      errors: [
        {
          message:
            '标题“一、主要举措和成效”末尾用了“。”，同级的“二、”“三、”末尾没有标点：同级标题的标点应一致',
          line: 2,
          column: 1,
          endColumn: 11,
        },
      ],
      output: `${TITLE}一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n三、下一步安排\n正文。`,
    },
    {
      name: 'a heading without the mark its siblings end with',
      text: `${TITLE}一、主要举措\n（一）甲。正文。\n（二）乙。正文。\n（三）丙\n正文。`,
      errors: [
        {
          message: '标题“（三）丙”末尾没有标点，同级的“（一）”“（二）”末尾用“。”：同级标题的标点应一致',
          line: 5,
          column: 1,
          endColumn: 5,
        },
      ],
      output: null,
    },
  ],
});
