import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/engine/linter.js';
import { classifyParts, type PartDefinition } from '../../../src/kinds/shared/parts.js';
import { buildModel } from '../../../src/model/build.js';

const REPORT = [
  '某镇2024年法治政府建设情况报告',
  '一、基本情况',
  '正文。',
  '二、工作开展情况',
  '正文。',
  '三、问题问题',
  '正文。',
  '四、2025年工作打算',
  '正文。',
].join('\n');

/** The heading text of each section each part claims, in part order. */
function claimed(defs: PartDefinition[]): string[][] {
  const model = buildModel(textSource(REPORT, 'r.txt'));
  return classifyParts(model, defs).map((p) => p.sections.map((s) => s.heading?.text ?? ''));
}

describe('classifyParts: heading patterns', () => {
  it('any pattern of a list matches, each keeping its own anchors', () => {
    const defs: PartDefinition[] = [
      { id: 'a', name: 'a', headings: ['^基本', '开展情况$'] },
      { id: 'b', name: 'b', headings: ['^\\d{4}年(?:度)?工作打算', '^情况$'] },
    ];
    expect(claimed(defs)).toEqual([['基本情况', '工作开展情况'], ['2025年工作打算']]);
  });

  it('excluded headings are no part, whichever exclude pattern matches', () => {
    const defs: PartDefinition[] = [
      { id: 'a', name: 'a', headings: ['情况', '问题'], exclude: ['^基本', '(?:问题){2}'] },
    ];
    expect(claimed(defs)).toEqual([['工作开展情况']]);
  });

  it('patterns with backreferences or the same group name still work (tested one by one)', () => {
    const defs: PartDefinition[] = [
      { id: 'a', name: 'a', headings: ['(问题)\\1', '^不会$'] },
      { id: 'b', name: 'b', headings: ['(?<y>\\d{4})年', '(?<y>基本)情况'] },
    ];
    expect(claimed(defs)).toEqual([['问题问题'], ['基本情况', '2025年工作打算']]);
  });
});
