import type { Report } from '../engine/types.js';
import { isPlaceholderDate } from '../model/build.js';
import { parseChineseNumber } from '../model/numbering.js';
import { defineKind } from './define.js';
import { parseOrgan } from './shared/organ.js';

interface Options {
  deadline: string;
  departmentDeadline: string;
}

const STANDARD = /^(\d{4})年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;
const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** Reads the date forms seen in real closings; `exact` tells whether the reading is unambiguous (safe to fix). */
export function readDate(raw: string): { y: number; m: number; d: number; exact: boolean } | null {
  const s = raw.replace(/[\s\u00a0\u3000]/gu, '');
  let m =
    /^(\d{4})年0?(\d{1,2})月0?(\d{1,2})日?$/.exec(s) ??
    /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]), true);
  m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(
    s,
  );
  if (m) {
    const y = Number([...(m[1] as string)].map((c) => CN_DIGIT[c]).join(''));
    return valid(y, parseChineseNumber(m[2] as string) ?? 0, parseChineseNumber(m[3] as string) ?? 0, true);
  }
  m = /^(\d{2})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return valid(2000 + Number(m[1]), Number(m[2]), Number(m[3]), false);
  return null;
}

function valid(y: number, m: number, d: number, exact: boolean) {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return { y, m, d, exact };
}

const ymd = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;

/**
 * The closing date (成文日期): present, in the GB/T 9704 form (2024年3月1日), after the report year has ended,
 * and no later than the regulation's deadline (4月1日; 3月1日 for government departments).
 */
export default defineKind<Options>({
  name: 'closing-date',
  description: '文末成文日期须存在、格式符合 GB/T 9704，并与报告年度和报送时限相符',
  options: {
    deadline: { type: 'string', default: '3-31', description: '地方政府报告的最晚日期（下一年的 月-日）' },
    departmentDeadline: {
      type: 'string',
      default: '3-1',
      description: '政府部门报告的最晚日期（下一年的 月-日）',
    },
  },
  scope: 'document',
  messages: {
    default: '文末缺少成文日期：请在署名下一行用阿拉伯数字写明年月日，如“{example}”',
    form: '成文日期“{date}”不符合 GB/T 9704：应将年、月、日标全，月、日不编虚位，写作“{expected}”',
    early: '成文日期{date}早于{year}年度结束：年度报告应在次年年初总结全年情况后成文',
    late: '成文日期{date}晚于报送时限：{who}报告应不晚于{deadline}成文报送，请核对日期',
  },
  validate(o) {
    return ['deadline', 'departmentDeadline']
      .filter((k) => !/^\d{1,2}-\d{1,2}$/.test(o[k as keyof Options]))
      .map((k) => ({ option: k, message: `“${k}” 应写成 月-日，如 3-31` }));
  },
  check(model, o) {
    const { date, lastLine } = model.closing;
    const year = model.year;
    if (!date) {
      const start = lastLine ? lastLine.start + (lastLine.text.length - lastLine.text.trimStart().length) : 0;
      const end = lastLine ? lastLine.end : Math.min(1, model.text.length);
      return [{ start, end, data: { example: `${(year ?? 2024) + 1}年1月20日` } }];
    }
    // A template's blank date (2025年X月X日) is the placeholder rule's to report: there is no date to judge yet.
    if (isPlaceholderDate(date.text)) return [];
    const reports: Report[] = [];
    const parsed = readDate(date.text);
    const standard = STANDARD.exec(date.text.replace(/[\s\u00a0\u3000]/gu, ''));
    if (!standard) {
      const expected = parsed ? `${parsed.y}年${parsed.m}月${parsed.d}日` : '2024年3月1日';
      reports.push({
        messageId: 'form',
        start: date.start,
        end: date.end,
        data: { date: date.text, expected },
        fix: parsed?.exact ? { range: [date.start, date.end], text: expected } : undefined,
      });
    }
    if (!parsed || year === null) return reports;
    const when = ymd(parsed.y, parsed.m, parsed.d);
    const shown = `${parsed.y}年${parsed.m}月${parsed.d}日`;
    if (when < ymd(year + 1, 1, 1)) {
      reports.push({
        messageId: 'early',
        severity: 'warning',
        start: date.start,
        end: date.end,
        data: { date: shown, year },
      });
      return reports;
    }
    const signer = model.closing.signers.map((s) => parseOrgan(s.text));
    const issuer = model.title?.issuer ? parseOrgan(model.title.issuer) : null;
    const department =
      [...signer, ...(issuer ? [issuer] : [])].some((x) => x.organClass === 'department') &&
      !signer.some((x) => x.organClass === 'government' || x.organClass === 'party');
    const [dm, dd] = (department ? o.departmentDeadline : o.deadline).split('-').map(Number) as [
      number,
      number,
    ];
    if (when > ymd(year + 1, dm, dd)) {
      const deadline = `${year + 1}年${dm}月${dd}日`;
      reports.push({
        messageId: 'late',
        severity: 'warning',
        start: date.start,
        end: date.end,
        data: { date: shown, deadline, who: department ? '政府部门的' : '' },
      });
    }
    return reports;
  },
});
