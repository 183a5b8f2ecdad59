import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('book-title', {
  valid: [
    '我镇依法治理经验在《人民日报》《法治日报》刊发。',
    {
      name: 'the organisation, its apps and accounts, its staff',
      text: '人民日报社、人民日报客户端、人民日报微博、法治日报记者、中国青年报社予以关注，人民日报海外版转载。',
    },
    { name: 'inside a title', text: '学习《人民日报评论员文章汇编》和《关于在四川日报开设专栏的通知》。' },
    { name: 'a name and 报道 or 报告 (文汇报道)', text: '文汇报道，人民日报告。' },
    { name: 'Markdown code', filename: 'x.md', text: '# 标题\n\n`人民日报`\n' },
  ],
  invalid: [
    {
      name: 'two papers in a list: the 顿号 between them goes (GB/T 15834 4.5.3.5)',
      text: '我镇依法治理经验在人民日报、法治日报刊发。',
      errors: [
        {
          message: '“人民日报”是报刊名称，应加书名号：《人民日报》（GB/T 15834）',
          line: 1,
          column: 10,
          endColumn: 15,
          severity: 'warning',
        },
        {
          message: '“法治日报”是报刊名称，应加书名号：《法治日报》（GB/T 15834）',
          line: 1,
          column: 15,
          endColumn: 19,
        },
      ],
      output: '我镇依法治理经验在《人民日报》《法治日报》刊发。',
    },
    {
      name: 'quotes for 书名号',
      text: '相关做法被“四川日报”报道。',
      errors: [
        {
          message: '报刊名称“四川日报”应加书名号，不用引号：《四川日报》（GB/T 15834）',
          line: 1,
          column: 6,
          endColumn: 12,
        },
      ],
      output: '相关做法被《四川日报》报道。',
    },
    {
      name: 'a name at the end of a line, and before 刊发 (报刊 is a word)',
      text: '刊发于半月谈\n经验被学习时报和中国纪检监察报刊发',
      errors: [
        { messageIncludes: '《半月谈》', line: 1, column: 4, endColumn: 7 },
        { messageIncludes: '《学习时报》', line: 2, column: 4, endColumn: 8 },
        { messageIncludes: '《中国纪检监察报》', line: 2, column: 9, endColumn: 16 },
      ],
    },
  ],
});
