import { describe, expect, it } from 'vitest';
import { junit } from '../../src/output/formatters/junit.js';
import { fixtureContext, fixtureResults } from './fixtures.js';
import { parseXml, xmlProblem } from './helpers.js';

interface TestCase {
  name: string;
  classname: string;
  file: string;
  failure?: { message: string; type: string; '#text': string };
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  testcase: TestCase[];
}

describe('junit formatter', () => {
  const xml = junit(fixtureResults(), fixtureContext());

  it('writes one suite per file and one case per rule', () => {
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="fazhi-lint" tests="5" failures="3" errors="0" time="0">
        <testsuite name="reports/2023年,报告.md" tests="3" failures="2" errors="0" skipped="0" time="0">
          <testcase name="fazhi/quote-style" classname="reports/2023年,报告.md" file="reports/2023年,报告.md" time="0">
            <failure message="应使用全角引号“”，而非半角 &quot;" type="error">3:7 error 应使用全角引号“”，而非半角 "</failure>
          </testcase>
          <testcase name="fazhi/no-ampersand" classname="reports/2023年,报告.md" file="reports/2023年,报告.md" time="0">
            <failure message="不应使用 “&amp;”，请改为“和”；见《党政机关公文格式》&lt;GB/T 9704&gt; (+1)" type="warning">3:26 warning 不应使用 “&amp;”，请改为“和”；见《党政机关公文格式》&lt;GB/T 9704&gt;
      5:13 warning 不应使用 “&amp;”，请改为“和”；见《党政机关公文格式》&lt;GB/T 9704&gt;</failure>
          </testcase>
          <testcase name="fazhi/closing-section" classname="reports/2023年,报告.md" file="reports/2023年,报告.md" time="0">
            <system-out>4:1 info 缺少“结束语”部分，完成率100%: 请核实
      建议补充下一步安排</system-out>
          </testcase>
        </testsuite>
        <testsuite name="docs/说明.txt" tests="1" failures="1" errors="0" skipped="0" time="0">
          <testcase name="fazhi/quote-style" classname="docs/说明.txt" file="docs/说明.txt" time="0">
            <failure message="应使用全角引号“”，而非半角 &quot;" type="error">1:9 error 应使用全角引号“”，而非半角 "</failure>
          </testcase>
        </testsuite>
        <testsuite name="docs/clean.md" tests="1" failures="0" errors="0" skipped="0" time="0">
          <testcase name="fazhi-lint" classname="docs/clean.md" file="docs/clean.md" time="0"/>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('is well-formed XML with consistent counts', () => {
    expect(xmlProblem(xml)).toBeNull();
    const doc = parseXml(xml) as {
      testsuites: { tests: string; failures: string; errors: string; testsuite: Suite[] };
    };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(['reports/2023年,报告.md', 'docs/说明.txt', 'docs/clean.md']);
    for (const suite of suites) {
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(suite.errors).toBe('0');
    }
    expect(Number(doc.testsuites.tests)).toBe(5);
    expect(Number(doc.testsuites.failures)).toBe(3);
    const [a] = suites;
    expect(a?.testcase.map((c) => [c.name, c.failure?.type ?? 'pass'])).toEqual([
      ['fazhi/quote-style', 'error'],
      ['fazhi/no-ampersand', 'warning'],
      ['fazhi/closing-section', 'pass'],
    ]);
    // Escaped text reads back exactly, line breaks included.
    expect(a?.testcase[1]?.failure?.['#text']).toBe(
      '3:26 warning 不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>\n' +
        '5:13 warning 不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>',
    );
    expect(a?.testcase[2]?.['system-out']).toBe(
      '4:1 info 缺少“结束语”部分，完成率100%: 请核实\n建议补充下一步安排',
    );
    expect(suites[2]?.testcase).toEqual([
      { name: 'fazhi-lint', classname: 'docs/clean.md', file: 'docs/clean.md', time: '0' },
    ]);
  });

  it('writes an empty but valid report for no files', () => {
    const empty = junit([], fixtureContext());
    expect(xmlProblem(empty)).toBeNull();
    expect(empty).toContain('<testsuites name="fazhi-lint" tests="0" failures="0" errors="0" time="0">');
  });
});
