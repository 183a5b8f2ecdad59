import type { Report } from '../engine/types.js';
import type { Paragraph } from '../model/types.js';
import { allMatches } from '../util/regex.js';
import { defineKind } from './define.js';
import { ignoredOrUrlChecker, textParagraphs } from './shared/text.js';

interface Options {
  units: string[];
  dayNames: string[];
  maxRangeYears: number;
}

interface Prepared {
  range: RegExp;
  packed: RegExp;
  spaced: RegExp;
  padded: RegExp;
  dayName: RegExp;
}

const YEAR = '(?:19|20)\\d{2}';
/** Wrong joiners of a year range: hyphens and minus signs, en dash, tildes, the character 一, the two-em dash 破折号. */
const WRONG_DASH = '-‐‑‒–−－~～一―';
const ASCII_DIGIT = /[0-9]/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Numbers as GB/T 15835 and GB/T 15834 write them: year ranges joined by the dash — and closed by 年, no space between
 * a number and its unit, no zero padding in dates, the 间隔号 in day names (3·15). Each finding has a safe fix.
 */
export default defineKind<Options>({
  name: 'number-format',
  description: '数字用法：年份范围、数字与单位间的空格、日期虚位、节日名称的间隔号（GB/T 15835、GB/T 15834）',
  options: {
    units: {
      type: 'string[]',
      description: '数字后面的量词和单位：数字与它们之间有空格即报告',
      default: [
        '年',
        '月',
        '日',
        '个',
        '项',
        '件',
        '次',
        '人',
        '名',
        '家',
        '户',
        '场',
        '份',
        '元',
        '万',
        '亿',
        '余',
        '多',
        '条',
        '篇',
        '期',
        '批',
        '起',
        '宗',
        '所',
        '座',
        '台',
        '辆',
        '天',
        '周',
        '小时',
        '公里',
        '千米',
        '米',
        '平方',
        '亩',
        '%',
        '％',
        '倍',
        '类',
        '轮',
        '部',
        '套',
        '本',
        '册',
        '张',
        '处',
        '村',
        '支',
        '组',
        '位',
        '单',
        '例',
      ],
    },
    dayNames: {
      type: 'string[]',
      description: '紧跟“3.15”之类写法、说明它是节日名称的词（其后才按间隔号报告，“3.15万元”是小数）',
      default: [
        '国际消费者权益日',
        '消费者权益日',
        '消费者权益',
        '国家安全教育日',
        '国家安全日',
        '国际禁毒日',
        '禁毒日',
        '国家宪法日',
        '宪法日',
        '法制宣传日',
        '晚会',
        '活动',
        '宣传',
        '主题',
        '纪念日',
        '专项行动',
        '系列',
      ],
    },
    maxRangeYears: { type: 'number', default: 30, description: '两个四位数相差不超过此值才视为年份范围' },
  },
  messages: {
    default: '年份范围“{found}”应写作“{expected}”：{reason}（GB/T 15835）',
    space: '“{found}”中数字与“{unit}”之间不应有空格，应写作“{expected}”',
    'figure-space': '“{found}”中数字与汉字之间不应有空格，应写作“{expected}”',
    padding: '日期“{found}”应写作“{expected}”：月、日不编虚位（GB/T 9704）',
    day: '节日名称“{found}”应写作“{expected}”：表示月日的节日名称用间隔号“·”，“{found}”会被读作小数（GB/T 15834）',
    approximate:
      '“{found}”用法不当：“余”表示整数后面的零头，用在整十、整百等数之后（10余次、100余人），个位数之后不用“余”，请写出确数',
  },
  prepare(o) {
    const units = [...o.units]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    const days = [...o.dayNames]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    return {
      // 2021-2025, 2019一2021, 2021 — 2025, 2021——2025 (the right joiner, checked for 年 below).
      range: new RegExp(
        `(?<![${WRONG_DASH}\\d.．/／:：—])(${YEAR})([ \\t\\u00a0\\u3000]*)([${WRONG_DASH}]|——|—)([ \\t\\u00a0\\u3000]*)(${YEAR})(?![\\d]|[${WRONG_DASH}.．/／—][\\d])(?:([ \\t\\u00a0\\u3000]*)(年))?`,
        'gu',
      ),
      // 20212025年: two years with no joiner; only before 年, where no identifier or date can be meant.
      packed: new RegExp(`(?<![\\d.．])(${YEAR})(${YEAR})年`, 'gu'),
      spaced: new RegExp(`(?<![\\w.．])(\\d+(?:[.．]\\d+)?)([ \\t\\u00a0\\u3000]+)(${units})`, 'gu'),
      padded: /(?<![\d.．])0([1-9])(月|日)/gu,
      dayName: new RegExp(
        `(?<![\\d.．])(1[0-2]|0?[1-9])([.．•・‧∙])(3[01]|[12]\\d|0?[1-9])(?![\\d.．])(?=[”"’」』]?(?:${days}))`,
        'gu',
      ),
    } satisfies Prepared;
  },
  check(model, o, prepared) {
    const re = prepared as Prepared;
    const text = model.text;
    const reports: Report[] = [];
    const ignored = ignoredOrUrlChecker(model);
    // The closing date is judged by closing-date; its zero padding would be reported twice.
    for (const p of textParagraphs(model, ['residue', 'closing'])) {
      if (!ASCII_DIGIT.test(p.text)) continue; // every pattern below starts with a digit
      const local: Report[] = [];
      const at = (m: RegExpMatchArray) => p.start + (m.index ?? 0);

      for (const m of allMatches(re.range, p.text)) {
        const [found, y1, sp1, dash, sp2, y2, sp3, nian] = m as unknown as (string | undefined)[];
        const a = Number(y1);
        const b = Number(y2);
        if (b <= a || b - a > o.maxRangeYears) continue;
        const start = at(m);
        const end = start + (found as string).length;
        const after = text.slice(end, end + 2);
        const spaced = (sp1 as string).length > 0 || (sp2 as string).length > 0 || (sp3 ?? '').length > 0;
        const wrongJoin = dash !== '—' || spaced;
        // 2020—2021学年 is a school year; every other year range closes with 年 (2021—2025年度 already has it).
        const missingNian = !nian && !after.startsWith('学年');
        if (!wrongJoin && !missingNian) continue;
        const reasons: string[] = [];
        if (dash === '一') reasons.push('“一”是汉字，不能当连接号，起止年份用一字线“—”连接');
        else if (dash === '——') reasons.push('起止年份用一字线“—”连接，不用破折号“——”');
        else if (dash !== '—') reasons.push(`起止年份用一字线“—”连接，不用“${dash}”`);
        if (spaced) reasons.push('年份范围中间不加空格');
        if (missingNian) reasons.push('年份范围后应标明“年”');
        const expected = `${y1}—${y2}年`;
        local.push({
          start,
          end,
          data: { found: found as string, expected, reason: reasons.join('，') },
          fix: { range: [start, end], text: expected },
        });
      }

      for (const m of allMatches(re.packed, p.text)) {
        const [found, y1, y2] = m as unknown as string[];
        const a = Number(y1);
        const b = Number(y2);
        if (b <= a || b - a > o.maxRangeYears) continue;
        const start = at(m);
        const end = start + (found as string).length;
        const expected = `${y1}—${y2}年`;
        local.push({
          start,
          end,
          data: { found: found as string, expected, reason: '起止年份之间缺少一字线“—”' },
          fix: { range: [start, end], text: expected },
        });
      }

      for (const m of allMatches(re.spaced, p.text)) {
        const [found, num, , unit] = m as unknown as string[];
        const start = at(m);
        const end = start + (found as string).length;
        const expected = `${num}${unit}`;
        local.push({
          messageId: 'space',
          start,
          end,
          data: { found: found as string, unit: unit as string, expected },
          fix: { range: [start, end], text: expected },
        });
      }

      for (const r of spacedFigures(p, o.units)) local.push(r);

      for (const m of allMatches(re.padded, p.text)) {
        const [found, digit, unit] = m as unknown as string[];
        const start = at(m);
        const before = text.slice(Math.max(p.start, start - 6), start);
        const next = text.slice(start + 3, start + 7);
        // A date part: 2024年03月, 3月05日, or a bare 03月05日.
        const isDate = /[年月][ \t]*$/.test(before) || (unit === '月' && /^\d{1,2}日/.test(next));
        if (!isDate) continue;
        const end = start + (found as string).length;
        const expected = `${digit}${unit}`;
        local.push({
          messageId: 'padding',
          start,
          end,
          data: { found: found as string, expected },
          fix: { range: [start, end], text: expected },
        });
      }

      for (const m of allMatches(re.dayName, p.text)) {
        const [found, month, , day] = m as unknown as string[];
        const start = at(m);
        const end = start + (found as string).length;
        const expected = `${Number(month)}·${Number(day)}`;
        local.push({
          messageId: 'day',
          start,
          end,
          data: { found: found as string, expected },
          fix: { range: [start, end], text: expected },
        });
      }

      local.push(...approximations(p.text, p.start));
      local.sort((x, y) => x.start - y.start || x.end - y.end);
      let lastEnd = -1;
      for (const r of local) {
        if (ignored(r.start) || ignored(r.end - 1)) continue;
        // One finding per place: 2021 -2025 年 is a range finding, not also a spacing one.
        if (r.start < lastEnd) continue;
        reports.push(r);
        lastEnd = r.end;
      }
    }
    return reports;
  },
});

/** 余 after a single digit and before its unit (4余次, 3余万元): 余 stands for the remainder of a round number. */
const SINGLE_DIGIT_YU = /(?<![\d.．０-９])[1-9１-９]余(?=\p{Script=Han})/gu;

/** 余 after a one-digit count: no fix, only the drafter knows the number. */
function approximations(text: string, offset: number): Report[] {
  if (!text.includes('余')) return [];
  return allMatches(SINGLE_DIGIT_YU, text).map((m) => {
    const start = offset + (m.index ?? 0);
    const unit = /^[万亿千百]?[\p{Script=Han}]/u.exec(text.slice((m.index ?? 0) + 2))?.[0] ?? '';
    return { messageId: 'approximate', start, end: start + 2 + unit.length, data: { found: m[0] + unit } };
  });
}

/** Spaces a drafter or a converter leaves: space, tab, no-break space, ideographic space. */
const GAP = '[ \\t\\u00a0\\u3000]+';
const GAPS = new RegExp(GAP, 'gu');
/**
 * A figure with what stands around it: up to two Han characters, a space, the figure (digits with a decimal part,
 * a time's colon or thousands separators, and a percent sign), a space, and the next character.
 */
const SPACED_FIGURE = new RegExp(
  `(${GAP})?(\\d+(?:[.．:：,]\\d+)*[%％‰]?)(?:(${GAP})(\\p{Script=Han}|[A-Za-z]))?`,
  'gu',
);
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
/** What makes a paragraph prose rather than a table row. */
const CLAUSE_MARK = /[，。；：、,;:？！?!]/;
/** A space next to a digit: most paragraphs have none, and then the figures need no look. */
const hasSpacedDigit = (s: string) => /\d[ \t\u00a0\u3000]|[ \t\u00a0\u3000]\d/.test(s);

/**
 * Spaces between a figure and Chinese text on either side (法律咨询 103人次, 12345 便民热线), whatever word follows: GB/T
 * 15835 and 15834 put no space there. A figure spaced only before a listed unit (20 项) is the `space` finding,
 * whose message names the unit. English keeps its spaces: a figure glued to a Latin letter (G20, 5G) or whose other
 * side is a Latin word (ISO 9001 标准, Windows 10 系统) belongs to the English. Layout keeps its spaces too: a
 * paragraph with a tab, or with three or more space-separated fields and no clause punctuation, is a table row or an
 * aligned list copied as text, whose spaces separate columns. The fix removes the spaces only.
 */
function spacedFigures(p: Paragraph, units: string[]): Report[] {
  const out: Report[] = [];
  const text = p.text;
  if (!hasSpacedDigit(text) || isLayout(text)) return out;
  for (const m of allMatches(SPACED_FIGURE, text)) {
    const [shown, before = '', figure = '', after = '', right = ''] = m as unknown as (string | undefined)[];
    // Most figures of such a paragraph have no space on either side: nothing below can report them.
    if (before === '' && after === '') continue;
    const at = m.index;
    const figureStart = at + before.length;
    const figureEnd = figureStart + figure.length;
    const glued = LATIN.test(text[figureStart - 1] ?? '') || LATIN.test(text[figureEnd] ?? '');
    const englishBefore = before !== '' && LATIN.test(text[at - 1] ?? '');
    const englishAfter = LATIN.test(right);
    if (glued || englishBefore || englishAfter) continue;
    const leftSpaced = before !== '' && HAN.test(text[at - 1] ?? '');
    const rightSpaced = after !== '' && right !== '';
    if (!leftSpaced && !rightSpaced) continue;
    if (!leftSpaced && units.some((u) => text.startsWith(u, figureEnd + after.length))) continue;
    // The finding runs from up to two Chinese characters before the figure (when that side is spaced) to the
    // character after it.
    const start = leftSpaced ? (HAN.test(text[at - 2] ?? '') ? at - 2 : at - 1) : figureStart;
    const end = rightSpaced ? at + (shown as string).length : figureEnd;
    const found = text.slice(start, end);
    const expected = found.replace(GAPS, '');
    out.push({
      messageId: 'figure-space',
      start: p.start + start,
      end: p.start + end,
      data: { found, expected },
      fix: { range: [p.start + start, p.start + end], text: expected },
    });
  }
  return out;
}

/** A table row or an aligned list copied as text: a tab, or three or more spaced fields without clause punctuation. */
function isLayout(text: string): boolean {
  if (text.includes('\t')) return true;
  if (CLAUSE_MARK.test(text)) return false;
  return text.split(/[ \u00a0\u3000]+/u).length >= 3;
}
