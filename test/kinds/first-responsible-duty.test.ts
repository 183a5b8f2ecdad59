import { ruleTester } from '../helpers/rule-tester.js';

const part = (body: string) =>
  `一、主要举措和成效\n办理案件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n${body}`;

ruleTester('first-responsible-duty', {
  valid: [
    part('镇党委书记对法治建设重要工作亲自部署、亲自督办。'),
    part('落实会前学法制度，全年学法12次。'),
    {
      name: 'mentioned in body with a concrete act',
      text: '一、加强领导\n切实履行第一责任人职责，年终述法。',
    },
    {
      name: 'leaders heading the committee',
      text: '（二）构建体系。强化第一责任人职责，由镇党委书记担任主任。',
    },
  ],
  invalid: [
    {
      name: 'never mentioned',
      text: '一、主要举措和成效\n办理案件12件。',
      errors: [
        {
          message:
            '全文没有报告党政主要负责人履行推进法治建设第一责任人职责的情况：请写明亲自部署、年终述法、会前学法等具体做法',
          line: 2,
          column: 8,
          endColumn: 9,
        },
      ],
    },
    {
      name: 'the part only restates the duty',
      text: part('认真落实第一责任人职责，切实加强法治建设。'),
      errors: [
        {
          message:
            '只提到第一责任人职责，没有写怎样履行：请补充“亲自部署、亲自督办”、“年终述法”、“会前学法”等具体做法',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 27,
        },
      ],
    },
  ],
});
