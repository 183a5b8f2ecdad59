import { describe, expect, it } from 'vitest';
import { textSource } from '../../src/engine/linter.js';
import { buildModel, isPlaceholderDate } from '../../src/model/build.js';
import type { Section } from '../../src/model/types.js';

const model = (text: string, name = 'r.txt') => buildModel(textSource(text, name));

/** `level marker|text` for every structural heading, to compare trees at a glance. */
const outline = (text: string, name = 'r.txt') =>
  model(text, name).headings.map((h) => `${h.level} ${h.marker}|${h.text}`);

describe('headings from official numbering', () => {
  it.each([
    ['一、主要举措', '1 一、|主要举措'],
    ['十二、其他', '1 十二、|其他'],
    ['（一）加强领导', '2 （一）|加强领导'],
    ['(二)加强领导', '2 (二)|加强领导'],
    ['1.建立制度', '3 1.|建立制度'],
    ['2．建立制度', '3 2．|建立制度'],
    ['3、建立制度', '3 3、|建立制度'],
    ['１０．全角数字', '3 １０．|全角数字'],
    ['（1）细化措施', '4 （1）|细化措施'],
    ['(12)细化措施', '4 (12)|细化措施'],
  ])('%s', (line, expected) => {
    expect(outline(`标题\n${line}\n正文。`)).toEqual([expected]);
  });

  it.each([
    ['3.15万元用于普法', 'a decimal'],
    ['2023年，我镇……', 'a year'],
    ['12345热线接件300件。', 'a hotline number'],
    ['一是加强领导。二是完善制度。', 'an enumeration lead (not a structural heading)'],
    ['〔2025〕37号文件', 'a document number'],
  ])('%s is no heading (%s)', (line) => {
    expect(outline(`标题\n${line}`)).toEqual([]);
  });

  it('ends a run-in heading at the first 。 or ：, and marks the rest as body', () => {
    const m = model('（二）构建全面依法治镇“四梁八柱”。强化法治建设第一责任人职责。');
    const h = m.headings[0];
    expect(h?.text).toBe('构建全面依法治镇“四梁八柱”');
    expect(h?.runIn).toBe(true);
    expect(h?.span.text).toBe('（二）构建全面依法治镇“四梁八柱”');
    expect(model('（一）坚持定期排查：按照原则开展。').headings[0]?.text).toBe('坚持定期排查');
    expect(model('一、主要举措和成效').headings[0]?.runIn).toBe(false);
  });

  it('reads Markdown # headings, taking the numbering level when the heading carries one', () => {
    const md =
      '# 某镇2024年法治政府建设情况报告\n\n## 一、主要举措\n\n### （一）健全机制\n\n正文。\n\n## 工作亮点\n\n正文。\n';
    expect(outline(md, 'r.md')).toEqual(['1 一、|主要举措', '2 （一）|健全机制', '1 |工作亮点']);
    expect(model(md, 'r.md').title?.span.text).toBe('某镇2024年法治政府建设情况报告');
  });

  it('sees an ordered Markdown list item as a 1. heading and ignores code and HTML', () => {
    const md =
      '标题\n\n1. 建立制度\n2. 完善机制\n\n```\n一、代码里的不是标题\n```\n\n<!-- 一、注释里的也不是 -->\n';
    expect(outline(md, 'r.md')).toEqual(['3 1.|建立制度', '3 2.|完善机制']);
  });
});

describe('enumeration leads', () => {
  it('finds 一是 at a paragraph start and after a sentence end or colon, with the lead sentence', () => {
    const m = model('一、问题\n主要表现为：一是意识不强。二是能力不足；三是宣传单一。\n四是另起一段。');
    expect(m.enumerations.map((e) => `${e.level} ${e.marker} ${e.text}`)).toEqual([
      '2 一是 意识不强',
      '2 二是 能力不足',
      '2 三是 宣传单一',
      '2 四是 另起一段',
    ]);
  });

  it('does not take 统一是 or 唯一是 for a lead', () => {
    expect(model('正文，统一是原则。唯一是目标。').enumerations).toEqual([]);
  });
});

describe('title, issuer and year', () => {
  it('skips page residue before the title and reads issuer and year from it', () => {
    const m = model(
      '您当前的位置: 首页 > 专题\n\n沩山镇2021年法治政府建设情况报告\n\n发布时间:2022-11-25 访问量:\n\n正文。',
    );
    expect(m.title?.span.text).toBe('沩山镇2021年法治政府建设情况报告');
    expect(m.title?.line).toBe(3);
    expect(m.title?.issuer).toBe('沩山镇');
    expect(m.year).toBe(2021);
    expect([...m.residueLines]).toEqual([
      [1, '导航路径'],
      [5, '页面信息'],
    ]);
  });

  it.each([
    ['眉山市东坡区崇礼镇人民政府2023年法治政府建设工作报告', '眉山市东坡区崇礼镇人民政府', 2023],
    ['某县司法局关于2023年度法治政府建设工作情况的报告', '某县司法局', 2023],
    ['关于2023年法治政府建设情况的报告', null, 2023],
    ['2024年青山街道法治政府建设情况报告', '青山街道', 2024],
    ['某镇二〇二四年法治政府建设情况报告', '某镇', 2024],
    ['街道2024年法治政府建设情况报告', null, 2024],
    ['镇人民政府关于2024年度法治政府建设情况的报告', null, 2024],
    // What was glued before the issuer's name is no part of it: an advert, a site's name before a separator.
    ['新葡京娱乐城-红星镇2024年法治政府建设情况报告', '红星镇', 2024],
    ['hg0088¥¥红星镇2024年法治政府建设情况报告', '红星镇', 2024],
    ['某县人民政府网|红星镇2024年法治政府建设情况报告', '红星镇', 2024],
    ['XX镇2024年法治政府建设情况报告', 'XX镇', 2024],
  ])('%s', (title, issuer, year) => {
    const m = model(`${title}\n正文。`);
    expect(m.title?.issuer ?? null).toBe(issuer);
    expect(m.year).toBe(year);
  });

  it('takes no year range’s end for the report year', () => {
    expect(model('根据《全面深化法治领域改革纲要（2023—2027年）》，2023年，我街道推进依法行政。').year).toBe(
      2023,
    );
  });

  it('has no title when the report starts with its body, and takes the year from the body', () => {
    const m = model('县人大常委会:\n2021年,在市委领导下,我县推进法治政府建设。\n一、加强领导');
    expect(m.title).toBeNull();
    expect(m.year).toBe(2021);
    expect(m.paragraphs[0]?.role).toBe('addressee');
    expect(m.selfReference).toBe('县');
  });
});

describe('closing block', () => {
  it('finds joint signers and the date, trimmed of U+00A0 and U+3000', () => {
    const m = model(
      '标题报告\n正文。\n\u00a0\u00a0中共常平镇委\n\u3000常平镇人民政府\u3000\n  2021年1月29日\u00a0\n\n扫一扫在手机打开当前页\n',
    );
    expect(m.closing.signers.map((s) => s.text)).toEqual(['中共常平镇委', '常平镇人民政府']);
    expect(m.closing.date?.text).toBe('2021年1月29日');
    expect(m.closing.lastLine?.number).toBe(5);
  });

  it('takes a malformed date as the date line (the rule judges its form)', () => {
    expect(model('正文。\n沩山镇人民政府\n\n20211223').closing.date?.text).toBe('20211223');
  });

  it("takes a template's blank date as the date line, so the signer above it is still a signer", () => {
    const m = model('正文。\n红星镇人民政府\n2025年X月X日');
    expect(m.closing.signers.map((s) => s.text)).toEqual(['红星镇人民政府']);
    expect(m.closing.date?.text).toBe('2025年X月X日');
    expect(isPlaceholderDate('2025年X月X日')).toBe(true);
    expect(isPlaceholderDate('20××年×月×日')).toBe(true);
    expect(isPlaceholderDate('2025年1月20日')).toBe(false);
    // An unrelated line is no date of any kind.
    expect(model('正文。\n红星镇人民政府\n某某年度').closing.date).toBeNull();
  });

  it('has no signer when the report ends in body text', () => {
    const m = model('一、工作打算\n2024年，我们将继续推进依法行政。');
    expect(m.closing.signers).toEqual([]);
    expect(m.closing.date).toBeNull();
    expect(m.closing.lastLine?.number).toBe(2);
  });
});

describe('sections', () => {
  it('nests by level and gives line ranges that stop before the closing', () => {
    const m = model(
      '标题报告\n一、甲\n（一）子一\n正文\n（二）子二\n二、乙\n正文\n某镇人民政府\n2025年1月1日',
    );
    const flat = (s: Section): string[] =>
      s.children.flatMap((c) => [`${c.level}:${c.heading?.text}:${c.line}-${c.endLine}`, ...flat(c)]);
    expect(flat(m.root)).toEqual(['1:甲:2-5', '2:子一:3-4', '2:子二:5-5', '1:乙:6-7']);
    expect(m.sectionAt(m.lines[3]?.start ?? 0).heading?.text).toBe('子一');
  });
});

describe('positions', () => {
  it('counts columns in UTF-16 code units, so an astral character takes two', () => {
    const m = model('𠀀一是目标');
    const at = m.text.indexOf('目标');
    expect(at).toBe(4);
    expect(m.positionAt(at)).toEqual({ line: 1, column: 5 });
    expect(m.offsetAt(1, 5)).toBe(at);
  });

  it('gives LF, CRLF and lone CR the same lines', () => {
    const texts = ['甲\n乙\n\n丙', '甲\r\n乙\r\n\r\n丙', '甲\r乙\r\r丙'];
    const lines = texts.map((t) => model(t).paragraphs.map((p) => `${p.line}:${p.text}`));
    expect(lines[1]).toEqual(lines[0]);
    expect(lines[2]).toEqual(lines[0]);
    const crlf = model(texts[1] as string);
    expect(crlf.positionAt(crlf.text.indexOf('丙'))).toEqual({ line: 4, column: 1 });
  });
});

describe('segmentation', () => {
  it('keeps domain terms whole and covers the text exactly', () => {
    const m = model('深入学习贯彻习近平法治思想，落实第一责任人职责。');
    const words = m.tokens().map((t) => t.word);
    expect(words).toContain('习近平法治思想');
    expect(words).toContain('第一责任人');
    expect(words.join('')).toBe(m.text);
    expect(m.tokens()).toBe(m.tokens());
  });
});

describe('words with their parts of speech', () => {
  const m = model('截止2023年底，全镇确实加强了宣传。\r\n其它');
  const at = (offset: number) => {
    const w = m.wordAt(offset);
    return w && `${w.word}/${w.tag}@${w.start}-${w.end}`;
  };

  it('gives the word holding an offset, tagged, with its offsets in the text', () => {
    expect(at(0)).toBe('截止/v@0-2');
    expect(at(1)).toBe('截止/v@0-2');
    expect(at(2)).toBe('2023/m@2-6');
    expect(at(7)).toBe('年底/t@6-8');
    expect(at(11)).toBe('确实/ad@11-13');
    expect(at(13)).toBe('加强/v@13-15');
  });

  it('a punctuation mark or a line break is a word of its own, tagged x; nothing outside the text', () => {
    expect(at(8)).toBe('，/x@8-9');
    expect(at(19)).toBe('\r\n/x@19-21');
    expect(at(20)).toBe('\r\n/x@19-21');
    expect(at(21)).toBe('其它/r@21-23');
    expect(at(23)).toBeNull();
    expect(at(-1)).toBeNull();
  });
});
