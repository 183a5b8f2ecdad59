/**
 * A tiny tolerant XML reader for the parts of a .docx we need beyond mammoth (numbering, styles,
 * paragraph properties). Elements only: text content is ignored. Office XML is machine-written,
 * so tags, quoted attributes, comments, CDATA and processing instructions are all it needs.
 */

export interface XmlTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Offsets of the tag in the source: [start, end). */
  start: number;
  end: number;
  rawAttributes: string;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Call `onTag` for every start, end and empty-element tag, in order. */
export function scanTags(xml: string, onTag: (tag: XmlTag) => void): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const name = m[2];
    if (name === undefined) continue;
    onTag({
      name,
      closing: m[1] === '/',
      selfClosing: m[4] === '/',
      start: m.index,
      end: m.index + m[0].length,
      rawAttributes: m[3] ?? '',
    });
  }
}

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity[0] === '#') {
      const cp =
        entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? whole;
  });
}

export function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m !== null; m = ATTRIBUTE.exec(raw)) {
    attributes[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attributes;
}

/** Parse into an element tree (unbalanced end tags are tolerated). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  scanTags(xml, (tag) => {
    if (tag.closing) {
      const at = stack.findLastIndex((e) => e.name === tag.name);
      if (at > 0) stack.length = at;
      return;
    }
    const element: XmlElement = {
      name: tag.name,
      attributes: parseAttributes(tag.rawAttributes),
      children: [],
    };
    (stack[stack.length - 1] as XmlElement).children.push(element);
    if (!tag.selfClosing) stack.push(element);
  });
  return root;
}

export const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/**
 * The prefix bound to the WordprocessingML namespace in this part ('w' in practice; '' for a
 * default namespace), read from the namespace declarations.
 */
export function wordPrefix(xml: string): string {
  const declaration = /xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g;
  for (let m = declaration.exec(xml); m !== null; m = declaration.exec(xml)) {
    if (WORD_NAMESPACES.includes(m[2] as string)) return m[1] ?? '';
  }
  return 'w';
}

/** Qualified-name helper for a prefix: q('p') → 'w:p'. */
export function qualifier(prefix: string): (local: string) => string {
  return prefix ? (local) => `${prefix}:${local}` : (local) => local;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function descendants(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}
