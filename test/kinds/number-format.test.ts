import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { expectSafeFixes } from '../helpers/fix-safety.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('number-format', {
  valid: [
    '全面落实《法治政府建设实施纲要（2021—2025年）》，“八五”普法（2021—2025年度）稳步推进。',
    {
      name: 'look-alikes',
      text: '〔2025〕37号，处罚金3.15万元，“1+1+9”工作部署，12345热线，“6·26”国际禁毒日、“12·4”国家宪法日。',
    },
    {
      name: 'dates and identifiers',
      text: '成文于2021年1月29日，电话0731-2021-2025，编号20211223，2020—2021学年。',
    },
    { name: 'decimals and times', text: '增长3.5%，于10:30召开，发放补贴9.35万元，2.5天。' },
    {
      name: 'the closing date is closing-date’s business',
      text: '某镇2024年法治政府建设情况报告\n正文。\n某镇人民政府\n2025年03月01日',
    },
    {
      name: 'Markdown code is ignored',
      filename: 'x.md',
      text: '正文。\n\n```\n2021-2025年\n```\n\n`20 项`\n',
    },
    { name: 'a URL', text: '详见 https://example.gov.cn/2021-2025/plan 。' },
    {
      name: 'figures in English text keep their spaces',
      text: '通过ISO 9001 质量管理体系认证，升级Windows 10 系统，建成5G 基站12个，服务G20 峰会，采用Python 3 版本。',
    },
    {
      name: 'a table row copied as text: spaces separate columns',
      text: '序号 单位 办理案件 调解成功\n1 青山镇 312 305\n2 红土乡\t296\t290',
    },
    { name: 'Markdown code', filename: 'x.md', text: '正文。\n\n`法律咨询 103人次`\n' },
    { name: 'spaces between Chinese words without a figure', text: '2024年3月5日 星期二，召开会议。' },
  ],
  invalid: [
    {
      name: 'hyphen, and 年 missing (seed 000)',
      text: '按照《法治政府建设实施纲要2021-2025)》的要求',
      errors: [
        {
          message:
            '年份范围“2021-2025”应写作“2021—2025年”：起止年份用一字线“—”连接，不用“-”，年份范围后应标明“年”（GB/T 15835）',
          line: 1,
          column: 14,
          endColumn: 23,
        },
      ],
      output: '按照《法治政府建设实施纲要2021—2025年)》的要求',
    },
    {
      name: 'the character 一 as a dash (seed 001)',
      text: '对2019一2021三年来制发的文件进行审查。',
      errors: [{ messageIncludes: '“一”是汉字，不能当连接号', line: 1, column: 2, endColumn: 11 }],
      output: '对2019—2021年三年来制发的文件进行审查。',
    },
    {
      name: 'no dash, tilde, spaces, two-em dash',
      text: '20212025年；2021～2025年；2021 — 2025 年；2021——2025年。',
      errors: [
        { messageIncludes: '起止年份之间缺少一字线“—”', line: 1, column: 1, endColumn: 10 },
        { messageIncludes: '不用“～”', line: 1, column: 11 },
        { messageIncludes: '年份范围中间不加空格', line: 1, column: 22, endColumn: 35 },
        { messageIncludes: '不用破折号“——”', line: 1, column: 36 },
      ],
      output: '2021—2025年；2021—2025年；2021—2025年；2021—2025年。',
    },
    {
      name: 'an em-dash range without 年',
      text: '编制《法治常平建设规划（2021—2025）》',
      errors: [
        {
          message: '年份范围“2021—2025”应写作“2021—2025年”：年份范围后应标明“年”（GB/T 15835）',
          line: 1,
          column: 13,
        },
      ],
      output: '编制《法治常平建设规划（2021—2025年）》',
    },
    {
      name: 'spaces between number and unit (seed 001)',
      text: '下放行政职权20 项，在2020 年巡河 1.1 万次。',
      errors: [
        { message: '“20 项”中数字与“项”之间不应有空格，应写作“20项”', line: 1, column: 7, endColumn: 11 },
        {
          message: '“2020 年”中数字与“年”之间不应有空格，应写作“2020年”',
          line: 1,
          column: 13,
          endColumn: 19,
        },
        {
          message: '“巡河 1.1 万”中数字与汉字之间不应有空格，应写作“巡河1.1万”',
          line: 1,
          column: 19,
          endColumn: 27,
        },
      ],
      output: '下放行政职权20项，在2020年巡河1.1万次。',
    },
    {
      name: 'a space before a figure, or after it before any word (seeds 000, 001)',
      text: '累计提供法律咨询 103人次，12345 便民热线受理诉求，4148 法律咨询热线全天畅通，合格率为　100%，于10:30 召开会议。',
      errors: [
        {
          message: '“咨询 103”中数字与汉字之间不应有空格，应写作“咨询103”',
          line: 1,
          column: 7,
          endColumn: 13,
        },
        {
          message: '“12345 便”中数字与汉字之间不应有空格，应写作“12345便”',
          line: 1,
          column: 16,
          endColumn: 23,
        },
        { messageIncludes: '“4148 法”', line: 1, column: 31, endColumn: 37 },
        { messageIncludes: '“率为　100%”', line: 1, column: 49, endColumn: 56 },
        { messageIncludes: '“10:30 召”', line: 1, column: 58, endColumn: 65 },
      ],
      output:
        '累计提供法律咨询103人次，12345便民热线受理诉求，4148法律咨询热线全天畅通，合格率为100%，于10:30召开会议。',
    },
    {
      name: 'spaces on both sides are one finding',
      text: '依照《条例》第 3 条办理，巡查 1.1 万次。',
      errors: [
        { message: '“第 3 条”中数字与汉字之间不应有空格，应写作“第3条”', line: 1, column: 7, endColumn: 12 },
        { messageIncludes: '“巡查 1.1 万”', line: 1, column: 15 },
      ],
      output: '依照《条例》第3条办理，巡查1.1万次。',
    },
    {
      name: 'zero padding in a date in the text',
      text: '于2024年03月05日召开会议。',
      errors: [
        { message: '日期“03月”应写作“3月”：月、日不编虚位（GB/T 9704）', line: 1, column: 7, endColumn: 10 },
        { message: '日期“05日”应写作“5日”：月、日不编虚位（GB/T 9704）', line: 1, column: 10, endColumn: 13 },
      ],
      output: '于2024年3月5日召开会议。',
    },
    {
      name: 'day names (seed 000)',
      text: '充分利用3.15消费者权益日、12.4国家宪法日和“6.26”国际禁毒日开展宣传。',
      errors: [
        {
          message:
            '节日名称“3.15”应写作“3·15”：表示月日的节日名称用间隔号“·”，“3.15”会被读作小数（GB/T 15834）',
          line: 1,
          column: 5,
          endColumn: 9,
        },
        { messageIncludes: '“12·4”', line: 1, column: 16 },
        { messageIncludes: '“6·26”', line: 1, column: 27 },
      ],
      output: '充分利用3·15消费者权益日、12·4国家宪法日和“6·26”国际禁毒日开展宣传。',
    },
    {
      name: 'positions after an astral character',
      text: '𠀀𠀀20 项',
      errors: [{ messageIncludes: '“20 项”', line: 1, column: 5, endColumn: 9 }],
      output: '𠀀𠀀20项',
    },
  ],
});

const seed = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');

it('number-format on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(seed(name), name)
      .messages.filter((m) => m.ruleId === 'number-format')
      .map((m) => `${m.line}:${m.column} ${m.data?.found}`);
  expect(found('000_3c0df08b306f7395.txt')).toEqual([
    '9:22 2021-2025',
    '27:139 3.15',
    '27:150 4.15',
    '27:160 6.26',
    '27:168 12.4',
    '51:253 咨询 103',
  ]);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([
    '5:511 2015-2020年',
    '7:65 20 项',
    '7:85 事项 866 项',
    '7:95 务项 1708',
    '7:124 2020 年',
    '7:130 下放 20 项',
    '7:163 事项 91 项',
    '7:218 25 个',
    '7:249 2098 个',
    '7:266 12345 便',
    '7:395 12345 政',
    '7:424 诉求 9383',
    '7:435 9268 件',
    '7:453 办结 182',
    '9:279 诉讼 44',
    '9:501 2019一2021',
    '11:263 巡河 1.1 万',
    '11:280 390 件',
    '11:344 岭县 2021 年',
    '13:292 516 台',
    '15:222 全县 14',
    '15:370 率为 100%',
    '17:70 案件 105 件',
    '17:94 4148 法',
    '17:117 案件 224 件',
    '17:132 高达 100%',
    '17:173 纠纷 24',
    '17:334 100 余',
    '17:361 用品 6000 余',
    '17:561 企业 13',
    '19:45 建议 54',
    '19:67 均达 100%',
    '19:263 解读 39',
    '21:237 成员 104',
  ]);
  expect(found('002_0ca269bc21c17480.txt')).toEqual([]);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual([]);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual(['16:163 2021-2025', '16:187 2021-2025']);
});

describe('number-format fixes (property)', () => {
  const pieces = [
    '我镇',
    '深入推进',
    '依法行政',
    '，',
    '。',
    '共办理',
    '案件',
    '3.15万元',
    '12345热线',
    '〔2025〕37号',
    '“1+1+9”',
    '2021—2025年',
    '今年',
  ];
  const defects = [
    '2021-2025年',
    '2019一2021',
    '20212025年',
    '20 项',
    '2025 年',
    '1.1 万次',
    '2024年03月',
    '3.15消费者权益日',
    '（2021—2025）',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...defects)), { minLength: 1, maxLength: 30 })
    .map((a) => a.join(''));

  it('fixes stay inside their ranges and are idempotent', async () => {
    const linter = await createLinter({ configPath: undefined, cwd: '/' });
    fc.assert(
      fc.property(text, (t) => {
        const once = expectSafeFixes(linter, t, (m) => m.ruleId === 'number-format');
        expect(linter.lintText(once, 'x.txt').messages.filter((m) => m.ruleId === 'number-format')).toEqual(
          [],
        );
      }),
      { numRuns: 300 },
    );
  });
});
