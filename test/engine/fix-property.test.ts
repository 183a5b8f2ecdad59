import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { createLinter, textSource } from '../../src/engine/linter.js';
import type { LintMessage } from '../../src/engine/types.js';

/**
 * Fix safety as a property: over random Chinese text with defects injected, a fix pass changes text only inside
 * the ranges of the fixable findings it applies, `fixSource` ends in a stable text, and fixing that text again
 * changes nothing. The defects are taken from the shipped rules' own invalid examples — whatever fixable rules
 * exist when the test runs (number spacing, year ranges, closing dates, half-width commas, wordings …).
 */
const linter = await createLinter({ cwd: '/' });
const FILE = '/virtual/report.txt';

/** The lines of invalid examples that carry a fixable finding of their rule, and the whole example documents. */
function defectsFromExamples(): { lines: string[]; documents: string[] } {
  const lines = new Set<string>();
  const documents = new Set<string>();
  for (const rule of linter.rules) {
    for (const text of rule.examples?.invalid ?? []) {
      const fixable = linter.lintText(text, FILE).messages.filter((m) => m.ruleId === rule.id && m.fix);
      if (fixable.length === 0) continue;
      documents.add(text);
      for (const m of fixable) {
        const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
        const lineEnd = text.indexOf('\n', m.end);
        lines.add(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, ''));
      }
    }
  }
  return { lines: [...lines].filter((l) => l.trim() !== ''), documents: [...documents] };
}

const { lines: defectLines, documents: defectDocs } = defectsFromExamples();

const WORDS = [
  '我镇',
  '深入推进',
  '依法行政',
  '法治政府建设',
  '全年',
  '办理',
  '行政复议案件',
  '开展',
  '普法活动',
  '群众',
  '满意度',
  '加强',
  '队伍建设',
  '规范',
  '执法',
  '一是',
  '二是',
  '完善制度',
  '落实',
  '责任',
];
const PUNCT = ['，', '。', '、', '；', '：'];
const filler = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...PUNCT),
      fc.integer({ min: 1, max: 2030 }).map(String),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** One line: filler, a defect line, or a defect line with filler around it. */
const line = fc.oneof(
  filler,
  fc.constantFrom(...defectLines),
  fc.tuple(filler, fc.constantFrom(...defectLines), filler).map(([a, d, b]) => `${a}${d}${b}`),
);

const documentArb = fc
  .tuple(
    fc.oneof(fc.constant(''), fc.constantFrom(...defectDocs)),
    fc.array(line, { minLength: 1, maxLength: 12 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([base, ls, baseFirst, eol]) => {
    const body = ls.join('\n');
    const text = baseFirst ? `${base}${body}` : `${body}\n${base}`;
    return text.replace(/\r?\n/g, eol);
  });

/**
 * Whether `after` equals `before` outside the given ranges: `before` is gaps g0 r1 g1 … rn gn and `after` must be
 * g0 x1 g1 … xn gn for some texts x. Greedy leftmost matching of the gaps decides that exactly.
 */
function sameOutside(before: string, after: string, ranges: [number, number][]): boolean {
  const merged: [number, number][] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const gaps: string[] = [];
  let cursor = 0;
  for (const [s, e] of merged) {
    gaps.push(before.slice(cursor, s));
    cursor = e;
  }
  gaps.push(before.slice(cursor));
  if (gaps.length === 1) return after === before;
  const first = gaps[0] as string;
  const last = gaps.at(-1) as string;
  if (!after.startsWith(first) || !after.endsWith(last) || after.length < first.length + last.length)
    return false;
  let pos = first.length;
  for (const g of gaps.slice(1, -1)) {
    const at = after.indexOf(g, pos);
    if (at === -1) return false;
    pos = at + g.length;
  }
  return pos <= after.length - last.length;
}

const fixRanges = (messages: LintMessage[]) =>
  messages.filter((m) => m.fix).map((m) => [m.start, m.end] as [number, number]);

describe('fix safety (property)', () => {
  it('has fixable defects to inject (taken from the rules’ own examples)', () => {
    expect(defectLines.length).toBeGreaterThan(0);
    expect(defectDocs.length).toBeGreaterThan(0);
  });

  it('the outside-range check itself', () => {
    expect(sameOutside('abcdef', 'aXYdef', [[1, 3]])).toBe(true);
    expect(sameOutside('abcdef', 'aXYdeF', [[1, 3]])).toBe(false);
    expect(sameOutside('abcabc', 'aZcabc', [[1, 2]])).toBe(true);
    expect(sameOutside('abcabc', 'abcaZc', [[1, 2]])).toBe(false);
    expect(sameOutside('ab', 'ab', [])).toBe(true);
    expect(sameOutside('ab', 'abx', [])).toBe(false);
  });

  it('every pass changes text only inside the ranges of the fixable findings; the result is stable', () => {
    let changed = 0;
    fc.assert(
      fc.property(documentArb, (text) => {
        const source = textSource(text, FILE);
        let current = source.text;
        for (let pass = 0; pass < 10; pass++) {
          const messages = linter.lintSource({ ...source, text: current }).messages;
          const { output, applied } = applyFixes(current, messages);
          if (applied === 0) break;
          if (!sameOutside(current, output, fixRanges(messages))) {
            throw new Error(
              `pass ${pass + 1} changed text outside the fixable findings:\n${JSON.stringify(current)}\n→\n${JSON.stringify(output)}`,
            );
          }
          current = output;
        }
        const fixed = linter.fixSource(source);
        expect(fixed.output).toBe(current);
        if (fixed.output !== source.text) changed++;
        // Line endings are kept: a CRLF document has no lone LF after fixing, an LF one no CR.
        if (text.includes('\r\n')) expect(/(?<!\r)\n/.test(fixed.output)).toBe(false);
        else expect(fixed.output.includes('\r')).toBe(false);
        // Idempotence: fixing the fixed text changes nothing.
        const again = linter.fixSource({ ...source, text: fixed.output });
        expect(again.passes).toBe(0);
        expect(again.output).toBe(fixed.output);
        expect(
          fixed.result.messages.filter(
            (m) => m.fix && current.slice(m.fix.range[0], m.fix.range[1]) !== m.fix.text,
          ),
        ).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // The generator is worth something only if most documents really get fixed.
    expect(changed).toBeGreaterThan(75);
  });
});
