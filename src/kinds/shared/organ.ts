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
