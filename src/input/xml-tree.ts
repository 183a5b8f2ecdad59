import { decodeEntities, scanTags } from './xml.js';

/**
 * An element tree of an Office XML part that keeps every element's offsets in the source, so a writer can copy
 * what it does not change byte for byte and rewrite only the elements it edits. Names are canonical: the prefix
 * is the one Office's namespaces conventionally use ('w:p' whatever prefix the file binds to WordprocessingML),
 * resolved through the xmlns declarations in scope, as a namespace-aware parser would.
 */

export interface XmlNode {
  /** Canonical name: 'w:p', 'mc:Fallback', 'w14:checkbox'; '{uri}local' for other namespaces. */
  name: string;
  /** The name as written in the file. */
  qname: string;
  /** `<` of the start tag. */
  start: number;
  /** Just after the start tag's `>`. */
  openEnd: number;
  /** `<` of the end tag (equals `openEnd` and `end` for an empty element). */
  closeStart: number;
  /** Just after the end tag. */
  end: number;
  selfClosing: boolean;
  rawAttributes: string;
  children: XmlNode[];
  parent: XmlNode | null;
  /** Attributes by canonical name, parsed on first use. */
  attributesCache?: Record<string, string>;
  /** Namespace bindings in scope, when this element declares any. */
  scope: Map<string, string>;
}

/** Canonical prefixes of the namespaces the Word reader and writer look at (transitional and strict). */
const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** A part that is not well-formed XML: where, in Chinese, for the message the user sees. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  readonly line: number;
  readonly column: number;
  constructor(message: string, xml: string, offset: number) {
    super(message);
    ({ line: this.line, column: this.column } = lineColumn(xml, offset));
  }
}

const XMLNS = /xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function canonical(qname: string, scope: Map<string, string>, isAttribute: boolean): string {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  // Unprefixed attributes are in no namespace; the xml prefix is always bound.
  if (prefix === '' && isAttribute) return local;
  if (prefix === 'xml') return qname;
  const uri = scope.get(prefix);
  if (uri === undefined) return qname;
  const mapped = CANONICAL[uri];
  if (mapped !== undefined) return `${mapped}:${local}`;
  return `{${uri}}${local}`;
}

/**
 * Parse into a tree with offsets. Comments, CDATA, processing instructions and the declaration are skipped. Throws
 * XmlSyntaxError for an end tag that does not close the open element, or an element left open at the end.
 */
export function parseXmlTree(xml: string): XmlNode {
  const empty = new Map<string, string>();
  const root: XmlNode = {
    name: '#document',
    qname: '#document',
    start: 0,
    openEnd: 0,
    closeStart: xml.length,
    end: xml.length,
    selfClosing: false,
    rawAttributes: '',
    children: [],
    parent: null,
    scope: empty,
  };
  let current = root;
  scanTags(xml, (tag) => {
    if (tag.closing) {
      if (current === root || current.qname !== tag.name) {
        const expected = current === root ? '' : `，应为 </${current.qname}>`;
        throw new XmlSyntaxError(`结束标记 </${tag.name}> 没有对应的开始标记${expected}`, xml, tag.start);
      }
      current.closeStart = tag.start;
      current.end = tag.end;
      current = current.parent as XmlNode;
      return;
    }
    let scope = current.scope;
    if (tag.rawAttributes.includes('xmlns')) {
      XMLNS.lastIndex = 0;
      for (let m = XMLNS.exec(tag.rawAttributes); m !== null; m = XMLNS.exec(tag.rawAttributes)) {
        if (scope === current.scope) scope = new Map(scope);
        scope.set(m[1] ?? '', decodeEntities(m[2] ?? m[3] ?? ''));
      }
    }
    const node: XmlNode = {
      name: canonical(tag.name, scope, false),
      qname: tag.name,
      start: tag.start,
      openEnd: tag.end,
      closeStart: tag.end,
      end: tag.end,
      selfClosing: tag.selfClosing,
      rawAttributes: tag.rawAttributes,
      children: [],
      parent: current,
      scope,
    };
    current.children.push(node);
    if (!tag.selfClosing) current = node;
  });
  if (current !== root) {
    throw new XmlSyntaxError(`<${current.qname}> 没有结束标记`, xml, current.start);
  }
  return root;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of an element by canonical name ('w:val', 'r:id', 'w14:val'). */
export function attributes(node: XmlNode): Record<string, string> {
  if (node.attributesCache) return node.attributesCache;
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(node.rawAttributes); m !== null; m = ATTRIBUTE.exec(node.rawAttributes)) {
    const name = m[1] as string;
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    out[canonical(name, node.scope, true)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  node.attributesCache = out;
  return out;
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  return node ? attributes(node)[name] : undefined;
}

export function firstChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The decoded character data directly inside an element (entities resolved, line ends normalised as XML does). */
export function textContent(xml: string, node: XmlNode): string {
  if (node.selfClosing) return '';
  let raw = xml.slice(node.openEnd, node.closeStart);
  if (raw.includes('<')) {
    // Only character data and CDATA sections count; nested markup (never inside w:t) is dropped.
    raw = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>/g, (_, cdata: string | undefined) =>
      cdata === undefined ? '' : cdata.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
    );
  }
  return decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
}

/** 1-based line and column of an offset, for messages about a part. */
export function lineColumn(xml: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = xml.indexOf('\n'); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
