// Reports for an "output unchanged" check (issue #7, fifth round; not a test).
//
//   node test/perf/injected-corpus.mjs [corpusDir=bench/out/corpus] [outDir=bench/out/injected] [count=400]
//
// The generated corpus holds few of the constructs this round's rules judge (no typing slips, no plenum lists, no
// placeholders, no newspaper titles): a speed change to those rules would pass a byte comparison on it unchecked.
// This writes `count` of its reports with 30 short strings each injected at random places (same seed, same
// files): plenum lists made of random parts, unit words and region names, spaced figures and stray spaces, slips,
// book titles in half-width quotes, spam words, placeholders, misquoted enumerations. Compare two trees with
//   node <tree>/bin/fazhi-lint.js bench/out/injected --format json > <tree>.json   (then cmp)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [corpus = 'bench/out/corpus', out = 'bench/out/injected', count = '400'] = process.argv.slice(2);
let seed = 777;
const random = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const pick = (list) => list[random(list.length)];
const PLENUM_PARTS = [
  '十九',
  '二十',
  '届',
  '大',
  '中央',
  '一中',
  '二中',
  '三中',
  '四中',
  '六中',
  '七中',
  '、',
  '，',
];
const PLENUM_PARTS_MORE = ['和', '及', '以及', '全会', '二十届一中全会', '十九届六中', '十九届', '二十届'];
const UNITS = [
  '我镇',
  '我县',
  '全县',
  '全镇',
  '本乡',
  '全乡',
  '我省',
  '全省',
  '全市',
  '我市',
  '自治区',
  '省委',
];
const REGIONS = [
  '湖南省',
  '广西壮族自治区',
  '重庆市',
  '北京市',
  '红土乡县',
  '《全省规划》',
  '“我县的事”',
  '全市场',
];
const MORE_UNITS = ['提升全省', '推动全市', '青山镇', '本区域'];
const SPACING = [
  ' ',
  '  ',
  '2024 年',
  '法律咨询 103人次',
  '12345 便民热线',
  '体系。 法治',
  '“双减” 等',
  '（一） 健全',
];
const NUMBERS = ['项目 , 以及', '4余次', '3.15', '03月05日', '2021-2025', '20212025年', 'ISO 9001 标准'];
const WORDS = [
  '全面面推进',
  '依法行安政',
  '"人民日报"',
  '(人民日报)',
  '人民日报、法治日报',
  '平合,',
  '热线平合运行',
];
const SPAM = ['１２３４５', '2021一2025', '足彩网', '注册送', '百家乐娱乐城', '确实', '截止', '法制宣传'];
const LISTS = ['尊法、学法、守法、用法', '学法、尊法、守法', '科学立法、公正司法、严格执法、全民守法'];
const MORE_LISTS = [
  '职能科学、权责法定、执法严明、公开公正',
  '点击阅读',
  '来源：',
  '“八五“普法',
  '１９届六中全会',
];
const BLANKS = [
  '习近平法制思想',
  'XX万元',
  '20XX年',
  '××镇',
  'X月X日',
  '＿＿',
  '____',
  '【请填写】',
  '（此处填写）',
];
const MORE_BLANKS = ['某某镇人民政府', '如某某', 'aＸＸＸ', '**', '□□人', '2024年X月X日', '【待补充数据】'];
const plenum = [...PLENUM_PARTS, ...PLENUM_PARTS_MORE];
const named = [...UNITS, ...REGIONS, ...MORE_UNITS];
const other = [...SPACING, ...NUMBERS, ...WORDS, ...SPAM, ...LISTS, ...MORE_LISTS, ...BLANKS, ...MORE_BLANKS];

const from = resolve(corpus);
const to = resolve(out);
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
const files = readdirSync(from).sort().slice(0, Number(count));
for (const f of files) {
  let text = readFileSync(join(from, f), 'utf8');
  for (let k = 0; k < 30; k++) {
    const at = random(text.length);
    let inserted;
    const what = random(3);
    if (what === 0) {
      inserted = '';
      for (let n = 1 + random(8); n > 0; n--) inserted += pick(plenum);
      if (random(2)) inserted += '全会';
    } else inserted = pick(what === 1 ? named : other);
    text = text.slice(0, at) + inserted + text.slice(at);
  }
  writeFileSync(join(to, f), text);
}
console.log(`${files.length} reports → ${to}`);
