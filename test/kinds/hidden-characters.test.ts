import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('hidden-characters', {
  valid: [
    '\u3000\u3000我镇深入推进依法行政。\n\u3000\u3000全年办理案件12件。',
    { name: 'ordinary spaces and tabs are not this rule’s business', text: 'Hello world\t2025\n    缩进' },
    { name: 'a BOM at the very start is the encoding’s', text: '\ufeff我镇深入推进依法行政。' },
    {
      name: 'look-alikes',
      text: '〔2025〕37号，3.15万元，“1+1+9”，12345热线，“6·26”国际禁毒日、“12·4”国家宪法日。',
    },
    { name: 'Markdown code is ignored', filename: 'x.md', text: '正文。\n\n```\n甲\u200b乙\n```\n' },
  ],
  invalid: [
    {
      name: 'zero-width space and a BOM mid-text',
      text: '我镇深入推进\u200b依法行政。\n第二份\ufeff报告',
      errors: [
        {
          message: '不可见字符：零宽空格（U+200B），多为复制粘贴带入，会干扰检索和比对，请删除',
          line: 1,
          column: 7,
          endColumn: 8,
        },
        {
          message: '不可见字符：字节顺序标记（BOM）（U+FEFF），多为复制粘贴带入，会干扰检索和比对，请删除',
          line: 2,
          column: 4,
        },
      ],
      output: '我镇深入推进依法行政。\n第二份报告',
    },
    {
      name: 'control characters',
      text: '甲\u0007乙\u000c丙',
      errors: [
        { message: '控制字符 U+0007：文本中不应出现，多为从其他软件复制带入，请删除', line: 1, column: 2 },
        { messageIncludes: 'U+000C', line: 1, column: 4 },
      ],
      output: '甲乙丙',
    },
    {
      name: 'alignment inside a line, at its start, at its end, and a blank line (seed 000)',
      text: '某镇人民政府\u00a0\u00a0\u00a0\u00a02025年1月20日\n\u00a0 \u00a0 某镇人民政府\u00a0\u00a0\n\u00a0\n法治\u3000政府',
      errors: [
        {
          message:
            '行内有4个不间断空格（U+00A0）：多为排版对齐遗留，看不出却会干扰检索和排版，请改为一个普通空格',
          line: 1,
          column: 7,
          endColumn: 11,
        },
        {
          message:
            '行首用不间断空格（U+00A0）对齐：公文版式由排版决定，不用空格对齐，请删除（段首缩进两个全角空格除外）',
          line: 2,
          column: 1,
          endColumn: 5,
        },
        { message: '行尾有看不见的不间断空格（U+00A0），请删除', line: 2, column: 11 },
        { message: '空行里有看不见的不间断空格（U+00A0），请删除', line: 3, column: 1 },
        {
          message: '行内有1个全角空格（U+3000）：多为排版对齐遗留，看不出却会干扰检索和排版，请直接删除',
          line: 4,
          column: 3,
        },
      ],
      output: '某镇人民政府 2025年1月20日\n某镇人民政府\n\n法治政府',
    },
    {
      name: 'more than two full-width spaces at a line start',
      text: '\u3000\u3000\u3000\u3000\u3000\u3000某镇人民政府',
      errors: [{ messageIncludes: '行首用全角空格（U+3000）对齐', line: 1, column: 1, endColumn: 7 }],
      output: '某镇人民政府',
    },
    {
      name: 'positions after an astral character',
      text: '𠀀𠀀\u200b甲',
      errors: [{ messageIncludes: '零宽空格', line: 1, column: 5, endColumn: 6 }],
      output: '𠀀𠀀甲',
    },
  ],
});

it('hidden-characters on the real seeds', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'hidden-characters')
      .map((m) => `${m.line}:${m.column}`);
  // The web page's &nbsp; lines and the right-aligned signer and date.
  expect(found('000_3c0df08b306f7395.txt')).toEqual(['61:1', '63:1', '65:1', '67:1', '67:65', '69:1']);
  for (const name of [
    '001_33dfb61e85867be8.txt',
    '002_0ca269bc21c17480.txt',
    '003_dd6b3d9d359ab452.txt',
    '004_de2a7d4be22d8b04.txt',
  ]) {
    expect(found(name)).toEqual([]);
  }
});

it('every invisible or control character is found, each alone in a report, and its neighbours are not', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const reported = (c: number) =>
    linter
      .lintText(`我镇深入推进${String.fromCharCode(c)}依法行政。`, 'x.txt')
      .messages.some((m) => m.ruleId === 'hidden-characters' && m.column === 7);
  // The edges of each range the rule removes (controls, soft hyphen, zero-width, bidi, invisible operators, BOM).
  const suspects = [
    0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f, 0x9f, 0xad, 0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064,
    0x2066, 0x2069, 0xfeff,
  ];
  const neighbours = [0x09, 0x20, 0x7e, 0xa1, 0xac, 0xae, 0x2010, 0x2029, 0x202f, 0x2065, 0x206a, 0xfefe];
  expect(suspects.filter((c) => !reported(c))).toEqual([]);
  expect(neighbours.filter(reported)).toEqual([]);
});
