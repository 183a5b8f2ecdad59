import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinter, textSource } from '../../src/engine/linter.js';

const rulesDirs = [fileURLToPath(new URL('../../fixtures/user-rules/', import.meta.url))];
const only = (ids: string[]) => (m: { ruleId: string }) => ids.includes(m.ruleId);

describe('user rules of the general kinds', async () => {
  const linter = await createLinter({ rulesDirs, cwd: '/' });

  it('pattern: one finding per match, with {match} in the message, columns in UTF-16', () => {
    const r = linter.lintText('𠀀咱们镇和我们单位都很好。', 'r.txt');
    expect(
      r.messages.filter(only(['no-wode'])).map((m) => [m.message, m.line, m.column, m.endColumn, m.severity]),
    ).toEqual([
      ['公文中不宜使用“咱们”', 1, 3, 5, 'warning'],
      ['公文中不宜使用“我们单位”', 1, 7, 11, 'warning'],
    ]);
  });

  it('substitution: the longest wrong form wins and the fix applies', () => {
    const text = '加强法制宣传教育和法制宣传。';
    const r = linter.lintText(text, 'r.txt');
    expect(r.messages.filter(only(['wording'])).map((m) => [m.message, m.column, m.endColumn])).toEqual([
      ['“法制宣传教育”应写作“法治宣传教育”', 3, 9],
      ['“法制宣传”应写作“法治宣传”', 10, 14],
    ]);
    expect(linter.fixSource(textSource(text, 'r.txt'), only(['wording'])).output).toBe(
      '加强法治宣传教育和法治宣传。',
    );
  });

  it('user patterns run on RE2: a catastrophic pattern finishes on a long adversarial line', async () => {
    const { compilePattern } = await import('../../src/engine/pattern.js');
    const p = compilePattern('(a+)+$', false);
    expect(p.findAll(`${'a'.repeat(50_000)}!`)).toEqual([]);
    expect(() => compilePattern('(a)\\1', false)).toThrow(/RE2/);
  });
});
