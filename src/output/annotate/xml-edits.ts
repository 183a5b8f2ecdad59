/**
 * Edits of an XML part as text: insertions at offsets and replacements of ranges, applied in one pass so everything
 * between them is copied byte for byte.
 */

export interface Insertion {
  offset: number;
  /** Order among insertions at one offset (lower first); ties keep the order they were added in. */
  rank: number;
  text: string;
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export class XmlEdits {
  private readonly insertions: (Insertion & { seq: number })[] = [];
  private readonly replacements: Replacement[] = [];

  insert(offset: number, rank: number, text: string): void {
    if (text) this.insertions.push({ offset, rank, text, seq: this.insertions.length });
  }

  /** Replace [start, end); replacements must not overlap. */
  replace(start: number, end: number, text: string): void {
    this.replacements.push({ start, end, text });
  }

  get size(): number {
    return this.insertions.length + this.replacements.length;
  }

  /**
   * The edited text. An insertion at an offset comes before a replacement that starts there and after one that ends
   * there; an insertion strictly inside a replaced range is an error.
   */
  apply(xml: string): string {
    const insertions = [...this.insertions].sort(
      (a, b) => a.offset - b.offset || a.rank - b.rank || a.seq - b.seq,
    );
    const replacements = [...this.replacements].sort((a, b) => a.start - b.start);
    const out: string[] = [];
    let cursor = 0;
    let i = 0;
    for (const r of replacements) {
      if (r.start < cursor) throw new Error(`overlapping replacements at ${r.start}`);
      for (; i < insertions.length && (insertions[i] as Insertion).offset <= r.start; i++) {
        const ins = insertions[i] as Insertion;
        out.push(xml.slice(cursor, ins.offset), ins.text);
        cursor = ins.offset;
      }
      if (i < insertions.length && (insertions[i] as Insertion).offset < r.end) {
        throw new Error(`insertion inside a replaced range at ${(insertions[i] as Insertion).offset}`);
      }
      out.push(xml.slice(cursor, r.start), r.text);
      cursor = r.end;
    }
    for (; i < insertions.length; i++) {
      const ins = insertions[i] as Insertion;
      out.push(xml.slice(cursor, ins.offset), ins.text);
      cursor = ins.offset;
    }
    out.push(xml.slice(cursor));
    return out.join('');
  }
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}
