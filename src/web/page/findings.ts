import { type Detail, type Finding, type JsonResult, SEVERITY } from './types.js';

/** Line breaks as a textarea holds them (\n): the offsets of removed \r of \r\n, to move offsets along. */
export function normalizeBreaks(text: string): { text: string; map(offset: number): number } {
  const removed: number[] = [];
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) removed.push(i);
  }
  const normalized = text.replace(/\r\n?/g, '\n');
  return {
    text: normalized,
    map(offset) {
      let lo = 0;
      let hi = removed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((removed[mid] as number) < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset - lo;
    },
  };
}

/** The findings of one lint response, with offsets moved into the page's text. */
export function findingsOf(result: JsonResult, detail: Detail, map: (offset: number) => number): Finding[] {
  return result.messages.map((m, index) => {
    const [start, end] = detail.offsets[index] ?? [0, 0];
    const f: Finding = {
      index,
      ruleId: m.ruleId,
      severity: SEVERITY[m.severity],
      message: m.message,
      line: m.line,
      column: m.column,
      start: map(start),
      end: map(end),
      column_: detail.columns[index] ?? m.ruleId,
    };
    if (m.fix) f.fix = { start: map(m.fix.range[0]), end: map(m.fix.range[1]), text: m.fix.text };
    return f;
  });
}

/**
 * Moves findings across an edit of the text (the changed span found by common prefix and suffix) until the
 * server's next answer: findings before the edit stay, those after it shift, those it touched are dropped.
 */
export function shiftFindings(before: string, after: string, findings: Finding[]): Finding[] {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  const delta = endA - endB;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.end <= start && !(f.start === f.end && f.start === start && endB > start)) out.push(f);
    else if (f.start >= endB) {
      const moved: Finding = { ...f, start: f.start + delta, end: f.end + delta };
      if (f.fix) moved.fix = { ...f.fix, start: f.fix.start + delta, end: f.fix.end + delta };
      out.push(moved);
    }
  }
  return out;
}

/** The narrowest finding at an offset (the one a click in the text means). */
export function findingAt(findings: Finding[], offset: number): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) {
    const inside = f.start === f.end ? offset === f.start : offset >= f.start && offset <= f.end;
    if (inside && (!best || f.end - f.start < best.end - best.start)) best = f;
  }
  return best;
}
