import type { Fix, Report, Severity } from '../engine/types.js';
import type { DocumentModel, Paragraph } from '../model/types.js';
import { allMatches } from '../util/regex.js';
import { defineKind } from './define.js';
import { type ReportUnit, reportUnit } from './shared/organ.js';
import { ignoredChecker } from './shared/text.js';

/** Rank of each level: 省 above 市 above 县 and 区 above 镇, 乡 and 街道. */
const RANK: Record<string, number> = { 省: 1, 市: 2, 县: 3, 区: 3, 旗: 3, 镇: 4, 乡: 4, 街道: 4 };
const LEVEL_WORD: Record<string, string> = {
  省: '省级',
  市: '市级',
  县: '县级',
  区: '区级',
  旗: '旗级',
  镇: '镇级',
  乡: '乡级',
  街道: '街道',
};
/** A level, found by the code unit of its first character (街 for 街道). */
interface Level {
  name: string;
  rank: number;
  word: string;
}
const LEVEL_AT = new Map<number, Level>(
  Object.entries(RANK).map(([name, rank]) => [
    name.charCodeAt(0),
    { name, rank, word: LEVEL_WORD[name] as string },
  ]),
);
/** 我县, 本镇, 全乡, 全街道: how a report speaks of a whole unit (read by code unit: no capture strings). */
const UNIT_WORD = /[我本全](?:街道|[省市县区旗镇乡])/gu;
const WHOLE = '全'.charCodeAt(0);
const MY = '我'.charCodeAt(0);
/** A level character that begins another word: 全市场, 本区域, 全县域, 全镇村（社区）… name no unit. */
const COMPOUND_AT = /(?:市[场民值容貌]|区[域划别间块]|县[域城]|镇[村街]|乡[村镇土贤风])/uy;
/** Characters before a level character that make it no unit's name (全镇, 各乡镇, 乡镇). */
const NOT_A_NAME_BEFORE = '我本全各该每乡镇县区市省 ，、';
/** Verbs of responsibility over a whole unit: 提升全省…, 推动全市…: the work of that unit's government. */
const STEERS_AT = /(?:提升|提高|推动|推进|促进|确保|统筹|指导|部署|带动|引领)/uy;
/** A level character right after the unit's name, which holds one already: 红土乡县. */
const EXTRA_LEVEL = new Map([...'省市县区镇乡'].map((c) => [c.charCodeAt(0), c]));
const SENTENCE_ENDS = ['。', '；', '！', '？'];
/** A citation: a title in 《》 or a quotation in “”, on one line. */
const CITATION = /《[^《》\n]*》|“[^“”\n]*”/gu;
/** The province-level regions: a report names its own (湖南省, 广西壮族自治区, 重庆市). */
const PROVINCES = new Set(
  '河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾'
    .split(' ')
    .map((n) => `${n}省`),
);
const AUTONOMOUS_REGIONS = [
  '内蒙古自治区',
  '广西壮族自治区',
  '西藏自治区',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
];
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
/** The character before the level of each name above (江 of 浙江省, 京 of 北京市). */
const PROVINCE_BEFORE_LAST = new Set([...PROVINCES].map((n) => n.charCodeAt(n.length - 2)));
const MUNICIPALITY_BEFORE_LAST = new Set([...MUNICIPALITIES].map((n) => n.charCodeAt(n.length - 2)));
type RegionKind = '省' | '自治区' | '直辖市';
/** How a report speaks of its own province-level government without naming it, by kind of region. */
const BARE: { kind: RegionKind; re: RegExp }[] = [
  { kind: '省', re: /省委|省政府|省人民政府|全省|我省/gu },
  { kind: '自治区', re: /自治区/gu },
];

interface Options {
  /** Severity of a report that is a judgement rather than a certainty. */
  doubtful: Severity;
}

/**
 * The unit's own level (`reportUnit`: title issuer, signer, 我X) against the words of the body: 我镇 in a county's
 * report, 全镇 spoken of by a county, a township that takes on 全省 work (提升全省…), the unit's name with another
 * level after it (红土乡县), and a province-level region of another kind than the unit's own (自治区 in a report
 * whose body names 湖南省). Citations in 《》 and “”, 依法治县 and the names of lower units are never reported.
 */
export default defineKind<Options>({
  name: 'level-consistency',
  description:
    '正文的自称和层级用语与发文单位的层级一致（县的报告不写“我镇”，乡镇不写“我省”，不照抄其他层级或地区的材料）',
  options: {
    doubtful: {
      type: 'string',
      default: 'warning',
      description: '不能确定时（上级范围的用语、地区类别）的级别：error、warning 或 info',
    },
  },
  scope: 'document',
  messages: {
    default: '“{found}”不是本单位的自称：发文单位“{unit}”是{level}单位，应写作“{expected}”',
    lower: '“{found}”不属于本单位：发文单位“{unit}”是{level}单位，请写明是哪一个{other}，或改为“{expected}”',
    higher: '“{found}”是{otherLevel}的范围：发文单位“{unit}”是{level}单位，请核对是否照抄了上级的材料',
    'higher-self':
      '“{found}”是{otherLevel}单位的自称：发文单位“{unit}”是{level}单位，请核对是否照抄了上级的材料',
    extra: '“{found}”多了“{extra}”：发文单位“{name}”是{level}单位',
    region: '“{found}”与本单位所在地区不符：正文写的是“{region}”，请核对是否照抄了其他地区的材料',
  },
  validate(o) {
    return ['error', 'warning', 'info'].includes(o.doubtful)
      ? []
      : [{ option: 'doubtful', message: '只能是 error、warning 或 info' }];
  },
  check(model, o) {
    const unit = reportUnit(model);
    if (!unit) return [];
    const reports: Report[] = [];
    const ignored = ignoredChecker(model);
    const cited = citationChecker();
    const skip = (p: Paragraph, at: number) => ignored(p.start + at) || cited(p, at);
    const own: OwnUnit = {
      unit,
      rank: RANK[unit.level] as number,
      issuer: unit.issuer,
      level: levelWord(unit),
      doubtful: o.doubtful,
      whole: `全${unit.level}`,
      mine: `我${unit.level}`,
      this: `本${unit.level}`,
    };
    eachMatchIn(model, UNIT_WORD, isUnitText, (p, at, m) => unitWord(p, at, m, own, skip, reports));
    if (unit.name) extraLevel(model, unit.name, own, skip, reports);
    regionKind(model, o.doubtful, skip, reports);
    return reports.sort((a, b) => a.start - b.start);
  },
});

/** The report's unit and what every message about it says. */
interface OwnUnit {
  unit: ReportUnit;
  rank: number;
  issuer: string;
  level: string;
  doubtful: Severity;
  /** What 全X, 我X and 本X should say: 全县, 我县, 本县 for a county. */
  whole: string;
  mine: string;
  this: string;
}

/** A paragraph whose words speak for the unit: the title, headings and body. */
function isUnitText(p: Paragraph): boolean {
  return p.role === 'body' || p.role === 'heading' || p.role === 'title';
}

/** Every report of this kind has this one shape. */
function report(
  messageId: string | undefined,
  start: number,
  end: number,
  severity: Severity | undefined,
  data: Record<string, string>,
  fix?: Fix,
): Report {
  return { messageId, start, end, severity, data, fix };
}

/**
 * Calls `visit` for each match of `re` inside a paragraph that `accept`s, with its offset in the paragraph: one
 * scan of the whole text instead of one per paragraph. The same matches as a scan of each paragraph's text for a
 * pattern without lookaround whose matches are made of Han characters only: a paragraph is the trimmed content of
 * one line, so the characters around it (spaces, line breaks, Markdown markers) are no part of any match.
 */
function eachMatchIn(
  model: DocumentModel,
  re: RegExp,
  accept: (p: Paragraph) => boolean,
  visit: (p: Paragraph, at: number, m: RegExpExecArray) => void,
): void {
  const text = model.text;
  const paragraphs = model.paragraphs;
  let i = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    while (i < paragraphs.length && (paragraphs[i] as Paragraph).end <= at) i++;
    const p = paragraphs[i];
    if (p === undefined) break;
    if (at >= p.start && accept(p)) visit(p, at - p.start, m);
  }
  re.lastIndex = 0;
}

/**
 * Whether an offset of a paragraph lies in a citation (《…》 or “…”) of it. A citation holding the offset opens
 * before it, so a paragraph's citations are looked for only when 《 or “ comes before the offset, once.
 */
function citationChecker(): (p: Paragraph, at: number) => boolean {
  const byParagraph = new Map<Paragraph, { start: number; end: number }[]>();
  return (p, at) => {
    if (p.text.lastIndexOf('《', at) < 0 && p.text.lastIndexOf('“', at) < 0) return false;
    let cited = byParagraph.get(p);
    if (cited === undefined) {
      cited = [];
      for (const m of allMatches(CITATION, p.text))
        cited.push({ start: m.index, end: m.index + m[0].length });
      byParagraph.set(p, cited);
    }
    for (const r of cited) if (r.start <= at && at < r.end) return true;
    return false;
  };
}

/** 我X, 本X, 全X (a match of UNIT_WORD at `at` of the paragraph) for a level X that is not the unit's own. */
function unitWord(
  p: Paragraph,
  at: number,
  m: RegExpExecArray,
  own: OwnUnit,
  skip: (p: Paragraph, at: number) => boolean,
  reports: Report[],
): void {
  const text = p.text;
  const found = m[0];
  const lead = text.charCodeAt(at);
  const { name: level, rank, word } = LEVEL_AT.get(text.charCodeAt(at + 1)) as Level;
  if (level === own.unit.level || compoundAt(text, at + 1) || skip(p, at)) return;
  const start = p.start + at;
  const end = start + found.length;
  const unit = own.unit;
  const expected = lead === WHOLE ? own.whole : lead === MY ? own.mine : own.this;
  if (lead !== WHOLE) {
    // 我县 in a township's report may mean the county it belongs to; 我镇 in a county's never does.
    if (rank < own.rank) {
      const data = { unit: own.issuer, level: own.level, found, otherLevel: word };
      reports.push(report('higher-self', start, end, own.doubtful, data));
    } else if (!unit.department || rank > own.rank) {
      const data = { unit: own.issuer, level: own.level, found, expected };
      reports.push(report(undefined, start, end, undefined, data));
    }
    return;
  }
  if (rank > own.rank || (rank === own.rank && !unit.department)) {
    // 青山镇……实现全镇覆盖: the 镇 was named just before in the sentence.
    if (rank > own.rank && namedBefore(text, at, level)) return;
    const data = {
      unit: own.issuer,
      level: own.level,
      found,
      expected,
      other: level,
    };
    reports.push(report('lower', start, end, rank === own.rank ? own.doubtful : undefined, data));
  } else if (own.rank - rank >= (unit.department ? 1 : 2) && steersAt(text, at)) {
    const data = { unit: own.issuer, level: own.level, found, otherLevel: word };
    reports.push(report('higher', start, end, own.doubtful, data));
  }
}

/** Whether a word of COMPOUND_AT starts at `at` (a level character that begins another word). */
function compoundAt(text: string, at: number): boolean {
  COMPOUND_AT.lastIndex = at;
  return COMPOUND_AT.test(text);
}

/** Whether a verb of STEERS_AT ends at `at`. */
function steersAt(text: string, at: number): boolean {
  if (at < 2) return false;
  STEERS_AT.lastIndex = at - 2;
  return STEERS_AT.test(text);
}

/** Whether a unit of this level is named earlier in the sentence (青山镇……全镇), so 全X speaks of it. */
function namedBefore(text: string, at: number, level: string): boolean {
  let sentenceStart = -1;
  for (const c of SENTENCE_ENDS) sentenceStart = Math.max(sentenceStart, text.lastIndexOf(c, at));
  for (let k = text.indexOf(level, sentenceStart + 1); k >= 0 && k < at; k = text.indexOf(level, k + 1)) {
    if (k > sentenceStart + 1 && !NOT_A_NAME_BEFORE.includes(text[k - 1] as string)) return true;
  }
  return false;
}

/**
 * The unit's name with a level character after it: 红土乡县. The name is looked for in the whole text, each
 * paragraph taking the hits that lie wholly inside it, as a search of its own text would find them.
 */
function extraLevel(
  model: DocumentModel,
  name: string,
  own: OwnUnit,
  skip: (p: Paragraph, at: number) => boolean,
  reports: Report[],
): void {
  const whole = model.text;
  let next = whole.indexOf(name);
  for (const p of model.paragraphs) {
    if (next < 0) return;
    if (!isUnitText(p)) continue;
    if (next < p.start) next = whole.indexOf(name, p.start);
    for (; next >= 0 && next + name.length <= p.end; next = whole.indexOf(name, next + name.length)) {
      const at = next - p.start;
      const end = at + name.length;
      const extra = EXTRA_LEVEL.get(p.text.charCodeAt(end));
      if (extra === undefined || name.endsWith(extra) || compoundAt(p.text, end) || skip(p, at)) continue;
      const data = { found: name + extra, extra, name, level: own.level, unit: own.issuer };
      const fix = { range: [p.start + end, p.start + end + 1] as [number, number], text: '' };
      reports.push(report('extra', p.start + at, p.start + end + 1, undefined, data, fix));
    }
  }
}

/**
 * A province-level region of another kind than the one the report names: 自治区 in a report that names only
 * 湖南省, 省委 in one that names only 广西壮族自治区 or 重庆市. Only when every region the report names is of one kind;
 * a named region (湖南省委, 广西壮族自治区) is never reported, nor a citation.
 */
function regionKind(
  model: DocumentModel,
  doubtful: Severity,
  skip: (p: Paragraph, at: number) => boolean,
  reports: Report[],
): void {
  const text = model.text;
  const provinces = namedProvinces(text);
  // A report that names a province reports only the word 自治区, and only when it names no region of another kind:
  // without that word the municipalities' names (a search through every 市) need not be looked for.
  if (provinces.length > 0 && !text.includes('自治区')) return;
  const named = namedRegions(text, provinces);
  const kinds = new Set(named.map((r) => kindOf(r.name)));
  if (kinds.size !== 1) return;
  const own = [...kinds][0] as RegionKind;
  const region = (named[0] as { name: string }).name;
  const isNamed = (start: number, end: number) => named.some((r) => r.start < end && start < r.end);
  for (const { kind, re } of BARE) {
    if (kind === own) continue;
    eachMatchIn(model, re, isRegionText, (p, at, m) => {
      const start = p.start + at;
      const end = start + m[0].length;
      if (isNamed(start, end) || skip(p, at)) return;
      reports.push(report('region', start, end, doubtful, { found: m[0], region }));
    });
  }
}

function isRegionText(p: Paragraph): boolean {
  return p.role === 'body' || p.role === 'heading';
}

interface NamedRegion {
  name: string;
  start: number;
  end: number;
}

/** The provinces a text names (湖南省), in order. */
function namedProvinces(text: string): NamedRegion[] {
  const out: NamedRegion[] = [];
  for (let at = text.indexOf('省'); at >= 0; at = text.indexOf('省', at + 1)) {
    // Most 省 of a report are no province's (省委, 全省): the character before tells at once.
    if (!PROVINCE_BEFORE_LAST.has(text.charCodeAt(at - 1))) continue;
    for (const len of [3, 4]) {
      const name = text.slice(at + 1 - len, at + 1);
      if (PROVINCES.has(name)) out.push({ name, start: at + 1 - len, end: at + 1 });
    }
  }
  return out;
}

/** The province-level regions a text names: its provinces, and those found from 自治区 and the municipalities' names. */
function namedRegions(text: string, provinces: NamedRegion[]): NamedRegion[] {
  const out = [...provinces];
  for (let at = text.indexOf('市'); at >= 0; at = text.indexOf('市', at + 1)) {
    if (!MUNICIPALITY_BEFORE_LAST.has(text.charCodeAt(at - 1))) continue;
    const name = text.slice(at - 2, at + 1);
    if (MUNICIPALITIES.has(name)) out.push({ name, start: at - 2, end: at + 1 });
  }
  for (let at = text.indexOf('自治区'); at >= 0; at = text.indexOf('自治区', at + 1)) {
    const name = AUTONOMOUS_REGIONS.find((r) => text.startsWith(r, at + 3 - r.length));
    if (name) out.push({ name, start: at + 3 - name.length, end: at + 3 });
  }
  return out.sort((a, b) => a.start - b.start);
}

function kindOf(region: string): RegionKind {
  return region.endsWith('自治区') ? '自治区' : region.endsWith('省') ? '省' : '直辖市';
}

function levelWord(unit: ReportUnit): string {
  return `${LEVEL_WORD[unit.level] ?? unit.level}${unit.department ? '部门' : ''}`;
}
