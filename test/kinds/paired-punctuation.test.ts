import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('paired-punctuation', {
  valid: [
    '组织学习《民法典》《行政处罚法》，开展“6·26”国际禁毒日、“12·4”国家宪法日宣传活动。',
    { name: 'look-alikes', text: '〔2025〕37号文件，“1+1+9”工作部署，12345热线，处罚金3.15万元。' },
    {
      name: 'nested marks',
      text: '落实《铁岭县贯彻落实〈法治社会建设实施纲要（2020—2025年）〉具体举措》，他说：“要落实‘谁执法谁普法’责任制。”',
    },
    {
      name: 'half-width and mixed-width brackets pair up',
      text: '纳入全县党委(党组)学习计划，各村（社区)全覆盖。',
    },
    { name: 'list numbering 1) 2) is no stray bracket', text: '主要有：1)完善制度；2)加强培训。' },
    { name: 'comparison signs and apostrophes', text: 'when x<5 and y>3, the people’s choice' },
    { name: 'Markdown code is ignored', filename: 'x.md', text: '正文。\n\n```\n“未闭合\n```\n\n`《`\n' },
    {
      name: 'a quote never spans paragraphs, but each paragraph is balanced',
      text: '第一段“甲”。\n第二段“乙”。',
    },
    { name: 'an item between quoted items keeps its 顿号', text: '开展“3·15”活动、“4·15”宣传。' },
  ],
  invalid: [
    {
      name: 'cross-match: both ends',
      text: '深化“放管服”改革，加快推进“一网通办》。',
      errors: [
        {
          message: '左引号“与右书名号》不配对：左右应是同一种标点，写作“…”或《…》',
          line: 1,
          column: 15,
          endColumn: 16,
        },
        {
          message: '左引号“与右书名号》不配对：左右应是同一种标点，写作“…”或《…》',
          line: 1,
          column: 20,
          endColumn: 21,
        },
      ],
      output: null,
    },
    {
      name: 'unclosed quote, before the next one opens',
      text: '严格按照“七个建设标准，将“居民评理说事点”纳入考核。',
      errors: [{ message: '左引号“没有配对的右引号”：请补全或删去', line: 1, column: 5, endColumn: 6 }],
    },
    {
      name: 'stray closers',
      text: '《法治政府建设实施纲要2021—2025年)》，4148法律咨询热线》全天畅通。',
      errors: [
        { message: '右括号)前面没有与之配对的左括号（：请补全或删去', line: 1, column: 22 },
        { message: '右书名号》前面没有与之配对的左书名号《：请补全或删去', line: 1, column: 35 },
      ],
    },
    {
      name: 'ASCII <> as book-title marks: fixed, single marks inside 《》',
      text: '学习<行政处罚法>，审议《贯彻落实 <法治中国建设规划> 责任分工》。',
      errors: [
        { message: '用“<…>”作书名号不符合 GB/T 15834：应写作“《…》”', line: 1, column: 3, endColumn: 10 },
        { message: '用“<…>”作书名号不符合 GB/T 15834：应写作“〈…〉”', line: 1, column: 19, endColumn: 29 },
      ],
      output: '学习《行政处罚法》，审议《贯彻落实 〈法治中国建设规划〉 责任分工》。',
    },
    {
      name: '«» and a guillemet closing a quote',
      text: '学习«民法典»，推进“一网通办»平台建设。',
      errors: [
        { message: '用“«…»”作书名号不符合 GB/T 15834：应写作“《…》”', line: 1, column: 3, endColumn: 8 },
        { message: '左引号“与右尖引号»不配对：左右应是同一种标点，写作“…”', line: 1, column: 11 },
        { message: '左引号“与右尖引号»不配对：左右应是同一种标点，写作“…”', line: 1, column: 16 },
      ],
      output: null,
    },
    {
      name: '》、《 and ”、“: the same severity, one finding per list',
      text: '组织学习《民法典》、《行政处罚法》、〈行政许可法〉，开展法律“七进”、“国家宪法日”等活动，学习《信访工作条例》、《宪法》。',
      errors: [
        {
          message: '并列的3个书名号之间通常不用顿号：宜删去其间的顿号（GB/T 15834 4.5.3.5）',
          line: 1,
          column: 9,
          endColumn: 20,
          severity: 'warning',
          data: { count: 3 },
        },
        {
          message: '并列的2个引号之间通常不用顿号：宜删去其间的顿号（GB/T 15834 4.5.3.5）',
          line: 1,
          column: 34,
          endColumn: 37,
          severity: 'warning',
        },
        {
          messageIncludes: '并列的2个书名号',
          line: 1,
          column: 56,
          endColumn: 59,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'quotes and titles side by side are two lists',
      text: '落实“三项制度”、“双随机”、《行政处罚法》、《行政许可法》。',
      errors: [
        { messageIncludes: '并列的2个引号', line: 1, column: 8, endColumn: 11, severity: 'warning' },
        { messageIncludes: '并列的2个书名号', line: 1, column: 22, endColumn: 25, severity: 'warning' },
      ],
    },
    {
      name: 'positions after an astral character',
      text: '𠀀𠀀“甲',
      errors: [{ messageIncludes: '左引号“没有配对', line: 1, column: 5, endColumn: 6 }],
    },
  ],
});

it('paired-punctuation on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'paired-punctuation')
      .map((m) => `${m.line}:${m.column}`);
  // 《法治政府建设实施纲要2021-2025)》 and 《重大行政决策程序暂行条例》、《湖南省重大行政决策程序规定》
  expect(found('000_3c0df08b306f7395.txt')).toEqual(['9:31', '33:41']);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([
    '5:354', // <辽宁省贯彻法治中国建设规划实施方案(2021—2025年)> inside 《》
    '5:401', // 〈辽宁省贯彻落实 … 具体举措>
    '5:410', // <法治社会建设实施纲要(2020—2025年)> inside 《〈
    '5:439',
    '5:704', // pasted tail: …(2020—2025年)> and …(2021—2025年)>
    '5:735',
    '7:190', // “一网通办》
    '7:195',
    '7:241', // “一网通办»
    '7:246',
    '15:212', // “七个建设标准, (never closed)
    '15:307', // “全覆盖》
    '15:311',
    '15:352', // “居民评理说事点»
    '15:360',
    '17:105', // 4148 法律咨询热线》
    '17:262', // “美好生活·民法典相伴»
    '17:273',
  ]);
  // 《四川省行政调解工作暂行办法》、《民法典》、… six titles: one list.
  expect(found('002_0ca269bc21c17480.txt')).toEqual(['6:60', '9:27']);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual([]);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([]);
});
