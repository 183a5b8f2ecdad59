import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { BUILTIN_RULES_DIR, loadRuleDir } from '../../src/engine/load-rules.js';

/**
 * Every shipped rule proves itself with its own examples: each `examples.invalid` text gives at least one
 * finding of that rule, each `examples.valid` text none. Rules are read from `rules/` when the tests run,
 * so a rule added tomorrow is covered without touching this file.
 */
const rules = loadRuleDir(fileURLToPath(BUILTIN_RULES_DIR), { trusted: true }).sort((a, b) =>
  a.id.localeCompare(b.id),
);
// No config file of this repository (or of the machine) may change what the examples give.
const linter = await createLinter({ cwd: '/' });

/** Examples written in Markdown (headings, comments) are linted as Markdown; the rest as plain text. */
function exampleFile(text: string): string {
  return /^#{1,6}\s|<!--/m.test(text) ? '/virtual/示例.md' : '/virtual/示例.txt';
}

const findings = (ruleId: string, text: string) =>
  linter.lintText(text, exampleFile(text)).messages.filter((m) => m.ruleId === ruleId);

describe('every shipped rule fires on its own invalid examples and stays quiet on its valid ones', () => {
  it('finds the shipped rules', () => {
    expect(rules.length).toBeGreaterThanOrEqual(7);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const invalid = rule.examples?.invalid ?? [];
      const valid = rule.examples?.valid ?? [];

      it('has at least one invalid example', () => {
        expect(
          invalid.length,
          `${rule.file}: 请在 examples.invalid 中至少写一个会被本规则报告的例子`,
        ).toBeGreaterThan(0);
      });

      for (const [i, text] of invalid.entries()) {
        it(`invalid #${i + 1} gives a finding`, () => {
          expect(
            findings(rule.id, text).length,
            `${rule.file} examples.invalid[${i}] 没有产生 ${rule.id} 的结果：\n${text}`,
          ).toBeGreaterThan(0);
        });
      }

      for (const [i, text] of valid.entries()) {
        it(`valid #${i + 1} gives none`, () => {
          expect(
            findings(rule.id, text).map((m) => `${m.line}:${m.column} ${m.message}`),
            `${rule.file} examples.valid[${i}] 不应产生 ${rule.id} 的结果`,
          ).toEqual([]);
        });
      }
    });
  }
});
