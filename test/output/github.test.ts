import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/output/formatters/github.js';
import { fixtureContext, fixtureResults } from './fixtures.js';

const decode = (value: string) =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));

describe('github formatter', () => {
  it('writes one workflow command per finding, escaped', () => {
    expect(github(fixtureResults(), fixtureContext())).toBe(
      [
        '::error file=reports/2023年%2C报告.md,line=3,col=7,endLine=3,endColumn=13,title=fazhi/quote-style::应使用全角引号“”，而非半角 "',
        '::warning file=reports/2023年%2C报告.md,line=3,col=26,endLine=3,endColumn=27,title=fazhi/no-ampersand::不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>',
        '::warning file=reports/2023年%2C报告.md,line=5,col=13,endLine=5,endColumn=14,title=fazhi/no-ampersand::不应使用 “&”，请改为“和”；见《党政机关公文格式》<GB/T 9704>',
        '::notice file=reports/2023年%2C报告.md,line=4,col=1,endLine=5,endColumn=12,title=fazhi/closing-section::缺少“结束语”部分，完成率100%25: 请核实%0A建议补充下一步安排',
        '::error file=docs/说明.txt,line=1,col=9,endLine=1,endColumn=13,title=fazhi/quote-style::应使用全角引号“”，而非半角 "',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for clean files', () => {
    expect(github([fixtureResults()[2]], fixtureContext())).toBe('');
  });

  it('escapes a property value with : and ,', () => {
    expect(escapeProperty('a:b,c%d\r\ne')).toBe('a%3Ab%2Cc%25d%0D%0Ae');
    expect(escapeData('a:b,c%d\r\ne')).toBe('a:b,c%25d%0D%0Ae');
  });

  it('escaping is reversible and leaves no line break or separator behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const data = escapeData(s);
        const property = escapeProperty(s);
        expect(decode(data)).toBe(s);
        expect(decode(property)).toBe(s);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
      }),
    );
  });
});
