import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('typo', {
  valid: [
    '12345政务服务便民热线平台运行稳中有序。',
    {
      name: '平合 inside other words (公平/合法性, 和平/合作)',
      text: '共进行规范性文件公平合法性审查20件，坚持和平合作，持平合计。',
    },
    { name: '按排 inside 按/排名', text: '按排名顺序通报。' },
    {
      name: 'look-alikes of other rules',
      text: '“6·26”国际禁毒日、“12·4”国家宪法日，12345热线，〔2025〕37号，“1+1+9”工作部署，学法制度，法制审核，法制统一。',
    },
    { name: 'Markdown code is ignored', filename: 'x.md', text: '# 标题\n\n```\n平合\n```\n' },
    {
      name: 'what the language doubles: reduplications, AABB, ABB, measure words, two words sharing a character',
      text: '人人参与，常常下乡，层层压实，天天巡查，家家户户，规规矩矩，扎扎实实，亮堂堂的，个个到位，一一对应，事事有回音，件件有着落，认认真真，年年有余。转变工作作风，学习宪法法律，学习习近平法治思想，完善法律法规规章，研究研究再说。',
    },
    {
      name: 'administrative levels make compounds the dictionary lacks; an office before its head',
      text: '全县县乡两级，全镇镇村干部，全市市直部门，全区区直单位，岳坊司法所所长，卫生院院长，林业站站长。',
    },
    {
      name: 'a character between the halves of a word is meant when it is grammar or makes a compound',
      text: '一是部分村干部意识不强，建设法治型政府，坚持法治和政府建设同推进，深化民主法治村建设，依法不行政的现象。',
    },
    { name: 'doubled characters in Markdown code', filename: 'x.md', text: '正文。\n\n`全面面推进`\n' },
  ],
  invalid: [
    {
      name: '平合 on its own (seed 001)',
      text: '12345 政务服务便民热线平合运行稳中有序。',
      errors: [{ message: '“平合”是错别字，应写作“平台”', line: 1, column: 15, endLine: 1, endColumn: 17 }],
      output: '12345 政务服务便民热线平台运行稳中有序。',
    },
    {
      name: 'after a guillemet and before digits',
      text: '“一网通办»平合2098个便民服务事项网上可办。',
      errors: [{ message: '“平合”是错别字，应写作“平台”', line: 1, column: 7, endColumn: 9 }],
      output: '“一网通办»平台2098个便民服务事项网上可办。',
    },
    {
      name: 'several in one sentence',
      text: '充分发择职能作用，做好刑满释放人员和利满释放人员帮教，做好防羽抗旱工作，未经挑准不得开工。',
      errors: [
        { message: '“发择”是错别字，应写作“发挥”', line: 1, column: 3, endColumn: 5 },
        { message: '“利满释放”是错别字，应写作“刑满释放”', line: 1, column: 19, endColumn: 23 },
        { message: '“防羽抗旱”是错别字，应写作“防汛抗旱”', line: 1, column: 30, endColumn: 34 },
        { message: '“未经挑准”是错别字，应写作“未经批准”', line: 1, column: 37, endColumn: 41 },
      ],
      output: '充分发挥职能作用，做好刑满释放人员和刑满释放人员帮教，做好防汛抗旱工作，未经批准不得开工。',
    },
    {
      name: 'a compound word of the dictionary is listed whole',
      text: '下放 20 项行政执法杈基础上。',
      errors: [{ message: '“行政执法杈”是错别字，应写作“行政执法权”', line: 1, column: 8, endColumn: 13 }],
      output: '下放 20 项行政执法权基础上。',
    },
    {
      name: 'the longest entry wins',
      text: '建立工作台帐，认真贯切落实上级布署。',
      errors: [
        { message: '“工作台帐”是错别字，应写作“工作台账”', line: 1, column: 3, endColumn: 7 },
        { message: '“贯切”是错别字，应写作“贯彻”', line: 1, column: 10, endColumn: 12 },
        { message: '“布署”是错别字，应写作“部署”', line: 1, column: 16, endColumn: 18 },
      ],
      output: '建立工作台账，认真贯彻落实上级部署。',
    },
    {
      name: 'a doubled character (the second copy, the first copy, at a clause end): warnings without fix',
      text: '我镇全面面推进依法行政，深入推推进法治宣传，落实到位置置。',
      errors: [
        {
          message: '“全面面推进”中的“面”多打了一个，应为“全面推进”',
          line: 1,
          column: 3,
          endColumn: 8,
          severity: 'warning',
        },
        { message: '“深入推推进”中的“推”多打了一个，应为“深入推进”', line: 1, column: 13, endColumn: 18 },
        { messageIncludes: '“位置置”中的“置”多打了一个', line: 1, column: 26, endColumn: 29 },
      ],
      output: null,
    },
    {
      name: 'a stray character inside a word, and between the two words of a term',
      text: '坚持依法行安政，加强行政划执法监督。',
      errors: [
        {
          message: '“依法行安政”中多了一个“安”，应为“依法行政”',
          line: 1,
          column: 3,
          endColumn: 8,
          severity: 'warning',
        },
        { message: '“行政划执法”中多了一个“划”，应为“行政执法”', line: 1, column: 11, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'slips can be switched off',
      text: '我镇全面面推进依法行政，平合运行。',
      options: { confusions: { 平合: '平台' }, slips: false },
      errors: [{ message: '“平合”是错别字，应写作“平台”', line: 1, column: 13, endColumn: 15 }],
    },
    {
      name: 'Markdown, after an astral character',
      filename: 'x.md',
      text: '# 标题\n\n- 𠀀截止目前，已按装监控12处。\n',
      errors: [
        { message: '“截止目前”是错别字，应写作“截至目前”', line: 3, column: 5, endColumn: 9 },
        { message: '“按装”是错别字，应写作“安装”', line: 3, column: 11, endColumn: 13 },
      ],
      output: '# 标题\n\n- 𠀀截至目前，已安装监控12处。\n',
    },
  ],
});

it('typo on the real seeds', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const found = (file: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8'), file)
      .messages.filter((m) => m.ruleId === 'typo')
      .map((m) => `${m.line}:${m.column} ${m.data?.found}→${m.data?.replacement}`);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([
    '7:137 行政执法杈→行政执法权',
    '7:247 平合→平台',
    '7:409 平合→平台',
    '11:406 未经挑准→未经批准',
    '13:51 防羽抗旱→防汛抗旱',
    '15:87 发择→发挥',
    '15:100 利满释放→刑满释放',
    '19:307 平合→平台',
  ]);
  // 公平合法性审查 on line 9 of the same report is no 平合.
  for (const f of [
    '000_3c0df08b306f7395.txt',
    '002_0ca269bc21c17480.txt',
    '003_dd6b3d9d359ab452.txt',
    '004_de2a7d4be22d8b04.txt',
  ])
    expect(found(f)).toEqual([]);
});
