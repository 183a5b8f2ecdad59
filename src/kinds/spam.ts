import { compilePattern, type Pattern, PatternError } from '../engine/pattern.js';
import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import { compileMatcher, type Matcher } from '../util/matcher.js';
import { defineKind } from './define.js';
import { compileFormulations, findFormulations } from './formulation.js';
import { lexiconCodes, normalizationInvariant } from './shared/normalized.js';
import { type AdvertSign, advertSpans, STRONG_SPAM_WORDS, WEAK_SPAM_WORDS } from './shared/spam.js';
import { ignoredOrUrlChecker } from './shared/text.js';

interface Options {
  words: string[];
  patterns: string[];
  enforcement: string;
}

interface Prepared {
  matcher: Matcher;
  patterns: Pattern[];
  weak: Matcher;
  enforcement: Pattern;
  /** Whether both matchers may read the normalized units (`lexiconCodes`). */
  invariant: boolean;
}

/** Characters an advert's name runs on with (皇冠hg0088, 足彩网¥): ASCII letters and digits, currency signs, _. */
const RUNS_ON = /[A-Za-z0-9.¥￥$_]/;
/** What may stand on either side of an advert that can be cut out without touching the sentence. */
const DELIMITER = /[\s，。；、：！？,.;:!?（）()“”"《》|｜\-—_]/;
const PUNCTUATION = /[，。；、：！？,.;:!?]/;
/** What separates an advert from a title it is glued to (新葡京娱乐城-某镇…). */
const SEPARATOR = /[-—–|｜_:：·•\s\u3000]/;
/** The clause around a finding, for the enforcement test. */
const CLAUSE_BREAK = /[。；;！？!?\n]/;

/**
 * Gambling and lottery adverts wherever they stand — title line, first lines, body: brand names (新葡京, 雷速体育,
 * 皇冠体育…) and the words only adverts use (足彩网, 娱乐城, 注册送…, shared with web-residue and formulation in
 * shared/spam.ts), with the ASCII and junk they run on with (皇冠hg0088).
 *
 * A clause that reports enforcement (查处六合彩、百家乐等赌博案件3起) names these words as its subject, not as an
 * advert. Each advert is reported by one rule: inside a standard formulation by `formulation`, which restores it;
 * where web-residue sees an advert (words next to junk: 雷速体育_中国足彩网¥在线直播) by `web-residue`, which deletes
 * it; on a page-residue line by web-residue with the line. This rule reports the rest: a brand name with no junk
 * around it, which web-residue's rule of two signs lets through.
 */
export default defineKind<Options>({
  name: 'spam',
  description: '博彩、彩票广告（品牌名、只有广告才用的词），出现在标题、开头或正文任何位置',
  options: {
    words: {
      type: 'string[]',
      default: [],
      description: '广告品牌名和只有广告才用的词（另含内置的足彩、娱乐城等）',
    },
    patterns: { type: 'string[]', default: [], description: '广告的正则表达式（如“澳门……赌场”）' },
    enforcement: {
      type: 'regex',
      default: '打击|查处|破获|侦破|整治|取缔|查获|抓获|涉嫌|涉赌|赌博|非法|违法|犯罪|案件|团伙|诈骗',
      description: '分句中出现这些词时，是在报告执法工作，不算广告',
    },
  },
  messages: { default: '“{found}”是博彩、彩票广告，不是报告内容，应删除' },
  prepare(o, env): Prepared {
    const compile = (source: string, what: string) => {
      try {
        return compilePattern(source, env.trusted);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        throw new Error(`${what}“${source}”无法编译：${e.message}`);
      }
    };
    return {
      matcher: env.matcher([...STRONG_SPAM_WORDS, ...o.words]),
      weak: env.matcher(WEAK_SPAM_WORDS),
      invariant: normalizationInvariant([...STRONG_SPAM_WORDS, ...o.words, ...WEAK_SPAM_WORDS]),
      patterns: o.patterns.map((p) => compile(p, 'patterns 中的')),
      enforcement: compile(o.enforcement, 'enforcement '),
    };
  },
  check(model, _o, prepared, context) {
    const p = prepared as Prepared;
    const codes = lexiconCodes(model, p.invariant);
    const text = model.text;
    const found: [number, number][] = p.matcher.findAll(codes).map((m) => [m.start, m.end]);
    for (const pattern of p.patterns) for (const m of pattern.findAll(text)) found.push([m.start, m.end]);
    if (found.length === 0) return [];
    const weak = p.weak.findAll(codes);
    const ignored = ignoredOrUrlChecker(model);
    const taken = [
      ...webResidueAdverts(model, context.ruleOptions('web-residue')),
      ...injectedFormulations(model, context.ruleOptions('formulation')),
    ];
    const reports: Report[] = [];
    for (const [start, end] of merge(text, found, weak)) {
      if (ignored(start) || ignored(end - 1) || model.residueLines.has(model.lineAt(start).number)) continue;
      if (taken.some(([a, b]) => a < end && start < b)) continue;
      if (p.enforcement.findAll(clauseAround(text, start, end)).length > 0) continue;
      reports.push(removal(model, start, end));
    }
    return reports;
  },
});

/**
 * The finding for an advert at [start, end), with a fix where cutting it out leaves the text whole: the advert is the
 * whole line (removed with its line break), stands between punctuation, or opens or ends a line before or after a
 * separator (新葡京娱乐城-某镇2023年…: the separator goes with it).
 */
function removal(model: DocumentModel, start: number, end: number): Report {
  const text = model.text;
  const line = model.lineAt(start);
  const data = { found: text.slice(start, end) };
  let a = start;
  let b = end;
  const opensLine = text.slice(line.start, a).trim() === '';
  const endsLine = text.slice(b, line.end).trim() === '';
  if (opensLine && endsLine) {
    const next = model.lines[line.number]?.start ?? line.end;
    return { start: line.start, end: next, data, fix: { range: [line.start, next], text: '' } };
  }
  if (opensLine) while (b < line.end && SEPARATOR.test(text[b] as string)) b++;
  if (endsLine) while (a > line.start && SEPARATOR.test(text[a - 1] as string)) a--;
  const glued = (opensLine && b > end) || (endsLine && a < start);
  const before = text[a - 1] ?? '';
  const after = text[b] ?? '';
  if (!glued && !((before === '' || DELIMITER.test(before)) && (after === '' || DELIMITER.test(after))))
    return { start, end, data };
  // Between two marks (，advert，) the second goes too, or the sentence keeps a double comma.
  if (PUNCTUATION.test(before) && PUNCTUATION.test(after)) b++;
  return { start: a, end: b, data, fix: { range: [a, b], text: '' } };
}

/** The hits, each grown over the ASCII and junk it runs on with and the advert words next to it, then joined. */
function merge(
  text: string,
  found: [number, number][],
  weak: { start: number; end: number }[],
): [number, number][] {
  // Advert words by where they end and where they start: growing is a lookup, not a scan of all of them.
  const endingAt = new Map(weak.map((w) => [w.end, w.start]));
  const startingAt = new Map(weak.map((w) => [w.start, w.end]));
  const grown = found.map(([a, b]) => {
    for (let changed = true; changed; ) {
      changed = false;
      while (a > 0 && RUNS_ON.test(text[a - 1] as string)) a--;
      while (b < text.length && RUNS_ON.test(text[b] as string)) b++;
      const before = endingAt.get(a);
      const after = startingAt.get(b);
      if (before !== undefined) [a, changed] = [before, true];
      if (after !== undefined) [b, changed] = [after, true];
    }
    return [a, b] as [number, number];
  });
  grown.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of grown) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !CLAUSE_BREAK.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < text.length && !CLAUSE_BREAK.test(text[b] as string)) b++;
  return text.slice(a, b);
}

const webResidueMatchers = new WeakMap<object, { matcher: Matcher; strong: number }>();

/** What web-residue reports as injected adverts, by its own options (compiled once per options object). */
function webResidueAdverts(model: DocumentModel, o: Record<string, unknown> | undefined): [number, number][] {
  const strongWords = o?.strongWords;
  if (!o || !Array.isArray(strongWords)) return [];
  let m = webResidueMatchers.get(o);
  if (!m) {
    const weakWords = Array.isArray(o.weakWords) ? (o.weakWords as string[]) : [];
    m = { matcher: compileMatcher([...(strongWords as string[]), ...weakWords]), strong: strongWords.length };
    webResidueMatchers.set(o, m);
  }
  const strong = m.strong;
  const signs: AdvertSign[] = m.matcher
    .findAll(model.codes())
    .map((h) => ({ start: h.start, end: h.end, strong: h.index < strong, word: h.index }));
  return advertSpans(model.text, signs, typeof o.gap === 'number' ? o.gap : 6);
}

/** Formulations with an advert injected inside: formulation restores them whole. */
function injectedFormulations(
  model: DocumentModel,
  o: Record<string, unknown> | undefined,
): [number, number][] {
  if (!o || !Array.isArray(o.formulations)) return [];
  const compiled = compileFormulations(o as unknown as Parameters<typeof compileFormulations>[0]);
  return findFormulations(model, compiled)
    .findings.filter((f) => f.kind === 'injected')
    .map((f) => [f.start, f.end]);
}
