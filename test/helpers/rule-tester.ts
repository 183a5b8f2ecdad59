import { describe, expect, it } from 'vitest';
import type { RuleSetting } from '../../src/engine/config.js';
import { createLinter, type Linter, textSource } from '../../src/engine/linter.js';
import type { LintMessage, Severity } from '../../src/engine/types.js';

/** One expected finding: exact message (or a part of it), exact positions. */
export interface Expected {
  message?: string;
  /** A substring of the message, when the exact wording is tested elsewhere. */
  messageIncludes?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  data?: Record<string, string | number>;
}

export interface ValidCase {
  text: string;
  /** File name decides the format (.md or .txt). */
  filename?: string;
  options?: Record<string, unknown>;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  errors: Expected[];
  /** Text after `--fix`; omit when the rule offers no fix for this case, `null` to assert there is none. */
  output?: string | null;
}

const linters = new Map<string, Promise<Linter>>();

function linterFor(ruleId: string, options: Record<string, unknown> | undefined): Promise<Linter> {
  const key = `${ruleId}\0${JSON.stringify(options ?? null)}`;
  let l = linters.get(key);
  if (!l) {
    const settings = new Map<string, RuleSetting>();
    if (options) settings.set(ruleId, { severity: 'error', options });
    // Config files of this repository must not leak into rule tests.
    l = createLinter({ settings, configPath: undefined, cwd: '/' });
    linters.set(key, l);
  }
  return l;
}

export async function messagesOf(ruleId: string, c: ValidCase): Promise<LintMessage[]> {
  const linter = await linterFor(ruleId, c.options);
  return linter
    .lintText(c.text, c.filename ?? '/virtual/report.txt')
    .messages.filter((m) => m.ruleId === ruleId);
}

/** ESLint's RuleTester, for YAML rules: valid snippets give no finding of the rule; invalid ones give exactly these. */
export function ruleTester(
  ruleId: string,
  cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] },
): void {
  describe(ruleId, () => {
    for (const [i, v] of cases.valid.entries()) {
      const c = typeof v === 'string' ? { text: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        expect(await messagesOf(ruleId, c)).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const got = await messagesOf(ruleId, c);
        const shape = got.map((m, j) => {
          const want = c.errors[j];
          return {
            ...(want?.message !== undefined ? { message: m.message } : {}),
            ...(want?.messageIncludes !== undefined
              ? {
                  messageIncludes: m.message.includes(want.messageIncludes)
                    ? want.messageIncludes
                    : m.message,
                }
              : {}),
            line: m.line,
            column: m.column,
            ...(want?.endLine !== undefined ? { endLine: m.endLine } : {}),
            ...(want?.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
            ...(want?.severity !== undefined ? { severity: m.severity } : {}),
            ...(want?.data !== undefined ? { data: pick(m.data, want.data) } : {}),
          };
        });
        expect(shape).toEqual(c.errors);
        if (c.output !== undefined) {
          const linter = await linterFor(ruleId, c.options);
          const fixed = linter.fixSource(
            textSource(c.text, c.filename ?? '/virtual/report.txt'),
            (m) => m.ruleId === ruleId,
          ).output;
          expect(fixed).toBe(c.output === null ? c.text : c.output);
        }
      });
    }
  });
}

function pick(
  data: Record<string, string | number> | undefined,
  keys: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(keys)) out[k] = data?.[k];
  return out;
}
