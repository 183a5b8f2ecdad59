/**
 * Lines of web-page chrome pasted along with a report (navigation, page metadata, widgets, share prompts).
 * The model needs them to find the real title and closing block; the `web-residue` rule reports them.
 * Each pattern is tested against a whole trimmed line, so body sentences that merely mention 来源 or 日期 stay body.
 */
export const RESIDUE_LINE_PATTERNS: { name: string; re: RegExp }[] = [
  { name: '导航路径', re: /^(?:您(?:当前)?(?:所在)?的?位置|当前位置)\s*[:：]/ },
  { name: '导航路径', re: /^首页\s*[>＞»›]/ },
  { name: '页面信息', re: /(?:发布时间|发布日期|访问量|浏览次数|点击数|阅读次数)\s*[:：]/ },
  { name: '页面信息', re: /^(?:来源|作者|信息来源|文章来源|发布机构|责任编辑)\s*[:：][^。]{0,40}$/ },
  { name: '页面信息', re: /^日期\s*[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/ },
  { name: '字号控件', re: /字体\s*[:：]?\s*[[［【]\s*(?:[大中小]\s*)*[\]］】]|【\s*[大中小]\s*】/ },
  {
    name: '分享提示',
    re: /扫一扫在手机(?:上)?打开当前页|扫一扫在手机上查看|^分享到\s*[:：]?|^【?(?:打印本页|关闭窗口|打印|关闭)】?$/,
  },
  { name: '无障碍入口', re: /无障碍|^简体\s*[|｜]\s*繁体|简体\s*[|｜]\s*繁體/ },
  { name: '分隔符', re: /^[|｜\-—_=*·•]{1,}$/ },
];

export function residueName(trimmedLine: string): string | null {
  if (trimmedLine.length === 0 || trimmedLine.length > 200) return null;
  for (const p of RESIDUE_LINE_PATTERNS) if (p.re.test(trimmedLine)) return p.name;
  return null;
}
