import type { Report } from '../engine/types.js';
import { charBits, hasChar } from '../util/charset.js';
import { allMatches } from '../util/regex.js';
import { defineKind } from './define.js';
import { charAt, charBefore, ignoredChecker, isChinese } from './shared/text.js';

interface Options {
  indent: number;
}

const INVISIBLE: Record<number, string> = {
  173: '软连字符',
  8203: '零宽空格',
  8204: '零宽非连接符',
  8205: '零宽连接符',
  8206: '从左至右标记',
  8207: '从右至左标记',
  8288: '词连接符',
  8289: '不可见函数符',
  8290: '不可见乘号',
  8291: '不可见分隔符',
  8292: '不可见加号',
  65279: '字节顺序标记（BOM）',
};
for (let c = 0x202a; c <= 0x202e; c++) INVISIBLE[c] = '双向文本控制符';
for (let c = 0x2066; c <= 0x2069; c++) INVISIBLE[c] = '双向文本控制符';

const isControl = (c: number) =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
const SUSPECT_CODES = [
  ...Object.keys(INVISIBLE).map(Number),
  ...Array.from({ length: 0xa0 }, (_, c) => c).filter(isControl),
];
/** Invisible and control characters by UTF-16 unit: the scan tests every character of the text. */
const SUSPECT = charBits(SUSPECT_CODES);
/** The same set as one native search: most reports hold none of them, and then the scan is skipped. */
const ANY_SUSPECT = new RegExp(
  `[${SUSPECT_CODES.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
);
const WIDE = /[\u00a0\u3000]/u;
/** A run of spaces that holds at least one U+00A0 or U+3000 (ASCII spaces and tabs around them belong to the run). */
const RUN = /[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+/gu;
const code = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

function nameOf(run: string): string {
  const nbsp = run.includes('\u00a0');
  const ideo = run.includes('\u3000');
  if (nbsp && ideo) return '不间断空格（U+00A0）和全角空格（U+3000）';
  return nbsp ? '不间断空格（U+00A0）' : '全角空格（U+3000）';
}

/**
 * Invisible trouble in pasted text. Zero-width and bidi characters, soft hyphens, a BOM after the start and control
 * characters are removed. Runs of U+00A0 / U+3000 used to align text are reported: inside a line (replaced by one
 * ordinary space, or removed when a single one sits between Chinese characters), at a line start (removed: GB/T 9704
 * layout comes from the typesetting, not from spaces), at a line end and on otherwise blank lines (removed).
 * A paragraph indent of up to `indent` U+3000 at a line start is normal Chinese layout and is left alone.
 */
export default defineKind<Options>({
  name: 'hidden-characters',
  description: '粘贴带入的不可见字符：零宽字符、控制字符、文中的 BOM，以及用不间断空格或全角空格对齐的空白',
  options: {
    indent: {
      type: 'number',
      default: 2,
      description: '行首允许的全角空格数（段首缩进两个全角空格是正常版式）',
    },
  },
  messages: {
    default: '不可见字符：{name}（U+{code}），多为复制粘贴带入，会干扰检索和比对，请删除',
    control: '控制字符 U+{code}：文本中不应出现，多为从其他软件复制带入，请删除',
    inline: '行内有{count}个{name}：多为排版对齐遗留，看不出却会干扰检索和排版，请{replacement}',
    leading: '行首用{name}对齐：公文版式由排版决定，不用空格对齐，请删除（段首缩进两个全角空格除外）',
    trailing: '行尾有看不见的{name}，请删除',
    blank: '空行里有看不见的{name}，请删除',
  },
  check(model, o) {
    const text = model.text;
    const reports: Report[] = [];
    const ignored = ignoredChecker(model);
    // Zero-width, bidi and control characters: each run is one finding.
    const codes = model.codes();
    // Skipped whole (i starts at the end) when the native search finds none of them.
    for (let i = ANY_SUSPECT.test(text) ? 0 : codes.length; i < codes.length; i++) {
      const c = codes[i] as number;
      if (!hasChar(SUSPECT, c)) continue;
      const invisible = INVISIBLE[c];
      const control = isControl(c);
      if ((!invisible && !control) || ignored(i)) continue;
      if (c === 0xfeff && i === 0) continue; // a BOM at the very start is the encoding's business
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) === c) j++;
      reports.push({
        messageId: control ? 'control' : undefined,
        start: i,
        end: j,
        data: { name: invisible ?? '控制字符', code: code(c), count: j - i },
        fix: { range: [i, j], text: '' },
      });
      i = j - 1;
    }
    // Alignment spaces, line by line.
    for (const line of model.lines) {
      const s = line.text;
      // Only a run holding U+00A0 or U+3000 is reported.
      if (!s.includes('\u00a0') && !s.includes('\u3000')) continue;
      if (ignored(line.start)) continue;
      const solid = s.replace(RUN, '');
      for (const m of allMatches(RUN, s)) {
        const run = m[0];
        if (!WIDE.test(run)) continue;
        const a = line.start + (m.index ?? 0);
        const b = a + run.length;
        if (ignored(a)) continue;
        const name = nameOf(run);
        if (solid.length === 0) {
          reports.push({
            messageId: 'blank',
            start: a,
            end: b,
            data: { name },
            fix: { range: [a, b], text: '' },
          });
        } else if (a === line.start) {
          if (/^\u3000+$/u.test(run) && run.length <= o.indent) continue;
          reports.push({
            messageId: 'leading',
            start: a,
            end: b,
            data: { name },
            fix: { range: [a, b], text: '' },
          });
        } else if (b === line.end) {
          reports.push({
            messageId: 'trailing',
            start: a,
            end: b,
            data: { name },
            fix: { range: [a, b], text: '' },
          });
        } else {
          // One between Chinese characters is a stray: drop it. Anything else separates two things: keep one space.
          const between = isChinese(charBefore(text, a)) && isChinese(charAt(text, b));
          const drop = run.length === 1 && between;
          reports.push({
            messageId: 'inline',
            start: a,
            end: b,
            data: {
              name,
              count: run.match(/[\u00a0\u3000]/gu)?.length ?? 0,
              replacement: drop ? '直接删除' : '改为一个普通空格',
            },
            fix: { range: [a, b], text: drop ? '' : ' ' },
          });
        }
      }
    }
    return reports.sort((x, y) => x.start - y.start);
  },
});
