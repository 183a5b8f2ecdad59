import { markedEnd } from '../../output/marked-range.js';
import { el } from './dom.js';
import type { Finding } from './types.js';

interface Piece {
  finding: Finding;
  start: number;
  end: number;
  /** The rest of a finding that an earlier, shorter one cut (overlapping findings nest, never cross). */
  continued: boolean;
}

function order(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end || a.finding.index - b.finding.index;
}

function markOf(p: Piece, current: number | null): HTMLElement {
  const f = p.finding;
  return el('mark', {
    class: `hl sev-${f.severity}${p.start === p.end ? ' point' : ''}${f.index === current ? ' current' : ''}${p.continued ? ' cont' : ''}`,
    'data-rule-id': f.ruleId,
    'data-line': f.line,
    'data-index': f.index,
    ...(p.continued ? { 'data-part': 'continued' } : {}),
  });
}

/**
 * Draws the text with every finding highlighted in place, as elements built from text nodes (never HTML): one
 * `<mark>` per finding (a second one for the part of a finding that crosses the end of another), nested where
 * findings overlap, each carrying `data-rule-id`, `data-line` and `data-index`. A finding without extent (a
 * missing part, reported where the CLI places it) is an empty `<mark class="point">` drawn as a marker; one over
 * several lines is marked on its first line.
 */
export function renderHighlights(
  container: HTMLElement,
  text: string,
  findings: Finding[],
  current: number | null,
): void {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const points: Piece[] = [];
  const ranges: Piece[] = [];
  for (const f of findings) {
    const start = clamp(f.start);
    const end = clamp(Math.max(f.start, markedEnd(text, start, f.end)));
    (start === end ? points : ranges).push({ finding: f, start, end, continued: false });
  }
  points.sort(order);
  let nextPoint = 0;
  /** Text from `from` to `to`, with the point markers that fall inside it. */
  const appendText = (parent: Node, from: number, to: number, last = false) => {
    let at = from;
    while (nextPoint < points.length) {
      const p = points[nextPoint] as Piece;
      if (p.start >= to && !(last && p.start === to)) break;
      if (p.start > at) parent.appendChild(document.createTextNode(text.slice(at, p.start)));
      at = Math.max(at, p.start);
      parent.appendChild(markOf(p, current));
      nextPoint++;
    }
    if (to > at) parent.appendChild(document.createTextNode(text.slice(at, to)));
  };
  const build = (parent: Node, from: number, to: number, list: Piece[], last: boolean) => {
    let pos = from;
    let pending = list.sort(order);
    while (pending.length > 0) {
      const a = pending[0] as Piece;
      appendText(parent, pos, a.start);
      const inner: Piece[] = [];
      const rest: Piece[] = [];
      for (const b of pending.slice(1)) {
        if (b.start >= a.end) rest.push(b);
        else if (b.end <= a.end) inner.push(b);
        else {
          inner.push({ ...b, end: a.end });
          rest.push({ ...b, start: a.end, continued: true });
        }
      }
      const mark = markOf(a, current);
      build(mark, a.start, a.end, inner, false);
      parent.appendChild(mark);
      pos = a.end;
      pending = rest.sort(order);
    }
    appendText(parent, pos, to, last);
  };
  const fragment = document.createDocumentFragment();
  build(fragment, 0, text.length, ranges, true);
  // a textarea shows a last empty line after a final line break; so must the text behind it
  if (text.endsWith('\n') || text === '') fragment.appendChild(document.createTextNode(' '));
  container.replaceChildren(fragment);
}
