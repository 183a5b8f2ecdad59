import { describe, expect, test } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import type { LintResult } from '../../src/engine/types.js';
import { kinds } from '../../src/kinds/index.js';
import { buildModel } from '../../src/model/build.js';

/**
 * `lintPassage`: text outside a Word document's body (a header, a footer, a footnote) is checked with the rules
 * that read any text; those that need a whole report (its parts, title, unit, closing) are not run on it.
 */

const passage = (text: string) =>
  buildModel({
    path: '/virtual/报告.docx',
    format: 'text',
    text,
    encoding: { encoding: 'utf-8', bom: false, eol: '\n', detected: false },
  });

const shape = (r: LintResult) =>
  r.messages.map(({ ruleId, line, column, endLine, endColumn, message }) => ({
    ruleId,
    at: `${line}:${column}-${endLine}:${endColumn}`,
    message,
  }));

describe('lintPassage', () => {
  test('a header with a placeholder, a wrong formulation and a half-width comma: those three only', async () => {
    const linter = await createLinter({ cwd: '/' });
    const model = passage('某某镇人民政府\n加强法制宣传,提升依法行政水平');
    expect(shape(linter.lintPassage(model))).toEqual([
      { ruleId: 'placeholder', at: '1:1-1:3', message: '“某某”是模板中未填写的占位名称，请填入实际内容' },
      { ruleId: 'formulation', at: '2:3-2:7', message: '“法制宣传”不是规范表述，应写作“法治宣传”' },
      {
        ruleId: 'punctuation-width',
        at: '2:7-2:8',
        message: '半角“,”应改为全角“，”：中文行文使用全角标点（GB/T 15834）',
      },
    ]);
    // The same text as a report of its own misses its parts, title, signer and date.
    const asReport = new Set(linter.lintModel(model).messages.map((m) => m.ruleId));
    for (const id of ['required-sections', 'xi-fazhi-thought', 'closing-signer', 'closing-date', 'title']) {
      expect(asReport).toContain(id);
    }
  });

  test('a clean footer: nothing', async () => {
    const linter = await createLinter({ cwd: '/' });
    expect(linter.lintPassage(passage('第 3 页')).messages).toEqual([]);
  });

  test('the kinds that need a whole report are exactly these (a new kind must choose)', () => {
    const documentKinds = Object.entries(kinds)
      .filter(([, k]) => k.scope === 'document')
      .map(([name]) => name)
      .sort();
    expect(documentKinds).toEqual([
      'closing-date',
      'closing-signer',
      'first-responsible-duty',
      'level-consistency',
      'problems-next-steps',
      'quantified-results',
      'required-sections',
      'required-term',
      'title',
      'web-residue',
      'year-consistency',
    ]);
  });
});
