import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult, Severity } from '../../src/engine/types.js';
import { formatters } from '../../src/output/formatters/index.js';
import { CWD, fixtureContext, messageAt, result } from './fixtures.js';
import { assertValid, codeQualityValidator, parseXml, sarifValidator, xmlProblem } from './helpers.js';

const validateSarif = sarifValidator();
const validateCodeQuality = codeQualityValidator();

// Text with the characters that break formats: markup, quotes, separators, line breaks, controls, astral, lone surrogates.
const nasty = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '“',
  '”',
  '《',
  '》',
  '%',
  ':',
  ',',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0001',
  '𠀀',
  '\uD800',
  ']]>',
  '::',
  '一',
  'a',
  ' ',
);
const text = fc
  .array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 })
  .map((a) => a.join(''));
const segment = fc.constantFrom('报告', 'a b', '100%', 'x,y', '#1', 'é', '2023年', 'docs');

const resultArb = (path: string) =>
  fc
    .record({
      source: text,
      findings: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          ruleId: fc.oneof(
            fc.constantFrom('fazhi/quote-style', 'fazhi/no-ampersand', 'other/rule'),
            text.filter((t) => t !== ''),
          ),
          severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
          message: text,
          fix: fc.option(text, { nil: undefined }),
        }),
        { maxLength: 5 },
      ),
    })
    .map(({ source, findings }): LintResult => {
      const messages = findings.map((f): LintMessage => {
        const start = f.a % (source.length + 1);
        const end = start + (f.b % (source.length - start + 1));
        return messageAt(source, start, end, f);
      });
      return result(`${CWD}/${path}`, source, messages);
    });

const resultsArb = fc
  .uniqueArray(
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `${s.join('/')}.md`),
    { maxLength: 3 },
  )
  .chain((paths) => fc.tuple(...paths.map(resultArb)));

describe('every format, on arbitrary findings', () => {
  const context = fixtureContext();

  it('sarif always validates against the schema', () => {
    fc.assert(
      fc.property(resultsArb, (results) => {
        const log = JSON.parse(formatters.sarif?.(results, context) ?? '');
        assertValid(validateSarif, log);
        expect(log.runs[0].results).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('codequality always matches the documented shape, with unique fingerprints', () => {
    fc.assert(
      fc.property(resultsArb, (results) => {
        const issues = JSON.parse(formatters.codequality?.(results, context) ?? '');
        assertValid(validateCodeQuality, issues);
        const prints = issues.map((i: { fingerprint: string }) => i.fingerprint);
        expect(new Set(prints).size).toBe(prints.length);
      }),
      { numRuns: 200 },
    );
  });

  it('junit and checkstyle are always well-formed XML', () => {
    fc.assert(
      fc.property(resultsArb, (results) => {
        for (const name of ['junit', 'checkstyle']) {
          const xml = formatters[name]?.(results, context) ?? '';
          expect(xmlProblem(xml), name).toBeNull();
          expect(() => parseXml(xml)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('github writes exactly one command line per finding', () => {
    fc.assert(
      fc.property(resultsArb, (results) => {
        const out = formatters.github?.(results, context) ?? '';
        const lines = out === '' ? [] : out.slice(0, -1).split('\n');
        expect(lines).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
        for (const line of lines)
          expect(line).toMatch(
            /^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::[^\r\n]*$/,
          );
      }),
      { numRuns: 200 },
    );
  });
});

describe('registry', () => {
  it('offers the five machine formats', () => {
    expect(Object.keys(formatters)).toEqual(['sarif', 'github', 'junit', 'checkstyle', 'codequality']);
  });
});
