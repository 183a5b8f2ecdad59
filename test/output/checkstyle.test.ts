import { describe, expect, it } from 'vitest';
import { checkstyle } from '../../src/output/formatters/checkstyle.js';
import { fixtureContext, fixtureResults } from './fixtures.js';
import { parseXml, xmlProblem } from './helpers.js';

describe('checkstyle formatter', () => {
  const xml = checkstyle(fixtureResults(), fixtureContext());

  it('writes Checkstyle 4.3 XML, escaped', () => {
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="reports/2023年,报告.md">',
        '    <error line="3" column="7" severity="error" message="应使用全角引号“”，而非半角 &quot;" source="fazhi/quote-style"/>',
        '    <error line="3" column="26" severity="warning" message="不应使用 “&amp;”，请改为“和”；见《党政机关公文格式》&lt;GB/T 9704&gt;" source="fazhi/no-ampersand"/>',
        '    <error line="5" column="13" severity="warning" message="不应使用 “&amp;”，请改为“和”；见《党政机关公文格式》&lt;GB/T 9704&gt;" source="fazhi/no-ampersand"/>',
        '    <error line="4" column="1" severity="info" message="缺少“结束语”部分，完成率100%: 请核实&#10;建议补充下一步安排" source="fazhi/closing-section"/>',
        '  </file>',
        '  <file name="docs/说明.txt">',
        '    <error line="1" column="9" severity="error" message="应使用全角引号“”，而非半角 &quot;" source="fazhi/quote-style"/>',
        '  </file>',
        '  <file name="docs/clean.md"/>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML whose attributes read back as the original messages', () => {
    expect(xmlProblem(xml)).toBeNull();
    const doc = parseXml(xml) as {
      checkstyle: {
        version: string;
        file: { name: string; error?: { message: string; source: string }[] }[];
      };
    };
    expect(doc.checkstyle.version).toBe('4.3');
    const results = fixtureResults();
    expect(doc.checkstyle.file.map((f) => f.name)).toEqual([
      'reports/2023年,报告.md',
      'docs/说明.txt',
      'docs/clean.md',
    ]);
    expect(doc.checkstyle.file.map((file) => (file.error ?? []).map((e) => [e.source, e.message]))).toEqual(
      results.map((r) => r.messages.map((m) => [m.ruleId, m.message])),
    );
  });
});
