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
    { name: 'the issuer after the year', text: '2024年青山街道法治政府建设情况报告\n正文。' },
    { name: 'a year written out', text: '某镇二〇二四年法治政府建设情况报告\n正文。' },
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
      name: 'a title broken after the issuer’s name: the issuer is known, the year is what is missing',
      text: '大河乡人民政府\n关于法治政府建设的情况报告\n2025年，我乡推进依法行政。',
      errors: [
        {
          message:
            '标题缺少年度：公文标题由发文机关名称、事由和文种组成，年度报告还应写明年度，如“大河乡人民政府2025年法治政府建设情况报告”',
          line: 2,
          column: 1,
          data: { missing: 'year' },
        },
      ],
    },
    {
      name: 'no issuer',
      text: '关于2023年法治政府建设情况的报告\n2023年，我乡推进依法行政。',
      errors: [
        {
          message:
            '标题缺少发文机关：公文标题由发文机关名称、事由和文种组成，年度报告还应写明年度，如“（发文机关）关于2023年法治政府建设情况的报告”',
          line: 1,
          column: 1,
          endColumn: 19,
          data: { missing: 'issuer' },
        },
      ],
    },
    {
      name: 'no issuer, no signer: the unit the body names as its own (seed 003)',
      text: '关于2023年法治政府建设情况的报告\n2023年，红土乡坚持依法行政。成立红土乡法治建设领导小组，制定《红土乡2023年招商引资工作方案》，我乡未出现违法行政。',
      errors: [
        {
          messageIncludes: '如“红土乡人民政府关于2023年法治政府建设情况的报告”',
          line: 1,
          column: 1,
          data: { missing: 'issuer' },
        },
      ],
    },
    {
      name: 'a bare level word where the issuer belongs is replaced, never kept as a fragment',
      text: '街道2024年法治政府建设情况报告\n2024年，青山街道推进依法行政。青山街道办事处聘请法律顾问2名，我街道办结案件12件。',
      errors: [{ messageIncludes: '如“青山街道办事处2024年法治政府建设情况报告”', line: 1, column: 1 }],
    },
    {
      name: 'phrases before the level character are no unit name (设立镇…, 依法治镇)',
      text: '关于2024年法治政府建设情况的报告\n设立镇公共法律服务工作站。设立镇调解中心。全面依法治镇。我镇推进依法行政。',
      errors: [{ messageIncludes: '如“（发文机关）关于2024年法治政府建设情况的报告”', line: 1, column: 1 }],
    },
    {
      name: 'no title: the year is never doubled, the issuer comes from the body',
      text: '2024年，我镇推进依法行政。青山镇人民政府聘请法律顾问。\n《青山镇2024年普法工作要点》印发实施。',
      errors: [{ messageIncludes: '如“青山镇人民政府2024年法治政府建设情况报告”', line: 1, column: 1 }],
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
  const example = linter
    .lintText(seed('003_dd6b3d9d359ab452.txt'), 'x.txt')
    .messages.find((m) => m.ruleId === 'title')?.data?.example;
  expect(example).toBe('红土乡人民政府关于2023年法治政府建设情况的报告');
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([[1, 1, null]]);
});
