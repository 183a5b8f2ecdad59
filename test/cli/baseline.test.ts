import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../engine/helpers.js';

const REPORT =
  '某镇2024年法治政府建设情况报告\n我镇深入推进依法行政，推进法制宣传。\n某镇人民政府\n20250120\n';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonResult[];
const findings = (stdout: string) =>
  json(stdout).flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}`));

describe('fazhi-lint --write-baseline / --baseline', () => {
  it('records today’s findings as stable sorted JSON, then reports only new ones (counts consumed)', () => {
    const dir = tempTree({ '.fazhi-lint.yaml': 'root: true\n', '乡镇/a.txt': REPORT, 'b.txt': REPORT });
    const write = runCli(['--write-baseline', 'baseline.json', '-f', 'json', '乡镇', 'b.txt'], { cwd: dir });
    expect(write.code, write.stderr).toBe(0);
    expect(findings(write.stdout)).toEqual([]);
    expect(write.stderr).toMatch(
      /^fazhi-lint: 已将 \d+ 处问题记录到基线 baseline\.json；以后加 --baseline baseline\.json 只报告新问题\n$/,
    );
    const text = readFileSync(join(dir, 'baseline.json'), 'utf8');
    const baseline = JSON.parse(text);
    expect(Object.keys(baseline.files)).toEqual(['b.txt', '乡镇/a.txt']);
    expect(baseline.files['乡镇/a.txt'].formulation).toEqual({ 法制宣传: 1 });
    expect(baseline.files['乡镇/a.txt']['closing-date']).toEqual({ '20250120': 1 });
    expect(text.endsWith('}\n')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Writing again gives the same bytes (diff-friendly).
    runCli(['--write-baseline', 'baseline.json', '乡镇', 'b.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(text);

    // Nothing new: clean, exit 0.
    const same = runCli(['--baseline', 'baseline.json', '-f', 'json', '乡镇', 'b.txt'], { cwd: dir });
    expect(same.code, same.stderr).toBe(0);
    expect(findings(same.stdout)).toEqual([]);

    // A second identical occurrence is new; lines moved by an edit above do not matter (keys carry no line).
    writeFileSync(
      join(dir, '乡镇/a.txt'),
      REPORT.replace('\n我镇', '\n\n\n我镇').replace('法制宣传。', '法制宣传，加强法制宣传。'),
    );
    const added = runCli(['--baseline', 'baseline.json', '-f', 'json', '乡镇', 'b.txt'], { cwd: dir });
    expect(added.code).toBe(1);
    expect(findings(added.stdout)).toEqual(['乡镇/a.txt:4 formulation']);
  });

  it('a missing or broken baseline stops the run with exit 2', () => {
    const dir = tempTree({
      '.fazhi-lint.yaml': 'root: true\n',
      'a.txt': REPORT,
      'bad.json': '{"version":1}',
    });
    const missing = runCli(['--baseline', 'nope.json', 'a.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain(
      `${join(dir, 'nope.json')}: 无法读取基线文件：ENOENT（用 --write-baseline 生成）`,
    );
    const bad = runCli(['--baseline', 'bad.json', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('基线文件格式不对：缺少 “files” 对象');
  });
});
