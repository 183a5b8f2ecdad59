import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('year-consistency', {
  valid: [
    {
      name: 'the next-year plan, citations, ranges and history',
      text: '某镇2024年法治政府建设情况报告\n一、2024年工作情况\n全面落实《法治政府建设实施纲要（2021—2025年）》，2019年以来累计办理案件300件，较2023年增长5%。\n二、2025年工作安排\n2025年，我镇将继续推进依法行政。\n某镇人民政府\n2025年1月20日',
    },
    {
      name: '今年 in a report dated in its own year',
      text: '某镇2023年法治政府建设情况报告\n今年以来共调处矛盾纠纷48起。\n某镇人民政府\n2023年12月22日',
    },
    {
      name: '今年 in the plan part means the writing year',
      text: '某镇2024年法治政府建设情况报告\n一、工作情况\n全年办理案件12件。\n二、下一步工作安排\n今年，我镇将继续推进依法行政。\n某镇人民政府\n2025年1月20日',
    },
    {
      name: 'look-alikes',
      text: '某镇2024年法治政府建设情况报告\n〔2025〕37号，3.15万元，“1+1+9”，12345热线，“6·26”国际禁毒日、“12·4”国家宪法日。\n下一步，我镇将……',
    },
    {
      name: 'older history at a sentence start',
      text: '某镇2024年法治政府建设情况报告\n2019年，我镇被评为省级民主法治示范镇。',
    },
  ],
  invalid: [
    {
      name: 'a heading from last year’s report',
      text: '某镇2025年法治政府建设情况报告\n一、2024年工作情况\n全年办理行政复议案件12件。',
      errors: [
        {
          message: '标题中的“2024年”与报告年度2025年不符：本报告总结2025年的工作，请核对年份',
          line: 2,
          column: 3,
          endColumn: 8,
        },
      ],
    },
    {
      name: 'a plan heading for the report year',
      text: '某镇2024年法治政府建设情况报告\n一、工作情况\n全年办理案件12件。\n二、2024年工作安排\n完善制度。',
      errors: [
        {
          message: '下一年度安排的标题写的是“2024年”：2024年度报告应安排2025年的工作，请核对年份',
          line: 4,
          column: 3,
        },
      ],
    },
    {
      name: 'a results sentence about the previous year',
      text: '某镇2024年法治政府建设情况报告\n一、工作情况\n2023年，我镇共办理案件12件。',
      errors: [
        {
          message: '“2023年”与报告年度2024年不符：本报告总结2024年的工作，请核对是否沿用了其他年度的材料',
          line: 3,
          column: 1,
          endColumn: 6,
        },
      ],
    },
    {
      name: '今年 in a report written the next year (info)',
      text: '某镇2021年法治政府建设情况报告\n今年以来，我镇累计提供法律咨询103人次。\n某镇人民政府\n2022年1月4日',
      errors: [
        {
          message:
            '“今年以来”指代不明：年度报告多在次年成文、公开，读者会把“今年”读作成文那一年，请写明“2021年以来”',
          line: 2,
          column: 1,
          endColumn: 5,
          severity: 'info',
        },
      ],
    },
    {
      name: 'positions after an astral character',
      text: '𠀀镇2025年法治政府建设情况报告\n一、𠀀2024年工作情况',
      errors: [{ messageIncludes: '“2024年”', line: 2, column: 5, endColumn: 10 }],
    },
  ],
});

it('year-consistency on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'year-consistency')
      .map((m) => `${m.line}:${m.column} ${m.severity} ${m.data?.found}`);
  // Dated 20211223 and 2023年12月22日: 今年 is the report year there.
  expect(found('000_3c0df08b306f7395.txt')).toEqual([]);
  expect(found('002_0ca269bc21c17480.txt')).toEqual([]);
  // Dated 2022年7月4日: 今年再次梳理出… means 2021 only to someone who knows.
  expect(found('001_33dfb61e85867be8.txt')).toEqual(['7:145 info 今年']);
  // No closing date: 今年开展各类专项整治检查945次.
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual(['39:31 info 今年']);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([]);
});
