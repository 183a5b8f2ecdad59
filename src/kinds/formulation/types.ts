import type { Matcher } from '../../util/matcher.js';

/** One standard formulation (规范表述) and what is known about writing it wrongly. */
export interface FormulationEntry {
  /** The exact form, with full-width punctuation: 《》 are not part of it (a nested title takes 〈〉). */
  term: string;
  /** Known wrong forms, reported wherever they stand and fixed to `term`. */
  variants?: string[];
  /** Other correct formulations that look like this one (习近平经济思想 next to 习近平法治思想). */
  allow?: string[];
  /** Characters a near miss may differ by (inserted, dropped, replaced, swapped); 0 reports only `variants`. */
  maxDistance?: number;
  /** Of these, how many may be Chinese characters (the rest being digits and punctuation); default `maxDistance`. */
  maxWordDistance?: number;
  /** When the formulation came into being (YYYY-MM): citing it in the report of an earlier year is an anachronism. */
  held?: string;
  /** `variants` count as wrong only in reports of this year and later (法制副校长 was the name until 2021). */
  since?: number;
  /** A variant preceded by one of these strings is part of another word and not reported. */
  notAfter?: string[];
  /** Whether fixes are offered (default true). */
  fix?: boolean;
}

/** A fixed enumeration (法治政府: 职能科学、权责法定…), quoted whole and in its order. */
export interface EnumerationEntry {
  members: string[];
  /** The wording as quoted, for the message (default: the members joined by 、). */
  standard?: string;
  /** The document it is quoted from (《法治政府建设实施纲要（2021—2025年）》). */
  source?: string;
  /** Known wrong forms of members (崇法 for 尊法), by member. */
  variants?: Record<string, string[]>;
  /** How many members a list must write exactly to count as a quotation (default: half the members, plus one). */
  minShared?: number;
  /** Whether members may be left out anywhere (增强“四个意识”、做到“两个维护”): then only order and forms count. */
  subset?: boolean;
  /** When it came into being (YYYY-MM): a report of an earlier year cannot quote it. */
  held?: string;
  /** The last report year it is the standard for (the 2015—2020 纲要's: 2020); later reports quote its successor. */
  until?: number;
}

export interface Options {
  formulations: FormulationEntry[];
  enumerations: EnumerationEntry[];
  /** Series that have a fixed order (尊法、学法、守法、用法): enumerations all of whose parts must be written. */
  ordered: string[][];
  /** How many characters an injected advert may span inside a formulation. */
  injectionWindow: number;
}

export type RoleType = 'term' | 'allow' | 'variant' | 'prefix' | 'suffix';
export interface Role {
  entry: number;
  type: RoleType;
}

export interface Entry extends Required<Omit<FormulationEntry, 'held' | 'since'>> {
  held: string | null;
  since: number;
  /** `term` in the matching alphabet (see `normalize`). */
  norm: string;
  normWords: string;
  /** `norm` backwards, for near misses found from the end anchor. */
  normReversed: string;
}

export interface CompiledFormulations {
  entries: Entry[];
  matcher: Matcher;
  words: string[];
  roles: Role[][];
  injectionWindow: number;
  /** Plenum lists (十九届二中、三中、四中全会), expanded for the anachronism check. */
  heldByTerm: Map<string, string>;
}

/** A finding of the formulation search, shared with `web-residue` (which must not fix what this rule fixes). */
export interface FormulationFinding {
  start: number;
  end: number;
  entry: Entry;
  kind: 'variant' | 'near' | 'injected';
  distance: number;
  /** For `injected`: the inserted runs, as absolute offsets. */
  runs: [number, number][];
  fixable: boolean;
}

/** What the search finds in one document (see `findFormulations`). */
export interface Formulations {
  findings: FormulationFinding[];
  exact: { start: number; end: number; entry: Entry }[];
}

/** A fixed enumeration, compiled. */
export interface Enumeration {
  members: string[];
  standard: string;
  /** 《…》的表述, or 规范表述 when no source is named. */
  basis: string;
  source: string | null;
  variants: Map<string, number>;
  minShared: number;
  subset: boolean;
  held: string | null;
  until: number | null;
}

export interface MemberRole {
  enumeration: number;
  member: number;
  variant: boolean;
}

export interface CompiledEnumerations {
  list: Enumeration[];
  matcher: Matcher;
  roles: MemberRole[][];
}

/** A member (or a known wrong form of one) where it stands in the text. */
export interface Hit {
  start: number;
  end: number;
  member: number;
  variant: boolean;
}
