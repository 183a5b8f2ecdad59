import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const XI_NEW = '习近平新时代中国特色社会主义思想';
const GANGYAO = '法治政府建设实施纲要（2021—2025年）';

ruleTester('formulation', {
  valid: [
    `2023年，深入学习贯彻${XI_NEW}和习近平法治思想，学习习近平总书记重要讲话和习近平生态文明思想、习近平经济思想。`,
    {
      name: 'half-width brackets and hyphen are the punctuation rules’ business',
      text: '全面落实《法治政府建设实施纲要(2021-2025年)》《法治社会建设实施纲要(2020—2025年)》。',
    },
    { name: 'the predecessor 纲要', text: '推动落实《法治政府建设实施纲要(2015-2020年)》。' },
    {
      name: 'a local plan named like the 纲要',
      text: '全面落实《重庆市法治政府建设实施方案(2021—2025年)》和《辽宁省贯彻法治中国建设规划实施方案(2021—2025年)》。',
    },
    {
      name: '法制 where it is right',
      text: '坚持领导干部学法制度和学法用法制度，落实重大执法决定法制审核制度，维护国家法制统一，由法制机构审查。',
    },
    {
      name: 'the series in order, with or without 顿号',
      text: '引导群众尊法、学法、守法、用法，定期报告尊法学法守法用法情况。',
    },
    {
      name: 'quoted 八五, half-width quotes too',
      text: '将习近平法治思想纳入“八五”普法规划，"八五"普法中期评估。',
    },
    { name: 'plenum lists', text: '2020年，深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神。' },
    { name: '法制副校长 was the name before 2021', text: '2020年，各中小学校设立法制副校长。' },
    {
      name: 'look-alikes of other rules',
      text: '“6·26”国际禁毒日、“12·4”国家宪法日，12345热线，〔2025〕37号，“1+1+9”工作部署。',
    },
    {
      name: 'first responsible duty body text is no near miss of the regulation title',
      text: '党政主要负责人履行推进法治建设第一责任人职责情况良好，严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。',
    },
    { name: 'Markdown code is ignored', filename: 'x.md', text: '# 标题\n\n```\n加强法制宣传\n```\n' },
  ],
  invalid: [
    {
      name: 'an advert injected inside the formulation (seed 002): restored',
      text: `2023年崇礼镇深入学习贯彻习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想,贯彻落实。`,
      errors: [
        {
          message: `规范表述“${XI_NEW}”中混入了无关文字“雷速体育_中国足彩网¥在线直播”（多为网页广告），应写作“${XI_NEW}”`,
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 44,
        },
      ],
      output: `2023年崇礼镇深入学习贯彻${XI_NEW},贯彻落实。`,
    },
    {
      name: 'a prose insertion is no advert: near-miss bounds only',
      text: `坚持以习近平新时代中国特色社会主义的思想为指导。`,
      errors: [
        {
          message: `“习近平新时代中国特色社会主义的思想”不是规范表述，应写作“${XI_NEW}”`,
          line: 1,
          column: 4,
          endColumn: 21,
        },
      ],
      output: `坚持以${XI_NEW}为指导。`,
    },
    {
      name: 'the 纲要 title with a bracket and 年 missing (seed 000)',
      text: '按照中共中央、国务院《法治政府建设实施纲要2021-2025)》的要求。',
      errors: [
        {
          message: `“法治政府建设实施纲要2021-2025)”不是规范表述，应写作“${GANGYAO}”`,
          line: 1,
          column: 12,
          endColumn: 32,
        },
      ],
      output: `按照中共中央、国务院《${GANGYAO}》的要求。`,
    },
    {
      name: 'a wrong year in a title',
      text: '落实《法治社会建设实施纲要（2021—2025年）》。',
      errors: [
        {
          message:
            '“法治社会建设实施纲要（2021—2025年）”不是规范表述，应写作“法治社会建设实施纲要（2020—2025年）”',
          line: 1,
          column: 4,
          endColumn: 26,
        },
      ],
      output: '落实《法治社会建设实施纲要（2020—2025年）》。',
    },
    {
      name: 'a near miss with an open end is reported, not fixed',
      text: '深入学习贯彻习近平法治思为指导。',
      errors: [
        { message: '“习近平法治思”不是规范表述，应写作“习近平法治思想”', line: 1, column: 7, endColumn: 13 },
      ],
      output: null,
    },
    {
      name: 'the first character dropped: found from the last anchor',
      text: '深入学习贯彻近平法治思想。',
      errors: [{ messageIncludes: '“近平法治思想”不是规范表述', line: 1, column: 7, endColumn: 13 }],
      output: null,
    },
    {
      name: 'a known variant of the regulation title',
      text: '学习《党政主要负责人履行推进法治政府建设第一责任人职责规定》。',
      errors: [
        {
          message:
            '“党政主要负责人履行推进法治政府建设第一责任人职责规定”不是规范表述，应写作“党政主要负责人履行推进法治建设第一责任人职责规定”',
          line: 1,
          column: 4,
          endColumn: 30,
        },
      ],
      output: '学习《党政主要负责人履行推进法治建设第一责任人职责规定》。',
    },
    {
      name: '法制 for 法治 (seed 000)',
      text: '2021年，加强干部法制教育培训，在中小学校设立法制副校长，开展法制宣传教育。',
      errors: [
        { message: '“法制教育”不是规范表述，应写作“法治教育”', line: 1, column: 11, endColumn: 15 },
        { message: '“法制副校长”不是规范表述，应写作“法治副校长”', line: 1, column: 25, endColumn: 30 },
        { message: '“法制宣传”不是规范表述，应写作“法治宣传”', line: 1, column: 33, endColumn: 37 },
      ],
      output: '2021年，加强干部法治教育培训，在中小学校设立法治副校长，开展法治宣传教育。',
    },
    {
      name: '八五 without quotes',
      text: '2022年，制定八五普法规划。',
      errors: [{ message: '“八五普法”不是规范表述，应写作““八五”普法”', line: 1, column: 9, endColumn: 13 }],
      output: '2022年，制定“八五”普法规划。',
    },
    {
      name: 'the series out of order (seed 002), separators kept',
      text: '不断提高广大干部群众学法、守法、尊法、用法水平。',
      errors: [
        {
          message:
            '“学法、守法、尊法、用法”顺序不规范：规范表述是“尊法学法守法用法”，应写作“尊法、学法、守法、用法”',
          line: 1,
          column: 11,
          endColumn: 22,
        },
      ],
      output: '不断提高广大干部群众尊法、学法、守法、用法水平。',
    },
    {
      name: '十九大 for 十九届 before a plenum',
      text: '深入贯彻党的十九大五中全会精神。',
      errors: [
        {
          message: '“十九大五中全会”不是规范表述，应写作“十九届五中全会”',
          line: 1,
          column: 7,
          endColumn: 14,
        },
      ],
      output: '深入贯彻党的十九届五中全会精神。',
    },
    {
      name: 'a plenum held after the report year: a warning, also inside a list',
      text: '某镇2020年法治政府建设情况报告\n深入贯彻十九届六中全会精神和十九届五中、六中全会精神。',
      errors: [
        {
          message:
            '“十九届六中全会”是2021年11月才有的提法，不应出现在2020年度的报告中：请核对会议届次或文件名称',
          line: 2,
          column: 5,
          endColumn: 12,
          severity: 'warning',
        },
        {
          messageIncludes: '“十九届六中全会”是2021年11月才有的提法',
          line: 2,
          column: 21,
          endColumn: 23,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'Markdown: positions in the source',
      filename: 'x.md',
      text: '# 某镇2023年法治政府建设情况报告\n\n- 深入学习习近平法制思想。\n',
      errors: [
        {
          message: '“习近平法制思想”不是规范表述，应写作“习近平法治思想”',
          line: 3,
          column: 7,
          endColumn: 14,
        },
      ],
      output: '# 某镇2023年法治政府建设情况报告\n\n- 深入学习习近平法治思想。\n',
    },
    {
      name: 'astral characters before the finding',
      text: '𠀀𠀀深入学习习近平法制思想。',
      errors: [{ messageIncludes: '习近平法制思想', line: 1, column: 9, endColumn: 16 }],
    },
  ],
});

it('formulation on the real seeds', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const found = (file: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8'), file)
      .messages.filter((m) => m.ruleId === 'formulation')
      .map((m) => `${m.line}:${m.column} ${m.data?.found} → ${m.fix?.text ?? '(no fix)'}`);
  expect(found('000_3c0df08b306f7395.txt')).toEqual([
    `9:12 法治政府建设实施纲要2021-2025) → ${GANGYAO}`,
    '21:7 法制教育 → 法治教育',
    '21:182 法制教育 → 法治教育',
    '29:141 法制副校长 → 法治副校长',
    '29:158 法制培训 → 法治培训',
  ]);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([]);
  expect(found('002_0ca269bc21c17480.txt')).toEqual([
    `2:22 习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想 → ${XI_NEW}`,
    '2:173 学法、守法、尊法、用法 → 尊法、学法、守法、用法',
    // The meeting of November 2020 is the 中央全面依法治国工作会议; without 工作 the name could also mean a meeting
    // of the 委员会, so no fix.
    '5:93 中央全面依法治国会议 → (no fix)',
  ]);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual([]);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([]);
});
