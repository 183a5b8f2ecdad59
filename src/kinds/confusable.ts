import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import type { Matcher } from '../util/matcher.js';
import { defineKind } from './define.js';
import { type ContextTest, contextTest } from './shared/context.js';
import { lexiconCodes, normalizationInvariant } from './shared/normalized.js';
import { ignoredTester, insideBookTitle } from './shared/ranges.js';

/** One pair of words that sound alike, and the context in which the written one is the wrong one. */
export interface ConfusablePair {
  /** The word as written. */
  found: string;
  /** What to write instead. */
  expected: string;
  /** Why, in a few words (shown in the message). */
  reason: string;
  /** The next word (of the segmenter) must be one of these. */
  nextWord?: string[];
  /** The next word's part of speech must start with one of these jieba tags (m numeral, t time word, v verb…). */
  nextTag?: string[];
  /** A regular expression the text right after the word must start with. */
  followedBy?: string;
  notFollowedBy?: string;
  /** A regular expression the text right before the word must end with. */
  precededBy?: string;
  notPrecededBy?: string;
  /** Whether the word must stand as a word of its own (segmenter boundaries at both ends); default true. */
  word?: boolean;
  /** Whether `--fix` may replace it (default true): only where the context makes the correction certain. */
  fix?: boolean;
}

interface Options {
  pairs: ConfusablePair[];
}

interface CompiledPair extends ConfusablePair {
  followed: ContextTest;
  notFollowed: ContextTest;
  preceded: ContextTest;
  notPreceded: ContextTest;
}

interface Prepared {
  matcher: Matcher;
  /** Whether the matcher may read the normalized units (`lexiconCodes`). */
  invariant: boolean;
  /** Pairs by index of their word in the matcher (several pairs may share one word). */
  pairsByWord: CompiledPair[][];
}

const KEYS = [
  'found',
  'expected',
  'reason',
  'nextWord',
  'nextTag',
  'followedBy',
  'notFollowedBy',
  'precededBy',
  'notPrecededBy',
  'word',
  'fix',
];
const PATTERN_KEYS = ['followedBy', 'notFollowedBy', 'precededBy', 'notPrecededBy'] as const;

/**
 * Words that sound alike and are swapped (切实/确实, 截至/截止, 以致/以至…), each pair with the context that decides
 * it: the next word or its part of speech (from the shared segmenter), and patterns on the text around. The list is
 * data: a new pair needs no code. Candidates come from one scan of the shared word-list automaton; the segmenter is
 * asked only about the clause of a candidate. A word inside a book title (《…》) is the title's own wording and
 * is left alone, and so is a span the `typo` rule reports (截止目前 is in its list): a certain typo wins.
 */
export default defineKind<Options>({
  name: 'confusable',
  description: '音近易混的词（切实/确实、截至/截止、以致/以至、其他/其它……），按上下文判断',
  options: {
    pairs: {
      type: 'object',
      required: true,
      description:
        '易混词列表：found、expected、reason，以及上下文条件 nextWord、nextTag、followedBy、precededBy…',
    },
  },
  messages: { default: '“{found}”应为“{expected}”：{reason}' },
  validate(o) {
    const problems: { option: string; message: string }[] = [];
    if (!Array.isArray(o.pairs)) return [{ option: 'pairs', message: '“pairs” 应为列表' }];
    for (const [i, p] of (o.pairs as unknown[]).entries()) {
      const where = `第 ${i + 1} 项`;
      const pair = p as Partial<ConfusablePair> | null;
      const text = (v: unknown) => typeof v === 'string' && v.length > 0;
      if (typeof pair !== 'object' || pair === null || !text(pair.found) || !text(pair.expected)) {
        problems.push({ option: 'pairs', message: `${where}缺少 found 或 expected（写法和应改的写法）` });
        continue;
      }
      const name = `${where}（${pair.found}→${pair.expected}）`;
      if (pair.found === pair.expected)
        problems.push({ option: 'pairs', message: `${name}：found 和 expected 不能相同` });
      if (!text(pair.reason)) problems.push({ option: 'pairs', message: `${name}缺少 reason（简短的理由）` });
      for (const key of Object.keys(pair))
        if (!KEYS.includes(key)) problems.push({ option: 'pairs', message: `${name}有未知字段 “${key}”` });
      for (const key of ['nextWord', 'nextTag'] as const) {
        const v = pair[key];
        if (v !== undefined && (!Array.isArray(v) || !v.every(text)))
          problems.push({ option: 'pairs', message: `${name}的 ${key} 应为非空字符串列表` });
      }
      for (const key of PATTERN_KEYS)
        if (pair[key] !== undefined && !text(pair[key]))
          problems.push({ option: 'pairs', message: `${name}的 ${key} 应为正则表达式字符串` });
      for (const key of ['word', 'fix'] as const)
        if (pair[key] !== undefined && typeof pair[key] !== 'boolean')
          problems.push({ option: 'pairs', message: `${name}的 ${key} 应为 true 或 false` });
    }
    return problems;
  },
  prepare(o, env): Prepared {
    const words: string[] = [];
    const pairsByWord: CompiledPair[][] = [];
    for (const [i, p] of o.pairs.entries()) {
      const compile = (key: (typeof PATTERN_KEYS)[number], side: 'after' | 'before') =>
        contextTest(p[key], side, env.trusted, `pairs 第 ${i + 1} 项（${p.found}→${p.expected}）的 ${key} `);
      const compiled: CompiledPair = {
        ...p,
        followed: compile('followedBy', 'after'),
        notFollowed: compile('notFollowedBy', 'after'),
        preceded: compile('precededBy', 'before'),
        notPreceded: compile('notPrecededBy', 'before'),
      };
      const k = words.indexOf(p.found);
      if (k < 0) {
        words.push(p.found);
        pairsByWord.push([compiled]);
      } else (pairsByWord[k] as CompiledPair[]).push(compiled);
    }
    return { matcher: env.matcher(words), invariant: normalizationInvariant(words), pairsByWord };
  },
  check(model, _o, prepared, context) {
    const { matcher, invariant, pairsByWord } = prepared as Prepared;
    const hits = matcher.findAll(lexiconCodes(model, invariant));
    if (hits.length === 0) return [];
    const text = model.text;
    const ignored = ignoredTester(model.ignoredRanges);
    const typos = typoForms(context.ruleOptions('typo'));
    const reports: Report[] = [];
    for (const h of hits) {
      if (ignored(h.start, h.end)) continue;
      const pair = (pairsByWord[h.index] as CompiledPair[]).find((p) => applies(model, p, h.start, h.end));
      if (!pair || model.residueLines.has(model.lineAt(h.start).number)) continue;
      if (insideBookTitle(text, h.start) || typos.some((t) => covers(text, t, h.start, h.end))) continue;
      reports.push({
        start: h.start,
        end: h.end,
        data: { found: pair.found, expected: pair.expected, reason: pair.reason },
        fix: pair.fix === false ? undefined : { range: [h.start, h.end], text: pair.expected },
      });
    }
    return reports;
  },
});

/** Whether the pair's context holds for its word at [start, end): the cheap patterns first, then the segmenter. */
function applies(model: DocumentModel, p: CompiledPair, start: number, end: number): boolean {
  const text = model.text;
  // The next word must at least stand there as text: a native comparison spares most candidates the segmenter.
  if (p.nextWord && !p.nextWord.some((w) => text.startsWith(w, end))) return false;
  if (p.followed && !p.followed(text, end)) return false;
  if (p.notFollowed?.(text, end)) return false;
  if (p.preceded && !p.preceded(text, start)) return false;
  if (p.notPreceded?.(text, start)) return false;
  if (p.word !== false && !(model.isWordBoundary(start) && model.isWordBoundary(end))) return false;
  if (p.nextWord || p.nextTag) {
    const next = model.wordAt(end);
    if (!next || next.start !== end) return false;
    if (p.nextWord && !p.nextWord.includes(next.word)) return false;
    if (p.nextTag && !p.nextTag.some((t) => next.tag.startsWith(t))) return false;
  }
  return true;
}

const typoFormsByOptions = new WeakMap<object, string[]>();

/** The wrong forms of the `typo` rule (its options, when loaded), which this rule leaves to it. */
function typoForms(options: Record<string, unknown> | undefined): string[] {
  const confusions = options?.confusions;
  if (typeof confusions !== 'object' || confusions === null) return [];
  let forms = typoFormsByOptions.get(confusions);
  if (!forms) {
    forms = Object.keys(confusions);
    typoFormsByOptions.set(confusions, forms);
  }
  return forms;
}

/** Whether an occurrence of `form` covers [start, end). */
function covers(text: string, form: string, start: number, end: number): boolean {
  for (let at = Math.max(0, end - form.length); at <= start; at++) if (text.startsWith(form, at)) return true;
  return false;
}
