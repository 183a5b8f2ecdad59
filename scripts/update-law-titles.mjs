// Regenerates the title lists of rules/fazhi-zhengfu/law-title.yaml from the law catalogue files (the NPC's
// 现行有效法律目录 as transcribed, the superseded titles with their successors and dates, the administrative
// regulations of any status: see ../shared/data/laws/SOURCES.md for where each comes from).
//
//   node scripts/update-law-titles.mjs [dataDir=../shared/data/laws] [--check]
//
// Everything above the marker line of the rule file (id, description, examples, knownTitles) is kept as written;
// everything below it is replaced. `--check` writes nothing and exits 1 when the file is out of date.
// When the NPC publishes a new catalogue: update the three files of the data folder, run this script, run the tests,
// and say in the commit which catalogue (date, count) the lists now follow.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const RULE_FILE = join(ROOT, 'rules/fazhi-zhengfu/law-title.yaml');
export const MARKER = '# ---- 以下由 scripts/update-law-titles.mjs 从法律目录文件生成，请勿手改 ----';

/** Rows of a tab-separated file with a header line, as objects keyed by the header's names. */
function readTsv(text) {
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const keys = head.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [keys[i], v.trim()])));
}

/** A successor as the data gives it, or null for "(repealed; no successor named)" and the like. */
const successor = (s) => (s && !s.startsWith('(') ? s : null);

/** The date a title stopped being in force: YYYY-MM-DD, or YYYY when only the year is known, or null. */
function repealDate(s) {
  const day = /\b(\d{4}-\d{2}-\d{2})\b/.exec(s ?? '');
  if (day) return day[1];
  const year = /^(\d{4})\b/.exec(s ?? '');
  return year ? year[1] : null;
}

/** A YAML scalar: plain when safe, double-quoted otherwise. */
const scalar = (s) => (/^[\p{Script=Han}A-Za-z0-9（）、·〈〉《》—-]+$/u.test(s) ? s : JSON.stringify(s));

/**
 * The generated part of the rule file from the texts of the three data files: laws in force, superseded titles
 * (former title, successor, date), and administrative regulations less those known to be repealed.
 */
export function renderLawData({ laws, superseded, regulations }) {
  const lawTitles = laws
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const old = readTsv(superseded).map((r) => ({
    title: r.former_title,
    by: successor(r.replaced_by),
    from: repealDate(r.repeal_effective),
  }));
  const repealed = new Set(old.map((o) => o.title));
  const regs = readTsv(regulations)
    .filter((r) => r.known_repealed !== 'yes' && !repealed.has(r.title))
    .map((r) => r.title);
  const out = [MARKER];
  out.push(`# 现行有效的法律：${lawTitles.length} 件`, 'laws:');
  for (const t of lawTitles) out.push(`  - ${scalar(t)}`);
  out.push(
    `# 已废止或改名的名称：${old.length} 个（by：取代它的名称；from：失效日期，只知年份时为年份，不详时省略）`,
    'superseded:',
  );
  for (const o of old) {
    const parts = [`title: ${scalar(o.title)}`];
    if (o.by) parts.push(`by: ${scalar(o.by)}`);
    if (o.from) parts.push(`from: ${JSON.stringify(o.from)}`);
    out.push(`  - { ${parts.join(', ')} }`);
  }
  out.push(`# 行政法规（不论现行与否，只用来识别写错的名称）：${regs.length} 件`, 'regulations:');
  for (const t of regs) out.push(`  - ${scalar(t)}`);
  return `${out.join('\n')}\n`;
}

/** The rule file with its generated part replaced. */
export function updateRuleFile(ruleText, generated) {
  const at = ruleText.indexOf(MARKER);
  if (at < 0) throw new Error(`${RULE_FILE}：找不到标记行“${MARKER}”`);
  return ruleText.slice(0, at) + generated;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, '../shared/data/laws'));
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  const generated = renderLawData({
    laws: read('national-laws.txt'),
    superseded: read('superseded-titles.tsv'),
    regulations: read('administrative-regulations-any-status.tsv'),
  });
  const before = readFileSync(RULE_FILE, 'utf8');
  const after = updateRuleFile(before, generated);
  if (check) {
    if (after !== before) {
      process.stderr.write(`${RULE_FILE} 与 ${dir} 不一致：请运行 node scripts/update-law-titles.mjs\n`);
      process.exitCode = 1;
    }
  } else if (after !== before) {
    writeFileSync(RULE_FILE, after);
    process.stdout.write(`已更新 ${RULE_FILE}\n`);
  } else process.stdout.write(`${RULE_FILE} 已是最新\n`);
}
