import type { Report } from '../engine/types.js';
import type { Span } from '../model/types.js';
import { defineKind } from './define.js';
import { coreUnit, type OrganName, parseOrgan } from './shared/organ.js';

/**
 * The closing names the issuer (发文机关署名, GB/T 9704): present, the same unit as the title's issuer, the level
 * the body speaks for (我镇 → a 镇), and not another organ (a 司法局 signing a 人民政府's report).
 */
export default defineKind<Record<string, never>>({
  name: 'closing-signer',
  description: '文末署名须存在，并与标题中的发文机关和正文自称一致',
  options: {},
  scope: 'document',
  messages: {
    default: '文末缺少发文机关署名：请在正文后另起一行写明{suggest}',
    issuer: '署名“{signer}”与标题中的发文机关“{issuer}”不一致：落款应为发文机关全称或规范化简称',
    organ: '署名“{signer}”是{signerOrgan}，而标题中的发文机关是{issuerOrgan}“{issuer}”：报告应由发文机关署名',
    level: '署名“{signer}”是{signerLevel}级单位，而正文自称“我{self}”：请核对落款与正文是否为同一单位',
  },
  check(model) {
    const { signers } = model.closing;
    const issuer = model.title?.issuer ?? null;
    if (signers.length === 0) {
      const last = model.closing.lastLine;
      const start = last ? last.start + (last.text.length - last.text.trimStart().length) : 0;
      const end = last ? last.end : Math.min(1, model.text.length);
      return [
        {
          start,
          end,
          data: { suggest: issuer ? `“${issuer}”的全称` : '发文机关全称（如“某某镇人民政府”）' },
        },
      ];
    }
    const parsed = signers.map((s) => ({ span: s, organ: parseOrgan(s.text) }));
    const reports: Report[] = [];
    if (issuer) {
      const want = parseOrgan(issuer);
      const unit = coreUnit(want);
      const sameUnit = (o: OrganName) => {
        const u = coreUnit(o);
        return unit && u ? u === unit : o.organ.includes(issuer) || issuer.includes(strip(o));
      };
      if (!parsed.some((p) => sameUnit(p.organ))) {
        const first = parsed[0] as { span: Span };
        reports.push({
          messageId: 'issuer',
          ...range(first.span),
          data: { signer: first.span.text, issuer },
        });
      } else if (want.organClass && !parsed.some((p) => sameUnit(p.organ) && compatible(p.organ, want))) {
        const p = parsed.find((x) => sameUnit(x.organ)) as { span: Span; organ: OrganName };
        reports.push({
          messageId: 'organ',
          ...range(p.span),
          data: {
            signer: p.span.text,
            issuer,
            signerOrgan: organLabel(p.organ),
            issuerOrgan: organLabel(want),
          },
        });
      }
    }
    const self = model.selfReference;
    if (self && reports.length === 0 && /^(?:省|市|县|区|镇|乡|街道)$/.test(self)) {
      const levels = parsed.map((p) => p.organ.level).filter((l): l is string => l !== null);
      if (levels.length > 0 && !levels.includes(self)) {
        const p = parsed.find((x) => x.organ.level !== null) as { span: Span; organ: OrganName };
        reports.push({
          messageId: 'level',
          ...range(p.span),
          data: { signer: p.span.text, signerLevel: p.organ.level ?? '', self },
        });
      }
    }
    return reports;
  },
});

const strip = (o: OrganName) => o.units.join('') + o.organ;
const range = (s: Span) => ({ start: s.start, end: s.end });

function compatible(signer: OrganName, issuer: OrganName): boolean {
  if (!issuer.organClass || !signer.organClass) return true;
  if (issuer.organClass === 'department' || signer.organClass === 'department')
    return signer.organ === issuer.organ;
  return true; // Party committee and government sign jointly; either is the issuer's own side.
}

function organLabel(o: OrganName): string {
  switch (o.organClass) {
    case 'government':
      return '人民政府';
    case 'party':
      return '党委';
    case 'department':
      return `部门（${o.organ}）`;
    default:
      return o.organ || '单位';
  }
}
