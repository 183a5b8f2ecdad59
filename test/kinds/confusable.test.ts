import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** The message of a pair, by the data the tests check (the reason is tested once per pair below). */
const said = (found: string, expected: string) => `“${found}”应为“${expected}”：`;

ruleTester('confusable', {
  valid: [
    {
      name: '切实 before a verb; 确实 meaning indeed, also before a verb with 了',
      text: '切实加强法治宣传，问题确实存在，确实需要加强，确实加强了宣传，做到了确实有效。',
    },
    {
      name: '推进 the work; 推荐 a person, and 推荐工作 as a noun',
      text: '推进法治政府建设，做好人大代表推荐工作，推荐优秀干部。',
    },
    {
      name: '截至 before a date; 截止 after it, 截止到, 截止日期',
      text: '截至2023年底共12件，截至目前办结5件，报名于5月1日截止，截止到6月底，截止日期和截止时间不变，截至10月末共审查8件。',
    },
    {
      name: '以致 a bad result; 以至于; 以至 as far as',
      text: '久拖不决，以致出现上访；以至于无法解决；从县到乡以至村组。',
    },
    {
      name: '制定 rules, 制订 or 制定 plans',
      text: '制定管理制度，制订实施方案，制定实施方案，制订法律顾问工作计划，制订学习计划和考核办法。',
    },
    { name: '其他', text: '其他工作有序推进。' },
    { name: '反映问题; 反应 a reaction', text: '群众反映的问题得到解决，群众反应强烈，接种反应情况良好。' },
    {
      name: 'inside a book title the title’s wording stands',
      text: '印发《关于其它事项的通知》和《制订规章制度的办法》。',
    },
    { name: 'Markdown code is ignored', filename: 'x.md', text: '# 标题\n\n```\n其它工作\n```\n' },
    { name: 'not a word of its own (的确/实行)', text: '的确实行了新制度。' },
  ],
  invalid: [
    {
      name: '确实 before a verb of work → 切实',
      text: '2023年，我镇确实加强法治宣传，确实履行第一责任人职责。',
      errors: [
        {
          message:
            '“确实”应为“切实”：“切实”意为实实在在地，用在要做的事之前（切实加强、切实做好）；“确实”意为的确',
          line: 1,
          column: 9,
          endColumn: 11,
          severity: 'warning',
        },
        { messageIncludes: said('确实', '切实'), line: 1, column: 18, endColumn: 20 },
      ],
      output: '2023年，我镇切实加强法治宣传，切实履行第一责任人职责。',
    },
    {
      name: '切实 meaning indeed → 确实',
      text: '执法力量不足的问题切实存在。',
      errors: [
        {
          message: '“切实”应为“确实”：“确实”意为的确（问题确实存在）；“切实”意为实实在在地，用在要做的事之前',
          line: 1,
          column: 10,
          endColumn: 12,
        },
      ],
      output: '执法力量不足的问题确实存在。',
    },
    {
      name: '推荐 before 法治政府建设 or 工作 → 推进',
      text: '加快推荐法治政府建设，推荐工作落实。',
      errors: [
        {
          message: '“推荐”应为“推进”：推动工作向前是“推进”；“推荐”是介绍人或事物供人选用',
          line: 1,
          column: 3,
          endColumn: 5,
        },
        { messageIncludes: said('推荐', '推进'), line: 1, column: 12, endColumn: 14 },
      ],
      output: '加快推进法治政府建设，推进工作落实。',
    },
    {
      name: '截止 before a date or a time word → 截至',
      text: '截止2023年底，共办结12件；截止今年6月，截止上半年。',
      errors: [
        {
          message:
            '“截止”应为“截至”：表示到某一时间为止，时间点之前用“截至”；“截止”表示到期停止，用在时间之后（5月1日截止）',
          line: 1,
          column: 1,
          endColumn: 3,
        },
        { messageIncludes: said('截止', '截至'), line: 1, column: 17, endColumn: 19 },
        { messageIncludes: said('截止', '截至'), line: 1, column: 24, endColumn: 26 },
      ],
      output: '截至2023年底，共办结12件；截至今年6月，截至上半年。',
    },
    {
      name: '截至 after the date at the end of a clause, and 截至日期 → 截止',
      text: '报名于5月1日截至。截至日期不变。',
      errors: [
        {
          message: '“截至”应为“截止”：“截止”表示到期停止，用在时间之后（5月1日截止）；“截至”后面要接时间点',
          line: 1,
          column: 8,
          endColumn: 10,
        },
        {
          message: '“截至”应为“截止”：表示到期停止的时间是“截止日期”“截止时间”',
          line: 1,
          column: 11,
          endColumn: 13,
        },
      ],
      output: '报名于5月1日截止。截止日期不变。',
    },
    {
      name: '以至 before a bad result → 以致',
      text: '部分案件久拖不决，以至出现越级上访。',
      errors: [
        {
          message: '“以至”应为“以致”：引出不好的结果用“以致”（以致出现）；“以至”表示延伸到某种程度（以至于）',
          line: 1,
          column: 10,
          endColumn: 12,
        },
      ],
      output: '部分案件久拖不决，以致出现越级上访。',
    },
    {
      name: '制订 a rule or a 办法 → 制定',
      text: '制订管理制度，制订《某镇行政执法管理办法》。',
      errors: [
        {
          message: '“制订”应为“制定”：定出制度、政策、法规用“制定”；“制订”用于计划、方案',
          line: 1,
          column: 1,
          endColumn: 3,
        },
        { messageIncludes: said('制订', '制定'), line: 1, column: 8, endColumn: 10 },
      ],
      output: '制定管理制度，制定《某镇行政执法管理办法》。',
    },
    {
      name: '其它 → 其他',
      text: '其它工作有序推进。',
      errors: [
        { message: '“其它”应为“其他”：“其它”同“其他”，公文统一写作“其他”', line: 1, column: 1, endColumn: 3 },
      ],
      output: '其他工作有序推进。',
    },
    {
      name: '反应问题 → 反映',
      text: '及时回应群众反应的问题和诉求。',
      errors: [
        {
          message: '“反应”应为“反映”：把情况、问题告诉上级或有关方面是“反映”；“反应”是受到刺激后的变化',
          line: 1,
          column: 7,
          endColumn: 9,
        },
      ],
      output: '及时回应群众反映的问题和诉求。',
    },
  ],
});

it('leaves to typo what typo reports (截止目前)', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const text = '截止目前，共办结12件。';
  const ids = linter.lintText(text, '/r.txt').messages.map((m) => m.ruleId);
  expect(ids.filter((id) => id === 'typo' || id === 'confusable')).toEqual(['typo']);
});

it('a new pair is data: a user rule of this kind needs no code, and its patterns run on RE2', async () => {
  const linter = await createLinter({
    cwd: '/',
    configPath: undefined,
    settings: new Map([
      [
        'confusable',
        {
          severity: 'warning',
          options: {
            pairs: [
              { found: '必须品', expected: '必需品', reason: '必需是必不可少', followedBy: '(储备|供应)' },
            ],
          },
        },
      ],
    ]),
  });
  const found = linter
    .lintText('做好必须品储备，必须品。', '/r.txt')
    .messages.filter((m) => m.ruleId === 'confusable');
  expect(found.map((m) => [m.column, m.message])).toEqual([[3, '“必须品”应为“必需品”：必需是必不可少']]);
});
