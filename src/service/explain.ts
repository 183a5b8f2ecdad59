import { join } from 'node:path';
import type { RuleSetting } from '../engine/config.js';
import { createLinter, similarIds } from '../engine/linter.js';
import type { Kind, OptionSchema, Severity } from '../engine/types.js';
import { kinds } from '../kinds/index.js';

/** What `explain` tells about a rule: why it exists, what it reports (shown by running it), its options. */
export interface Explanation {
  id: string;
  severity: Severity;
  /** False when the config in force switches the rule off. */
  active: boolean;
  kind: { name: string; description: string };
  pack: string;
  file: string;
  url: string;
  description: string;
  /** The norms the description cites: 《…》 regulations and GB/T standards. */
  norms: string[];
  /** The first invalid example that the rule reports, with what it reports there; else the first one, unreported. */
  invalid: { text: string; findings: ExampleFinding[] } | null;
  /** The first valid example the rule leaves alone (else the first one). */
  valid: string | null;
  options: ExplainedOption[];
}

export interface ExampleFinding {
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

export interface ExplainedOption {
  name: string;
  type: OptionSchema['type'];
  required: boolean;
  description: string;
  value: unknown;
  isDefault: boolean;
}

export type ExplainOutcome = { explanation: Explanation } | { unknown: string; similar: string[] };

export interface ExplainSettings {
  cwd: string;
  rulesDirs?: string[];
  configPath?: string;
}

/** The norms a rule cites: book-titled regulations 《…》 and national standards (GB/T 9704-2012 …). */
export function citedNorms(description: string): string[] {
  const found =
    description.match(
      /《[^》]+》(?:第[一二三四五六七八九十百零〇\d]+条)?|GB(?:\/T)?\s*[\d.]+(?:-\d{4})?(?:\s+[^\s：:，,。；;（(、]+)?/g,
    ) ?? [];
  const norms = [...new Set(found.map((s) => s.trim()))];
  // “GB/T 15835” later in the text is the same norm as “GB/T 15835-2011 出版物上数字的用法” earlier.
  return norms.filter((n) => !norms.some((o) => o !== n && o.startsWith(n)));
}

/**
 * Explains one rule as the config in force for a report in `cwd` sees it. The examples run with this rule
 * switched on at its current severity and options, whatever the config says. Throws ConfigErrors as createLinter.
 */
export async function explainRule(id: string, settings: ExplainSettings): Promise<ExplainOutcome> {
  const { cwd } = settings;
  const linterOptions = { cwd, rulesDirs: settings.rulesDirs, configPath: settings.configPath };
  const linter = await createLinter(linterOptions);
  const effective = linter.rulesFor(join(cwd, '示例.txt'));
  const all = [...effective, ...linter.rules.filter((r) => !effective.some((e) => e.id === r.id))];
  const active = effective.find((r) => r.id === id);
  const rule = active ?? all.find((r) => r.id === id);
  if (!rule)
    return {
      unknown: id,
      similar: similarIds(
        id,
        all.map((r) => r.id),
      ),
    };
  const kind = kinds[rule.kind] as Kind;
  const ruleSettings = new Map<string, RuleSetting>([
    [rule.id, { severity: rule.severity, options: { ...rule.options } }],
  ]);
  const exampleLinter = await createLinter({ ...linterOptions, settings: ruleSettings });
  const lint = (text: string): ExampleFinding[] => {
    const file = join(cwd, /^#{1,6}\s|<!--/m.test(text) ? '示例.md' : '示例.txt');
    return exampleLinter
      .lintText(text, file)
      .messages.filter((m) => m.ruleId === rule.id)
      .map(({ line, column, severity, message }) => ({ line, column, severity, message }));
  };
  const invalidExamples = rule.examples?.invalid ?? [];
  const failing = invalidExamples
    .map((text) => ({ text, findings: lint(text) }))
    .find((x) => x.findings.length > 0);
  const firstInvalid = invalidExamples[0];
  const validExamples = rule.examples?.valid ?? [];
  const passing = validExamples.find((text) => lint(text).length === 0) ?? validExamples[0];
  return {
    explanation: {
      id: rule.id,
      severity: rule.severity,
      active: active !== undefined,
      kind: { name: kind.name, description: kind.description },
      pack: rule.pack,
      file: rule.file,
      url: rule.url,
      description: rule.description,
      norms: citedNorms(rule.description),
      invalid: failing ?? (firstInvalid !== undefined ? { text: firstInvalid, findings: [] } : null),
      valid: passing ?? null,
      options: Object.entries(kind.options).map(([name, schema]) => {
        const value = rule.options[name];
        return {
          name,
          type: schema.type,
          required: schema.required === true,
          description: schema.description,
          value,
          isDefault: schema.default !== undefined && JSON.stringify(schema.default) === JSON.stringify(value),
        };
      }),
    },
  };
}
