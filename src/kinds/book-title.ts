import { compilePattern, type Pattern } from '../engine/pattern.js';
import type { Report } from '../engine/types.js';
import type { Matcher } from '../util/matcher.js';
import { defineKind } from './define.js';
import { lexiconCodes, normalizationInvariant } from './shared/normalized.js';
import { insideBookTitle } from './shared/ranges.js';
import { ignoredOrUrlChecker } from './shared/text.js';

interface Options {
  titles: string[];
  notFollowedBy: string;
}

interface Prepared {
  matcher: Matcher;
  notFollowedBy: Pattern;
  /** Whether the matcher may read the normalized units (`lexiconCodes`). */
  invariant: boolean;
}

const OPEN_QUOTE = /[“"]/;
const CLOSE_QUOTE = /[”"]/;

/**
 * Names of newspapers and periodicals written without 书名号 (人民日报 → 《人民日报》, GB/T 15834 4.15), from a list
 * shipped as data. The name of the organisation or of its other media is no title: 人民日报社, 人民日报客户端,
 * 人民日报记者 (what follows is `notFollowedBy`). A name in quotes (“人民日报”) gets its quotes replaced; a name
 * already inside a title (《……人民日报……》) is left alone.
 */
export default defineKind<Options>({
  name: 'book-title',
  description: '报刊名称应加书名号（人民日报 → 《人民日报》，GB/T 15834）',
  options: {
    titles: { type: 'string[]', required: true, description: '报纸、期刊的名称' },
    notFollowedBy: {
      type: 'regex',
      default: '社|出版|客户端|微博|微信|公众号|新媒体|网|APP|app|集团|报业|记者|评论员|编辑部|海外版|道|告',
      description: '名称后面是这些字时，指的是机构或其新媒体（或与“报”组成报道、报告），不是报刊本身',
    },
  },
  messages: {
    default: '“{found}”是报刊名称，应加书名号：《{title}》（GB/T 15834）',
    quoted: '报刊名称“{title}”应加书名号，不用引号：《{title}》（GB/T 15834）',
  },
  prepare(o, env): Prepared {
    return {
      matcher: env.matcher(o.titles),
      invariant: normalizationInvariant(o.titles),
      notFollowedBy: compilePattern(`^(?:${o.notFollowedBy})`, env.trusted),
    };
  },
  check(model, o, prepared) {
    const p = prepared as Prepared;
    const hits = p.matcher.findAll(lexiconCodes(model, p.invariant));
    if (hits.length === 0) return [];
    const text = model.text;
    const ignored = ignoredOrUrlChecker(model);
    const found: { start: number; end: number; title: string; quoted: boolean }[] = [];
    for (const h of hits) {
      if (ignored(h.start) || model.residueLines.has(model.lineAt(h.start).number)) continue;
      if (/[《〈]/.test(text[h.start - 1] ?? '') || insideBookTitle(text, h.start)) continue;
      if (p.notFollowedBy.findAll(text.slice(h.end, h.end + 8)).length > 0) continue;
      // Only the start: 中国纪检监察报刊发 is cut 报刊/发, the end falling inside a word.
      if (!model.isWordBoundary(h.start)) continue;
      const quoted = OPEN_QUOTE.test(text[h.start - 1] ?? '') && CLOSE_QUOTE.test(text[h.end] ?? '');
      const [start, end] = quoted ? [h.start - 1, h.end + 1] : [h.start, h.end];
      found.push({ start, end, title: o.titles[h.index] as string, quoted });
    }
    const reports: Report[] = [];
    for (const [k, f] of found.entries()) {
      // 人民日报、法治日报 → 《人民日报》《法治日报》: titles in a row take no 顿号 (GB/T 15834 4.5.3.5).
      const next = found[k + 1];
      const fixEnd = next && next.start === f.end + 1 && text[f.end] === '、' ? f.end + 1 : f.end;
      reports.push({
        messageId: f.quoted ? 'quoted' : undefined,
        start: f.start,
        end: fixEnd,
        data: { found: text.slice(f.start, f.end), title: f.title },
        fix: { range: [f.start, fixEnd], text: `《${f.title}》` },
      });
    }
    return reports;
  },
});
