import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const COUNTY = '某县人民政府2024年法治政府建设情况报告\n';
const TOWN = '青山镇人民政府2024年法治政府建设情况报告\n';

ruleTester('level-consistency', {
  valid: [
    {
      name: 'a county speaks of itself, of its townships and of 依法治县; compounds and 全市 it takes part in',
      text: `${COUNTY}2024年，我县深入推进全面依法治县，全县14个乡镇全部建成公共法律服务站。青山镇实现全镇村（社区）法律顾问全覆盖，红土乡实现全乡覆盖。\n作为全市试点地区，高标准完成全市疫情应急处置演练，规范全市场秩序，本区域内未发生重大案件。`,
    },
    {
      name: 'a township follows the province, leads within the county, cites and quotes',
      text: `${TOWN}贯彻省委、市委、县委部署，我镇在全县率先建成综合执法指挥中心，两名同志参加了全县行政执法培训，推进全面依法治县在我镇落地，学习《全省法治政府建设实施方案》，落实“我县的事我县办”要求。`,
    },
    {
      name: 'a county department speaks of its county',
      text: '某县司法局2024年法治政府建设情况报告\n2024年，我局推动全县法治政府建设，我县各乡镇全部建成公共法律服务站，全县办理案件20件。',
    },
    {
      name: 'regions of two kinds named: no kind is the report’s own',
      text: '某县2024年法治政府建设情况报告\n学习借鉴湖南省、广西壮族自治区经验，落实自治区部署。坚持民族区域自治制度。',
    },
    {
      name: 'a named province’s organs, and a report in a province saying 省委',
      text: '某县2024年法治政府建设情况报告\n贯彻湖南省委部署，落实省委、省政府要求，全省排名第三。',
    },
    { name: 'no level known', text: '2024年，我们深入推进依法行政，全镇、全县都有进步。' },
  ],
  invalid: [
    {
      name: 'a county report that says 我镇 and 全镇',
      text: `${COUNTY}2024年，我镇深入推进依法行政，全镇共办理行政复议案件12件。`,
      errors: [
        {
          message: '“我镇”不是本单位的自称：发文单位“某县人民政府”是县级单位，应写作“我县”',
          line: 2,
          column: 7,
          endColumn: 9,
          severity: 'error',
        },
        {
          message: '“全镇”不属于本单位：发文单位“某县人民政府”是县级单位，请写明是哪一个镇，或改为“全县”',
          line: 2,
          column: 18,
          endColumn: 20,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      name: 'a township that speaks as a county, another township kind, a province, and steers the city',
      text: `${TOWN}我镇认真落实我县部署，我乡干部学法12次，我省各项任务推动全市法治建设。`,
      errors: [
        {
          message: '“我县”是县级单位的自称：发文单位“青山镇人民政府”是镇级单位，请核对是否照抄了上级的材料',
          line: 2,
          column: 7,
          endColumn: 9,
          severity: 'warning',
        },
        { messageIncludes: '“我乡”不是本单位的自称', line: 2, column: 12, endColumn: 14, severity: 'error' },
        { messageIncludes: '“我省”是省级单位的自称', line: 2, column: 22, severity: 'warning' },
        {
          message: '“全市”是市级的范围：发文单位“青山镇人民政府”是镇级单位，请核对是否照抄了上级的材料',
          line: 2,
          column: 30,
          endColumn: 32,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a township takes on 全省 work (seed 002)',
      text: '眉山市东坡区崇礼镇人民政府2023年法治政府建设工作报告\n认真落实省委决策部署，持续提升全省国家工作人员法治素养，组织70名镇干部开展学法考法。',
      errors: [
        {
          messageIncludes: '“全省”是省级的范围：发文单位“眉山市东坡区崇礼镇人民政府”是镇级单位',
          line: 2,
          column: 16,
        },
      ],
    },
    {
      name: 'a garbled issuer (seed 003): the unit named by the body, fixed',
      text: '关于2023年法治政府建设情况的报告\n2023年，红土乡县坚持依法行政。制定《红土乡2023年招商引资工作方案》，红土乡殡葬服务站建成，我乡未发生行政诉讼。',
      errors: [
        {
          message: '“红土乡县”多了“县”：发文单位“红土乡”是乡级单位',
          line: 2,
          column: 7,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output:
        '关于2023年法治政府建设情况的报告\n2023年，红土乡坚持依法行政。制定《红土乡2023年招商引资工作方案》，红土乡殡葬服务站建成，我乡未发生行政诉讼。',
    },
    {
      name: 'a region of another kind: 自治区 in a report of 湖南省 (seed 000)',
      text: '沩山镇2021年法治政府建设情况报告\n我镇认真学习《湖南省重大行政决策程序规定》，落实自治区建立的制度。',
      errors: [
        {
          message: '“自治区”与本单位所在地区不符：正文写的是“湖南省”，请核对是否照抄了其他地区的材料',
          line: 2,
          column: 25,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      name: '省委 in a report of an autonomous region and of a municipality',
      text: '某县2024年法治政府建设情况报告\n落实广西壮族自治区党委部署，贯彻省委要求，我县推进依法行政。',
      errors: [
        { messageIncludes: '“省委”与本单位所在地区不符：正文写的是“广西壮族自治区”', line: 2, column: 17 },
      ],
    },
    {
      name: '省委 in a township of 重庆市',
      text: '红土乡2023年法治政府建设情况报告\n全面落实《重庆市法治政府建设实施方案》，贯彻省委部署，全乡推进依法行政。',
      errors: [{ messageIncludes: '正文写的是“重庆市”', line: 2, column: 23, endColumn: 25 }],
    },
    {
      name: 'the level from 我X when title and signer name none',
      text: '2024年法治政府建设情况报告\n2024年，我县推进依法行政，我县全年办理案件12件，全镇普法20场。',
      errors: [{ messageIncludes: '“全镇”不属于本单位：发文单位“本县”是县级单位', line: 2, column: 28 }],
    },
  ],
});

const seed = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');

it('level-consistency on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(seed(name), name)
      .messages.filter((m) => m.ruleId === 'level-consistency')
      .map((m) => `${m.line}:${m.column} ${m.severity} ${m.data?.found}`);
  // 落实自治区建立的重大行政决策责任追究制度, in a 湖南 township (its body cites 湖南省 twice): copied from elsewhere.
  expect(found('000_3c0df08b306f7395.txt')).toEqual(['41:142 warning 自治区']);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([]);
  // 持续提升全省国家工作人员法治素养: the province's goal, copied into a township's report.
  expect(found('002_0ca269bc21c17480.txt')).toEqual(['6:200 warning 全省']);
  // 2023年,红土乡县坚持…: the body names 红土乡 and says 我乡.
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual(['5:7 error 红土乡县']);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([]);
});
