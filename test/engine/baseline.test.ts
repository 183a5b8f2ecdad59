import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baselineFilter,
  baselinePath,
  createBaseline,
  formatBaseline,
  parseBaseline,
  quotedText,
} from '../../src/engine/baseline.js';
import type { ConfigError } from '../../src/engine/errors.js';
import { createLinter, summarize } from '../../src/engine/linter.js';
import type { LintMessage, LintResult } from '../../src/engine/types.js';

const msg = (ruleId: string, start: number, end: number, message = 'm'): LintMessage => ({
  ruleId,
  severity: 'error',
  message,
  line: 1,
  column: start + 1,
  endLine: 1,
  endColumn: end + 1,
  start,
  end,
});

describe('baseline', () => {
  const cwd = '/work/reports';
  const source = '法制宣传，法制宣传，法制宣传。';
  const result: LintResult = summarize(
    '/work/reports/乡镇/a.txt',
    [
      msg('formulation', 0, 4),
      msg('formulation', 5, 9),
      msg('required-sections', 0, 0, '缺少“存在的不足和原因”部分'),
    ],
    source,
  );

  it('keys findings by rule, relative forward-slash path and quoted text (the message when empty), with counts', () => {
    expect(baselinePath('/work/reports/乡镇/a.txt', cwd)).toBe('乡镇/a.txt');
    expect(baselinePath('乡镇\\a.txt', cwd)).toMatch(/乡镇[\\/]a\.txt$/);
    expect(quotedText(msg('x', 0, 0, '整篇'), source)).toBe('整篇');
    expect(quotedText(msg('x', 0, 4), 'a\r\nb')).toBe('a\nb');
    expect(createBaseline([result], cwd)).toEqual({
      version: 1,
      files: {
        '乡镇/a.txt': {
          formulation: { 法制宣传: 2 },
          'required-sections': { '缺少“存在的不足和原因”部分': 1 },
        },
      },
    });
  });

  it('is stable, sorted JSON regardless of the order findings come in', () => {
    const other = summarize('/work/reports/b.txt', [msg('z-rule', 0, 1), msg('a-rule', 1, 2)], 'xy');
    const one = formatBaseline(createBaseline([result, other], cwd));
    const two = formatBaseline(
      createBaseline([other, { ...result, messages: [...result.messages].reverse() }], cwd),
    );
    expect(one).toBe(two);
    expect(one).toBe(
      `${JSON.stringify(
        {
          version: 1,
          files: {
            'b.txt': { 'a-rule': { y: 1 }, 'z-rule': { x: 1 } },
            '乡镇/a.txt': {
              formulation: { 法制宣传: 2 },
              'required-sections': { '缺少“存在的不足和原因”部分': 1 },
            },
          },
        },
        null,
        2,
      )}\n`,
    );
    expect(parseBaseline(one, 'b.json')).toEqual(JSON.parse(one));
  });

  it('drops recorded findings, consuming counts, so a further identical occurrence is still reported', () => {
    const baseline = createBaseline([result], cwd);
    const filter = baselineFilter(baseline, cwd);
    const more = '法制宣传，法制宣传，法制宣传。';
    const now = [
      msg('formulation', 0, 4),
      msg('formulation', 5, 9),
      msg('formulation', 10, 14),
      msg('required-sections', 0, 0, '缺少“存在的不足和原因”部分'),
    ];
    expect(filter(now, { filePath: '/work/reports/乡镇/a.txt', source: more })).toEqual([
      msg('formulation', 10, 14),
    ]);
    // Counts are per call: linting the file again starts from the recorded counts.
    expect(filter(now, { filePath: '/work/reports/乡镇/a.txt', source: more })).toHaveLength(1);
    // Another file, another rule, another text: all new.
    expect(filter(now, { filePath: '/work/reports/b.txt', source: more })).toHaveLength(4);
    expect(filter([msg('typo', 0, 4)], { filePath: '/work/reports/乡镇/a.txt', source: more })).toHaveLength(
      1,
    );
    expect(
      filter([msg('formulation', 1, 4)], { filePath: '/work/reports/乡镇/a.txt', source: more }),
    ).toHaveLength(1);
  });

  it('survives quoted texts that are Object.prototype names', () => {
    const text = '__proto__ constructor toString';
    const r = summarize('/w/a.txt', [msg('x', 0, 9), msg('x', 10, 21)], text);
    const b = parseBaseline(formatBaseline(createBaseline([r], '/w')), 'b.json');
    expect(b.files['a.txt']?.x).toEqual(JSON.parse('{"__proto__":1,"constructor":1}'));
    const filter = baselineFilter(b, '/w');
    expect(
      filter([msg('x', 0, 9), msg('x', 10, 21), msg('x', 22, 30)], { filePath: '/w/a.txt', source: text }),
    ).toEqual([msg('x', 22, 30)]);
  });

  it('rejects a malformed baseline with a clear message', () => {
    const bad = (text: string) => {
      try {
        parseBaseline(text, 'b.json');
      } catch (e) {
        return (e as ConfigError).format();
      }
      return 'accepted';
    };
    expect(bad('{')).toMatch(/^b\.json: 基线文件不是有效的 JSON：/);
    expect(bad('[]')).toBe('b.json: 基线文件格式不对：应为 JSON 对象（请用 --write-baseline 重新生成）');
    expect(bad('{"version":2,"files":{}}')).toBe(
      'b.json: 基线文件格式不对：不支持的版本 2，应为 1（请用 --write-baseline 重新生成）',
    );
    expect(bad('{"version":1,"files":{"a.txt":{"r":{"t":0}}}}')).toBe(
      'b.json: 基线文件格式不对：“a.txt” 中 “r” 的 “t” 次数应为正整数（请用 --write-baseline 重新生成）',
    );
    expect(bad('{"version":1,"files":{"a.txt":[]}}')).toBe(
      'b.json: 基线文件格式不对：“a.txt” 应为 “规则名: {原文: 次数}” 对象（请用 --write-baseline 重新生成）',
    );
  });

  it('runs as the last step of the linter pipeline (LinterOptions.filters)', async () => {
    const text = '某镇2024年法治政府建设情况报告\n我镇深入推进依法行政。\n某镇人民政府\n20250120\n';
    const plain = await createLinter({ cwd: '/' });
    const before = plain.lintText(text, '/virtual/a.txt');
    const baseline = createBaseline([before], '/virtual');
    const filtered = await createLinter({ cwd: '/', filters: [baselineFilter(baseline, '/virtual')] });
    expect(filtered.lintText(text, '/virtual/a.txt').messages).toEqual([]);
    const added = filtered.lintText(
      text.replace('依法行政。', '依法行政，推进法制宣传。'),
      '/virtual/a.txt',
    ).messages;
    expect(added.map((m) => m.ruleId)).toEqual(['formulation']);
    expect(filtered.lintText(text, join('/virtual', 'b.txt')).messages.length).toBe(before.messages.length);
  });
});
