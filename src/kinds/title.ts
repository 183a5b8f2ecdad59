import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import { defineKind } from './define.js';
import { bodyUnitName, governmentOf } from './shared/organ.js';

interface Options {
  subject: string;
  doctype: string;
}

/** A level or organ word where the issuer's name belongs, before the year or 关于. */
const BARE_ISSUER =
  /^(?:本|我|全)?(?:省|市|县|区|镇|乡|街道)?(?:人民政府|政府|办事处|街道办事处)?(?=关于|\d{4}|[〇零一二三四五六七八九]{4})/u;

const PART_NAME: Record<string, string> = {
  issuer: '发文机关',
  year: '年度',
  subject: '事由',
  doctype: '文种',
};

/**
 * The issuer to suggest: the title's, else the government among the signers, else the last signer, else the
 * government of the unit the body names as its own (红土乡 for a body saying 我乡 → 红土乡人民政府).
 */
function issuerOf(model: DocumentModel): string {
  if (model.title?.issuer) return model.title.issuer;
  const signers = model.closing.signers.map((s) => s.text.replace(/[\s\u00a0\u3000]+/gu, ''));
  const signer = signers.find((s) => s.endsWith('政府')) ?? signers[signers.length - 1];
  if (signer) return signer;
  const unit = bodyUnitName(model.paragraphs, model.selfReference);
  return unit ? governmentOf(unit) : '（发文机关）';
}

/**
 * The title line: present, and naming issuer, year, subject and document type (《党政机关公文处理工作条例》: a title
 * consists of the issuer's name, the subject and the document type; the year tells which annual report it is).
 */
export default defineKind<Options>({
  name: 'title',
  description: '报告须有标题，且标题写明发文机关、年度、事由（法治政府建设）和文种（报告）',
  options: {
    subject: { type: 'regex', default: '法治政府建设', description: '标题须含的事由' },
    doctype: { type: 'regex', default: '报告', description: '标题须含的文种' },
  },
  scope: 'document',
  messages: {
    default: '缺少标题：报告首行应写明发文机关、年度、事由和文种，如“{example}”',
    incomplete:
      '标题缺少{parts}：公文标题由发文机关名称、事由和文种组成，年度报告还应写明年度，如“{example}”',
  },
  prepare(o) {
    return { subject: new RegExp(o.subject, 'u'), doctype: new RegExp(o.doctype, 'u') };
  },
  check(model, _o, prepared) {
    const re = prepared as { subject: RegExp; doctype: RegExp };
    const year = model.title?.year ?? model.year;
    const example = `${issuerOf(model)}${year ?? 'XXXX'}年法治政府建设情况报告`;
    const title = model.title;
    if (!title) {
      const first = model.paragraphs.find((p) => p.role !== 'residue' && p.role !== 'title');
      if (!first) return [];
      const line = model.lines[first.line - 1];
      const end = line ? Math.min(first.end, line.end) : first.end;
      return [{ start: first.start, end, data: { example } }];
    }
    const missing: string[] = [];
    if (!title.issuer) missing.push('issuer');
    if (title.year === null) missing.push('year');
    if (!re.subject.test(title.span.text)) missing.push('subject');
    if (!re.doctype.test(title.span.text)) missing.push('doctype');
    if (missing.length === 0) return [];
    const parts = missing.map((m) => PART_NAME[m]).join('、');
    // Only the issuer missing: the drafter's own title with the issuer before it (…关于2023年…的报告 keeps its form),
    // in place of a bare level word that stood for it (街道2024年… → 青山街道办事处2024年…).
    const suggestion =
      missing.length === 1 && missing[0] === 'issuer'
        ? `${issuerOf(model)}${title.span.text.replace(BARE_ISSUER, '')}`
        : example;
    const report: Report = {
      messageId: 'incomplete',
      start: title.span.start,
      end: title.span.end,
      data: { missing: missing.join(','), parts, example: suggestion },
    };
    return [report];
  },
});
