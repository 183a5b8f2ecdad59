import { defineKind } from './define.js';

interface Options {
  swap: Record<string, string>;
}

/** A user's own wording list: each wrong form is reported with its right form as a safe fix. */
export default defineKind<Options>({
  name: 'substitution',
  description: '把错误写法替换为规范写法（用户自定义规则，可自动修复）',
  options: {
    swap: { type: 'map', required: true, description: '“错误写法: 规范写法” 的映射（按原文匹配）' },
  },
  messages: { default: '“{match}”应写作“{replacement}”' },
  validate(o) {
    return Object.entries(o.swap)
      .filter(([wrong, right]) => wrong.length === 0 || right.includes(wrong))
      .map(([wrong]) => ({
        option: 'swap',
        message: `“${wrong}”不能为空，且替换结果不能包含原文（否则修复永不停止）`,
      }));
  },
  prepare(o) {
    // Longest first, so 法制宣传教育 wins over 法制宣传 at the same place.
    return Object.keys(o.swap).sort((a, b) => b.length - a.length);
  },
  check(model, o, prepared) {
    const wrongs = prepared as string[];
    const text = model.text;
    const reports = [];
    for (let i = 0; i < text.length; ) {
      const wrong = wrongs.find((w) => text.startsWith(w, i));
      if (!wrong) {
        i++;
        continue;
      }
      const replacement = o.swap[wrong] as string;
      reports.push({
        start: i,
        end: i + wrong.length,
        data: { match: wrong, replacement },
        fix: { range: [i, i + wrong.length] as [number, number], text: replacement },
      });
      i += wrong.length;
    }
    return reports;
  },
});
