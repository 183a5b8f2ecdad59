import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import { getSegmenter } from '../segment/index.js';
import type { Matcher } from '../util/matcher.js';
import { defineKind } from './define.js';
import { lexiconCodes, normalizationInvariant } from './shared/normalized.js';
import { ignoredTester } from './shared/ranges.js';
import { findSlips, type SlipDictionary, slipDictionary } from './shared/slips.js';
import { ignoredOrUrlChecker, textParagraphs } from './shared/text.js';

interface Options {
  confusions: Record<string, string>;
  slips: boolean;
}

interface Prepared {
  matcher: Matcher;
  wrongs: string[];
  /** Whether the matcher may read the normalized units (`lexiconCodes`). */
  invariant: boolean;
}

/**
 * A curated list of wrong characters (平合 for 平台), each reported with its correction as a safe fix.
 *
 * A listed string counts only where it stands as words of its own: its start and its end must both fall on
 * word boundaries of the shared segmenter (jieba with the domain dictionary). So 平合 fires in 热线平合运行
 * (热线/平/合/运行) but not in 公平合法性 (公平/合法性) or 和平合作 (和平/合作), where the two characters
 * belong to different words. The segmenter is loaded only when the text contains a listed string at all, and cuts only the clauses around
 * the candidates (the model's `isWordBoundary`).
 */
export default defineKind<Options>({
  name: 'typo',
  description: '常见错别字（精选易混字表，按分词边界匹配，可自动修复）',
  options: {
    confusions: {
      type: 'map',
      required: true,
      description: '“错误写法: 正确写法” 的映射；只在两端都是词边界时报告',
    },
    slips: {
      type: 'boolean',
      default: false,
      description:
        '也按分词词典和词频判断词表收不尽的手误：不该重叠的字（全面面推进）、夹在词中间的多余字（依法行安政），以警告报告，不自动修复',
    },
  },
  messages: {
    default: '“{found}”是错别字，应写作“{replacement}”',
    doubled: '“{found}”中的“{char}”多打了一个，应为“{expected}”',
    stray: '“{found}”中多了一个“{char}”，应为“{expected}”',
  },
  validate(o) {
    return Object.entries(o.confusions)
      .filter(([wrong, right]) => wrong.length === 0 || right.length === 0 || right.includes(wrong))
      .map(([wrong]) => ({
        option: 'confusions',
        message: `“${wrong}”：错误写法和正确写法都不能为空，且正确写法不能包含错误写法`,
      }));
  },
  prepare(o, env): Prepared {
    const wrongs = Object.keys(o.confusions);
    return { matcher: env.matcher(wrongs), wrongs, invariant: normalizationInvariant(wrongs) };
  },
  check(model, o, prepared) {
    const { matcher, wrongs, invariant } = prepared as Prepared;
    const ignored = ignoredTester(model.ignoredRanges);
    const candidates = matcher
      .findAll(lexiconCodes(model, invariant))
      .filter((m) => !ignored(m.start, m.end));
    const reports: Report[] = o.slips ? slipReports(model) : [];
    if (candidates.length === 0) return reports;
    for (const m of candidates) {
      if (!model.isWordBoundary(m.start) || !model.isWordBoundary(m.end)) continue;
      const found = wrongs[m.index] as string;
      const replacement = o.confusions[found] as string;
      reports.push({
        start: m.start,
        end: m.end,
        data: { found, replacement },
        fix: { range: [m.start, m.end], text: replacement },
      });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
});

let slipWords: SlipDictionary | null = null;

/** Doubled and stray characters (`shared/slips.ts`), as warnings without fix: a judgement, not a certainty. */
function slipReports(model: DocumentModel): Report[] {
  slipWords ??= slipDictionary(getSegmenter());
  const text = model.text;
  const slips = findSlips(text, model.codes(), textParagraphs(model), slipWords, ignoredOrUrlChecker(model));
  return slips.map((slip) => ({
    messageId: slip.type,
    start: slip.start,
    end: slip.end,
    severity: 'warning' as const,
    data: { found: text.slice(slip.start, slip.end), char: text[slip.at] as string, expected: slip.expected },
  }));
}
