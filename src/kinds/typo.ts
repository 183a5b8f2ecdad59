import type { Report } from '../engine/types.js';
import type { Matcher } from '../util/matcher.js';
import { defineKind } from './define.js';
import { ignoredTester } from './shared/ranges.js';

interface Options {
  confusions: Record<string, string>;
}

interface Prepared {
  matcher: Matcher;
  wrongs: string[];
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
  },
  messages: { default: '“{found}”是错别字，应写作“{replacement}”' },
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
    return { matcher: env.matcher(wrongs), wrongs };
  },
  check(model, o, prepared) {
    const { matcher, wrongs } = prepared as Prepared;
    const ignored = ignoredTester(model.ignoredRanges);
    const candidates = matcher.findAll(model.codes()).filter((m) => !ignored(m.start, m.end));
    if (candidates.length === 0) return [];
    const reports: Report[] = [];
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
    return reports;
  },
});
