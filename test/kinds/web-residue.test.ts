import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/engine/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const XI_NEW = '习近平新时代中国特色社会主义思想';

ruleTester('web-residue', {
  valid: [
    '2023年，我镇举办文化体育活动12场，开展庭审直播3次，规范体育彩票销售点管理，落实“谁执法谁普法”责任制。',
    {
      name: 'look-alikes of other rules',
      text: '“6·26”国际禁毒日、“12·4”国家宪法日，12345热线，〔2025〕37号，“1+1+9”工作部署，学法制度，法制审核，法制统一，罚款￥2000元。',
    },
    {
      name: 'a body sentence mentioning 来源 and 日期 is no metadata line',
      text: '某镇2023年法治政府建设情况报告\n案件来源：群众举报。日期：2023年3月1日召开会议。',
    },
    {
      name: 'body sentences with a date, a weekday, a source or a time stay body',
      text: '某镇2024年法治政府建设情况报告\n2024年3月5日，我镇召开法治政府建设专题会议。\n2024年3月5日 星期二上午，镇党委召开会议。\n时间：2024年3月1日上午\n来源于群众举报的线索12条。\n某镇人民政府\n2025年1月20日',
    },
    {
      name: 'a reading list item is no counter',
      text: '某镇2024年法治政府建设情况报告\n阅读：《习近平法治思想学习纲要》\n2024年，我镇推进依法行政。',
    },
    {
      name: '无障碍 in the report’s own words',
      text: '某镇2024年法治政府建设情况报告\n无障碍环境建设\n推进无障碍环境建设，改造无障碍设施12处。',
    },
    {
      name: 'an issuer’s header (版头) and a document number above the title are no channel names',
      text: '红土乡人民政府\n红府发〔2024〕3号\n红土乡2023年法治政府建设情况报告\n2023年，我乡推进依法行政。',
    },
    {
      name: 'a title alone, even a bare one, is the title’s business',
      text: '法治政府建设年度报告\n2024年，我镇推进依法行政。',
    },
    {
      name: 'a Markdown heading is never a channel name',
      filename: 'x.md',
      text: '# 某镇2024年法治政府建设情况报告\n\n## 政务公开\n\n正文。\n',
    },
    {
      name: 'Markdown: a thematic break and a link',
      filename: 'x.md',
      text: '# 某镇2023年法治政府建设情况报告\n\n正文。\n\n***\n\n详见[政府网站](https://www.example.gov.cn/a.html)。\n',
    },
  ],
  invalid: [
    {
      name: 'navigation before the title (seed 000): the line and the blank line after it',
      text: '您当前的位置: 首页 > 专题 > 法治政府建设\n\n某镇2021年法治政府建设情况报告\n正文。',
      errors: [
        {
          message: '“您当前的位置: 首页 > 专题 > 法治政府建设”是网页残留（导航路径），不是报告内容，应删除',
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 1,
        },
      ],
      output: '某镇2021年法治政府建设情况报告\n正文。',
    },
    {
      name: 'page metadata after the title (seed 003)',
      text: '关于2023年法治政府建设情况的报告\n日期:2024-03-01\n\n2023年，我乡推进依法行政。',
      errors: [
        {
          message: '“日期:2024-03-01”是网页残留（页面信息），不是报告内容，应删除',
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 1,
        },
      ],
      output: '关于2023年法治政府建设情况的报告\n\n2023年，我乡推进依法行政。',
    },
    {
      name: 'a stray separator (seed 001)',
      text: '|\n县人大常委会:\n2021年，我县推进依法行政。',
      errors: [
        {
          message: '“|”是网页残留（分隔符），不是报告内容，应删除',
          line: 1,
          column: 1,
          endLine: 2,
          endColumn: 1,
        },
      ],
      output: '县人大常委会:\n2021年，我县推进依法行政。',
    },
    {
      name: 'a share prompt on the last line',
      text: '某镇人民政府\n2024年3月1日\n扫一扫在手机打开当前页',
      errors: [{ messageIncludes: '（分享提示）', line: 3, column: 1, endLine: 3, endColumn: 12 }],
      output: '某镇人民政府\n2024年3月1日\n',
    },
    {
      name: 'a 政府信息公开 page: date bar, crumbs, channel, metadata table, page title above the document’s own',
      text: '2024年3月5日 星期二 农历甲辰年正月廿五\n首页 » 政务公开 » 法治政府建设\n政府信息公开\n索引号：11500236MB1234567X/2024-00012\t主题分类：综合政务\n发布机构：红土乡人民政府 | 成文日期：2024-03-01\n红土乡2023年法治政府建设情况报告\n发布时间：2024-03-01 10:25:36　来源：本站　浏览次数：256\n红土乡2023年法治政府建设情况报告\n2023年，我乡推进依法行政。',
      errors: [
        {
          message: '“2024年3月5日 星期二 农历甲辰年正月廿五”是网页残留（网站日期栏），不是报告内容，应删除',
          line: 1,
          column: 1,
          endLine: 2,
          endColumn: 1,
        },
        { messageIncludes: '（导航路径）', line: 2, column: 1, endLine: 3, endColumn: 1 },
        {
          message: '“政府信息公开”是网页残留（栏目名称），不是报告内容，应删除',
          line: 3,
          column: 1,
          endLine: 4,
          endColumn: 1,
        },
        {
          message: '“索引号：11500236MB1234567X/2024-00…”是网页残留（页面信息），不是报告内容，应删除',
          line: 4,
          column: 1,
          endLine: 5,
          endColumn: 1,
        },
        { messageIncludes: '“发布机构：红土乡人民政府 | 成文日期：2024-03-01”', line: 5, column: 1 },
        {
          message: '“红土乡2023年法治政府建设情况报告”是网页残留（重复的页面标题），不是报告内容，应删除',
          line: 6,
          column: 1,
          endLine: 7,
          endColumn: 1,
        },
        { messageIncludes: '“发布时间：2024-03-01 10:25:36　来源：本站…”', line: 7, column: 1 },
      ],
      output: '红土乡2023年法治政府建设情况报告\n2023年，我乡推进依法行政。',
    },
    {
      name: 'today’s date, a channel that reads like a title, the tab title with the site’s name, a stamp, page controls',
      text: '今天是：2024年03月05日 星期二\n当前位置：首页 › 信息公开 › 年度报告\n法治政府建设年度报告\n某县司法局2023年度法治政府建设情况报告_某县人民政府网\n某县司法局2023年度法治政府建设情况报告\n发布于 2024-03-28 16:02\n【字体：大 中 小】【打印】【关闭】\n2023年，我局推进依法行政。',
      errors: [
        { messageIncludes: '“今天是：2024年03月05日 星期二”是网页残留（网站日期栏）', line: 1, column: 1 },
        { messageIncludes: '（导航路径）', line: 2, column: 1 },
        { messageIncludes: '“法治政府建设年度报告”是网页残留（栏目名称）', line: 3, column: 1 },
        { messageIncludes: '（重复的页面标题）', line: 4, column: 1, endLine: 5, endColumn: 1 },
        { messageIncludes: '“发布于 2024-03-28 16:02”是网页残留（页面信息）', line: 6, column: 1 },
        { messageIncludes: '“【字体：大 中 小】【打印】【关闭】”', line: 7, column: 1 },
      ],
      output: '某县司法局2023年度法治政府建设情况报告\n2023年，我局推进依法行政。',
    },
    {
      name: 'label cells on lines of their own: each label with its value is one finding',
      text: '索  引  号：\n000014349/2024-00001\n发布机构：\n某镇人民政府\n某镇2023年法治政府建设工作报告\n2023年，我镇推进依法行政。',
      errors: [
        {
          message: '“索  引  号： 000014349/2024-00001”是网页残留（页面信息），不是报告内容，应删除',
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 1,
        },
        { messageIncludes: '“发布机构： 某镇人民政府”', line: 3, column: 1, endLine: 5, endColumn: 1 },
      ],
      output: '某镇2023年法治政府建设工作报告\n2023年，我镇推进依法行政。',
    },
    {
      name: 'arrows between crumbs, a counter, a date with a clock time, previous and next links',
      text: '政务公开 → 法治政府建设 → 年度报告\n阅读量：1024\n2024-02-28 09:30 来源：某区司法局\n某区2023年法治政府建设年度报告\n2023年，我区推进依法行政。\n某区人民政府\n2024年2月1日\n上一篇：某区2022年法治政府建设年度报告\n下一篇：无',
      errors: [
        { messageIncludes: '（导航路径）', line: 1, column: 1 },
        { messageIncludes: '“阅读量：1024”', line: 2, column: 1 },
        { messageIncludes: '“2024-02-28 09:30 来源：某区司法局”', line: 3, column: 1 },
        { messageIncludes: '“上一篇：某区2022年法治政府建设年度报告”', line: 8, column: 1 },
        { messageIncludes: '“下一篇：无”', line: 9, column: 1, endLine: 9, endColumn: 6 },
      ],
      output: '某区2023年法治政府建设年度报告\n2023年，我区推进依法行政。\n某区人民政府\n2024年2月1日\n',
    },
    {
      name: 'the site’s name with its date, the page title that holds the document’s, a counter without 次数',
      text: '某市某区人民政府 2024年3月5日星期二\n某市某区某乡2022年度法治政府建设 工作报告\n浏览:5072次 时间:2022-12-07 来源:本站\n某乡2022年度法治政府建设工作报告\n2022年，我乡推进依法行政。',
      errors: [
        {
          messageIncludes: '“某市某区人民政府 2024年3月5日星期二”是网页残留（网站日期栏）',
          line: 1,
          column: 1,
        },
        {
          messageIncludes: '“某市某区某乡2022年度法治政府建设 工作报告”是网页残留（重复的页面标题）',
          line: 2,
          column: 1,
        },
        {
          messageIncludes: '“浏览:5072次 时间:2022-12-07 来源:本站”是网页残留（页面信息）',
          line: 3,
          column: 1,
        },
      ],
      output: '某乡2022年度法治政府建设工作报告\n2022年，我乡推进依法行政。',
    },
    {
      name: 'the site’s name over the crumbs, the publisher with a date, bulleted label cells',
      text: '某市人民政府\n首页 >> 政府信息公开 >> 法定主动公开内容\n某县人民政府 2024年01月08日\n  • 索引号:\n\n    6107280000/2024-001005\n  • 主题分类:\n  • 发文日期:\n    2024年04月06日 16:40\n某县2023年度法治政府建设情况报告\n2023年，我县推进依法行政。',
      errors: [
        {
          messageIncludes: '“某市人民政府”是网页残留（网站名称）',
          line: 1,
          column: 1,
          endLine: 2,
          endColumn: 1,
        },
        { messageIncludes: '（导航路径）', line: 2, column: 1 },
        { messageIncludes: '“某县人民政府 2024年01月08日”是网页残留（页面信息）', line: 3, column: 1 },
        {
          messageIncludes: '“• 索引号: 6107280000/2024-001005”',
          line: 4,
          column: 1,
          endLine: 7,
          endColumn: 1,
        },
        { messageIncludes: '“• 主题分类:”', line: 7, column: 1, endLine: 8, endColumn: 1 },
        // A value that is residue on its own (a date with a clock time) is a finding of its own.
        { messageIncludes: '“• 发文日期:”', line: 8, column: 1, endLine: 9, endColumn: 1 },
        { messageIncludes: '“2024年04月06日 16:40”', line: 9, column: 1, endLine: 10, endColumn: 1 },
      ],
      output: '某县2023年度法治政府建设情况报告\n2023年，我县推进依法行政。',
    },
    {
      name: 'the metadata table copied with its cell borders',
      text: '索 引 号 | 11620300013909010R/2025-48086 | 主题分类 | 综合政务 |\n发文字号 | 某政发〔2025〕33号 | 制发机构 | |\n有效性 | |||\n成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |\n某市2024年法治政府建设情况报告\n2024年，我市推进依法行政。',
      errors: [
        { messageIncludes: '“索 引 号 | 11620300013909010R/202…”', line: 1, column: 1 },
        { messageIncludes: '“发文字号 | 某政发〔2025〕33号 | 制发机构 | |”', line: 2, column: 1 },
        { messageIncludes: '“有效性 | |||”', line: 3, column: 1, endLine: 4, endColumn: 1 },
        { messageIncludes: '“成文日期 | 2025-06-13 | 发布日期 | 202…”', line: 4, column: 1 },
      ],
      output: '某市2024年法治政府建设情况报告\n2024年，我市推进依法行政。',
    },
    {
      name: 'an advert inside a formulation (seed 002): reported precisely, fixed by formulation',
      text: `2023年崇礼镇深入学习贯彻习近平新时代雷速体育_中国足彩网¥在线直播特色社会主义思想,贯彻落实。`,
      errors: [
        {
          message: '“雷速体育_中国足彩网¥在线直播”是混入正文的网页广告，不是报告内容，应删除',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 36,
        },
      ],
      output: null,
    },
    {
      name: 'a brand word not listed (雷速) keeps the advert from its delimiter: reported, not fixed',
      text: '加快推进法治政府建设，雷速体育_中国足彩网¥在线直播，取得积极成效。',
      errors: [
        {
          message: '“体育_中国足彩网¥在线直播”是混入正文的网页广告，不是报告内容，应删除',
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 27,
        },
      ],
      output: null,
    },
    {
      name: 'an advert between commas, brand word listed: removed with one comma',
      text: '加快推进法治政府建设，足彩网¥在线直播注册送彩金，取得积极成效。',
      errors: [
        {
          message: '“足彩网¥在线直播注册送彩金”是混入正文的网页广告，不是报告内容，应删除',
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 26,
        },
      ],
      output: '加快推进法治政府建设，取得积极成效。',
    },
    {
      name: 'an advert alone on a line',
      text: '正文第一段。\n体育彩票网¥¥在线开户注册送\n正文第二段。',
      errors: [
        {
          message: '“体育彩票网¥¥在线开户注册送”是混入正文的网页广告，不是报告内容，应删除',
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 1,
        },
      ],
      output: '正文第一段。\n正文第二段。',
    },
    {
      name: 'a URL in a sentence is a warning without fix; alone on a line it is residue',
      text: '详见http://www.example.com/a.html页面。\nwww.example.gov.cn\n正文。',
      errors: [
        {
          message: '网址“http://www.example.com/a.html”多为网页残留：若不是正文需要引用的网址，请删除',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 32,
          severity: 'warning',
        },
        {
          message: '“www.example.gov.cn”是网页残留（网址），不是报告内容，应删除',
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 1,
          severity: 'error',
        },
      ],
      output: '详见http://www.example.com/a.html页面。\n正文。',
    },
    {
      name: 'Markdown residue line',
      filename: 'x.md',
      text: '# 某镇2023年法治政府建设情况报告\n\n扫一扫在手机打开当前页\n\n正文。\n',
      errors: [{ messageIncludes: '（分享提示）', line: 3, column: 1, endLine: 5, endColumn: 1 }],
      output: '# 某镇2023年法治政府建设情况报告\n\n正文。\n',
    },
  ],
});

it('web-residue on the real seeds', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const found = (file: string) =>
    linter
      .lintText(readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8'), file)
      .messages.filter((m) => m.ruleId === 'web-residue')
      .map(
        (m) =>
          `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.data?.found}${m.fix ? '' : ' (no fix)'}`,
      );
  // The page title (line 3) stands above the document's own copy of it (line 7), with the page metadata between.
  expect(found('000_3c0df08b306f7395.txt')).toEqual([
    '1:1-3:1 您当前的位置: 首页 > 专题 > 法治政府建设',
    '3:1-5:1 沩山镇2021年法治政府建设情况报告',
    '5:1-7:1 发布时间:2022-11-25 访问量: 作者:沩山镇 来源…',
  ]);
  expect(found('001_33dfb61e85867be8.txt')).toEqual(['1:1-2:1 |']);
  expect(found('002_0ca269bc21c17480.txt')).toEqual(['2:28-2:43 雷速体育_中国足彩网¥在线直播 (no fix)']);
  expect(found('003_dd6b3d9d359ab452.txt')).toEqual([
    '2:1-3:1 日期:2024-03-01',
    '78:1-78:12 扫一扫在手机打开当前页',
  ]);
  expect(found('004_de2a7d4be22d8b04.txt')).toEqual([]);
});

it('--fix on seed 002 line 2: formulation restores the formulation, web-residue adds no overlapping fix', async () => {
  const linter = await createLinter({ cwd: '/', configPath: undefined });
  const text = readFileSync(
    new URL('../../fixtures/seeds/002_0ca269bc21c17480.txt', import.meta.url),
    'utf8',
  );
  const { textSource } = await import('../../src/engine/linter.js');
  const out = linter.fixSource(
    textSource(text, 'seed.txt'),
    (m) => m.ruleId === 'web-residue' || m.ruleId === 'formulation',
  ).output;
  expect(out.split('\n')[1]).toContain(`深入学习贯彻${XI_NEW},贯彻落实`);
});
