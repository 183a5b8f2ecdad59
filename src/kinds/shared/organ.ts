import { getSegmenter } from '../../segment/index.js';
import { allMatches } from '../../util/regex.js';

/**
 * Names of government organs: 眉山市东坡区崇礼镇人民政府 → units [眉山市, 东坡区, 崇礼镇], organ 人民政府.
 * Used to compare a signer with the issuer in the title and with how the body refers to itself (我镇).
 */
export interface OrganName {
  /** Administrative units, outermost first. */
  units: string[];
  /** The last unit's level character (镇, 县…) or 街道. */
  level: string | null;
  /** What follows the last unit: 人民政府, 党委, 司法局… ('' when the name is a bare place). */
  organ: string;
  /** Broad organ class for comparison. */
  organClass: 'government' | 'party' | 'department' | 'other' | null;
}

const UNIT = /[^省市县区镇乡旗州盟\s]{1,8}?(?:自治州|自治县|街道|省|市|县|区|镇|乡|旗|州|盟)/gu;

export function parseOrgan(name: string): OrganName {
  const s = name.replace(/^中共|^中国共产党/u, '').replace(/[\s\u00a0\u3000]/gu, '');
  const units: string[] = [];
  let last = 0;
  for (const m of allMatches(UNIT, s)) {
    if ((m.index ?? 0) !== last) break;
    units.push(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  const organ = s.slice(last);
  const lastUnit = units[units.length - 1];
  const level = lastUnit ? (lastUnit.endsWith('街道') ? '街道' : lastUnit.slice(-1)) : null;
  const party = /^中共|^中国共产党/u.test(name) || /^(?:党委|委员会|委|党工委)$/u.test(organ);
  const organClass =
    organ === ''
      ? null
      : party
        ? 'party'
        : /^(?:人民政府|政府|办事处|街道办事处|管委会|管理委员会)$/u.test(organ)
          ? 'government'
          : /(?:局|厅|委员会|办公室|办|所|中心|院)$/u.test(organ)
            ? 'department'
            : 'other';
  return { units, level, organ, organClass };
}

/** The unit that names the organ itself: its last administrative unit without the level (崇礼镇 → 崇礼). */
export function coreUnit(o: OrganName): string | null {
  return o.units[o.units.length - 1] ?? null;
}

/** Levels of administrative units a report speaks for, as 我X writes them. */
const UNIT_LEVELS = ['省', '市', '县', '区', '镇', '乡', '街道'];
/** What follows a unit's name on its own in a report: the government's name for each level. */
const GOVERNMENT_OF: Record<string, string> = { 街道: '办事处' };
/** Words that begin with a level character (乡村, 县级, 市场…): there the character names no unit. */
const LEVEL_COMPOUND =
  /^(?:乡[村镇土贤风情亲]|镇[村街区域]|县[级域城乡直区]|区[域划别间块级]|市[场民级域直区县]|省[级直市])/u;
/** First characters of a stretch that cannot start a place name: 我乡, 全县, 本镇, 各乡, 该区… */
const NOT_A_NAME_START = /^[我全本各该每此其这那在对从向为将把被由和与及以按经据到了的是]/u;
/**
 * Parts of speech no place name is made of (jieba's tags): verbs, adverbs, numerals, pronouns, prepositions,
 * conjunctions, particles, measure and location words. 设立镇…, 二是我镇…, 依法治镇… are phrases, not names.
 */
const NOT_A_NAME_TAG = /^(?:v|vd|vn|vg|d|ad|m|mq|q|r|p|c|u[a-z]?|f|y|e|o)$/u;
const HAN_RUN_BEFORE = /\p{Script=Han}+$/u;

/** What follows a unit's name when the name is surely one: its organs. */
const ORGAN_AFTER = /^(?:人民政府|政府|党委|党政|委员会|办事处|街道办事处)/u;

/**
 * The unit a report's body names as its own, when the title and the closing do not: the most frequent name
 * `X` + the level of 我X (红土乡 for a body saying 我乡), each mention with a clean start (after punctuation, at a
 * paragraph start or after a year). The name must come at least twice, once where it is surely a name (at a
 * paragraph start, after 《 or “, after a year, or before 人民政府/党委…), and must not read as a phrase (设立镇…,
 * 依法治镇: a verb or a pronoun in it, by the segmenter's dictionary). Null when no name passes.
 */
export function bodyUnitName(
  paragraphs: readonly { text: string; role: string }[],
  selfReference: string | null,
): string | null {
  if (!selfReference || !UNIT_LEVELS.includes(selfReference)) return null;
  const counts = new Map<string, { n: number; sure: boolean }>();
  for (const p of paragraphs) {
    if (p.role !== 'body' && p.role !== 'heading' && p.role !== 'title') continue;
    const text = p.text;
    for (let at = text.indexOf(selfReference); at >= 0; at = text.indexOf(selfReference, at + 1)) {
      if (LEVEL_COMPOUND.test(text.slice(at, at + 2))) continue;
      let name = HAN_RUN_BEFORE.exec(text.slice(Math.max(0, at - 12), at))?.[0] ?? '';
      const runStart = at - name.length;
      // A run cut by the twelve-character window has no clean start; a year before the name is a clean one.
      if (runStart > 0 && HAN_RUN_BEFORE.test(text.slice(runStart - 1, runStart))) continue;
      const before = runStart > 0 ? text.charCodeAt(runStart - 1) : -1;
      const afterYear = before >= 0x30 && before <= 0x39;
      if (afterYear) name = name.replace(/^年度?/u, '');
      if (name.length < 2 || NOT_A_NAME_START.test(name)) continue;
      const end = at + selfReference.length;
      const sure =
        runStart === 0 ||
        afterYear ||
        before === 0x300a || // 《
        before === 0x201c || // “
        ORGAN_AFTER.test(text.slice(end));
      const unit = name + selfReference;
      const seen = counts.get(unit) ?? { n: 0, sure: false };
      counts.set(unit, { n: seen.n + 1, sure: seen.sure || sure });
    }
  }
  let best: string | null = null;
  let bestCount = 1;
  for (const [unit, { n, sure }] of counts) {
    if (n <= bestCount || !sure || readsAsPhrase(unit.slice(0, -selfReference.length))) continue;
    [best, bestCount] = [unit, n];
  }
  return best;
}

/** Answers of `readsAsPhrase` by text: many reports of a batch name the same few units. */
const phraseVerdicts = new Map<string, boolean>();
const MAX_PHRASE_VERDICTS = 4096;

/** Whether the segmenter's dictionary reads a would-be name as a phrase: a verb, pronoun… among its words. */
function readsAsPhrase(name: string): boolean {
  let verdict = phraseVerdicts.get(name);
  if (verdict === undefined) {
    const segmenter = getSegmenter();
    verdict = segmenter.cut(name).some((w) => NOT_A_NAME_TAG.test(segmenter.entry(w)?.tag ?? ''));
    if (phraseVerdicts.size >= MAX_PHRASE_VERDICTS) phraseVerdicts.clear();
    phraseVerdicts.set(name, verdict);
  }
  return verdict;
}

/** The government of a unit named in a report (红土乡 → 红土乡人民政府, 青山街道 → 青山街道办事处). */
export function governmentOf(unit: string): string {
  const level = UNIT_LEVELS.find((l) => unit.endsWith(l)) ?? '';
  return unit + (GOVERNMENT_OF[level] ?? '人民政府');
}

/** The unit a report speaks for, and its level. */
export interface ReportUnit {
  /** The issuer as the report names it (title, signer), or the government of the unit the body names. */
  issuer: string;
  /** The unit's own name with its level character (红土乡, 铁岭县), null when the report never gives it. */
  name: string | null;
  /** 省, 市, 县, 区, 旗, 镇, 乡 or 街道. */
  level: string;
  /** Whether the issuer is a department of that unit (某县司法局) rather than its government or Party committee. */
  department: boolean;
}

const REPORT_LEVELS = new Set([...UNIT_LEVELS, '旗']);

/**
 * The unit a report speaks for: from the title's issuer, else the first signer naming a unit, else how the body
 * refers to itself (我乡, with the name the body gives the 乡). Null when none of them names a level.
 */
export function reportUnit(model: {
  title: { issuer: string | null } | null;
  closing: { signers: { text: string }[] };
  selfReference: string | null;
  paragraphs: readonly { text: string; role: string }[];
}): ReportUnit | null {
  const named = [model.title?.issuer, ...model.closing.signers.map((s) => s.text)];
  for (const issuer of named) {
    if (!issuer) continue;
    const organ = parseOrgan(issuer);
    if (!organ.level || !REPORT_LEVELS.has(organ.level)) continue;
    return {
      issuer: issuer.replace(/[\s\u00a0\u3000]+/gu, ''),
      name: coreUnit(organ),
      level: organ.level,
      department: organ.organClass === 'department',
    };
  }
  const self = model.selfReference;
  if (!self || !REPORT_LEVELS.has(self)) return null;
  const name = bodyUnitName(model.paragraphs, self);
  return { issuer: name ? governmentOf(name) : `本${self}`, name, level: self, department: false };
}
