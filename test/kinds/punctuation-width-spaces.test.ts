import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { readSourceFile } from '../../src/input/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** Stray spaces next to Chinese punctuation (issue #16), apart from punctuation-width.test.ts so both can grow. */
ruleTester('punctuation-width', {
  valid: [
    '法治社会建设形成闭环体系。法治社会建设有序推进，“双减”等各项工作逐步落实。',
    {
      name: 'the paragraph indent and trailing blanks',
      text: '  法治社会建设有序推进。  \n（一）健全依法决策机制',
    },
    { name: 'Latin text and figures keep their spaces', text: 'English text, 10 items. 开展“ABC”宣传。' },
    {
      name: 'Markdown: heading marks, code, links',
      filename: 'x.md',
      text: '# （一）标题\n\n> “引用”\n\n`代码。 代码` 和 [链接](http://a.cn/x。 y)\n',
    },
    { name: 'U+3000 runs are hidden-characters’ to report', text: '我镇　，推进依法行政。' },
  ],
  invalid: [
    {
      name: 'after a full stop, after and before quotes (seed 001)',
      text: '形成闭环体系。 法治社会建设有序推进，“双减” 等各项工作逐步落实，说事点实现由 “全覆盖”。',
      errors: [
        {
          message: '“。”后有多余的空格，应删除：中文标点前后不加空格',
          line: 1,
          column: 8,
          endColumn: 9,
          severity: 'warning',
        },
        { message: '右引号后有多余的空格，应删除：中文标点前后不加空格', line: 1, column: 24, endColumn: 25 },
        { message: '左引号前有多余的空格，应删除：中文标点前后不加空格', line: 1, column: 41, endColumn: 42 },
      ],
      output: '形成闭环体系。法治社会建设有序推进，“双减”等各项工作逐步落实，说事点实现由“全覆盖”。',
    },
    {
      name: 'after a heading number, before a comma, a run of spaces and tabs',
      text: '（一） 健全依法决策机制\n项目 \t，以及',
      errors: [
        { message: '“）”后有多余的空格，应删除：中文标点前后不加空格', line: 1, column: 4, endColumn: 5 },
        { message: '“，”前有多余的空格，应删除：中文标点前后不加空格', line: 2, column: 3, endColumn: 5 },
      ],
      output: '（一）健全依法决策机制\n项目，以及',
    },
  ],
});

it('a space before a half-width mark goes in the same pass as the mark becomes full-width', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const text = '项目 , 以及（党组） ,';
  const found = linter.lintText(text, 'x.txt').messages.filter((m) => m.ruleId === 'punctuation-width');
  expect(found.map((m) => `${m.column}-${m.endColumn} ${m.message.slice(0, 8)}`)).toEqual([
    '3-4 “，”前有多余的',
    '4-6 半角“,”应改为',
    '12-13 “）”后有多余的',
    '13-14 半角“,”应改为',
  ]);
});

it('stray spaces on the real seeds: five in 001, all around quotes and full stops', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const file = '001_33dfb61e85867be8.txt';
  const text = readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8');
  const found = linter
    .lintText(text, file)
    .messages.filter((m) => m.ruleId === 'punctuation-width' && m.data?.side !== undefined)
    .map((m) => `${m.line}:${m.column} ${text.slice(m.start - 2, m.end + 2)}`);
  expect(found).toEqual([
    '5:681 系。 法治',
    '7:492 开” 监管',
    '9:158 件” 被视',
    '11:183 减” 等各',
    '15:306 现由 “全',
  ]);
});

it('the space a Word line break is read as is no stray space (headings.docx: 4次，⏎组织)', async () => {
  const linter = await createLinter({ configPath: undefined, cwd: '/' });
  const source = await readSourceFile(
    fileURLToPath(new URL('../../fixtures/input/headings.docx', import.meta.url)),
  );
  expect(source.text).toContain('4次， 组织');
  expect(linter.lintSource(source).messages.filter((m) => m.ruleId === 'punctuation-width')).toEqual([]);
});
