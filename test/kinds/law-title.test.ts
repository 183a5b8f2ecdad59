import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const Y = (year: number | string) => `某镇${year}年法治政府建设情况报告\n`;

ruleTester('law-title', {
  valid: [
    {
      name: 'laws and regulations in force, with or without 中华人民共和国, with a qualifier',
      text: `${Y(2024)}学习《中华人民共和国民法典》《行政处罚法》《村民委员会组织法》《重大行政决策程序暂行条例》《中华人民共和国信访工作条例》《中华人民共和国行政处罚法（2021年修订）》《宪法》。`,
    },
    {
      name: 'local documents, central and Party documents, names near no listed title',
      text: `${Y(2024)}落实《湖南省重大行政决策程序规定》《四川省行政调解工作暂行办法》《某县2025年法治政府建设工作要点》《法治政府建设实施纲要（2021—2025年）》《中国共产党纪律处分条例》《党政机关公文处理工作条例》《律师事务所管理办法》《中华人民共和国刑法修正案（十一）》。`,
    },
    {
      name: 'a title still in force through the report’s year (2021 cites 环境保护法)',
      text: `${Y(2021)}贯彻《中华人民共和国环境保护法》《中华人民共和国固体废物污染环境防治法》。`,
    },
    {
      name: 'a title in Markdown code',
      filename: 'x.md',
      text: `# ${Y(2024)}\n\`《城市村民委员会组织法》\`\n`,
    },
  ],
  invalid: [
    {
      name: 'a near miss (seed 000): the full title, fixed',
      text: `${Y(2021)}深入学习和实施《城市村民委员会组织法》和《村民委员会组织法》。`,
      errors: [
        {
          message: '法律法规名称有误：《城市村民委员会组织法》应为《中华人民共和国城市居民委员会组织法》',
          line: 2,
          column: 9,
          endColumn: 19,
          severity: 'error',
        },
      ],
      output: `${Y(2021)}深入学习和实施《中华人民共和国城市居民委员会组织法》和《村民委员会组织法》。`,
    },
    {
      name: '法 for 条例 and 条例 for 法, fixed',
      text: `${Y(2024)}贯彻落实《政府信息公开法》《信访法》《安全生产条例》。`,
      errors: [
        {
          message: '《政府信息公开法》应为《中华人民共和国政府信息公开条例》：名称是“……条例”，不是“……法”',
          line: 2,
          column: 6,
          endColumn: 13,
        },
        { messageIncludes: '《信访法》应为《信访工作条例》', line: 2, column: 15, endColumn: 18 },
        {
          message: '《安全生产条例》应为《中华人民共和国安全生产法》：它是法律，名称是“……法”，不是“……条例”',
          line: 2,
          column: 20,
        },
      ],
      output: `${Y(2024)}贯彻落实《中华人民共和国政府信息公开条例》《信访工作条例》《中华人民共和国安全生产法》。`,
    },
    {
      name: 'a title no longer in force in the report’s year: renamed, repealed, and since the year began',
      text: `${Y(2027)}贯彻《中华人民共和国环境保护法》《行政复议条例》《信访条例》。\n2021年学习《合同法》。`,
      errors: [
        {
          message:
            '《中华人民共和国环境保护法》已于2026年8月15日被《中华人民共和国生态环境法典》取代：2027年的报告应引用现行的《中华人民共和国生态环境法典》',
          line: 2,
          column: 4,
          endColumn: 16,
          severity: 'error',
        },
        {
          messageIncludes: '《行政复议条例》已于1999年10月1日被《中华人民共和国行政复议法》取代',
          line: 2,
          column: 18,
        },
        {
          message: '《信访条例》已于2022年3月29日废止：2027年的报告不应再把它作为依据',
          line: 2,
          column: 26,
          severity: 'error',
        },
        {
          messageIncludes: '《合同法》已于2021年1月1日被《中华人民共和国民法典》取代：2027年的报告',
          line: 3,
          column: 9,
        },
      ],
      output: null,
    },
    {
      name: 'lapsed during the report’s year, or the year unclear: warnings',
      text: `${Y(2026)}贯彻《环境保护法》。`,
      errors: [
        {
          message:
            '《环境保护法》已于2026年8月15日被《中华人民共和国生态环境法典》取代：报告年度内此前的工作可以引用，此后应引用《中华人民共和国生态环境法典》',
          line: 2,
          column: 4,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'no year anywhere: a warning',
      text: '某镇法治政府建设情况报告\n贯彻《行政机关公务员处分条例》。',
      errors: [
        {
          message:
            '《行政机关公务员处分条例》已于2024年12月6日废止：看不出报告所属年度，请核对引用时它是否仍然有效',
          line: 2,
          column: 4,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a successor renamed in turn: the one in force that year',
      text: `${Y(2023)}落实《退伍义务兵安置条例》。`,
      errors: [
        {
          messageIncludes: '已被《退役士兵安置条例》取代：失效日期不详',
          line: 2,
          column: 4,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'two characters off: a warning without fix',
      text: `${Y(2024)}学习《城镇居民委会组织法》。`,
      errors: [
        {
          message:
            '《城镇居民委会组织法》不是现行法律法规的名称，可能是《中华人民共和国城市居民委员会组织法》，请核对',
          line: 2,
          column: 4,
          severity: 'warning',
        },
      ],
      output: null,
    },
  ],
});

it('law-title on the real seeds: only the near miss of seed 000', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'law-title')
      .map((m) => `${m.line}:${m.column} ${m.data?.found}`);
  expect(found('000_3c0df08b306f7395.txt')).toEqual(['23:22 城市村民委员会组织法']);
  for (const name of [
    '001_33dfb61e85867be8.txt',
    '002_0ca269bc21c17480.txt',
    '003_dd6b3d9d359ab452.txt',
    '004_de2a7d4be22d8b04.txt',
  ])
    expect(found(name)).toEqual([]);
});

describe('scripts/update-law-titles.mjs', async () => {
  const script = new URL('../../scripts/update-law-titles.mjs', import.meta.url).href;
  const { renderLawData, updateRuleFile, MARKER, RULE_FILE } = (await import(script)) as {
    renderLawData(texts: { laws: string; superseded: string; regulations: string }): string;
    updateRuleFile(ruleText: string, generated: string): string;
    MARKER: string;
    RULE_FILE: string;
  };

  it('renders laws, superseded titles (successor, date) and regulations less the repealed ones', () => {
    const out = renderLawData({
      laws: '中华人民共和国宪法\n中华人民共和国民法典\n',
      superseded: [
        'level\tformer_title\treplaced_by\trepeal_effective\tevidence',
        '法律\t中华人民共和国合同法\t中华人民共和国民法典\t2021-01-01\ttext',
        '行政法规\t信访条例\t(repealed; no successor named)\t2022-03-29 (decision date, inferred)\tx',
        '法律\t中华人民共和国乡镇企业法\t(dropped from catalogue; instrument not seen)\tby 2025-12-31\tx',
        '未核实\t中、小学卫生工作暂行规定(草案)\t学校卫生工作条例\t\tx',
      ].join('\n'),
      regulations:
        'title\tlatest_version_date_seen\tknown_repealed\n信访条例\t2005-01-10\tyes\n信访工作条例\t2022-02-25\t\n',
    });
    expect(out).toBe(
      [
        MARKER,
        '# 现行有效的法律：2 件',
        'laws:',
        '  - 中华人民共和国宪法',
        '  - 中华人民共和国民法典',
        '# 已废止或改名的名称：4 个（by：取代它的名称；from：失效日期，只知年份时为年份，不详时省略）',
        'superseded:',
        '  - { title: 中华人民共和国合同法, by: 中华人民共和国民法典, from: "2021-01-01" }',
        '  - { title: 信访条例, from: "2022-03-29" }',
        '  - { title: 中华人民共和国乡镇企业法, from: "2025-12-31" }',
        '  - { title: "中、小学卫生工作暂行规定(草案)", by: 学校卫生工作条例 }',
        '# 行政法规（不论现行与否，只用来识别写错的名称）：1 件',
        'regulations:',
        '  - 信访工作条例',
        '',
      ].join('\n'),
    );
    expect(updateRuleFile(`id: x\n${MARKER}\nold\n`, out)).toBe(`id: x\n${out}`);
  });

  const data = fileURLToPath(new URL('../../../shared/data/laws/', import.meta.url));
  it.runIf(existsSync(data))('the shipped rule file is what the script makes of the catalogue files', () => {
    const r = spawnSync(process.execPath, ['scripts/update-law-titles.mjs', data, '--check'], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(RULE_FILE, 'utf8')).toContain('  - 中华人民共和国城市居民委员会组织法\n');
  });
});
