/**
 * A unified diff of two texts by lines (Myers' O(ND) algorithm, so a few fixes in a long report stay cheap),
 * for `--fix-dry-run`.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const ops = editScript(a, b);
  const lines: string[] = [`--- ${path}`, `+++ ${path}（修复后）`];
  let i = 0;
  while (i < ops.length) {
    if ((ops[i] as Op).type === '=') {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < context && (ops[start - 1] as Op).type === '=') start--;
    let end = i;
    for (;;) {
      while (end < ops.length && (ops[end] as Op).type !== '=') end++;
      let gap = end;
      while (gap < ops.length && (ops[gap] as Op).type === '=' && gap - end < context * 2) gap++;
      if (gap < ops.length && (ops[gap] as Op).type !== '=') end = gap;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const first = hunk[0] as Op;
    const aLen = hunk.filter((o) => o.type !== '+').length;
    const bLen = hunk.filter((o) => o.type !== '-').length;
    lines.push(`@@ -${first.ai + 1},${aLen} +${first.bi + 1},${bLen} @@`);
    for (const o of hunk) lines.push(`${o.type === '=' ? ' ' : o.type}${o.text}`);
    i = end;
  }
  return `${lines.join('\n')}\n`;
}

export interface Op {
  type: '=' | '-' | '+';
  text: string;
  /** Index in `a` (for '+': where the insertion goes) and in `b`. */
  ai: number;
  bi: number;
}

/** The shortest edit script from `a` to `b` (Myers' O(ND) algorithm). */
export function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1))
          ? (v.get(k + 1) ?? 0)
          : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Map<number, number>;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ type: '=', text: a[x] as string, ai: x, bi: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ type: '+', text: b[prevY] as string, ai: x, bi: prevY });
      else ops.push({ type: '-', text: a[prevX] as string, ai: prevX, bi: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/**
 * The smallest replacements turning `before` into `after`, by UTF-16 code unit: `[start, end)` of `before` and the
 * text that replaces it. A fix that rewrites a whole sentence to change two marks gives two small replacements.
 */
export function replacements(before: string, after: string): { start: number; end: number; text: string }[] {
  const ops = editScript(before.split(''), after.split(''));
  const out: { start: number; end: number; text: string }[] = [];
  let current: { start: number; end: number; text: string } | null = null;
  for (const op of ops) {
    if (op.type === '=') {
      current = null;
      continue;
    }
    if (!current) {
      current = { start: op.ai, end: op.ai, text: '' };
      out.push(current);
    }
    if (op.type === '-') current.end = op.ai + 1;
    else current.text += op.text;
  }
  return out;
}
