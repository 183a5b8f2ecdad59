#!/usr/bin/env node
// Seeded, deterministic corpus generator for the fazhi-lint benchmark (issue #7).
//
// Builds synthetic 法治政府建设年度报告 from the paragraphs of the real reports in
// fixtures/seeds/*.txt and writes them to bench/out/:
//   out/corpus/0000.txt … 0999.txt   1,000 reports of realistic length and structure (~11 KB each)
//   out/big/report-1mb.txt            one ~1 MB report
//   out/growth/<size>kb.txt           single documents of 10, 50, 100, 250, 500, 1000 KB
//   out/single/report-10k-chars.txt   one report of ~10,000 characters (editor case)
//   out/single/report-20k-chars.txt   one report of ~20,000 characters (language-server case)
//   out/manifest.json                 seed, counts, byte and character totals
//
// Same seed + same seed files → byte-identical output. No Math.random anywhere.
//
// Usage: node bench/generate.js [--seed N] [--count N] [--out DIR] [--seeds DIR]

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

// ---------------------------------------------------------------------------
// PRNG: mulberry32 (32-bit state, good enough for corpus shaping, fully reproducible)
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    // inclusive
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------
// Chinese numerals 1..99 (一, 十, 十一, 二十, 九十九)
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function zhNum(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

// ---------------------------------------------------------------------------
// Seed analysis: classify the lines of the real reports into pools.

const RE_SECTION = /^([一二三四五六七八九十]+)、(.*)$/;
const RE_SUBSECTION = /^[（(]([一二三四五六七八九十]+)[）)](.*)$/;
const RE_ENUM = /^([一二三四五六七八九十]+)是(.*)$/;
const RE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const RE_NOISE = /您当前的位置|发布时间|访问量|扫一扫|^日期[:：]|^\|$|^县人大常委会/;
const RE_SHORTCOMING = /不足|问题|困难|短板/;
const RE_PLAN = /下一步|打算|安排|计划|思路/;

function splitSentences(paragraph) {
  const out = [];
  let cur = '';
  for (const ch of paragraph) {
    cur += ch;
    if (ch === '。' || ch === '；' || ch === '！' || ch === '？') {
      out.push(cur);
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur);
  return out.filter((s) => s.length >= 6);
}

export function analyseSeeds(seedDir) {
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no seed reports (*.txt) in ${seedDir}`);
  const pools = {
    intro: [],
    sectionTitle: [],
    subsectionTitle: [],
    body: [],
    enumItem: [],
    shortcoming: [],
    plan: [],
    sentence: [],
  };
  const seedHashes = [];
  for (const f of files) {
    const raw = readFileSync(join(seedDir, f), 'utf8');
    seedHashes.push(`${f}:${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`);
    const lines = raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/[\u00a0\u3000 \t]+/g, ' ').trim())
      .filter((l) => l.length > 0 && !RE_NOISE.test(l));
    let zone = 'intro';
    let seenSection = false;
    for (const line of lines) {
      if (RE_DATE.test(line)) continue;
      let m = RE_SECTION.exec(line);
      if (m && line.length < 70) {
        seenSection = true;
        const title = m[2].trim();
        if (RE_SHORTCOMING.test(title)) zone = 'shortcoming';
        else if (RE_PLAN.test(title)) zone = 'plan';
        else {
          zone = 'body';
          pools.sectionTitle.push(title);
        }
        continue;
      }
      m = RE_SUBSECTION.exec(line);
      if (m) {
        const rest = m[2].trim();
        // "(三)加大宣传力度,营造法治氛围。深入开展……" → heading + body
        const stop = rest.search(/[。；]/);
        if (line.length < 70 && (stop === -1 || stop === rest.length - 1)) {
          if (zone === 'body' || zone === 'intro') pools.subsectionTitle.push(rest.replace(/[。；]$/, ''));
          continue;
        }
        const head = stop > 0 && stop < 40 ? rest.slice(0, stop) : null;
        const tail = head ? rest.slice(stop + 1) : rest;
        if (head && (zone === 'body' || zone === 'intro')) pools.subsectionTitle.push(head);
        if (tail.length >= 30) pushByZone(pools, seenSection ? zone : 'body', tail);
        continue;
      }
      if (line.length < 30) continue; // signer lines, stray headings, web chrome
      m = RE_ENUM.exec(line);
      if (m) {
        pools.enumItem.push(m[2].trim());
        pushSentences(pools, line);
        continue;
      }
      if (!seenSection) {
        if (line.length >= 80) pools.intro.push(line);
        continue;
      }
      pushByZone(pools, zone, line);
    }
  }
  for (const [k, v] of Object.entries(pools)) {
    if (v.length === 0) throw new Error(`seed analysis found no ${k} paragraphs in ${seedDir}`);
  }
  return { files, seedHashes, pools };
}

function pushByZone(pools, zone, text) {
  if (zone === 'shortcoming') pools.shortcoming.push(text);
  else if (zone === 'plan') pools.plan.push(text);
  else pools.body.push(text);
  pushSentences(pools, text);
}

function pushSentences(pools, text) {
  for (const s of splitSentences(text)) if (s.length >= 12 && s.length <= 200) pools.sentence.push(s);
}

// ---------------------------------------------------------------------------
// Synthetic names and the errors the project's rules look for (injected at a seeded rate
// so that every linter has something to report, as real reports do).

const PLACE_A = [
  '东',
  '西',
  '南',
  '北',
  '青',
  '白',
  '红',
  '金',
  '石',
  '清',
  '安',
  '平',
  '宁',
  '兴',
  '永',
  '长',
  '新',
  '龙',
  '凤',
  '云',
];
const PLACE_B = [
  '山',
  '河',
  '溪',
  '湖',
  '桥',
  '城',
  '阳',
  '川',
  '林',
  '原',
  '泉',
  '江',
  '岭',
  '坪',
  '田',
  '塘',
  '峰',
  '湾',
];
const PLACE_KIND = ['县', '区', '镇', '乡', '街道'];
const PARENT = [
  '醴陵市',
  '铁岭市',
  '眉山市',
  '东莞市',
  '红河州',
  '吉安市',
  '曲靖市',
  '荆州市',
  '绵阳市',
  '赣州市',
];

const INJECTIONS = [
  ['习近平法治思想', '习近平法制思想'],
  ['法治宣传', '法制宣传'],
  ['法治教育', '法制教育'],
  ['平台', '平合'],
  ['执法权', '执法杈'],
  ['发挥', '发择'],
  ['刑满释放', '利满释放'],
  ['防汛抗旱', '防羽抗旱'],
  ['尊法学法守法用法', '尊法守法学法用法'],
  ['《法治政府建设实施纲要（2021—2025年）》', '《法治政府建设实施纲要(2021-2025年)》'],
];

const EXTRA_SENTENCES = [
  '深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，推动各项任务落地见效。',
  '认真开展防汛抗旱、安全生产等领域执法检查，依法处置各类风险隐患。',
  '做好刑满释放人员安置帮教工作，落实社区矫正对象分类管理。',
  '组织开展尊法学法守法用法主题活动，营造浓厚法治氛围。',
  '依托“互联网+监管”平台，推进行政执法信息公开。',
  '严格落实行政执法“三项制度”，未经批准不得擅自改变执法程序。',
];

function inject(rng, text, rate) {
  // rate: probability per paragraph of one wrong form
  if (!rng.chance(rate)) return text;
  const candidates = INJECTIONS.filter(([right]) => text.includes(right));
  if (candidates.length > 0) {
    const [right, wrong] = rng.pick(candidates);
    return text.replace(right, wrong);
  }
  const [right, wrong] = rng.pick(INJECTIONS);
  return (
    text + rng.pick(EXTRA_SENTENCES.filter((s) => s.includes(right)).concat([`进一步${wrong}工作取得实效。`]))
  );
}

// Vary the numbers so that paragraphs are not byte-identical copies of the seeds.
function varyNumbers(rng, text) {
  return text.replace(
    /(?<![\d年])(\d{1,5})(?=(?:余|多)?(?:人|次|件|场|个|份|起|万|名|期|家|户|条|项|篇|册))/g,
    (m) => {
      const n = Number(m);
      const v = Math.max(1, Math.round(n * (0.6 + rng.next() * 0.8)));
      return String(v);
    },
  );
}

// ---------------------------------------------------------------------------
// Report builder

function utf8Len(s) {
  return Buffer.byteLength(s, 'utf8');
}

class ReportBuilder {
  constructor(pools, rng, opts) {
    this.p = pools;
    this.rng = rng;
    this.errorRate = opts.errorRate ?? 0.12;
  }

  place() {
    const r = this.rng;
    const kind = r.pick(PLACE_KIND);
    return `${r.pick(PARENT)}${r.pick(PLACE_A)}${r.pick(PLACE_B)}${kind}`;
  }

  bodyParagraph(pool = this.p.body) {
    const r = this.rng;
    let text;
    if (r.chance(0.55)) {
      text = r.pick(pool);
    } else {
      // recombine: lead sentence of one paragraph + 2–6 sentences from the pool
      const lead = splitSentences(r.pick(pool))[0] ?? r.pick(this.p.sentence);
      const parts = [lead];
      const n = r.int(2, 6);
      for (let i = 0; i < n; i++) parts.push(r.pick(this.p.sentence));
      text = parts.join('');
    }
    return inject(r, varyNumbers(r, text), this.errorRate);
  }

  enumeration(pool = this.p.enumItem) {
    const r = this.rng;
    const n = r.int(2, 4);
    const items = [];
    for (let i = 1; i <= n; i++) {
      const item = r.chance(0.7)
        ? r.pick(pool)
        : splitSentences(r.pick(this.p.body)).slice(0, r.int(2, 4)).join('');
      items.push(`${zhNum(i)}是${inject(r, varyNumbers(r, item), this.errorRate)}`);
    }
    // either one paragraph per item or run together in one paragraph, both occur in the seeds
    return r.chance(0.6) ? items : [items.join('')];
  }

  /** Build one report whose UTF-8 size is close to targetBytes. */
  build(targetBytes) {
    const r = this.rng;
    const place = this.place();
    const year = r.int(2020, 2024);
    const lines = [];
    lines.push(
      r.pick([
        `${place}${year}年法治政府建设情况的报告`,
        `${place}${year}年法治政府建设工作报告`,
        `关于${place}${year}年法治政府建设情况的报告`,
        `${place}人民政府${year}年度法治政府建设情况报告`,
      ]),
    );
    lines.push(varyNumbers(r, r.pick(this.p.intro)));

    const closingShort = this.closing(place, year, 1);
    const closingBytes = closingShort.reduce((a, l) => a + utf8Len(l) + 1, 0);
    const budget = targetBytes - closingBytes;
    let size = lines.reduce((a, l) => a + utf8Len(l) + 1, 0);

    // scale the outline with the size: ~11 KB → 3–6 sections × 2–4 subsections; 1 MB → ~20 × ~20
    const scale = Math.max(1, Math.sqrt(targetBytes / 11000));
    const maxSubs = Math.max(3, Math.round(3 * scale));
    let section = 0;
    const usedTitles = new Set();
    while (size < budget * 0.985) {
      section++;
      let title = r.pick(this.p.sectionTitle);
      for (let k = 0; k < 5 && usedTitles.has(title); k++) title = r.pick(this.p.sectionTitle);
      usedTitles.add(title);
      const head = `${zhNum(section)}、${title}`;
      lines.push(head);
      size += utf8Len(head) + 1;
      const subs = r.int(2, maxSubs);
      for (let s = 1; s <= subs && size < budget * 0.985; s++) {
        const sub = `（${zhNum(s)}）${r.pick(this.p.subsectionTitle)}`;
        lines.push(sub);
        size += utf8Len(sub) + 1;
        const paras = r.chance(0.45)
          ? this.enumeration()
          : Array.from({ length: r.int(1, 3) }, () => this.bodyParagraph());
        for (const para of paras) {
          lines.push(para);
          size += utf8Len(para) + 1;
          if (size >= budget * 0.985) break;
        }
      }
    }
    lines.push(...this.closing(place, year, section + 1));
    return `${lines.join('\n')}\n`;
  }

  closing(place, year, n) {
    const r = this.rng;
    const out = [];
    out.push(`${zhNum(n)}、${r.pick(['存在的不足', '存在的问题和不足', '存在的不足和原因'])}`);
    out.push(
      r.chance(0.5) ? this.enumeration(this.p.shortcoming).join('') : this.bodyParagraph(this.p.shortcoming),
    );
    out.push(`${zhNum(n + 1)}、${r.pick(['下一步工作打算', '下一步工作安排', '下一年度工作打算'])}`);
    const plans = r.int(1, 3);
    for (let i = 1; i <= plans; i++) {
      const p = this.bodyParagraph(this.p.plan);
      out.push(plans > 1 ? `（${zhNum(i)}）${p}` : p);
    }
    out.push(`${place}人民政府`);
    out.push(`${year + 1}年${r.int(1, 3)}月${r.int(1, 28)}日`);
    return out;
  }
}

// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { seed: 20240707, count: 1000, out: join(HERE, 'out'), seeds: join(ROOT, 'fixtures', 'seeds') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, v] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, argv[i + 1]];
    const take = () => {
      if (!a.includes('=')) i++;
      return v;
    };
    if (k === '--seed') o.seed = Number(take());
    else if (k === '--count') o.count = Number(take());
    else if (k === '--out') o.out = resolve(take());
    else if (k === '--seeds') o.seeds = resolve(take());
    else if (k === '-h' || k === '--help') {
      console.log('node bench/generate.js [--seed N] [--count N] [--out DIR] [--seeds DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** Report of about `chars` characters (code points), for the editor/LSP cases. */
function buildByChars(pools, seed, chars) {
  const rng = new Rng(seed);
  const b = new ReportBuilder(pools, rng, {});
  // ~3 bytes/char for this text; build slightly larger, then trim whole paragraphs
  let text = b.build(Math.round(chars * 3.1));
  const lines = text.split('\n');
  while ([...lines.join('\n')].length > chars && lines.length > 8) lines.splice(lines.length - 4, 1);
  text = lines.join('\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Hash of this file: run.js regenerates the corpus when the generator changed. */
export function generatorHash() {
  return createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
}

export function generate(opts) {
  const t0 = performance.now();
  const { files, seedHashes, pools } = analyseSeeds(opts.seeds);
  rmSync(opts.out, { recursive: true, force: true });
  for (const d of ['corpus', 'big', 'growth', 'single']) mkdirSync(join(opts.out, d), { recursive: true });

  const manifest = {
    generator: 'bench/generate.js',
    generatorSha256: generatorHash(),
    seed: opts.seed,
    seedFiles: seedHashes,
    pools: Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, v.length])),
    corpus: { dir: 'corpus', count: 0, bytes: 0, chars: 0, minBytes: Infinity, maxBytes: 0 },
    big: null,
    growth: [],
    single: {},
  };

  // (a) corpus: each report has its own sub-seed so that any one file can be regenerated alone
  const master = new Rng(opts.seed);
  const hash = createHash('sha256');
  for (let i = 0; i < opts.count; i++) {
    const sub = Math.floor(master.next() * 2 ** 32);
    const rng = new Rng(sub);
    // realistic length spread: 6–16 KB, centred on ~11 KB (mean of two uniforms)
    const target = Math.round(6000 + ((rng.next() + rng.next()) / 2) * 10000);
    const text = new ReportBuilder(pools, rng, {}).build(target);
    const name = `${String(i).padStart(4, '0')}.txt`;
    writeFileSync(join(opts.out, 'corpus', name), text);
    const bytes = utf8Len(text);
    hash.update(text);
    const c = manifest.corpus;
    c.count++;
    c.bytes += bytes;
    c.chars += [...text].length;
    c.minBytes = Math.min(c.minBytes, bytes);
    c.maxBytes = Math.max(c.maxBytes, bytes);
  }
  manifest.corpus.sha256 = hash.digest('hex');

  // (b) one ~1 MB report
  {
    const text = new ReportBuilder(pools, new Rng(opts.seed ^ 0x1b1b), {}).build(1_000_000);
    writeFileSync(join(opts.out, 'big', 'report-1mb.txt'), text);
    manifest.big = { file: 'big/report-1mb.txt', bytes: utf8Len(text), chars: [...text].length };
  }

  // (c) growth series
  for (const kb of [10, 50, 100, 250, 500, 1000]) {
    const text = new ReportBuilder(pools, new Rng(opts.seed + kb), {}).build(kb * 1000);
    const file = `growth/${String(kb).padStart(4, '0')}kb.txt`;
    writeFileSync(join(opts.out, file), text);
    manifest.growth.push({ kb, file, bytes: utf8Len(text), chars: [...text].length });
  }

  // editor (≈10,000 chars) and language-server (≈20,000 chars) documents
  for (const [name, chars] of [
    ['report-10k-chars.txt', 10000],
    ['report-20k-chars.txt', 20000],
  ]) {
    const text = buildByChars(pools, opts.seed + chars, chars);
    writeFileSync(join(opts.out, 'single', name), text);
    manifest.single[name] = { file: `single/${name}`, bytes: utf8Len(text), chars: [...text].length };
  }

  manifest.seedCount = files.length;
  manifest.ms = Math.round(performance.now() - t0);
  writeFileSync(join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const m = generate(opts);
  const c = m.corpus;
  console.log(
    `generated ${c.count} reports (${(c.bytes / 1e6).toFixed(2)} MB, ${Math.round(c.bytes / c.count)} B avg, ` +
      `${c.minBytes}–${c.maxBytes} B), big ${(m.big.bytes / 1e6).toFixed(2)} MB, growth ${m.growth.map((g) => g.kb).join('/')} KB ` +
      `from ${m.seedCount} seed reports, seed ${m.seed}, in ${m.ms} ms → ${opts.out}`,
  );
}
