import type { Report } from '../engine/types.js';
import type { DocumentModel, Heading, Section } from '../model/types.js';
import { defineKind } from './define.js';
import { chineseNumeral } from './shared/text.js';

/** The marker as it should read with another ordinal, in the writer's own form: 三、→二、 (3)→(2) 3．→2． 其三是→其二是. */
function withOrdinal(h: Heading, n: number): string {
  if (h.style === 'arabic' || h.style === 'paren-arabic') {
    return h.marker.replace(/[0-9０-９]+/u, (d) =>
      /[０-９]/u.test(d)
        ? String(n).replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0))
        : String(n),
    );
  }
  return h.marker.replace(/[一二三四五六七八九十]+/u, chineseNumeral(n));
}

/** A Markdown ordered list item (1. xxx): Markdown numbers it itself, so 1. 1. 1. is no defect. */
function isMarkdownListItem(model: DocumentModel, h: Heading): boolean {
  if (model.format !== 'markdown' || (h.style !== 'arabic' && h.style !== 'paren-arabic')) return false;
  const line = model.lines[h.paragraph.line - 1]?.text ?? '';
  return /^ {0,3}(?:> ?)*\d{1,9}[.)](?:[ \t]|$)/.test(line);
}

function report(h: Heading, previous: Heading | null, expected: number): Report {
  const start = h.markerStart;
  const end = start + h.marker.length;
  const want = withOrdinal(h, expected);
  const ordinal = h.ordinal as number;
  if (!previous) return { messageId: 'start', start, end, data: { marker: h.marker, expected: want } };
  const messageId =
    ordinal === previous.ordinal
      ? 'repeat'
      : ordinal < (previous.ordinal as number)
        ? 'backwards'
        : undefined;
  return {
    messageId,
    start,
    end,
    data: { marker: h.marker, previous: previous.marker, expected: want },
  };
}

function walk(section: Section, visit: (s: Section) => void): void {
  visit(section);
  for (const c of section.children) walk(c, visit);
}

/**
 * Numbering runs 1, 2, 3 within its parent (GB/T 9704 结构层次序数 一、（一）1.（1）): each family of markers
 * restarts under every parent section. Enumeration leads 一是、二是 run through the paragraphs of one section — across
 * paragraphs, as reports write them — and restart at each 一是 and in each section.
 */
export default defineKind({
  name: 'enumeration-sequence',
  description: '结构层次序数和“一是、二是”须在同一上级内连续编号，不跳号、不重复、不倒退（GB/T 9704）',
  options: {},
  messages: {
    default: '序号“{marker}”跳号：前一个是“{previous}”，此处应为“{expected}”',
    repeat: '序号“{marker}”与前一个重复：此处应为“{expected}”',
    backwards: '序号“{marker}”倒退：前一个是“{previous}”，此处应为“{expected}”',
    start: '序号从“{marker}”开始：同一层级应从“{expected}”起编号',
    marker: '序号“{marker}”不规范：第三层序数用阿拉伯数字加下脚点，应写作“{expected}”（GB/T 9704）',
    ending: '标题“{heading}”末尾{mark}，同级的{siblings}末尾{others}：同级标题的标点应一致',
  },
  check(model) {
    const reports: Report[] = [];
    walk(model.root, (section) => {
      const last = new Map<string, Heading>();
      for (const child of section.children) {
        const h = child.heading;
        if (
          !h ||
          h.ordinal === null ||
          h.style === 'markdown' ||
          h.style === 'style' ||
          isMarkdownListItem(model, h)
        )
          continue;
        const key = h.style;
        const previous = last.get(key) ?? null;
        const expected = previous ? (previous.ordinal as number) + 1 : 1;
        if (h.ordinal !== expected) reports.push(report(h, previous, expected));
        last.set(key, h);
      }
    });

    const lastLead = new Map<Section, Heading>();
    for (const e of model.enumerations) {
      if (e.ordinal === null) continue;
      const section = model.sectionAt(e.markerStart);
      const previous = lastLead.get(section) ?? null;
      lastLead.set(section, e);
      if (e.ordinal === 1) continue; // 一是 opens a new run (主要表现为：一是…… 原因在于：一是……)
      if (!previous) {
        // The run may have begun where the model sees no lead (……，一是……。二是……).
        if (!model.text.slice(section.start, e.markerStart).includes('一是'))
          reports.push(report(e, null, 1));
        continue;
      }
      const expected = (previous.ordinal as number) + 1;
      if (e.ordinal !== expected) reports.push(report(e, previous, expected));
    }
    reports.push(...markerForms(model), ...headingEnds(model));
    return reports.sort((a, b) => a.start - b.start);
  },
});

/**
 * 1、 for 1. (GB/T 9704 结构层次序数: 一、（一）1.（1）): the fix writes the document's own full stop of numbers
 * (．when its other arabic headings use it, else .).
 */
function markerForms(model: DocumentModel): Report[] {
  const arabic = model.headings.filter((h) => h.style === 'arabic' && !isMarkdownListItem(model, h));
  const wrong = arabic.filter((h) => h.marker.endsWith('、'));
  if (wrong.length === 0) return [];
  const full = arabic.filter((h) => h.marker.endsWith('．')).length;
  const half = arabic.filter((h) => h.marker.endsWith('.')).length;
  const dot = full > half ? '．' : '.';
  return wrong.map((h) => {
    const start = h.markerStart + h.marker.length - 1;
    const expected = `${h.marker.slice(0, -1)}${dot}`;
    return {
      messageId: 'marker',
      start: h.markerStart,
      end: start + 1,
      severity: 'warning',
      data: { marker: h.marker, expected },
      fix: { range: [start, start + 1], text: dot },
    };
  });
}

/** Marks a heading may end with, by the full-width form they count as. */
const END_MARKS: Record<string, string> = {
  '。': '。',
  '．': '。',
  '.': '。',
  '；': '；',
  ';': '；',
  '，': '，',
  ',': '，',
  '：': '：',
  ':': '：',
  '！': '！',
  '!': '！',
  '？': '？',
  '?': '？',
};

/** The mark a heading ends with ('' for none) and where it stands: the stop of a run-in heading, or its last character. */
function endMark(model: DocumentModel, h: Heading): { mark: string; at: number } {
  if (h.runIn) return { mark: END_MARKS[model.text[h.span.end] ?? ''] ?? '', at: h.span.end };
  const last = h.paragraph.end - 1;
  return { mark: END_MARKS[model.text[last] ?? ''] ?? '', at: last };
}

/**
 * A heading whose end differs from most of its siblings': （三）…。 where （一） and （二） end without a mark, or the
 * other way round. Only a strict majority of at least two speaks; where standalone headings end without a mark, the
 * stray mark of a standalone one is removed by the fix (a run-in heading's mark separates it from its text).
 */
function headingEnds(model: DocumentModel): Report[] {
  const reports: Report[] = [];
  walk(model.root, (section) => {
    const byStyle = new Map<string, Heading[]>();
    for (const child of section.children) {
      const h = child.heading;
      if (h && h.style !== 'enum') byStyle.set(h.style, [...(byStyle.get(h.style) ?? []), h]);
    }
    for (const siblings of byStyle.values()) {
      const ends = siblings.map((h) => endMark(model, h));
      const counts = new Map<string, number>();
      for (const e of ends) counts.set(e.mark, (counts.get(e.mark) ?? 0) + 1);
      const [usual, n] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
      if (n < 2 || n * 2 <= siblings.length) continue;
      const others = siblings.filter((_, k) => ends[k]?.mark === usual).map((h) => `“${h.marker || h.text}”`);
      for (const [k, h] of siblings.entries()) {
        const end = ends[k] as { mark: string; at: number };
        if (end.mark === usual) continue;
        const stop = end.mark ? end.at + 1 : h.runIn ? h.span.end : h.paragraph.end;
        const removable = end.mark !== '' && usual === '' && !h.runIn;
        reports.push({
          messageId: 'ending',
          start: h.markerStart,
          end: stop,
          severity: 'warning',
          data: {
            heading: model.text.slice(h.markerStart, end.mark ? end.at : stop),
            mark: end.mark ? `用了“${end.mark}”` : '没有标点',
            siblings: others.join(''),
            others: usual ? `用“${usual}”` : '没有标点',
          },
          fix: removable ? { range: [end.at, end.at + 1], text: '' } : undefined,
        });
      }
    }
  });
  return reports;
}
