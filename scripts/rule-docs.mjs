// Writes docs/rules/<id>.md for every shipped rule from its YAML file (description, examples with the findings
// they really produce, options), so the documentation an editor links to cannot drift from the rule.
// `node scripts/rule-docs.mjs` writes; `--check` exits 1 when a page is out of date (run by the tests).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLinter } from '../dist/engine/linter.js';
import { kinds } from '../dist/kinds/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCS = `${ROOT}docs/rules/`;
const LABEL = { error: '错误', warning: '警告', info: '提示' };

const fence = (text) => `\`\`\`text\n${text.replace(/\n$/, '')}\n\`\`\``;
const value = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

export async function renderRuleDocs() {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const rules = [...linter.rules].sort((a, b) => a.id.localeCompare(b.id));
  const pages = new Map();
  for (const rule of rules) {
    const kind = kinds[rule.kind];
    const lint = (text) =>
      linter
        .lintText(text, /^#{1,6}\s|<!--/m.test(text) ? '/示例.md' : '/示例.txt')
        .messages.filter((m) => m.ruleId === rule.id);
    const out = [
      `# ${rule.id}`,
      '',
      `级别：${LABEL[rule.severity]}　类型：\`${rule.kind}\`（${kind.description}）`,
      '',
      rule.description,
      '',
    ];
    for (const [title, list, showFindings] of [
      ['不符合的写法', rule.examples?.invalid ?? [], true],
      ['符合的写法', rule.examples?.valid ?? [], false],
    ]) {
      out.push(`## ${title}`, '');
      for (const text of list) {
        out.push(fence(text), '');
        if (showFindings) for (const m of lint(text)) out.push(`- ${m.line}:${m.column} ${m.message}`);
        if (showFindings) out.push('');
      }
    }
    const options = Object.entries(kind.options);
    out.push('## 选项', '');
    if (options.length === 0) out.push('（无）', '');
    for (const [name, schema] of options) {
      const current = rule.options[name];
      const shown = current === undefined ? '（未设置）' : value(current);
      out.push(
        `- \`${name}\`（${schema.required ? '必填' : '可选'}）：${schema.description}。内置值：${shown.length > 200 ? `${shown.slice(0, 200)}…（见规则文件）` : shown}`,
      );
    }
    out.push(
      '',
      `调整：在 \`.fazhi-lint.yaml\` 中写 \`rules: { ${rule.id}: off }\` 关闭，或 \`${rule.id}: [warning, { 选项: 值 }]\`。`,
      '',
    );
    pages.set(`${rule.id}.md`, out.join('\n'));
  }
  const index = ['# 规则一览', '', '| 规则 | 级别 | 说明 |', '|---|---|---|'];
  for (const r of rules)
    index.push(
      `| [${r.id}](${r.id}.md) | ${LABEL[r.severity]} | ${(r.description.split(/(?<=[。；])/)[0] ?? '').trim()} |`,
    );
  pages.set('README.md', `${index.join('\n')}\n`);
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const pages = await renderRuleDocs();
  const stale = [];
  mkdirSync(DOCS, { recursive: true });
  for (const [name, text] of pages) {
    let old = null;
    try {
      old = readFileSync(DOCS + name, 'utf8');
    } catch {}
    if (old === text) continue;
    if (check) stale.push(name);
    else writeFileSync(DOCS + name, text);
  }
  if (stale.length) {
    process.stderr.write(
      `docs/rules/ is out of date (${stale.join(', ')}): run node scripts/rule-docs.mjs\n`,
    );
    process.exitCode = 1;
  }
}
