import { describe, expect, it } from 'vitest';
import { codequality } from '../../src/output/formatters/codequality.js';
import { fingerprints } from '../../src/output/formatters/fingerprint.js';
import { sarif } from '../../src/output/formatters/sarif.js';
import { fixtureContext, fixtureResults } from './fixtures.js';
import { codeQualityValidator } from './helpers.js';

const validate = codeQualityValidator();

describe('codequality formatter', () => {
  const text = codequality(fixtureResults(), fixtureContext());
  const issues = JSON.parse(text);

  it('matches GitLab’s documented report shape', () => {
    const valid = validate(issues);
    if (!valid) console.error(JSON.stringify(validate.errors, null, 2));
    expect(valid).toBe(true);
  });

  it('the schema is not vacuous', () => {
    expect(validate([{ ...issues[0], severity: 'error' }])).toBe(false);
    expect(validate([{ ...issues[0], location: { path: './a.md', lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ ...issues[0], location: { path: 'a.md' } }])).toBe(false);
    const { fingerprint: _, ...withoutFingerprint } = issues[0];
    expect(validate([withoutFingerprint])).toBe(false);
  });

  it('writes one issue per finding', () => {
    expect(issues.map((i: { check_name: string; severity: string }) => [i.check_name, i.severity])).toEqual([
      ['fazhi/quote-style', 'major'],
      ['fazhi/no-ampersand', 'minor'],
      ['fazhi/no-ampersand', 'minor'],
      ['fazhi/closing-section', 'info'],
      ['fazhi/quote-style', 'major'],
    ]);
    expect(issues[3]).toMatchInlineSnapshot(`
      {
        "categories": [
          "Style",
        ],
        "check_name": "fazhi/closing-section",
        "description": "缺少“结束语”部分，完成率100%: 请核实
      建议补充下一步安排",
        "fingerprint": "db840f434cef8d4a4ad4383d9fc4b7ec",
        "location": {
          "lines": {
            "begin": 4,
            "end": 5,
          },
          "path": "reports/2023年,报告.md",
        },
        "severity": "info",
        "type": "issue",
      }
    `);
  });

  it('has fingerprints unique across the report, including equal findings in different files', () => {
    const prints = issues.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    const results = fixtureResults();
    expect(prints.slice(0, 4)).toEqual(fingerprints(results[0], { path: 'reports/2023年,报告.md' }));
  });

  it('shares the fingerprint computation with SARIF, scoped by path', () => {
    const sarifPrints = JSON.parse(sarif(fixtureResults(), fixtureContext())).runs[0].results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['fazhiLint/v1'],
    );
    expect(sarifPrints.slice(0, 4)).toEqual(fingerprints(fixtureResults()[0]));
  });

  it('writes an empty array for clean runs', () => {
    expect(codequality([fixtureResults()[2]], fixtureContext())).toBe('[]\n');
  });
});
