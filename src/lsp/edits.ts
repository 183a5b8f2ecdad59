import type { TextEdit } from 'vscode-languageserver/node';
import { LineIndex, type PositionEncoding } from './positions.js';

/** The smallest single edit turning `before` into `after`, as offsets. */
export function minimalEdit(
  before: string,
  after: string,
): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // never split a surrogate pair
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1] as string)) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && /[\uDC00-\uDFFF]/.test(before[endB] as string)) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

export function textEdit(
  index: LineIndex,
  start: number,
  end: number,
  text: string,
  encoding: PositionEncoding,
): TextEdit {
  return { range: index.rangeOf(start, end, encoding), newText: text };
}

/** The edit turning a whole text into another, as one minimal TextEdit (null when equal). */
export function wholeTextEdit(before: string, after: string, encoding: PositionEncoding): TextEdit | null {
  const e = minimalEdit(before, after);
  return e ? textEdit(new LineIndex(before), e.start, e.end, e.text, encoding) : null;
}

export function shorten(s: string, max = 24): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
