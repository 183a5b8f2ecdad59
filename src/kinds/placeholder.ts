import { compilePattern, type Pattern, PatternError } from '../engine/pattern.js';
import type { Report } from '../engine/types.js';
import { hasChar } from '../util/charset.js';
import { defineKind } from './define.js';
import { type ContextTest, contextTest } from './shared/context.js';
import { ignoredOrUrlChecker, presentChars } from './shared/text.js';

/** One kind of blank a template leaves for the drafter to fill. */
export interface PlaceholderEntry {
  /** What it is, for the message (占位符, 填写提示…). */
  name: string;
  /** Where it stands (a regular expression). */
  pattern: string;
  /** Not where the text before it ends with this (如某某: an example, not a blank). */
  notPrecededBy?: string;
  /** Only where the text after it starts with this (某某镇, 某某年). */
  followedBy?: string;
  /** Only in this format: Markdown uses ** and __ for emphasis. */
  format?: 'text' | 'markdown';
  /** Strings one of which every blank of this entry holds: a text without any is not searched (most reports). */
  anyOf?: string[];
}

interface Options {
  placeholders: PlaceholderEntry[];
}

interface Compiled {
  entry: PlaceholderEntry;
  pattern: Pattern;
  notPreceded: ContextTest;
  followed: ContextTest;
}

const KEYS = ['name', 'pattern', 'notPrecededBy', 'followedBy', 'format', 'anyOf'];

/**
 * What a template leaves unfilled: XX万元, ××, ＿＿, 【请填写…】, 某某镇. Each blank is a finding where it stands, in
 * any part of the report but page residue (which web-residue removes whole) and code. No fix: only the drafter
 * knows the figure or the name.
 */
export default defineKind<Options>({
  name: 'placeholder',
  description: '模板中未填写的占位符（XX万元、××、＿＿、【请填写】、某某镇）',
  options: {
    placeholders: {
      type: 'object',
      required: true,
      description: '占位符列表：name、pattern（正则表达式），可选 notPrecededBy、followedBy、format、anyOf',
    },
  },
  messages: { default: '“{found}”是模板中未填写的{name}，请填入实际内容' },
  validate(o) {
    if (!Array.isArray(o.placeholders))
      return [{ option: 'placeholders', message: '“placeholders” 应为列表' }];
    const problems: { option: string; message: string }[] = [];
    for (const [i, e] of (o.placeholders as unknown[]).entries()) {
      const entry = e as Partial<PlaceholderEntry> | null;
      const where = `第 ${i + 1} 项`;
      if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string' || !entry.pattern) {
        problems.push({ option: 'placeholders', message: `${where}缺少 name 或 pattern` });
        continue;
      }
      for (const key of Object.keys(entry))
        if (!KEYS.includes(key))
          problems.push({ option: 'placeholders', message: `${where}（${entry.name}）有未知字段 “${key}”` });
      if (
        entry.anyOf !== undefined &&
        (!Array.isArray(entry.anyOf) || !entry.anyOf.every((x) => typeof x === 'string' && x.length > 0))
      )
        problems.push({
          option: 'placeholders',
          message: `${where}（${entry.name}）的 anyOf 应为非空字符串列表`,
        });
      if (entry.format !== undefined && entry.format !== 'text' && entry.format !== 'markdown')
        problems.push({
          option: 'placeholders',
          message: `${where}（${entry.name}）的 format 应为 text 或 markdown`,
        });
    }
    return problems;
  },
  prepare(o, env): Compiled[] {
    return o.placeholders.map((entry, i) => {
      const where = `placeholders 第 ${i + 1} 项（${entry.name}）的`;
      let pattern: Pattern;
      try {
        pattern = compilePattern(entry.pattern, env.trusted);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        throw new Error(`${where} pattern 无法编译：${e.message}`);
      }
      return {
        entry,
        pattern,
        notPreceded: contextTest(entry.notPrecededBy, 'before', env.trusted, `${where} notPrecededBy `),
        followed: contextTest(entry.followedBy, 'after', env.trusted, `${where} followedBy `),
      };
    });
  },
  check(model, _o, prepared) {
    const compiled = (prepared as Compiled[]).filter(
      (c) => !c.entry.format || (c.entry.format === 'markdown') === (model.format === 'markdown'),
    );
    const text = model.text;
    const ignored = ignoredOrUrlChecker(model);
    const found: Report[] = [];
    // Each anyOf string is asked once, and only when every one of its characters occurs in the text: most are
    // absent, and a search for an absent string reads the whole text (~22 strings, ~40 searches a report before).
    const chars = presentChars(model);
    const occurs = new Map<string, boolean>();
    const holds = (s: string) => {
      let present = occurs.get(s);
      if (present === undefined) {
        present = true;
        for (let i = 0; i < s.length && present; i++) present = hasChar(chars, s.charCodeAt(i));
        present &&= text.includes(s);
        occurs.set(s, present);
      }
      return present;
    };
    for (const c of compiled) {
      if (c.entry.anyOf && !c.entry.anyOf.some(holds)) continue;
      for (const m of c.pattern.findAll(text)) {
        if (ignored(m.start) || ignored(m.end - 1)) continue;
        if (model.residueLines.has(model.lineAt(m.start).number)) continue;
        if (c.notPreceded?.(text, m.start) || (c.followed && !c.followed(text, m.end))) continue;
        found.push({ start: m.start, end: m.end, data: { found: m.text, name: c.entry.name } });
      }
    }
    // One finding per place: 【请填写XX】 is one blank, not two.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const reports: Report[] = [];
    let lastEnd = -1;
    for (const r of found) {
      if (r.start < lastEnd) continue;
      reports.push(r);
      lastEnd = r.end;
    }
    return reports;
  },
});
