import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../../src/engine/linter.js';
import { advertSpans } from '../../../src/kinds/shared/spam.js';
import { compileMatcher } from '../../../src/util/matcher.js';

/**
 * `spam` leaves to web-residue the adverts web-residue reports, judged by `advertSpans`: outside a formulation (where
 * web-residue takes the formulation's alignment) its spans must be exactly web-residue's advert findings.
 */
it('advertSpans finds what web-residue reports as adverts', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const options = linter.rules.find((r) => r.id === 'web-residue')?.options ?? {};
  const strong = options.strongWords as string[];
  const matcher = compileMatcher([...strong, ...(options.weakWords as string[])]);
  const texts = [
    '加快推进法治政府建设，雷速体育_中国足彩网¥在线直播，取得积极成效。',
    '购彩就上500彩票网，注册送彩金。全年开展普法活动12场，足彩网¥在线直播，群众满意。',
    '罚款￥￥2000元，文化体育活动，庭审直播_，彩票_体育。',
    ...readdirSync(new URL('../../../fixtures/seeds/', import.meta.url)).map((f) =>
      readFileSync(new URL(`../../../fixtures/seeds/${f}`, import.meta.url), 'utf8'),
    ),
  ];
  let compared = 0;
  for (const text of texts) {
    const signs = matcher
      .findAll(text)
      .map((h) => ({ start: h.start, end: h.end, strong: h.index < strong.length, word: h.index }));
    const messages = linter.lintText(text, '/r.txt').messages;
    const injected = messages.filter(
      (m) => m.ruleId === 'formulation' && m.message.includes('混入了无关文字'),
    );
    const free = ([a, b]: [number, number]) => !injected.some((m) => m.start < b && a < m.end);
    const reported = messages
      .filter((m) => m.ruleId === 'web-residue' && m.message.includes('混入正文的网页广告'))
      .filter((m) => free([m.start, m.end]))
      .map((m) => text.slice(m.start, m.end).replace(/[，,]$/, ''));
    const spans = advertSpans(text, signs, options.gap as number)
      .filter(free)
      .map(([a, b]) => text.slice(a, b));
    expect(spans).toEqual(reported);
    compared += reported.length;
  }
  expect(compared).toBeGreaterThanOrEqual(4);
});
