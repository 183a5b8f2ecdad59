import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('title', {
  valid: [
    '某镇人民政府2024年法治政府建设情况报告\n2024年，我镇深入推进依法行政。',
    {
      name: 'issuer before 关于',
      text: '眉山市东坡区崇礼镇人民政府关于2023年法治政府建设情况的报告\n正文。',
    },
    {
      name: 'Markdown heading title',
      filename: 'x.md',
      text: '# 某县司法局2024年法治政府建设年度报告\n\n正文。\n',
    },
  ],
  invalid: [
    {
      name: 'no title: reported at the first paragraph, with the signer as issuer',
      text: '您当前的位置: 首页 > 专题\n2024年，我镇深入推进依法行政。\n某镇人民政府\n2025年1月20日',
      errors: [
        {
          message:
            '缺少标题：报告首行应写明发文机关、年度、事由和文种，如“某镇人民政府2024年法治政府建设情况报告”',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'a page metadata line is never taken for the title, nor quoted as its issuer',
      text: '发布机构：某县司法局\t主题分类：法治政府建设\n成文日期：2024-03-01\n2023年，我局深入推进依法行政。\n某县司法局\n2024年3月1日',
      errors: [
        {
          message:
            '缺少标题：报告首行应写明发文机关、年度、事由和文种，如“某县司法局2023年法治政府建设情况报告”',
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: 'no issuer',
      text: '关于2023年法治政府建设情况的报告\n2023年，我乡推进依法行政。',
      errors: [
        {
          message:
            '标题缺少发文机关：公文标题由发文机关名称、事由和文种组成，年度报告还应写明年度，如“（发文机关）2023年法治政府建设情况报告”',
          line: 1,
          column: 1,
          endColumn: 19,
          data: { missing: 'issuer' },
        },
      ],
    },
    {
      name: 'no year, no doctype',
      text: '某镇人民政府法治政府建设工作总结\n2024年，我镇推进依法行政。',
      errors: [
        { messageIncludes: '标题缺少年度、文种：', line: 1, column: 1, data: { missing: 'year,doctype' } },
      ],
    },
    {
      name: 'subject missing (依法行政 report), astral issuer name',
      text: '𠀀镇人民政府2024年依法行政工作报告\n正文。',
      errors: [
        {
          messageIncludes: '如“𠀀镇人民政府2024年法治政府建设情况报告”',
          line: 1,
          column: 1,
          endColumn: 21,
          data: { missing: 'subject' },
        },
      ],
    },
  ],
});

const seed = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');

it('title on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(seed(name), name)
      .messages.filter((m) => m.ruleId === 'title')
      .map((m) => [m.line, m.column, m.data?.missing ?? null]);
  expect(found('000_3c0df08b306f7395.txt')).toEqual([]);
  // The title belongs above the addressee 县人大常委会: — that is where it is reported.
  expect(found('001_33dfb61e85867be8.txt')).toEqual([[2, 1, null]]);
  expect(found('002_0ca269bc21c17480.txt')).toEqual([]);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual([[1, 1, 'issuer']]);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([[1, 1, null]]);
});
