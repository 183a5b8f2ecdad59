import type { LintMessage, LintResult, LoadedRule, Severity } from '../../src/engine/types.js';
import type { FormatterContext } from '../../src/output/formatters/types.js';

/**
 * Line and column (1-based, UTF-16 code units) of `offset` in `source`, counted independently of the code under
 * test; CRLF, CR and LF end a line, as in the document model.
 */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

/** A message covering the `nth` occurrence of `needle` in `source`. */
export function finding(
  source: string,
  needle: string,
  fields: { ruleId: string; severity: Severity; message: string; nth?: number; fix?: string },
): LintMessage {
  let start = -1;
  for (let i = 0; i <= (fields.nth ?? 0); i++) {
    start = source.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture: ${needle} #${fields.nth ?? 0} not in source`);
  }
  return messageAt(source, start, start + needle.length, fields);
}

/** A message covering [start, end) of `source`, with line and column counted by `lineColumn`. */
export function messageAt(
  source: string,
  start: number,
  end: number,
  fields: { ruleId: string; severity: Severity; message: string; fix?: string },
): LintMessage {
  const from = lineColumn(source, start);
  const to = lineColumn(source, end);
  const message: LintMessage = {
    ruleId: fields.ruleId,
    severity: fields.severity,
    message: fields.message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    start,
    end,
  };
  if (fields.fix !== undefined) message.fix = { range: [start, end], text: fields.fix };
  return message;
}

export function result(filePath: string, source: string, messages: LintMessage[]): LintResult {
  const count = (s: Severity) => messages.filter((m) => m.severity === s).length;
  return {
    filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    source,
  };
}

export const CWD = '/work/repo';

/** Report A: an astral character (𠀀, two UTF-16 code units) before the first finding, ASCII quotes, `&`, `<`, `%`. */
export const SOURCE_A = [
  '# 某市2023年法治政府建设情况报告',
  '',
  '𠀀我们坚持"依法行政"，推进《行政复议法》实施 & 规范 <执法> 行为。',
  '二、存在的不足',
  '部分工作完成率100% & 仍有差距',
  '',
].join('\n');

export const SOURCE_B = '关于<A&B>的"说明"\n';

export function messagesA(source: string = SOURCE_A): [LintMessage, LintMessage, LintMessage, LintMessage] {
  return [
    finding(source, '"依法行政"', {
      ruleId: 'fazhi/quote-style',
      severity: 'error',
      message: '应使用全角引号“”，而非半角 "',
      fix: '“依法行政”',
    }),
    finding(source, '&', {
      ruleId: 'fazhi/no-ampersand',
      severity: 'warning',
      message: '不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>',
    }),
    finding(source, '&', {
      ruleId: 'fazhi/no-ampersand',
      severity: 'warning',
      message: '不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>',
      nth: 1,
    }),
    finding(source, '二、存在的不足\n部分工作完成率100%', {
      ruleId: 'fazhi/closing-section',
      severity: 'info',
      message: '缺少“结束语”部分，完成率100%: 请核实\n建议补充下一步安排',
    }),
  ];
}

/** Three files: A with four findings of three rules, B with one, C clean. */
export function fixtureResults(): [LintResult, LintResult, LintResult] {
  return [
    result(`${CWD}/reports/2023年,报告.md`, SOURCE_A, messagesA()),
    result('docs/说明.txt', SOURCE_B, [
      finding(SOURCE_B, '"说明"', {
        ruleId: 'fazhi/quote-style',
        severity: 'error',
        message: '应使用全角引号“”，而非半角 "',
      }),
    ]),
    result(`${CWD}/docs/clean.md`, '# 无问题\n', []),
  ];
}

function rule(id: string, severity: Severity, description: string, url: string): LoadedRule {
  return {
    id,
    kind: 'existence',
    severity,
    message: '',
    messages: {},
    description,
    url,
    file: `rules/fazhi-zhengfu/${id.split('/')[1]}.yml`,
    pack: 'fazhi-zhengfu',
    trusted: true,
    options: {},
  };
}

export function fixtureContext(): FormatterContext {
  const rules = [
    rule(
      'fazhi/quote-style',
      'error',
      '公文中的引号应使用全角“”。半角引号 " 不符合 GB/T 15834。',
      'https://example.org/rules/quote-style',
    ),
    rule('fazhi/no-ampersand', 'warning', '不用 & 代替“和”。', 'https://example.org/rules/no-ampersand'),
    rule('fazhi/closing-section', 'info', '报告应以结束语收尾', ''),
  ];
  return { cwd: CWD, rules: new Map(rules.map((r) => [r.id, r])), toolVersion: '0.1.0' };
}
