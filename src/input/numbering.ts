import { child, descendants, parseXml, qualifier, wordPrefix, type XmlElement } from './xml.js';

/**
 * Word automatic numbering, rebuilt from word/numbering.xml and word/styles.xml: the rendered
 * number ('一、', '（一）', '1.') is not in the paragraph text, so a reader of the text alone would
 * miss every heading number of a Word-numbered report.
 *
 * Semantics followed (ECMA-376 §17.9 and Word's behaviour): counters belong to the abstract
 * numbering, so several w:num sharing one w:abstractNum continue each other unless a
 * w:lvlOverride/w:startOverride restarts a level the first time that w:num is used; a level
 * restarts after any shallower level is used unless w:lvlRestart says otherwise; a missing w:start
 * is 0 (as the standard says); %N in w:lvlText is level N's current value in level N's format (decimal
 * when the level is w:isLgl). The suffix after the number (w:suff, a tab by default) is layout and is
 * not rendered. Bullets are rendered only when they are ordinary characters, not Symbol/Wingdings
 * private-use glyphs.
 */

export interface Level {
  start?: number;
  numFmt: string;
  lvlText?: string;
  /** 1-based level after which this level restarts; 0 never restarts. */
  lvlRestart?: number;
  isLgl: boolean;
  pStyle?: string;
  /** Font of the number (Symbol, Wingdings: glyphs, not text). */
  font?: string;
}

interface AbstractNum {
  id: string;
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Num {
  abstractNumId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface Style {
  id: string;
  name?: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

export interface ParagraphProperties {
  pStyle?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

function intAttr(element: XmlElement | undefined, name: string): number | undefined {
  const raw = element?.attributes[name];
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
}

function readLevel(lvl: XmlElement, q: (s: string) => string): Level {
  const val = q('val');
  const fonts = child(child(lvl, q('rPr')), q('rFonts'));
  const level: Level = {
    numFmt: child(lvl, q('numFmt'))?.attributes[val] ?? 'decimal',
    isLgl: (() => {
      const e = child(lvl, q('isLgl'));
      return e !== undefined && !['0', 'false', 'off'].includes(e.attributes[val] ?? 'true');
    })(),
  };
  const start = intAttr(child(lvl, q('start')), val);
  if (start !== undefined) level.start = start;
  const lvlText = child(lvl, q('lvlText'))?.attributes[val];
  if (lvlText !== undefined) level.lvlText = lvlText;
  const restart = intAttr(child(lvl, q('lvlRestart')), val);
  if (restart !== undefined) level.lvlRestart = restart;
  const pStyle = child(lvl, q('pStyle'))?.attributes[val];
  if (pStyle !== undefined) level.pStyle = pStyle;
  const font = fonts?.attributes[q('ascii')] ?? fonts?.attributes[q('hAnsi')];
  if (font !== undefined) level.font = font;
  return level;
}

export class NumberingDefinitions {
  private readonly abstractNums = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, Style>();
  /** Names of paragraph styles (w:type="paragraph"), the first definition of an id winning, as Word does. */
  private readonly paragraphStyleNames = new Map<string, string>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (stylesXml) this.readStyles(stylesXml);
    if (numberingXml) this.readNumbering(numberingXml);
  }

  private readStyles(xml: string): void {
    const q = qualifier(wordPrefix(xml));
    const val = q('val');
    for (const s of descendants(parseXml(xml), q('style'))) {
      const id = s.attributes[q('styleId')];
      if (id === undefined) continue;
      const style: Style = { id };
      const name = child(s, q('name'))?.attributes[val];
      if (name !== undefined) style.name = name;
      if (s.attributes[q('type')] === 'paragraph' && !this.paragraphStyleNames.has(id)) {
        this.paragraphStyleNames.set(id, name ?? '');
      }
      const basedOn = child(s, q('basedOn'))?.attributes[val];
      if (basedOn !== undefined) style.basedOn = basedOn;
      const pPr = child(s, q('pPr'));
      const numPr = child(pPr, q('numPr'));
      const numId = child(numPr, q('numId'))?.attributes[val];
      if (numId !== undefined) style.numId = numId;
      const ilvl = intAttr(child(numPr, q('ilvl')), val);
      if (ilvl !== undefined) style.ilvl = ilvl;
      const outline = intAttr(child(pPr, q('outlineLvl')), val);
      if (outline !== undefined) style.outlineLvl = outline;
      this.styles.set(id, style);
    }
  }

  private readNumbering(xml: string): void {
    const q = qualifier(wordPrefix(xml));
    const val = q('val');
    const root = parseXml(xml);
    for (const a of descendants(root, q('abstractNum'))) {
      const id = a.attributes[q('abstractNumId')];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of a.children.filter((c) => c.name === q('lvl'))) {
        levels.set(intAttr(lvl, q('ilvl')) ?? 0, readLevel(lvl, q));
      }
      const abstractNum: AbstractNum = { id, levels };
      const link = child(a, q('numStyleLink'))?.attributes[val];
      if (link !== undefined) abstractNum.numStyleLink = link;
      this.abstractNums.set(id, abstractNum);
    }
    for (const n of descendants(root, q('num'))) {
      const id = n.attributes[q('numId')];
      const abstractNumId = child(n, q('abstractNumId'))?.attributes[val];
      if (id === undefined || abstractNumId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of n.children.filter((c) => c.name === q('lvlOverride'))) {
        const entry: { start?: number; level?: Level } = {};
        const start = intAttr(child(o, q('startOverride')), val);
        if (start !== undefined) entry.start = start;
        const lvl = child(o, q('lvl'));
        if (lvl) entry.level = readLevel(lvl, q);
        overrides.set(intAttr(o, q('ilvl')) ?? 0, entry);
      }
      this.nums.set(id, { abstractNumId, overrides });
    }
  }

  /** Name (w:name) of the paragraph style with this id. */
  paragraphStyleName(styleId: string | undefined): string | undefined {
    return styleId === undefined ? undefined : this.paragraphStyleNames.get(styleId) || undefined;
  }

  /** The style and its basedOn ancestors, nearest first (cycle-safe). */
  private styleChain(styleId: string | undefined): Style[] {
    const chain: Style[] = [];
    for (let id = styleId; id !== undefined; ) {
      const style = this.styles.get(id);
      if (!style || chain.includes(style)) break;
      chain.push(style);
      id = style.basedOn;
    }
    return chain;
  }

  /** Outline level (0-based, 9 = body text) from the paragraph or its style chain. */
  outlineLevel(props: ParagraphProperties): number | undefined {
    if (props.outlineLvl !== undefined) return props.outlineLvl;
    return this.styleChain(props.pStyle).find((s) => s.outlineLvl !== undefined)?.outlineLvl;
  }

  /** Abstract numbering behind a w:num, following w:numStyleLink through numbering styles. */
  resolveAbstract(numId: string): AbstractNum | undefined {
    const seen = new Set<string>();
    let num = this.nums.get(numId);
    while (num && !seen.has(num.abstractNumId)) {
      seen.add(num.abstractNumId);
      const abstractNum = this.abstractNums.get(num.abstractNumId);
      if (!abstractNum) return undefined;
      if (abstractNum.numStyleLink === undefined || abstractNum.levels.size > 0) return abstractNum;
      const linked = this.styleChain(abstractNum.numStyleLink).find((s) => s.numId !== undefined)?.numId;
      num = linked === undefined ? undefined : this.nums.get(linked);
    }
    return undefined;
  }

  num(numId: string): Num | undefined {
    return this.nums.get(numId);
  }

  /** The numbering (numId, ilvl) in effect for a paragraph, from its own w:numPr or its style chain. */
  effectiveNumbering(props: ParagraphProperties): { numId: string; ilvl: number } | undefined {
    const chain = this.styleChain(props.pStyle);
    const fromStyle = chain.find((s) => s.numId !== undefined);
    const numId = props.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    let ilvl = props.ilvl ?? chain.find((s) => s.ilvl !== undefined)?.ilvl;
    if (ilvl === undefined && props.pStyle !== undefined) {
      const abstractNum = this.resolveAbstract(numId);
      for (const [index, level] of abstractNum?.levels ?? []) {
        if (level.pStyle === props.pStyle) ilvl = index;
      }
    }
    return { numId, ilvl: ilvl ?? 0 };
  }
}

/** Counts list items in document order and renders their numbers. */
export class NumberingCounter {
  private readonly state = new Map<
    string,
    { values: (number | undefined)[]; startAt: (number | undefined)[] }
  >();
  private readonly seenNums = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The rendered number for the next paragraph with these properties, or undefined. */
  next(props: ParagraphProperties): string | undefined {
    const numbering = this.definitions.effectiveNumbering(props);
    if (!numbering) return undefined;
    const { numId, ilvl } = numbering;
    const abstractNum = this.definitions.resolveAbstract(numId);
    const num = this.definitions.num(numId);
    if (!abstractNum || !num) return undefined;
    const levelOf = (i: number): Level | undefined =>
      num.overrides.get(i)?.level ?? abstractNum.levels.get(i);
    const level = levelOf(ilvl);
    if (!level) return undefined;

    let state = this.state.get(abstractNum.id);
    if (!state) {
      state = { values: [], startAt: [] };
      this.state.set(abstractNum.id, state);
    }
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [i, o] of num.overrides) {
        if (o.start !== undefined) {
          state.values[i] = undefined;
          state.startAt[i] = o.start;
        }
      }
    }
    const startOf = (i: number) => state.startAt[i] ?? levelOf(i)?.start ?? 0;
    const current = state.values[ilvl];
    state.values[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levelOf(deeper)?.lvlRestart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) state.values[deeper] = undefined;
    }

    if (level.numFmt === 'bullet') {
      const text = level.lvlText ?? '';
      const symbolFont = /symbol|wingdings|webdings/i.test(level.font ?? '');
      return text && !symbolFont && !/[\ue000-\uf8ff]/.test(text) ? text : undefined;
    }
    const rendered = (level.lvlText ?? '').replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const value = state.values[i] ?? startOf(i);
      const fmt = level.isLgl ? 'decimal' : (levelOf(i)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
    return rendered || undefined;
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['', '拾', '佰', '仟'] };
const CN_LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', units: ['', '拾', '佰', '仟'] };
const CN_LOWER = { digits: '零一二三四五六七八九', units: ['', '十', '百', '千'] };

/** Chinese counting 1..9999: 十一, 二十, 一百零五; 10..19 without the leading 一 (as Word renders). */
function chineseCounting(
  n: number,
  set: { digits: string; units: string[] },
  dropLeadingOne: boolean,
): string {
  if (n === 0) return set === CN_LOWER ? '〇' : (set.digits[0] as string);
  if (n < 0 || n > 9999) return String(n);
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = set.units[digits.length - 1 - i] as string;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += set.digits[0];
    zero = false;
    out += set.digits[d] + unit;
  });
  if (dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function fromList(n: number, list: string): string {
  const chars = [...list];
  return n >= 1 && n <= chars.length ? (chars[n - 1] as string) : String(n);
}

/** Render a counter value in a Word w:numFmt. Unknown formats render as decimal. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
      if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
      return String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
    case 'lowerLetter': {
      if (n <= 0) return String(n);
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CN_LOWER, true);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL_SIMPLIFIED, false);
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(n, CN_LEGAL_TRADITIONAL, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)] as string) : String(n);
    case 'ideographTraditional':
      return fromList(n, '甲乙丙丁戊己庚辛壬癸');
    case 'ideographZodiac':
      return fromList(n, '子丑寅卯辰巳午未申酉戌亥');
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3280 + n - 1) : String(n);
    default:
      return String(n);
  }
}
