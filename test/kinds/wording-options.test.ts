import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { configErrorsOf, configErrorsOfAsync, tempTree } from '../engine/helpers.js';

/** A user's rule file of a kind of issue #16, loaded from a folder as `--rules` does; its errors as `line:column: message`. */
function errorsOf(kind: string, body: string): string[] {
  const dir = tempTree({
    'pack/r.yaml': `id: r\nkind: ${kind}\nseverity: warning\nmessage: “{found}”\ndescription: 测试\n${body}`,
  });
  const file = join(dir, 'pack/r.yaml');
  return configErrorsOf(() => loadRuleDir(dir, { trusted: false })).map((e) => e.replace(`${file}:`, ''));
}

describe('options of the wording kinds are checked when the rule loads', () => {
  it.each([
    [
      'an unknown field',
      '  - { members: [甲乙, 丙丁], order: 1 }',
      '第 1 项（甲乙、丙丁）有未知字段 “order”',
    ],
    [
      'too many members to share',
      '  - { members: [甲乙, 丙丁], minShared: 5 }',
      '第 1 项（甲乙、丙丁）的 minShared 应为 2 到 2 之间的整数',
    ],
    ['one member', '  - { members: [甲乙] }', '第 1 项的 members 应为至少两项的列表'],
    [
      'a variant of no member',
      '  - { members: [甲乙, 丙丁], variants: { 戊己: [庚辛] } }',
      '第 1 项（甲乙、丙丁）的 variants 中“戊己”不是 members 之一',
    ],
  ])('formulation enumerations: %s', (_name, entry, message) => {
    expect(errorsOf('formulation', `formulations: []\nenumerations:\n${entry}\n`)).toEqual([
      `7:1: ${message}`,
    ]);
  });

  it('confusable: a pair without its reason, a context that is no pattern', () => {
    expect(errorsOf('confusable', 'pairs:\n  - { found: 甲, expected: 乙 }\n')).toEqual([
      '6:1: 第 1 项（甲→乙）缺少 reason（简短的理由）',
    ]);
    expect(
      errorsOf('confusable', 'pairs:\n  - { found: 甲, expected: 乙, reason: 理由, followedBy: 3 }\n'),
    ).toEqual(['6:1: 第 1 项（甲→乙）的 followedBy 应为正则表达式字符串']);
  });

  it('placeholder: an unknown format', () => {
    expect(errorsOf('placeholder', 'placeholders:\n  - { name: 空白, pattern: _+, format: docx }\n')).toEqual(
      ['6:1: 第 1 项（空白）的 format 应为 text 或 markdown'],
    );
  });

  it('a context pattern RE2 cannot run names its rule, pair and field', async () => {
    const dir = tempTree({
      'pack/r.yaml':
        'id: r\nkind: confusable\nseverity: warning\nmessage: “{found}”\ndescription: 测试\npairs:\n  - { found: 甲, expected: 乙, reason: 理由, precededBy: "(?<!丙)" }\n',
    });
    const errors = await configErrorsOfAsync(async () =>
      (await createLinter({ cwd: '/', rulesDirs: [dir] })).lintText('甲', '/r.txt'),
    );
    expect(errors.join('\n')).toContain('规则 r 无法准备：pairs 第 1 项（甲→乙）的 precededBy 无法编译：');
  });
});
