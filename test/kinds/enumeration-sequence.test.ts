import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const T = '某镇2024年法治政府建设情况报告\n';

ruleTester('enumeration-sequence', {
  valid: [
    {
      name: 'leads run across the paragraphs of a section and restart in the next (seed 000)',
      text: `${T}一、主要做法\n（一）组织领导\n一是加强领导。\n\n二是健全制度。\n\n三是强化督查。\n（二）普法宣传\n一是强化宣传。\n二是优化服务。\n二、存在的不足\n一是宣传不够。二是力量不足。`,
    },
    {
      name: 'a new 一是 opens a new run in the same section',
      text: `${T}一、存在的不足\n主要表现为：一是意识不强。二是问题较多。\n原因在于：一是培训不够。二是机制不全。三是意识不强。`,
    },
    {
      name: 'numbering restarts under every parent',
      text: `${T}一、甲\n（一）子\n1.细目\n2.细目\n（二）子\n1.细目\n（1）小项\n（2）小项\n二、乙\n（一）子`,
    },
    { name: 'half-width markers', text: `${T}一、甲\n(一)子\n(二)子\n(三)子` },
    {
      name: 'Markdown ordered list numbers itself',
      filename: 'x.md',
      text: '# 某镇2024年法治政府建设情况报告\n\n一、甲\n\n1. 第一项\n1. 第二项\n1. 第三项\n',
    },
    {
      name: 'look-alikes',
      text: `${T}一、甲\n处罚金3.15万元，〔2025〕37号，“1+1+9”工作部署，12345热线。\n下一步，我镇将……`,
    },
    { name: 'a run that starts after a comma', text: `${T}一、甲\n主要有三点，一是完善制度。二是加强培训。` },
  ],
  invalid: [
    {
      name: 'seed 001: 一是 … 三是 … 三是',
      text: `${T}一、积极构建政府治理体系\n一是深入推进简政放权。调整优化。三是加快推进“一网通办”。推进。三是强化事中事后监管。`,
      errors: [
        {
          message: '序号“三是”跳号：前一个是“一是”，此处应为“二是”',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 19,
        },
        { message: '序号“三是”与前一个重复：此处应为“四是”', line: 3, column: 33, endLine: 3, endColumn: 35 },
      ],
      output: null,
    },
    {
      name: 'headings skip, repeat and go backwards within their parent',
      text: `${T}一、甲\n三、乙\n三、丙\n二、丁`,
      errors: [
        { message: '序号“三、”跳号：前一个是“一、”，此处应为“二、”', line: 3, column: 1, endColumn: 3 },
        { message: '序号“三、”与前一个重复：此处应为“四、”', line: 4, column: 1 },
        { message: '序号“二、”倒退：前一个是“三、”，此处应为“四、”', line: 5, column: 1 },
      ],
    },
    {
      name: 'the writer’s own marker form is kept: (二) 2．',
      text: `${T}一、甲\n(一)子\n(三)子\n1．细目\n3．细目`,
      errors: [
        { message: '序号“(三)”跳号：前一个是“(一)”，此处应为“(二)”', line: 4, column: 1 },
        { message: '序号“3．”跳号：前一个是“1．”，此处应为“2．”', line: 6, column: 1 },
      ],
    },
    {
      name: 'a sequence that does not start at one',
      text: `${T}一、甲\n（二）子\n二是加强培训。`,
      errors: [
        { message: '序号从“（二）”开始：同一层级应从“（一）”起编号', line: 3, column: 1 },
        { message: '序号从“二是”开始：同一层级应从“一是”起编号', line: 4, column: 1 },
      ],
    },
    {
      name: 'positions after an astral character',
      text: `${T}一、甲\n一是𠀀𠀀。三是乙。`,
      errors: [{ messageIncludes: '此处应为“二是”', line: 3, column: 8, endColumn: 10 }],
    },
  ],
});

it('enumeration-sequence on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'enumeration-sequence')
      .map((m) => `${m.line}:${m.column} ${m.message}`);
  expect(found('001_33dfb61e85867be8.txt')).toEqual([
    '7:184 序号“三是”跳号：前一个是“一是”，此处应为“二是”',
    '7:384 序号“三是”与前一个重复：此处应为“四是”',
    '13:234 序号“三是”跳号：前一个是“一是”，此处应为“二是”',
  ]);
  // (三) runs its text on after 。 while (一) and (二) stand alone: the inconsistency issue #16 cites.
  expect(found('002_0ca269bc21c17480.txt')).toEqual([
    '9:1 标题“(三)加大宣传力度,营造法治氛围”末尾用了“。”，同级的“(一)”“(二)”末尾没有标点：同级标题的标点应一致',
  ]);
  for (const name of ['000_3c0df08b306f7395.txt', '003_dd6b3d9d359ab452.txt', '004_de2a7d4be22d8b04.txt']) {
    expect(found(name)).toEqual([]);
  }
});
