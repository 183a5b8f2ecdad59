import type { Report } from '../engine/types.js';
import { isLabelCell, residueName } from '../model/residue.js';
import type { DocumentModel, Line, Paragraph } from '../model/types.js';
import type { Matcher } from '../util/matcher.js';
import { allMatches } from '../util/regex.js';
import { partitionPoint } from '../util/search.js';
import { defineKind } from './define.js';
import { compileFormulations, type FormulationFinding, findFormulations } from './formulation.js';
import { lexiconCodes, normalizationInvariant } from './shared/normalized.js';
import { ignoredTester } from './shared/ranges.js';
import { type AdvertSign, advertSpans } from './shared/spam.js';

interface Options {
  strongWords: string[];
  weakWords: string[];
  gap: number;
}

interface Prepared {
  matcher: Matcher;
  strong: Set<number>;
  /** Whether the matcher may read the normalized units (`lexiconCodes`). */
  invariant: boolean;
}

/** A URL as pasted from a page: scheme or www., then the ASCII characters of a URL (no brackets, quotes or commas). */
const URL_RE =
  /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+=%]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9\-._~:/?#@!$&*+=%]*)?/g;
/** Advert junk: currency signs and the underscore of page titles (雷速体育_中国足彩网¥在线直播). */
/** A Markdown thematic break (---, ***, ___) is markup, not a stray separator. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** What may stand on either side of an advert that can be cut out without touching the sentence. */
const DELIMITER = /[\s，。；、：！？,.;:!?（）()“”"《》]/;
const PUNCTUATION = /[，。；、：！？,.;:!?]/;

/**
 * Text that is no part of the report: page chrome the model classified as residue lines (navigation, page
 * metadata, share prompts, stray separators), and, anywhere in a sentence, injected adverts (gambling, lottery,
 * live-stream vocabulary next to junk such as ¥ and _), and URLs.
 *
 * An advert counts only where at least two signs meet within a few characters and one of them is a word only adverts
 * use (足彩, 注册送…), or two ordinary advert words meet a junk character: 文化体育, 庭审直播 and 体育彩票 stay
 * legal. Fixes remove a residue line with its line break, and an advert that stands between punctuation. An advert
 * injected inside a standard formulation is reported here precisely but fixed by `formulation`, which restores the
 * exact formulation (removing the advert alone would not always: 新时代雷速体育_中国足彩网… shares its 中国).
 */
export default defineKind<Options>({
  name: 'web-residue',
  description: '网页残留：导航、页面信息、分享提示、分隔符，以及混入正文的广告和网址',
  options: {
    strongWords: { type: 'string[]', required: true, description: '只有广告才用的词（足彩、注册送…）' },
    weakWords: {
      type: 'string[]',
      default: [],
      description: '单独出现时很平常、与强广告词或乱码相邻才算广告的词（体育、直播…）',
    },
    gap: { type: 'number', default: 6, description: '广告各部分之间最多相隔几个字' },
  },
  scope: 'document',
  messages: {
    default: '“{found}”是网页残留（{name}），不是报告内容，应删除',
    advert: '“{found}”是混入正文的网页广告，应删除',
    url: '网址“{found}”多为网页残留：若不是正文需要引用的网址，请删除',
  },
  prepare(o, env): Prepared {
    const words = [...o.strongWords, ...o.weakWords];
    return {
      matcher: env.matcher(words),
      strong: new Set(o.strongWords.map((_, i) => i)),
      invariant: normalizationInvariant(words),
    };
  },
  check(model, o, prepared, context) {
    const p = prepared as Prepared;
    const reports: Report[] = [];
    const residueParagraphs = model.paragraphs.filter(
      (x) => x.role === 'residue' && model.residueLines.has(x.line),
    );
    for (let k = 0; k < residueParagraphs.length; k++) {
      const para = residueParagraphs[k] as Paragraph;
      const line = model.lines[para.line - 1] as Line;
      if (model.format === 'markdown' && THEMATIC_BREAK.test(line.text)) continue;
      let [start, end] = lineRemoval(model, line);
      let found = para.text;
      // A label cell and its value on the next line are one field, removed together: a fix that removed the label
      // alone would leave a value that no longer reads as residue.
      const value = residueParagraphs[k + 1];
      if (
        value &&
        isLabelCell(para.text) &&
        residueName(value.text) === null &&
        model.paragraphs[model.paragraphs.indexOf(para) + 1] === value
      ) {
        end = lineRemoval(model, model.lines[value.line - 1] as Line)[1];
        found = `${para.text} ${value.text}`;
        k++;
      }
      reports.push({
        start,
        end,
        data: { found: shorten(found), name: model.residueLines.get(para.line) ?? '网页元素' },
        fix: { range: [start, end], text: '' },
      });
    }
    const residueLine = new Set(residueParagraphs.map((x) => x.line));
    const ignored = ignoredTester(model.ignoredRanges);
    const text = model.text;

    // Adverts: one pass of the word matcher, then the clusters of nearby signs that spam.ts judges for both rules.
    const words: AdvertSign[] = p.matcher
      .findAll(lexiconCodes(model, p.invariant))
      .map((m) => ({ start: m.start, end: m.end, strong: p.strong.has(m.index), word: m.index }));
    let polluted: FormulationFinding[] | null = null;
    for (const [spanStart, spanEnd] of advertSpans(text, words, o.gap)) {
      let start = spanStart;
      let end = spanEnd;
      if (residueLine.has(model.positionAt(start).line) || ignored(start, end)) continue;
      // Inside a standard formulation the formulation's alignment gives the advert's exact extent.
      polluted ??= pollutedFormulations(model, context.ruleOptions('formulation'));
      const inside = overlapping(polluted, start, end);
      if (inside) {
        start = Math.min(start, (inside.runs[0] as [number, number])[0]);
        end = Math.max(end, (inside.runs[inside.runs.length - 1] as [number, number])[1]);
        reports.push({ messageId: 'advert', start, end, data: { found: text.slice(start, end) } });
        continue;
      }
      const para = paragraphAt(model, start);
      if (para && para.start === start && para.end === end) {
        const [a, b] = lineRemoval(model, model.lines[para.line - 1] as Line);
        reports.push({
          messageId: 'advert',
          start: a,
          end: b,
          data: { found: text.slice(start, end) },
          fix: { range: [a, b], text: '' },
        });
        continue;
      }
      const found = text.slice(start, end);
      const before = start === 0 ? '' : (text[start - 1] as string);
      const after = end === text.length ? '' : (text[end] as string);
      if ((before === '' || DELIMITER.test(before)) && (after === '' || DELIMITER.test(after))) {
        // Between two punctuation marks (，advert，) the second goes too, or the sentence keeps a double comma.
        if (PUNCTUATION.test(before) && PUNCTUATION.test(after)) end++;
        reports.push({
          messageId: 'advert',
          start,
          end,
          data: { found },
          fix: { range: [start, end], text: '' },
        });
      } else reports.push({ messageId: 'advert', start, end, data: { found } });
    }

    for (const m of allMatches(URL_RE, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (residueLine.has(model.positionAt(start).line) || ignored(start, end)) continue;
      if (model.format === 'markdown' && (text.startsWith('](', start - 2) || text[start - 1] === '<'))
        continue;
      const para = paragraphAt(model, start);
      if (para && para.start === start && para.end === end) {
        const [a, b] = lineRemoval(model, model.lines[para.line - 1] as Line);
        reports.push({
          start: a,
          end: b,
          data: { found: m[0], name: '网址' },
          fix: { range: [a, b], text: '' },
        });
      } else reports.push({ messageId: 'url', start, end, severity: 'warning', data: { found: m[0] } });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
});

/**
 * The polluted formulations `formulation` finds (and fixes) with its own options: the compilation and the search are
 * shared with that rule (once per options object, once per document).
 */
function pollutedFormulations(
  model: DocumentModel,
  options: Record<string, unknown> | undefined,
): FormulationFinding[] {
  if (!options || !Array.isArray(options.formulations)) return [];
  const compiled = compileFormulations(options as unknown as Parameters<typeof compileFormulations>[0]);
  return findFormulations(model, compiled).findings.filter((f) => f.kind === 'injected');
}

/**
 * The range that removes a line: the line and its line break; when the line opens the document or follows a blank
 * line, the blank lines after it too, so paragraph spacing stays as it was.
 */
function lineRemoval(model: DocumentModel, line: Line): [number, number] {
  const lines = model.lines;
  const next = lines[line.number];
  if (!next) return [line.start, line.end];
  const prev = lines[line.number - 2];
  let end = next.start;
  if (!prev || prev.text.trim() === '') {
    for (let k = line.number; k < lines.length - 1 && (lines[k] as Line).text.trim() === ''; k++)
      end = (lines[k + 1] as Line).start;
  }
  return [line.start, end];
}

/** The paragraph on the line of an offset (paragraphs are one per line, in line order: binary search). */
function paragraphAt(model: DocumentModel, offset: number): Paragraph | undefined {
  const line = model.lineAt(offset).number;
  const p = model.paragraphs[partitionPoint(model.paragraphs, (x) => x.line >= line)];
  return p?.line === line ? p : undefined;
}

/** The first finding overlapping [start, end), in findings sorted by start and disjoint (binary search). */
function overlapping(
  findings: FormulationFinding[],
  start: number,
  end: number,
): FormulationFinding | undefined {
  const f = findings[partitionPoint(findings, (x) => x.end > start)];
  return f && f.start < end ? f : undefined;
}

function shorten(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
