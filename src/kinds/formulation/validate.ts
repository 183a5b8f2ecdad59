import { normalize } from './alphabet.js';
import type { EnumerationEntry, FormulationEntry, Options } from './types.js';

/** What the option schema cannot say about `formulations` and `ordered`: fields, types, fixes that would loop. */
export function validateFormulations(o: Options): { option: string; message: string }[] {
  const problems: { option: string; message: string }[] = [];
  if (!Array.isArray(o.formulations)) return [{ option: 'formulations', message: '“formulations” 应为列表' }];
  for (const [i, e] of (o.formulations as unknown[]).entries()) {
    const where = `第 ${i + 1} 项`;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof (e as FormulationEntry).term !== 'string' ||
      (e as FormulationEntry).term.length === 0
    ) {
      problems.push({ option: 'formulations', message: `${where}缺少 term（规范表述的准确写法）` });
      continue;
    }
    const f = e as FormulationEntry;
    for (const key of Object.keys(f)) {
      if (
        ![
          'term',
          'variants',
          'allow',
          'maxDistance',
          'maxWordDistance',
          'held',
          'since',
          'notAfter',
          'fix',
        ].includes(key)
      ) {
        problems.push({ option: 'formulations', message: `${where}（${f.term}）有未知字段 “${key}”` });
      }
    }
    for (const key of ['variants', 'allow', 'notAfter'] as const) {
      const v = f[key];
      if (v !== undefined && (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length > 0))) {
        problems.push({
          option: 'formulations',
          message: `${where}（${f.term}）的 ${key} 应为非空字符串列表`,
        });
      }
    }
    for (const v of f.variants ?? []) {
      if (normalize(f.term).includes(normalize(v)))
        problems.push({
          option: 'formulations',
          message: `${where}：错误写法“${v}”包含在规范表述“${f.term}”中，修复会永不停止`,
        });
    }
    if (f.held !== undefined && !/^\d{4}-\d{2}$/.test(String(f.held)))
      problems.push({ option: 'formulations', message: `${where}（${f.term}）的 held 应写作 YYYY-MM` });
    for (const key of ['maxDistance', 'maxWordDistance', 'since'] as const) {
      const v = f[key];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || !Number.isInteger(v)))
        problems.push({ option: 'formulations', message: `${where}（${f.term}）的 ${key} 应为非负整数` });
    }
    if ((f.maxDistance ?? 0) > 0 && f.term.length < 5)
      problems.push({
        option: 'formulations',
        message: `${where}（${f.term}）太短，不能做近似匹配（maxDistance 应为 0）`,
      });
  }
  if (
    !Array.isArray(o.ordered) ||
    !o.ordered.every(
      (s) => Array.isArray(s) && s.length >= 2 && s.every((x) => typeof x === 'string' && x.length > 0),
    )
  ) {
    problems.push({ option: 'ordered', message: '“ordered” 应为列表的列表，每项至少两个非空字符串' });
  }
  problems.push(...validateEnumerations(o.enumerations));
  return problems;
}

const ENUMERATION_KEYS = [
  'members',
  'standard',
  'source',
  'variants',
  'minShared',
  'subset',
  'held',
  'until',
];

function validateEnumerations(list: unknown): { option: string; message: string }[] {
  if (!Array.isArray(list)) return [{ option: 'enumerations', message: '“enumerations” 应为列表' }];
  const problems: string[] = [];
  const text = (x: unknown) => typeof x === 'string' && x.length > 0;
  for (const [i, raw] of list.entries()) {
    const e = raw as Partial<EnumerationEntry> | null;
    const where = `第 ${i + 1} 项`;
    if (typeof e !== 'object' || e === null || !Array.isArray(e.members) || e.members.length < 2) {
      problems.push(`${where}的 members 应为至少两项的列表`);
      continue;
    }
    if (!e.members.every(text)) problems.push(`${where}的 members 应为非空字符串`);
    const name = `${where}（${e.members.join('、')}）`;
    for (const key of Object.keys(e))
      if (!ENUMERATION_KEYS.includes(key)) problems.push(`${name}有未知字段 “${key}”`);
    for (const key of ['standard', 'source'] as const)
      if (e[key] !== undefined && !text(e[key])) problems.push(`${name}的 ${key} 应为非空字符串`);
    for (const [member, forms] of Object.entries(e.variants ?? {})) {
      if (!e.members.includes(member)) problems.push(`${name}的 variants 中“${member}”不是 members 之一`);
      if (!Array.isArray(forms) || !forms.every(text))
        problems.push(`${name}的 variants.${member} 应为字符串列表`);
    }
    const n = e.minShared;
    if (n !== undefined && (!Number.isInteger(n) || n < 2 || n > e.members.length))
      problems.push(`${name}的 minShared 应为 2 到 ${e.members.length} 之间的整数`);
    if (e.subset !== undefined && typeof e.subset !== 'boolean')
      problems.push(`${name}的 subset 应为 true 或 false`);
    if (e.held !== undefined && !/^\d{4}-\d{2}$/.test(String(e.held)))
      problems.push(`${name}的 held 应写作 YYYY-MM`);
    if (e.until !== undefined && !Number.isInteger(e.until)) problems.push(`${name}的 until 应为年份`);
  }
  return problems.map((message) => ({ option: 'enumerations', message }));
}
