/**
 * Offsets (UTF-16 code units, as the engine reports them) ⇄ LSP positions in the negotiated encoding.
 * LSP lines end at \n, \r\n or \r; a position's character counts code units of that encoding on its line.
 */

export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** Line starts of a text, computed once per text (a document version). */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where `line` ends, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number, encoding: PositionEncoding = 'utf-16'): LspPosition {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    const start = this.starts[line] as number;
    const end = Math.min(o, this.lineEnd(line));
    return { line, character: measure(this.text, start, end, encoding) };
  }

  rangeOf(start: number, end: number, encoding: PositionEncoding = 'utf-16'): LspRange {
    return { start: this.positionAt(start, encoding), end: this.positionAt(end, encoding) };
  }

  /** Offset of a position; characters past the line end clamp to it, lines past the end to the text end. */
  offsetAt(position: LspPosition, encoding: PositionEncoding = 'utf-16'): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] as number;
    const end = this.lineEnd(position.line);
    const want = Math.max(0, position.character);
    if (encoding === 'utf-16') return Math.min(start + want, end);
    let units = 0;
    let i = start;
    while (i < end && units < want) {
      const cp = this.text.codePointAt(i) as number;
      const width = cp > 0xffff ? 2 : 1;
      units += encoding === 'utf-8' ? utf8Length(cp) : 1;
      if (units > want) break;
      i += width;
    }
    return i;
  }
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Length of text[from, to) in code units of `encoding`. */
function measure(text: string, from: number, to: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return to - from;
  let n = 0;
  for (let i = from; i < to; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    n += encoding === 'utf-8' ? utf8Length(cp) : 1;
  }
  return n;
}

/** The client's preferred encoding among those we support (LSP 3.17: the list is in decreasing preference). */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const e of offered ?? []) if (e === 'utf-16' || e === 'utf-8' || e === 'utf-32') return e;
  return 'utf-16';
}
