/**
 * What injected web adverts look like (gambling, lottery and live-stream spam pasted into pages, often in the middle
 * of a sentence: 习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想). Shared by `web-residue`, which reports the
 * advert, and `formulation`, which restores the standard formulation the advert was injected into.
 */

/** Words that only adverts use. One of them plus any other sign of an advert is enough. */
export const STRONG_SPAM_WORDS = [
  '足彩',
  '足彩网',
  '彩票网',
  '体彩网',
  '注册送',
  '开户送',
  '百家乐',
  '娱乐城',
  '真人视讯',
  '彩金',
  '返水',
  '时时彩',
  '北京赛车',
  '电子游艺',
  '线上娱乐',
  '网上娱乐',
  '威尼斯人',
];

/** Words that are ordinary on their own (文化体育, 庭审直播, 体育彩票) and count only next to a strong word or a junk sign. */
export const WEAK_SPAM_WORDS = [
  '体育',
  '彩票',
  '博彩',
  '直播',
  '在线直播',
  '开户',
  '注册',
  '娱乐',
  '棋牌',
  '投注',
  '下注',
];

/** Characters no Chinese report sentence uses between Chinese words: currency signs and ASCII junk of advert titles. */
export const JUNK_CHARS = /[¥￥$_|｜@#^~`\\]/;

/** True when an inserted run is no Chinese prose: a junk character, Latin letters, or an advert word. */
export function looksInjected(s: string): boolean {
  if (JUNK_CHARS.test(s) || /[A-Za-z]{2,}/.test(s)) return true;
  return (
    STRONG_SPAM_WORDS.some((w) => s.includes(w)) || WEAK_SPAM_WORDS.filter((w) => s.includes(w)).length >= 2
  );
}

/** Advert junk: currency signs and the underscore of page titles (雷速体育_中国足彩网¥在线直播). */
const JUNK_RUN = /[¥￥$_]+/g;

/** A word of an advert list where it stands: `strong` when only adverts use it, `word` its index in the list. */
export interface AdvertSign {
  start: number;
  end: number;
  strong: boolean;
  word: number;
}

/**
 * The stretches `web-residue` takes for injected adverts: signs (advert words, junk runs) at most `gap` characters
 * apart on one line, where a word only adverts use meets another sign, two ordinary advert words meet junk, or
 * currency signs run together. `spam` leaves these to web-residue, so an advert is reported once.
 */
export function advertSpans(text: string, words: AdvertSign[], gap: number): [number, number][] {
  const signs = words.map((w) => ({ ...w, junk: false }));
  JUNK_RUN.lastIndex = 0;
  for (let m = JUNK_RUN.exec(text); m !== null; m = JUNK_RUN.exec(text))
    signs.push({ start: m.index, end: m.index + m[0].length, strong: false, word: -1, junk: true });
  JUNK_RUN.lastIndex = 0;
  signs.sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (let i = 0; i < signs.length; ) {
    let j = i;
    let end = (signs[i] as (typeof signs)[number]).end;
    for (;;) {
      const next = signs[j + 1];
      if (!next || next.start - end > gap || /[\r\n]/.test(text.slice(end, next.start))) break;
      j++;
      end = Math.max(end, next.end);
    }
    const cluster = signs.slice(i, j + 1);
    i = j + 1;
    const strong = cluster.filter((s) => s.strong).length;
    const weak = new Set(cluster.filter((s) => !s.strong && !s.junk).map((s) => s.word)).size;
    const junk = cluster.filter((s) => s.junk);
    const currencyRun = junk.some((s) => s.end - s.start >= 2 && /^[¥￥]+$/.test(text.slice(s.start, s.end)));
    if ((strong >= 1 && cluster.length >= 2) || (weak >= 2 && junk.length >= 1) || currencyRun)
      out.push([(cluster[0] as (typeof cluster)[number]).start, end]);
  }
  return out;
}
