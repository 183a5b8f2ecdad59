import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const advert = (found: string) => `“${found}”是博彩、彩票广告，不是报告内容，应删除`;

ruleTester('spam', {
  valid: [
    {
      name: 'a clause reporting enforcement names gambling as its subject',
      text: '2023年，派出所查处六合彩、百家乐等赌博案件3起，破获“新葡京”网络赌博团伙1个。',
    },
    {
      name: 'ordinary words: 皇冠, 体育彩票, 文化体育, 庭审直播',
      text: '举办“皇冠杯”象棋比赛，入住皇冠假日酒店，规范体育彩票销售点管理，开展文化体育活动12场，组织观看庭审直播。',
    },
    {
      name: 'inside a standard formulation: formulation restores it, web-residue reports the advert',
      text: '2023年崇礼镇深入学习贯彻习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想，贯彻落实。',
    },
    {
      name: 'words next to junk: web-residue deletes them',
      text: '加快推进法治政府建设，足彩网¥在线直播，取得积极成效。',
    },
    {
      name: 'on a page-residue line: web-residue deletes the line',
      text: '您当前的位置：首页 > 新葡京娱乐城\n某镇2023年法治政府建设情况报告\n正文。',
    },
    { name: 'Markdown code', filename: 'x.md', text: '# 标题\n\n`新葡京娱乐城`\n' },
  ],
  invalid: [
    {
      name: 'glued to the title line: removed with its separator',
      text: '澳门新葡京娱乐城-某镇2023年法治政府建设情况报告\n2023年，我镇深入推进依法行政。',
      errors: [
        {
          message: advert('澳门新葡京娱乐城'),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          severity: 'error',
        },
      ],
      output: '某镇2023年法治政府建设情况报告\n2023年，我镇深入推进依法行政。',
    },
    {
      name: 'a line of its own before the title: removed with its line break',
      text: '新葡京娱乐城\n某镇2023年法治政府建设情况报告\n正文。',
      errors: [{ message: advert('新葡京娱乐城'), line: 1, column: 1, endLine: 2, endColumn: 1 }],
      output: '某镇2023年法治政府建设情况报告\n正文。',
    },
    {
      name: 'between commas in the body, with its ASCII tail: one comma goes with it',
      text: '2023年，我镇深入推进依法行政，皇冠体育hg0088，取得积极成效。',
      errors: [{ message: advert('皇冠体育hg0088'), line: 1, column: 18, endColumn: 29 }],
      output: '2023年，我镇深入推进依法行政，取得积极成效。',
    },
    {
      name: 'inside a sentence: reported, the sentence is the drafter’s to mend',
      text: '2023年，我镇在雷速体育直播中深入推进依法行政。',
      errors: [{ message: advert('雷速体育直播'), line: 1, column: 10, endColumn: 16 }],
      output: null,
    },
    {
      name: 'a pattern of the rule file (澳门…娱乐场) and a promotion word',
      text: '全镇购彩就上澳门银河娱乐场官网。',
      errors: [
        { message: advert('购彩'), line: 1, column: 3, endColumn: 5 },
        { message: advert('澳门银河娱乐场'), line: 1, column: 7, endColumn: 14 },
      ],
    },
  ],
});

it('one advert, one finding: formulation, web-residue and spam never report the same characters', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const text = [
    '澳门新葡京娱乐城-某镇2023年法治政府建设情况报告',
    '2023年崇礼镇深入学习贯彻习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想，贯彻落实。',
    '加快推进法治政府建设，足彩网¥在线直播，取得积极成效。',
    '全年开展普法活动12场，皇冠体育hg0088，群众满意。',
  ].join('\n');
  const adverts = linter
    .lintText(text, '/r.txt')
    .messages.filter((m) => ['spam', 'web-residue'].includes(m.ruleId))
    .map((m) => `${m.ruleId} ${text.slice(m.start, m.end)}`);
  // A finding's range is what its fix deletes: the title's separator, one of two commas.
  expect(adverts).toEqual([
    'spam 澳门新葡京娱乐城-',
    'web-residue 雷速体育_中国足彩网¥在线直播',
    'web-residue 足彩网¥在线直播，',
    'spam 皇冠体育hg0088，',
  ]);
});
