import type { Report, Severity } from '../engine/types.js';
import type { DocumentModel, Paragraph } from '../model/types.js';
import { allMatches } from '../util/regex.js';
import { defineKind } from './define.js';
import { type ReportUnit, reportUnit } from './shared/organ.js';
import { ignoredChecker } from './shared/text.js';
import { citationTester } from './year-consistency.js';

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
/** 我县, 本镇, 全乡, 全街道: how a report speaks of a whole unit. */
const UNIT_WORD = /(我|本|全)(街道|省|市|县|区|旗|镇|乡)/gu;
/** A level character that begins another word: 全市场, 本区域, 全县域, 全镇村（社区）… name no unit. */
const COMPOUND_AFTER = /^(?:市[场民值容貌]|区[域划别间块]|县[域城]|镇[村街]|乡[村镇土贤风])/u;
/** Characters before a level character that make it no unit's name (全镇, 各乡镇, 乡镇). */
const NOT_A_NAME_BEFORE = '我本全各该每乡镇县区市省 ，、';
/** Verbs of responsibility over a whole unit: 提升全省…, 推动全市…: the work of that unit's government. */
const STEERS = /(?:提升|提高|推动|推进|促进|确保|统筹|指导|部署|带动|引领)$/u;
/** A level character right after the unit's name, which holds one already: 红土乡县. */
const EXTRA_LEVEL = /^(?:省|市|县|区|镇|乡)/u;
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
    for (const p of model.paragraphs) {
      if (p.role !== 'body' && p.role !== 'heading' && p.role !== 'title') continue;
      const cited = citationTester(model.text, p.start, p.end);
      const skip = (at: number) => ignored(at) || cited(at);
      unitWords(p, unit, o.doubtful, skip, reports);
      if (unit.name) extraLevel(p, unit, skip, reports);
    }
    regionKind(model, o.doubtful, reports);
    return reports.sort((a, b) => a.start - b.start);
  },
});

/** 我X, 本X, 全X for a level X that is not the unit's own. */
function unitWords(
  p: Paragraph,
  unit: ReportUnit,
  doubtful: Severity,
  skip: (offset: number) => boolean,
  reports: Report[],
): void {
  const text = p.text;
  if (!/[我本全]/u.test(text)) return;
  const own = RANK[unit.level] as number;
  const data = { unit: unit.issuer, level: levelWord(unit) };
  for (const m of allMatches(UNIT_WORD, text)) {
    const [found, lead, level] = m as unknown as [string, string, string];
    const at = m.index;
    const after = text.slice(at + 1, at + 1 + level.length + 1);
    if (level === unit.level || COMPOUND_AFTER.test(after) || skip(p.start + at)) continue;
    const start = p.start + at;
    const end = start + found.length;
    const rank = RANK[level] as number;
    const expected = `${lead}${unit.level}`;
    if (lead !== '全') {
      // 我县 in a township's report may mean the county it belongs to; 我镇 in a county's never does.
      if (rank < own)
        reports.push({
          messageId: 'higher-self',
          start,
          end,
          severity: doubtful,
          data: { ...data, found, otherLevel: LEVEL_WORD[level] as string },
        });
      else if (!unit.department || rank > own)
        reports.push({ start, end, data: { ...data, found, expected } });
      continue;
    }
    if (rank > own || (rank === own && !unit.department)) {
      // 青山镇……实现全镇覆盖: the 镇 was named just before in the sentence.
      if (rank > own && namedBefore(text, at, level)) continue;
      reports.push({
        messageId: 'lower',
        start,
        end,
        severity: rank === own ? doubtful : undefined,
        data: { ...data, found, expected, other: level },
      });
    } else if (own - rank >= (unit.department ? 1 : 2) && STEERS.test(text.slice(Math.max(0, at - 2), at))) {
      reports.push({
        messageId: 'higher',
        start,
        end,
        severity: doubtful,
        data: { ...data, found, otherLevel: LEVEL_WORD[level] as string },
      });
    }
  }
}

/** Whether a unit of this level is named earlier in the sentence (青山镇……全镇), so 全X speaks of it. */
function namedBefore(text: string, at: number, level: string): boolean {
  const sentenceStart = Math.max(...['。', '；', '！', '？'].map((c) => text.lastIndexOf(c, at)));
  for (let k = text.indexOf(level, sentenceStart + 1); k >= 0 && k < at; k = text.indexOf(level, k + 1)) {
    if (k > sentenceStart + 1 && !NOT_A_NAME_BEFORE.includes(text[k - 1] as string)) return true;
  }
  return false;
}

/** The unit's name with a level character after it: 红土乡县. */
function extraLevel(
  p: Paragraph,
  unit: ReportUnit,
  skip: (offset: number) => boolean,
  reports: Report[],
): void {
  const name = unit.name as string;
  const text = p.text;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const end = at + name.length;
    const extra = EXTRA_LEVEL.exec(text.slice(end))?.[0];
    if (!extra || name.endsWith(extra) || COMPOUND_AFTER.test(text.slice(end, end + 2))) continue;
    if (skip(p.start + at)) continue;
    reports.push({
      messageId: 'extra',
      start: p.start + at,
      end: p.start + end + 1,
      data: { found: name + extra, extra, name, level: levelWord(unit), unit: unit.issuer },
      fix: { range: [p.start + end, p.start + end + 1], text: '' },
    });
  }
}

/**
 * A province-level region of another kind than the one the report names: 自治区 in a report that names only
 * 湖南省, 省委 in one that names only 广西壮族自治区 or 重庆市. Only when every region the report names is of one kind;
 * a named region (湖南省委, 广西壮族自治区) is never reported, nor a citation.
 */
function regionKind(model: DocumentModel, doubtful: Severity, reports: Report[]): void {
  const text = model.text;
  const named = namedRegions(text);
  const kinds = new Set(named.map((r) => kindOf(r.name)));
  if (kinds.size !== 1) return;
  const own = [...kinds][0] as RegionKind;
  const region = (named[0] as { name: string }).name;
  const isNamed = (start: number, end: number) => named.some((r) => r.start < end && start < r.end);
  const ignored = ignoredChecker(model);
  for (const p of model.paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading') continue;
    const cited = citationTester(text, p.start, p.end);
    for (const { kind, re } of BARE) {
      if (kind === own) continue;
      for (const m of allMatches(re, p.text)) {
        const start = p.start + m.index;
        const end = start + m[0].length;
        if (isNamed(start, end) || ignored(start) || cited(start)) continue;
        reports.push({ messageId: 'region', start, end, severity: doubtful, data: { found: m[0], region } });
      }
    }
  }
}

/** The province-level regions a text names, found from 省, 自治区 and the four municipalities' names. */
function namedRegions(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (let at = text.indexOf('省'); at >= 0; at = text.indexOf('省', at + 1)) {
    for (const len of [3, 4]) {
      const name = text.slice(at + 1 - len, at + 1);
      if (PROVINCES.has(name)) out.push({ name, start: at + 1 - len, end: at + 1 });
    }
  }
  for (let at = text.indexOf('市'); at >= 0; at = text.indexOf('市', at + 1)) {
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
