import { allMatches } from '../util/regex.js';
import type { Paragraph } from './types.js';

/**
 * Lines of web-page chrome pasted along with a report (navigation, page metadata, the site's date bar, widgets, share
 * prompts, channel names, the page title repeated above the document's own). The model needs them to find the real
 * title and closing block; the `web-residue` rule reports them.
 *
 * Most are recognised from the line alone, by structure rather than by wording: label：value pairs whose labels only
 * web pages use, a date with a weekday or a lunar date, a date with a clock time, crumbs joined by ›. Each pattern is
 * tested against a whole trimmed line, so a body sentence that merely mentions 来源 or a date (2024年3月5日，我镇召开…)
 * stays body. A few need their neighbours (`classifyResidue`).
 */

/** Labels of the metadata block of an article or 政府信息公开 page, which no report sentence starts with. */
const PAGE_LABELS = [
  '索引号',
  '统一编号',
  '公开目录',
  '主题分类',
  '信息分类',
  '组配分类',
  '体裁分类',
  '服务对象',
  '公开方式',
  '公开范围',
  '公开时限',
  '公开形式',
  '公开属性',
  '公开日期',
  '发布机构',
  '发文机关',
  '发文机构',
  '制发机构',
  '所属机构',
  '信息来源',
  '文章来源',
  '来源',
  '作者',
  '责任编辑',
  '编辑',
  '审核',
  '校对',
  '成文日期',
  '发布日期',
  '发布时间',
  '发文日期',
  '内容概述',
  '字体大小',
  '点击率',
  '浏览',
  '点击',
  '阅读',
  '访问',
  '生成日期',
  '更新时间',
  '更新日期',
  '发表时间',
  '录入时间',
  '实施日期',
  '生效日期',
  '废止日期',
  '有效性',
  '时效性',
  '效力状态',
  '文号',
  '发文字号',
  '信息名称',
  '浏览次数',
  '浏览量',
  '点击数',
  '点击量',
  '点击次数',
  '阅读次数',
  '阅读量',
  '阅读数',
  '访问量',
  '访问次数',
  '字体',
  '字号',
];
/** Labels that name a field on a page but are also ordinary words: residue only next to another label or a date. */
const WEAK_LABELS = ['日期', '时间', '名称', '标题', '关键词', '主题词', '分类', '类别', '编号', '摘要'];
/** Labels whose value is the page title: the value is residue only when the document repeats it below. */
const TITLE_LABELS = new Set(['信息名称', '名称', '标题']);

/** A label as a page writes it: its characters may be spread by spaces to fill a table cell (索  引  号). */
const spread = (label: string) => [...label].join('[ \\u3000]*');
const LABEL_SOURCE = [...PAGE_LABELS, ...WEAK_LABELS]
  .sort((a, b) => b.length - a.length)
  .map(spread)
  .join('|');
/** A label and its colon, at the line start or after a separator (space, tab, |, bracket). */
const LABEL_AT = new RegExp(`(?:^|[\\s|｜【\\[（(])(${LABEL_SOURCE})[ \\u3000]*[:：]`, 'gu');
const PAGE_LABEL_SET = new Set(PAGE_LABELS);
/** Counter labels that are also verbs: alone on a line they count only before a count (浏览：5072次, 点击：[]). */
const COUNTER_LABELS = new Set(['浏览', '点击', '阅读', '访问']);
const COUNT_VALUE = /^(?:\d*\s*次?|\[\s*\]?)$/u;
const compact = (s: string) => s.replace(/[\s\u3000]+/gu, '');
/** A whole line that is one label, with or without its colon (a table's label cell on a line of its own). */
const LABEL_ONLY = new RegExp(`^(${PAGE_LABELS.map(spread).join('|')})[ \\u3000]*[:：]?$`, 'u');
/** Brackets and bars a page puts around its fields: 【浏览次数：12】 [ 打印 ] | 关闭 |. */
const FIELD_FRAME = /^[[【〔(（|｜•·●▪◆■□◇○\s]+|[\]】〕)）|｜\s]+$/gu;

const DATE =
  '(?:\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)';
/** The site's name before its date bar or a publication date: 天津市静海区人民政府 2019年12月3日星期二. */
const SITE = '[\\p{Script=Han}]{2,24}?(?:人民政府|政府|门户网站|网站|网)';
const CLOCK = '\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?';
const WEEKDAY = '(?:星期|礼拜|周)[一二三四五六日天]';
/** 农历甲辰年正月廿五, 农历二〇二四年腊月初八, 农历正月十五. */
const LUNAR =
  '农历\\s*(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|[〇零一二三四五六七八九]{4})?\\s*(?:[鼠牛虎兔龙蛇马羊猴鸡狗猪]年)?年?\\s*(?:闰)?[正一二三四五六七八九十冬腊]{1,2}月\\s*[初十廿卅一二三四五六七八九十]{1,3}日?';
/** The date bar of a site header: today's date with its weekday and/or lunar date (at least one of the two). */
const DATE_BAR = new RegExp(
  `^(?:${SITE}\\s+)?(?:(?:今天是|今日|当前日期|现在是)\\s*[:：]?\\s*)?(?:${DATE}\\s*(?:${WEEKDAY}\\s*(?:${LUNAR})?|${LUNAR})|${WEEKDAY}\\s*${DATE}\\s*(?:${LUNAR})?|${LUNAR}(?:\\s*${WEEKDAY})?|(?:今天是|今日|当前日期)\\s*[:：]?\\s*${DATE})$`,
  'u',
);
/** A publication stamp: a date with a clock time (no report line has one), or 发布于 with a date. */
const STAMP = new RegExp(
  `^(?:(?:发布|发表|更新|录入|创建)于\\s*[:：]?\\s*${DATE}(?:\\s*${CLOCK})?|${DATE}\\s*${CLOCK})`,
  'u',
);
/** Fields that make a line page metadata wherever they stand in it (a title may precede them on the same line). */
const STAMP_ANYWHERE = /(?:发布时间|发布日期|访问量|浏览次数|点击数|阅读次数)\s*[:：]/u;
/** A view counter without its colon: 浏览次数 1234, 阅读 56次. */
const COUNTER = /^(?:浏览|点击|阅读|访问)(?:次数|量|数)?\s*[:：]?\s*\d*\s*次?$/u;
/** A value that is a date, a time, a count or empty: what a weak label is followed by on a page. */
const DATE_VALUE = new RegExp(`^(?:${DATE}(?:\\s*${CLOCK})?|\\d*)$`, 'u');
/** Sentence punctuation: a line with it is prose, not a field. */
const SENTENCE_MARK = /[。；！？]/u;

/** Crumbs: 首页 > 政务公开 > 法治政府建设 (also with /), or three or more short names joined by ›, », →, >>. */
const CRUMB_START = /^(?:网站首页|门户首页|首页|主页)\s*(?:>>|[>＞»›→/／\\]|-{1,2}>)/u;
const CRUMB_SEPARATOR = /\s*(?:>>|[>＞»›→]|-{1,2}>)\s*|\s+[/／]\s+/u;
const CRUMB_PART = /^[\p{Script=Han}A-Za-z0-9（）()]{1,16}$/u;

/** A channel's name ends like this: no report title or body line does. */
const CHANNEL_ONLY_SUFFIX = /(?:公开|公告|动态|专栏|专题|要闻|新闻|解读|资讯|目录|栏目|文件库|互动)$/u;
/** An organ's name alone (禄丰市人民政府): the site's name when page residue follows it. */
const SITE_ORGAN = /(?:人民政府|政府)$/u;
/** The publisher's name and a date on one line, in the header. */
const SITE_DATE = new RegExp(`^${SITE}\\s+${DATE}(?:\\s*${CLOCK})?$`, 'u');
/** The site's own name: 某县人民政府门户网站, 某镇政府网. */
const SITE_NAME = /(?:门户网站|政府网|网站)$/u;
/** A channel name may also end like a title (法治政府建设年度报告): then the real title must follow it. */
const CHANNEL_TITLE_SUFFIX = /(?:报告|建设|总结|计划|规划|政务|工作)$/u;
const CHANNEL = /^[\p{Script=Han}]{2,16}$/u;
/** A page title with the site's name after it, as the browser tab shows it: 某镇…报告_某县人民政府网. */
const SITE_SUFFIX = /\s*[_|｜－—-]+\s*[^_|｜]{2,30}(?:网|网站|门户|政府|人民政府)$/u;

export const RESIDUE_LINE_PATTERNS: { name: string; test: (line: string) => boolean }[] = [
  {
    name: '导航路径',
    test: (s) => /^(?:您(?:当前)?(?:所在)?的?位置|当前位置|所在位置)\s*[:：]/u.test(s) || isCrumbs(s),
  },
  { name: '网站日期栏', test: (s) => DATE_BAR.test(s) },
  { name: '页面信息', test: (s) => isMetadata(s) },
  {
    name: '页面信息',
    test: (s) => /^(?:上一篇|下一篇|上一条|下一条)\s*[:：]/u.test(s),
  },
  {
    name: '字号控件',
    test: (s) => /字体\s*[:：]?\s*[[［【]\s*(?:[大中小]\s*)*[\]］】]|【\s*[大中小]\s*】/u.test(s),
  },
  {
    name: '分享提示',
    test: (s) =>
      /扫一扫在手机(?:上)?打开当前页|扫一扫在手机上查看|^分享到\s*[:：]?/u.test(s) ||
      /^(?:[[【]?\s*(?:打印本页|打印正文|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|我要纠错|纠错|保存本页)\s*[\]】]?\s*)+$/u.test(
        s,
      ),
  },
  {
    name: '无障碍入口',
    // The site's switches (无障碍 | 长者模式 | 简体 | 繁体), not a sentence about 无障碍环境建设.
    test: (s) =>
      /^(?:无障碍(?:浏览|阅读|模式|通道)?|长者模式|关怀模式)(?:\s*[|｜]|\s|$)|^简体\s*[|｜]\s*繁[体體]/u.test(
        s,
      ),
  },
  { name: '分隔符', test: (s) => /^[|｜\-—_=*·•]{1,}$/u.test(s) },
];

/** The kind of page residue a whole trimmed line is, from the line alone; null for report text. */
export function residueName(trimmedLine: string): string | null {
  // A line with a full stop is a sentence: no pattern below fits one, and most lines of a report are sentences.
  if (trimmedLine.length === 0 || trimmedLine.length > 200 || trimmedLine.includes('。')) return null;
  for (const p of RESIDUE_LINE_PATTERNS) if (p.test(trimmedLine)) return p.name;
  return null;
}

function isCrumbs(s: string): boolean {
  if (CRUMB_START.test(s)) return true;
  if (SENTENCE_MARK.test(s) || /[，,、：:]/u.test(s)) return false;
  const parts = s.split(CRUMB_SEPARATOR);
  return parts.length >= 3 && parts.every((p) => CRUMB_PART.test(p));
}

/**
 * A line of page fields: it starts with a label and its colon, and either holds two or more labels (索引号：… 主题分类：…
 * on one line, as a table copies), or one page label with a short value (来源：本站), or a weak label with a date
 * (日期：2024-03-01). Also a stamp (发布于 2024-03-01 10:30), a counter (浏览次数 12) and a lone label cell (成文日期).
 */
function isMetadata(line: string): boolean {
  const s = line.replace(FIELD_FRAME, '');
  if (s.length === 0) return false;
  if (COUNTER.test(s) || LABEL_ONLY.test(s) || STAMP_ANYWHERE.test(s)) return true;
  const stamp = STAMP.exec(s);
  if (stamp) {
    const rest = s.slice(stamp[0].length).trim();
    if (rest === '' || isMetadata(rest)) return true;
  }
  if (SENTENCE_MARK.test(s)) return false;
  if (isFieldRow(s)) return true;
  const labels = allMatches(LABEL_AT, s);
  const first = labels[0];
  if (first?.index !== 0) return false;
  if (labels.length >= 2) return true;
  const label = compact(first[1] as string);
  const value = s.slice(first[0].length).trim();
  // 阅读：… may head a reading list; as a page's counter its value is a count.
  if (COUNTER_LABELS.has(label)) return COUNT_VALUE.test(value);
  if (PAGE_LABEL_SET.has(label)) return value.length <= 40;
  return DATE_VALUE.test(value);
}

/** A label by itself, its characters perhaps spread by spaces (索 引 号, 标 题). */
const LABEL_CELL = new RegExp(`^(?:${LABEL_SOURCE})$`, 'u');

/**
 * A row of the metadata table copied with its cell borders: 索 引 号 | 1162…/2025-48086 | 主题分类 | 金政发 |. The first
 * cell is a label and the row has a value or a second label.
 */
function isFieldRow(s: string): boolean {
  if (!s.includes('|') && !s.includes('｜')) return false;
  const cells = s.split(/[|｜]/u).map((c) => c.trim());
  return cells.length >= 2 && LABEL_CELL.test(cells[0] as string);
}

/** Whether a line is a label cell alone (发布机构：), whose value the next line holds. */
export function isLabelCell(line: string): boolean {
  return labelOnly(line) !== null;
}

/** The label of a line that is a label cell alone (发布机构：), whose value the next line holds. */
function labelOnly(line: string): string | null {
  const m = LABEL_ONLY.exec(line.replace(FIELD_FRAME, ''));
  return m ? compact(m[1] as string) : null;
}

export interface ResidueContext {
  /** Whether a paragraph reads like a report title (the model's test). */
  isTitleLike(p: Paragraph): boolean;
  /** Whether a paragraph is a Markdown heading (a channel name is never one). */
  isHeading(p: Paragraph): boolean;
  /** Whether a paragraph opens with official numbering (一、（一）1.). */
  isNumbered(p: Paragraph): boolean;
}

/**
 * Residue lines of a document, by line number, with their kind: every line `residueName` recognises, and three
 * kinds that need their neighbours:
 * - the value of a label cell alone on the line above (发布机构： / 某县司法局), unless it is the page title and the
 *   document does not repeat it;
 * - in the header (the lines before the first body paragraph), a channel name alone on a line (政府信息公开, and
 *   法治政府建设年度报告 when a real title follows), and the site's name;
 * - the page title above the document's own copy of it (exactly, or with the site's name after it).
 */
export function classifyResidue(paragraphs: Paragraph[], context: ResidueContext): Map<number, string> {
  const found = new Map<number, string>();
  for (const p of paragraphs) {
    const name = residueName(p.text);
    if (name !== null) found.set(p.line, name);
  }
  // A label cell alone: its value is on the next line.
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i] as Paragraph;
    const next = paragraphs[i + 1] as Paragraph;
    if (found.get(p.line) !== '页面信息' || found.has(next.line)) continue;
    const label = labelOnly(p.text);
    if (label === null || next.text.length > 40 || SENTENCE_MARK.test(next.text)) continue;
    // A title after a label cell is the page title only where the label says so and the document repeats it.
    if (TITLE_LABELS.has(label) || context.isTitleLike(next)) {
      if (!TITLE_LABELS.has(label) || !paragraphs.slice(i + 2).some((q) => q.text === next.text)) continue;
    }
    found.set(next.line, '页面信息');
  }
  const header = headerParagraphs(paragraphs, found, context);
  for (const [k, p] of header.entries()) {
    if (found.has(p.line) || context.isHeading(p)) continue;
    // The publisher and date of the article (清水县人民政府 2024年01月08日), above the document's title.
    if (SITE_DATE.test(p.text)) {
      found.set(p.line, '页面信息');
      continue;
    }
    if (!CHANNEL.test(p.text)) continue;
    const later = header.slice(k + 1).filter((q) => !found.has(q.line));
    const next = header[k + 1];
    if (SITE_NAME.test(p.text)) found.set(p.line, '网站名称');
    // 禄丰市人民政府 over the crumbs is the site's name; over the title it is the issuer's header (版头).
    else if (
      SITE_ORGAN.test(p.text) &&
      next &&
      found.has(next.line) &&
      found.get(next.line) !== '重复的页面标题'
    )
      found.set(p.line, '网站名称');
    else if (CHANNEL_ONLY_SUFFIX.test(p.text)) found.set(p.line, '栏目名称');
    else if (
      CHANNEL_TITLE_SUFFIX.test(p.text) &&
      !/\d|[省市县区镇乡]|街道/u.test(p.text) &&
      later.some((q) => context.isTitleLike(q) && q.text !== p.text && q.text.length > p.text.length)
    )
      found.set(p.line, '栏目名称');
  }
  // The page title above the document's own title: the first of two copies.
  for (const [k, p] of header.entries()) {
    if (found.has(p.line) || !context.isTitleLike(p)) continue;
    const bare = compact(p.text.replace(SITE_SUFFIX, ''));
    // The same title, or one that holds the document's (海东市乐都区共和乡…报告 above 共和乡…报告).
    const copy = header
      .slice(k + 1)
      .find((q) => !found.has(q.line) && context.isTitleLike(q) && bare.includes(compact(q.text)));
    if (copy) found.set(p.line, '重复的页面标题');
    else if (bare !== compact(p.text) && header.slice(k + 1).some((q) => context.isTitleLike(q)))
      found.set(p.line, '页面标题');
  }
  return found;
}

/**
 * The paragraphs before the report's body: up to the first one that is neither residue nor a short line without
 * clause punctuation (a title, a channel name, an issuer's name). At most the first twelve.
 */
function headerParagraphs(
  paragraphs: Paragraph[],
  residue: Map<number, string>,
  context: ResidueContext,
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs.slice(0, 12)) {
    if (residue.has(p.line)) {
      out.push(p);
      continue;
    }
    if (p.text.length > 80 || /[。；，,;：:！？!?]/u.test(p.text) || context.isNumbered(p)) break;
    out.push(p);
  }
  return out;
}
