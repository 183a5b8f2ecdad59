import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { expectSafeFixes } from '../helpers/fix-safety.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DOC =
  '全年办理案件12件,同比下降10%;开展普法活动36场:覆盖全镇。纳入全县党委(党组)学习计划,群众满意度高!是否落实?已落实,已完成,已总结,已归档。';

ruleTester('punctuation-width', {
  valid: [
    '我镇深入推进依法行政，于10:30召开会议，投入1,000万元，比例1:2。',
    {
      name: 'look-alikes',
      text: '〔2025〕37号，处罚金3.15万元，“1+1+9”工作部署，12345热线，“6·26”国际禁毒日、“12·4”国家宪法日。',
    },
    { name: 'Latin text and URLs', text: 'Hello, world (test)! 详见 https://example.gov.cn/a?b=1,2 。' },
    {
      name: 'Markdown list items and links',
      filename: 'x.md',
      text: '1) 第一项\n2) 第二项\n\n见[链接文字](https://example.gov.cn/a)文字\n\n`代码:内容`\n',
    },
    { name: 'Markdown numbered list 1.', filename: 'x.md', text: '1. 完善制度\n2. 加强培训\n' },
  ],
  invalid: [
    {
      name: 'a few half-width marks: each reported and fixed',
      text: '我镇深入推进依法行政,取得积极成效。纳入全县党委(党组)学习计划：共3项; 全部完成。',
      errors: [
        {
          message: '半角“,”应改为全角“，”：中文行文使用全角标点（GB/T 15834）',
          line: 1,
          column: 11,
          endColumn: 12,
        },
        {
          message: '半角“(”应改为全角“（”：中文行文使用全角标点（GB/T 15834）',
          line: 1,
          column: 25,
          endColumn: 26,
        },
        {
          message: '半角“)”应改为全角“）”：中文行文使用全角标点（GB/T 15834）',
          line: 1,
          column: 28,
          endColumn: 29,
        },
        {
          message: '半角“;”应改为全角“；”：中文行文使用全角标点（GB/T 15834）',
          line: 1,
          column: 37,
          endColumn: 39,
        },
      ],
      output: '我镇深入推进依法行政，取得积极成效。纳入全县党委（党组）学习计划：共3项；全部完成。',
    },
    {
      name: 'brackets are converted as a pair',
      text: '启用执法记录仪(GPS)系统。',
      errors: [
        { messageIncludes: '半角“(”', line: 1, column: 8 },
        { messageIncludes: '半角“)”', line: 1, column: 12 },
      ],
      output: '启用执法记录仪（GPS）系统。',
    },
    {
      name: 'a whole half-width document: reported once, fixed at once',
      text: DOC,
      errors: [
        {
          message:
            '全文有11处标点为半角（自此处的“,”起），中文行文应使用全角标点（GB/T 15834）。多半是复制或格式转换造成的：运行 fazhi-lint --fix 可一次全部改为全角',
          line: 1,
          column: 10,
          data: { count: 11 },
        },
      ],
      output: DOC.replace(/,/g, '，')
        .replace(/;/g, '；')
        .replace(/:/g, '：')
        .replace(/\(/g, '（')
        .replace(/\)/g, '）')
        .replace(/!/g, '！')
        .replace(/\?/g, '？'),
    },
    {
      name: 'one finding per mark when the options ask for it',
      text: DOC,
      options: { documentMinimum: 100 },
      errors: [10, 18, 28, 40, 43, 48, 55, 60, 64, 68, 72].map((column) => ({ line: 1, column })),
    },
    {
      name: 'positions after an astral character',
      text: '𠀀𠀀,中文。',
      errors: [{ messageIncludes: '半角“,”', line: 1, column: 5, endColumn: 6 }],
      output: '𠀀𠀀，中文。',
    },
  ],
});

it('punctuation-width on the real seeds: once per document', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const found = (name: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8'), name)
      .messages.filter((m) => m.ruleId === 'punctuation-width' && m.data?.count !== undefined)
      .map((m) => `${m.line}:${m.column} ${m.data?.count}`);
  expect(found('000_3c0df08b306f7395.txt')).toEqual(['9:31 145']);
  expect(found('001_33dfb61e85867be8.txt')).toEqual(['2:7 187']);
  expect(found('002_0ca269bc21c17480.txt')).toEqual(['2:51 134']);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual(['5:6 146']);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual(['1:27 228']);
});

describe('punctuation-width fixes (property)', () => {
  const pieces = [
    '我镇',
    '深入推进',
    '依法行政',
    '，',
    '。',
    '共办理',
    '案件',
    '3.15万元',
    '10:30',
    '1,000',
    'GPS',
    '𠀀',
    ' ',
    '〔2025〕37号',
    '“1+1+9”',
  ];
  const defects = [',', ';', ':', '(', ')', '?', '!', '(党组)', ', '];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...defects)), { minLength: 1, maxLength: 40 })
    .map((a) => a.join(''));

  for (const options of [undefined, { documentMinimum: 1000 }]) {
    it(`fixes stay inside their ranges and are idempotent${options ? ' (per mark)' : ''}`, async () => {
      const settings = new Map(
        options ? [['punctuation-width', { severity: 'warning' as const, options }]] : [],
      );
      const linter = await createLinter({ configPath: undefined, cwd: '/', settings });
      const only = (m: { ruleId: string }) => m.ruleId === 'punctuation-width';
      fc.assert(
        fc.property(text, (t) => {
          // Half-width → full-width maps one character to one (absorbed spaces aside).
          const once = expectSafeFixes(linter, t, only);
          expect(linter.lintText(once, 'x.txt').messages.filter(only)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
