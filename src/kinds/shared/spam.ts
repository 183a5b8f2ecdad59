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
