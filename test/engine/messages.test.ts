import { describe, expect, test } from 'vitest';
import { interpolate } from '../../src/engine/messages.js';

describe('interpolate', () => {
  test.each([
    ['no placeholders', '缺少落款', { a: 1 }, '缺少落款'],
    ['one placeholder', '应为“{expected}”', { expected: '平台' }, '应为“平台”'],
    ['numbers', '第 {n} 项，共 {total} 项', { n: 3, total: 5 }, '第 3 项，共 5 项'],
    ['placeholder first and last', '{a}与{b}', { a: '甲', b: '乙' }, '甲与乙'],
    ['the same name twice', '{x}、{x}', { x: '一是' }, '一是、一是'],
    ['unknown names stay visible', '应为“{expected}”', { found: '平合' }, '应为“{expected}”'],
    ['inherited names are unknown', '{constructor}', {}, '{constructor}'],
    ['braces that are not placeholders', '{ 空 }{}', { 空: 1 }, '{ 空 }{}'],
    ['no data', '应为“{expected}”', undefined, '应为“{expected}”'],
  ])('%s', (_name, template, data, expected) => {
    expect(interpolate(template, data)).toBe(expected);
    // The split template is cached: a second call gives the same text.
    expect(interpolate(template, data)).toBe(expected);
  });
});
