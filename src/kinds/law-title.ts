import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import { boundedDistance } from '../util/fuzzy.js';
import { allMatches } from '../util/regex.js';
import { defineKind } from './define.js';
import { ignoredChecker } from './shared/text.js';

interface Superseded {
  title: string;
  by?: string;
  /** YYYY-MM-DD, or YYYY when only the year is known; absent when unknown. */
  from?: string;
}

interface Options {
  laws: string[];
  regulations: string[];
  superseded: Superseded[];
  knownTitles: string[];
}

interface Target {
  full: string;
  core: string;
  law: boolean;
}

interface Prepared {
  /** Titles in force or known, by core (without 中华人民共和国): what a citation may be. */
  current: Map<string, Target>;
  /** Superseded titles, by their text and by their core. */
  superseded: Map<string, Superseded>;
  /** Titles a misspelling is compared with, and which of them contain each character bigram. */
  targets: Target[];
  byBigram: Map<string, number[]>;
  /** What each cited title was found to be (the same titles recur in every report). */
  memo: Map<string, Finding | null>;
}

type Finding =
  | { type: 'near'; target: Target; distance: number; unique: boolean }
  | { type: 'kind'; target: Target }
  | { type: 'superseded'; entry: Superseded };

const PREFIX = '中华人民共和国';
const core = (title: string) => (title.startsWith(PREFIX) ? title.slice(PREFIX.length) : title);
/** What a law or regulation's name ends with; other titles (方案, 要点, 通知…) are not this rule's. */
const LAW_LIKE = /(?:法|法典|条例|规定|办法|细则)$/u;
/** Qualifiers after a name: （试行）, （2021—2025年）, (草案). */
const QUALIFIER = /[（(][^（）()]{1,16}[）)]$/u;
/** A title that opens with a place (湖南省…, 某县…, 铁岭市…): a local document, whatever follows. */
const PLACE_PREFIX = /^[\p{Script=Han}]{2,8}?(?:省|自治区|自治州|自治县|市|县|区|州|盟|旗)/u;
/** 《…》 with a name inside: no nested book-title marks, no line break. */
const CITATION = /《([^《》\n]{2,80})》/gu;
const MEMO_LIMIT = 2000;

/** 法 ↔ 条例: the same name with the other kind of instrument. */
const KIND_SWAPS: [RegExp, string[]][] = [
  [/(?<!办)法$/u, ['条例', '工作条例', '暂行条例']],
  [/(?:暂行|工作)?条例$/u, ['法']],
];

/**
 * Names of laws and administrative regulations cited in 《》, checked against the NPC's catalogue of laws in force,
 * the titles that were repealed or renamed (with their successors and dates) and the titles of administrative
 * regulations: a misspelled name (《城市村民委员会组织法》), 法 written for 条例 or the reverse, and a title no longer in
 * force in the report's year. Local documents (a place first) and names that are near no listed title are left alone.
 */
export default defineKind<Options>({
  name: 'law-title',
  description: '书名号中的法律、行政法规名称与现行名称一致（名称写错、法和条例写混、引用已废止或改名的名称）',
  options: {
    laws: { type: 'string[]', required: true, description: '现行有效的法律（全称）' },
    regulations: {
      type: 'string[]',
      default: [],
      description: '行政法规名称（不论现行与否），只用来识别写错的名称',
    },
    superseded: {
      type: 'object',
      default: [],
      description: '已废止或改名的名称：title 旧名称，by 取代它的名称，from 失效日期（YYYY-MM-DD 或 YYYY）',
    },
    knownTitles: {
      type: 'string[]',
      default: [],
      description: '其他认作正确、但不作为近似比照对象的名称（中央文件等）',
    },
  },
  messages: {
    default: '法律法规名称有误：《{found}》应为《{expected}》',
    near: '《{found}》不是现行法律法规的名称，可能是《{expected}》，请核对',
    kind: '《{found}》应为《{expected}》：{what}',
    superseded: '《{found}》{when}被《{current}》取代：{advice}',
    repealed: '《{found}》{when}废止：{advice}',
  },
  validate(o) {
    const wrong = Array.isArray(o.superseded)
      ? o.superseded.filter(
          (s) =>
            typeof s !== 'object' ||
            s === null ||
            typeof s.title !== 'string' ||
            (s.by !== undefined && typeof s.by !== 'string') ||
            (s.from !== undefined && !/^\d{4}(?:-\d{2}-\d{2})?$/.test(String(s.from))),
        )
      : [o.superseded];
    return wrong.map((s) => ({
      option: 'superseded',
      message: `“${JSON.stringify(s)}”：每项应为 { title: 旧名称, by: 新名称, from: YYYY-MM-DD }，by 和 from 可省略`,
    }));
  },
  prepare(o): Prepared {
    const current = new Map<string, Target>();
    const targets: Target[] = [];
    const superseded = new Map<string, Superseded>();
    for (const s of o.superseded) {
      superseded.set(s.title, s);
      if (!superseded.has(core(s.title))) superseded.set(core(s.title), s);
    }
    const add = (full: string, law: boolean, target: boolean) => {
      const t = { full, core: core(full), law };
      if (!current.has(t.core)) current.set(t.core, t);
      if (target && LAW_LIKE.test(t.core)) targets.push(t);
    };
    for (const t of o.laws) add(t, true, true);
    for (const t of o.regulations) add(t, false, true);
    for (const t of o.knownTitles) add(t, false, false);
    const byBigram = new Map<string, number[]>();
    for (const [i, t] of targets.entries()) {
      for (const b of new Set(bigrams(t.core))) {
        const list = byBigram.get(b);
        if (list) list.push(i);
        else byBigram.set(b, [i]);
      }
    }
    return { current, superseded, targets, byBigram, memo: new Map() };
  },
  check(model, _o, prepared) {
    const p = prepared as Prepared;
    const reports: Report[] = [];
    const ignored = ignoredChecker(model);
    for (const para of model.paragraphs) {
      if (para.role !== 'body' && para.role !== 'heading' && para.role !== 'title') continue;
      if (!para.text.includes('《')) continue;
      for (const m of allMatches(CITATION, para.text)) {
        const found = m[1] as string;
        const start = para.start + m.index + 1;
        const end = start + found.length;
        if (ignored(start)) continue;
        let finding = p.memo.get(found);
        if (finding === undefined) {
          finding = judge(found, p);
          if (p.memo.size >= MEMO_LIMIT) p.memo.clear();
          p.memo.set(found, finding);
        }
        if (finding) {
          const r = report(finding, found, start, end, model, p);
          if (r) reports.push(r);
        }
      }
    }
    return reports;
  },
});

/** What a cited title is: null when it is in force, known, local or nothing like a listed title. */
function judge(cited: string, p: Prepared): Finding | null {
  const text = cited.replace(/\s+/gu, '');
  let name = core(text);
  while (QUALIFIER.test(name) && !p.current.has(name) && !p.superseded.has(name))
    name = name.replace(QUALIFIER, '');
  if (!LAW_LIKE.test(name)) return null;
  const law = p.current.get(name);
  if (law?.law) return null;
  const old = p.superseded.get(text) ?? p.superseded.get(name);
  if (old) return { type: 'superseded', entry: old };
  if (law) return null;
  for (const [ending, others] of KIND_SWAPS) {
    if (!ending.test(name)) continue;
    for (const other of others) {
      const swapped = p.current.get(name.replace(ending, other));
      if (swapped) return { type: 'kind', target: swapped };
    }
  }
  return nearest(name, p);
}

/** The listed title nearest a name (edit distance 1, or 2 for names of eight characters or more), if any. */
function nearest(name: string, p: Prepared): Finding | null {
  const max = name.length >= 8 ? 2 : 1;
  const grams = bigrams(name);
  // Each edit removes at most two of a string's bigrams: fewer shared ones than this means a larger distance.
  const need = Math.max(1, name.length - 1 - 2 * max);
  const shared = new Map<number, number>();
  for (const b of new Set(grams))
    for (const i of p.byBigram.get(b) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  let best: Target | null = null;
  let bestDistance = max + 1;
  let ties = 0;
  for (const [i, n] of shared) {
    if (n < need) continue;
    const t = p.targets[i] as Target;
    const d = boundedDistance(name, t.core, max);
    if (d > max) continue;
    if (d < bestDistance) [best, bestDistance, ties] = [t, d, 0];
    else if (d === bestDistance && t.core !== best?.core) ties++;
  }
  if (!best) return null;
  // 湖南省…规定 near a national title is that province's own: a place the national title does not begin with.
  const place = PLACE_PREFIX.exec(name)?.[0];
  if (place && !best.core.startsWith(place)) return null;
  return { type: 'near', target: best, distance: bestDistance, unique: ties === 0 };
}

function report(
  f: Finding,
  found: string,
  start: number,
  end: number,
  model: DocumentModel,
  p: Prepared,
): Report | null {
  if (f.type === 'near') {
    // Certain only when one character differs and no other title is as near: then the fix writes the full title.
    const certain = f.distance === 1 && f.unique;
    return {
      messageId: certain ? undefined : 'near',
      start,
      end,
      severity: certain ? undefined : 'warning',
      data: { found, expected: f.target.full },
      fix: certain ? { range: [start, end], text: f.target.full } : undefined,
    };
  }
  if (f.type === 'kind') {
    const what = f.target.law ? '它是法律，名称是“……法”，不是“……条例”' : '名称是“……条例”，不是“……法”';
    return {
      messageId: 'kind',
      start,
      end,
      data: { found, expected: f.target.full, what },
      fix: { range: [start, end], text: f.target.full },
    };
  }
  return supersededReport(f.entry, found, start, end, model.year, p);
}

/**
 * A superseded title, judged by the report's year: an error when it was no longer in force at the start of that year,
 * a warning when it lapsed during the year (earlier work could cite it) or when the year or the date is unknown,
 * nothing when it was still in force through the year.
 */
function supersededReport(
  entry: Superseded,
  found: string,
  start: number,
  end: number,
  year: number | null,
  p: Prepared,
): Report | null {
  const from = entry.from ?? null;
  const fromYear = from ? Number(from.slice(0, 4)) : null;
  // In force through the report's year: nothing to say.
  if (year !== null && fromYear !== null && fromYear > year) return null;
  const atYearStart = from?.slice(4) === '-01-01';
  const current = successorIn(entry, year, p);
  const lapsedBefore =
    year !== null && fromYear !== null && (fromYear < year || (fromYear === year && atYearStart));
  const when = from ? `已于${dateText(from)}` : '已';
  const advice =
    year === null
      ? '看不出报告所属年度，请核对引用时它是否仍然有效'
      : lapsedBefore
        ? current
          ? `${year}年的报告应引用现行的《${current}》`
          : `${year}年的报告不应再把它作为依据`
        : fromYear === null
          ? '失效日期不详，请核对报告年度内它是否仍然有效'
          : `报告年度内此前的工作可以引用，此后应引用${current ? `《${current}》` : '现行规定'}`;
  return {
    messageId: current ? 'superseded' : 'repealed',
    start,
    end,
    severity: lapsedBefore ? undefined : 'warning',
    data: { found, current: current ?? '', when, advice },
  };
}

/** The successor in force in the report's year, following renamed successors (退伍义务兵安置条例 → … → 退役军人安置条例). */
function successorIn(entry: Superseded, year: number | null, p: Prepared): string | null {
  let by = entry.by ?? null;
  for (let hops = 0; by && hops < 5; hops++) {
    const next = p.superseded.get(by);
    if (!next?.from || p.current.get(core(by))?.law) break;
    if (year !== null && Number(next.from.slice(0, 4)) >= year) break;
    if (!next.by) break;
    by = next.by;
  }
  return by;
}

function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return m && d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年`;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
