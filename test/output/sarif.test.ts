import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/types.js';
import { sarif } from '../../src/output/formatters/sarif.js';
import { CWD, finding, fixtureContext, fixtureResults, result } from './fixtures.js';
import { sarifValidator } from './helpers.js';

const validate = sarifValidator();

// biome-ignore lint/suspicious/noExplicitAny: a SARIF log read back from JSON.
type Json = any;

function run(results: LintResult[] = fixtureResults()): Json {
  const text = sarif(results, fixtureContext());
  const log = JSON.parse(text);
  const valid = validate(log);
  if (!valid) console.error(JSON.stringify(validate.errors, null, 2));
  expect(valid).toBe(true);
  return log.runs[0];
}

describe('sarif formatter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    run();
  });

  it('the validator is not vacuous: it rejects a broken log', () => {
    const log = JSON.parse(sarif(fixtureResults(), fixtureContext()));
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    expect(validate(log)).toBe(false);
  });

  it('validates with no results at all, and keeps an empty results array', () => {
    expect(run([]).results).toEqual([]);
  });

  it('describes the tool and its rules', () => {
    const { tool, invocations, columnKind, originalUriBaseIds } = run();
    expect(tool.driver).toMatchObject({
      name: 'fazhi-lint',
      version: '0.1.0',
      informationUri: expect.any(String),
    });
    expect(tool.driver.rules[0]).toEqual({
      id: 'fazhi/quote-style',
      name: 'fazhi/quote-style',
      shortDescription: { text: '公文中的引号应使用全角“”。' },
      fullDescription: { text: '公文中的引号应使用全角“”。半角引号 " 不符合 GB/T 15834。' },
      helpUri: 'https://example.org/rules/quote-style',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['fazhi-zhengfu'], kind: 'existence' },
    });
    // No url: no helpUri. info: note.
    expect(tool.driver.rules[2]).not.toHaveProperty('helpUri');
    expect(tool.driver.rules[2].defaultConfiguration).toEqual({ level: 'note' });
    expect(invocations).toEqual([{ executionSuccessful: true }]);
    expect(columnKind).toBe('utf16CodeUnits');
    expect(originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${CWD}/` } });
  });

  it('writes each finding with level, relative percent-encoded URI, UTF-16 region and fingerprint', () => {
    const { results } = run();
    expect(results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['fazhi/quote-style', 0, 'error'],
      ['fazhi/no-ampersand', 1, 'warning'],
      ['fazhi/no-ampersand', 1, 'warning'],
      ['fazhi/closing-section', 2, 'note'],
      ['fazhi/quote-style', 0, 'error'],
    ]);
    // The fingerprint is pinned: if this value changes, bump FINGERPRINT_KEY's version too.
    expect(results[0]).toMatchInlineSnapshot(`
      {
        "fixes": [
          {
            "artifactChanges": [
              {
                "artifactLocation": {
                  "uri": "reports/2023%E5%B9%B4%2C%E6%8A%A5%E5%91%8A.md",
                  "uriBaseId": "%SRCROOT%",
                },
                "replacements": [
                  {
                    "deletedRegion": {
                      "endColumn": 13,
                      "endLine": 3,
                      "startColumn": 7,
                      "startLine": 3,
                    },
                    "insertedContent": {
                      "text": "“依法行政”",
                    },
                  },
                ],
              },
            ],
          },
        ],
        "level": "error",
        "locations": [
          {
            "physicalLocation": {
              "artifactLocation": {
                "uri": "reports/2023%E5%B9%B4%2C%E6%8A%A5%E5%91%8A.md",
                "uriBaseId": "%SRCROOT%",
              },
              "region": {
                "endColumn": 13,
                "endLine": 3,
                "snippet": {
                  "text": ""依法行政"",
                },
                "startColumn": 7,
                "startLine": 3,
              },
            },
          },
        ],
        "message": {
          "text": "应使用全角引号“”，而非半角 "",
        },
        "partialFingerprints": {
          "fazhiLint/v1": "60b7fbf0f31db4660399f20b02e92a13",
        },
        "ruleId": "fazhi/quote-style",
        "ruleIndex": 0,
      }
    `);
    expect(results[3].locations[0].physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: 1,
      endLine: 5,
      endColumn: 12,
      snippet: { text: '二、存在的不足\n部分工作完成率100%' },
    });
    expect(results[3].message.text).toBe('缺少“结束语”部分，完成率100%: 请核实\n建议补充下一步安排');
    expect(results[4].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'docs/%E8%AF%B4%E6%98%8E.txt',
      uriBaseId: '%SRCROOT%',
    });
    expect(decodeURIComponent(results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(
      'reports/2023年,报告.md',
    );
    expect(results[4]).not.toHaveProperty('fixes');
  });

  it('locates a fix narrower than its finding by line and column, across a line break', () => {
    const source = '甲\r\n𠀀乙"丙\n丁"戊\n';
    const message = finding(source, '"丙\n丁"', {
      ruleId: 'fazhi/quote-style',
      severity: 'error',
      message: 'm',
    });
    // Replace only the closing quote (on the next line).
    const close = source.indexOf('丁"') + 1;
    message.fix = { range: [close, close + 1], text: '”' };
    const [r] = run([result(`${CWD}/a.txt`, source, [message])]).results;
    expect(r.locations[0].physicalLocation.region).toMatchObject({
      startLine: 2,
      startColumn: 4,
      endLine: 3,
    });
    expect(r.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 3 },
      insertedContent: { text: '”' },
    });
  });

  it('falls back to character offsets for a fix when the source is not kept', () => {
    const source = '甲"乙"';
    const message = finding(source, '"乙"', { ruleId: 'fazhi/quote-style', severity: 'error', message: 'm' });
    message.fix = { range: [message.start, message.start + 1], text: '“' };
    const [r] = run([{ ...result('a.txt', source, [message]), source: undefined }]).results;
    expect(r.fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({
      charOffset: 1,
      charLength: 1,
    });
    expect(r.locations[0].physicalLocation.region).not.toHaveProperty('snippet');
  });

  it('describes a rule it was not given, so ruleIndex stays valid', () => {
    const message = finding('x', 'x', {
      ruleId: 'engine/read-error',
      severity: 'error',
      message: '无法读取',
    });
    const runLog = run([result('b.txt', 'x', [message])]);
    expect(runLog.results[0].ruleIndex).toBe(3);
    expect(runLog.tool.driver.rules[3]).toEqual({ id: 'engine/read-error', name: 'engine/read-error' });
  });

  it('writes a file outside the working directory as an absolute file URI', () => {
    const message = finding('x', 'x', { ruleId: 'fazhi/quote-style', severity: 'error', message: 'm' });
    const [r] = run([result('/elsewhere/文件 1.txt', 'x', [message])]).results;
    expect(r.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'file:///elsewhere/%E6%96%87%E4%BB%B6%201.txt',
    });
  });
});
