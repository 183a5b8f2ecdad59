import { relationshipTarget } from '../../input/docx.js';
import { attribute, parseXmlTree, type XmlNode } from '../../input/xml-tree.js';
import { escapeXmlAttribute, escapeXmlText, XmlEdits } from './xml-edits.js';

/**
 * The package parts around the document body: comments.xml (created, or extended), its relationship and content
 * type (added only when missing), fresh ids, and the removal of fazhi-lint's own earlier comments and changes.
 */

const W_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_TRANSITIONAL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export interface CommentText {
  id: number;
  /** Paragraphs of the comment. */
  paragraphs: string[];
}

/** Visits elements in document order; `visit` returns false to skip an element's descendants. */
function walk(node: XmlNode, visit: (n: XmlNode) => boolean): void {
  for (const c of node.children) if (visit(c)) walk(c, visit);
}

/** The prefix an element was written with ('w' for 'w:comments'), as a qualifier. */
function qualifierOf(node: XmlNode | undefined): (local: string) => string {
  const qname = node?.qname ?? 'w:x';
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return prefix ? (local) => `${prefix}:${local}` : (local) => local;
}

/** Parts whose w:id values share one space with the comments and tracked changes of the body. */
export const ID_PARTS = ['comments', 'header', 'footer', 'footnotes', 'endnotes'];

/** The largest numeric id (w:id and the like) in some XML parts, so new ones never collide. */
export function largestId(parts: (string | undefined)[]): number {
  let max = 0;
  const pattern = /\b(?:[\w.-]+:)?id="(\d{1,9})"/g;
  for (const xml of parts) {
    if (!xml) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(xml); m !== null; m = pattern.exec(xml)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** comments.xml with these comments added before its end (or a new part when there is none). */
export function writeComments(
  existing: string | undefined,
  comments: CommentText[],
  stamp: { author: string; initials: string; date: string },
): string {
  const render = (q: (local: string) => string) =>
    comments
      .map((c) => {
        const paragraphs = c.paragraphs
          .map(
            (text, i) =>
              `<${q('p')}>${i === 0 ? `<${q('r')}><${q('annotationRef')}/></${q('r')}>` : ''}<${q('r')}><${q('t')} xml:space="preserve">${escapeXmlText(text)}</${q('t')}></${q('r')}></${q('p')}>`,
          )
          .join('');
        return `<${q('comment')} ${q('id')}="${c.id}" ${q('author')}="${escapeXmlAttribute(stamp.author)}" ${q('date')}="${stamp.date}" ${q('initials')}="${escapeXmlAttribute(stamp.initials)}">${paragraphs}</${q('comment')}>`;
      })
      .join('');
  if (existing !== undefined) {
    const root = parseXmlTree(existing).children.find((c) => c.name === 'w:comments');
    if (root) {
      const q = qualifierOf(root);
      const edits = new XmlEdits();
      if (root.selfClosing) {
        edits.replace(
          root.start,
          root.end,
          `<${root.qname}${root.rawAttributes}>${render(q)}</${root.qname}>`,
        );
      } else edits.insert(root.closeStart, 0, render(q));
      return edits.apply(existing);
    }
  }
  const q = (local: string) => `w:${local}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_MAIN}">${render(q)}</w:comments>`;
}

/** The main document's relationships with one to comments.xml, when it has none; and the comments part's name. */
export function withCommentsRelationship(
  relationshipsXml: string | undefined,
  folder: string,
): { xml: string; part: string; changed: boolean } {
  const existing = relationshipTarget(relationshipsXml, 'comments', folder);
  if (existing && relationshipsXml !== undefined)
    return { xml: relationshipsXml, part: existing, changed: false };
  const base = relationshipsXml?.includes(REL_STRICT) ? REL_STRICT : REL_TRANSITIONAL;
  const ids = new Set<string>();
  for (const m of (relationshipsXml ?? '').matchAll(/\bId="([^"]*)"/g)) ids.add(m[1] as string);
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const relationship = `<Relationship Id="rId${n}" Type="${base}/comments" Target="comments.xml"/>`;
  const part = `${folder}comments.xml`;
  if (relationshipsXml === undefined) {
    return {
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`,
      part,
      changed: true,
    };
  }
  const root = parseXmlTree(relationshipsXml).children.find((c) => c.qname.endsWith('Relationships'));
  if (!root) throw new Error('关系文件没有 Relationships 元素');
  const edits = new XmlEdits();
  if (root.selfClosing)
    edits.replace(
      root.start,
      root.end,
      `<${root.qname}${root.rawAttributes}>${relationship}</${root.qname}>`,
    );
  else edits.insert(root.closeStart, 0, relationship);
  return { xml: edits.apply(relationshipsXml), part, changed: true };
}

/** [Content_Types].xml with an Override for the comments part, when it has none. */
export function withCommentsContentType(contentTypesXml: string, part: string): string | null {
  const name = `/${part}`.toLowerCase();
  const root = parseXmlTree(contentTypesXml).children.find((c) => c.qname.endsWith('Types'));
  if (!root) return null;
  if (
    root.children.some(
      (c) => c.qname.endsWith('Override') && attribute(c, 'PartName')?.toLowerCase() === name,
    )
  )
    return null;
  const override = `<Override PartName="/${escapeXmlAttribute(part)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
  const edits = new XmlEdits();
  if (root.selfClosing)
    edits.replace(root.start, root.end, `<${root.qname}${root.rawAttributes}>${override}</${root.qname}>`);
  else edits.insert(root.closeStart, 0, override);
  return edits.apply(contentTypesXml);
}

/**
 * The body and comments without what an earlier run of fazhi-lint added (its comments by author, its tracked
 * changes rejected: insertions removed, deletions restored), so annotating again replaces instead of piling up.
 * Returns null when there is nothing of fazhi-lint's.
 */
export function removeOwnAnnotations(
  documentXml: string,
  commentsXml: string | undefined,
  author: string,
): { documentXml: string; commentsXml: string | undefined } | null {
  const ids = new Set<string>();
  const commentEdits = new XmlEdits();
  if (commentsXml !== undefined) {
    const root = parseXmlTree(commentsXml).children.find((c) => c.name === 'w:comments');
    for (const c of root?.children ?? []) {
      if (c.name === 'w:comment' && attribute(c, 'w:author') === author) {
        ids.add(attribute(c, 'w:id') ?? '');
        commentEdits.replace(c.start, c.end, '');
      }
    }
  }
  const edits = new XmlEdits();
  const q = (node: XmlNode, local: string) => qualifierOf(node)(local);
  const ours = (n: XmlNode) => attribute(n, 'w:author') === author;
  walk(parseXmlTree(documentXml), (n) => {
    switch (n.name) {
      case 'w:commentRangeStart':
      case 'w:commentRangeEnd':
        if (ids.has(attribute(n, 'w:id') ?? '')) edits.replace(n.start, n.end, '');
        return false;
      case 'w:commentReference': {
        if (!ids.has(attribute(n, 'w:id') ?? '')) return false;
        const run = n.parent;
        const alone = run?.name === 'w:r' && run.children.every((c) => c === n || c.name === 'w:rPr');
        if (alone && run) edits.replace(run.start, run.end, '');
        else edits.replace(n.start, n.end, '');
        return false;
      }
      case 'w:ins':
        if (!ours(n)) return true;
        edits.replace(n.start, n.end, '');
        return false;
      case 'w:del':
        if (!ours(n)) return true;
        if (n.parent?.name === 'w:rPr' || n.selfClosing) {
          // A deleted paragraph mark (w:pPr/w:rPr/w:del) kept again.
          edits.replace(n.start, n.end, '');
          return false;
        }
        edits.replace(n.start, n.openEnd, '');
        edits.replace(n.closeStart, n.end, '');
        return true;
      case 'w:delText': {
        let up = n.parent;
        while (up && up.name !== 'w:del') up = up.parent;
        if (up && ours(up)) {
          edits.replace(n.start, n.openEnd, `<${q(n, 't')}${n.rawAttributes}${n.selfClosing ? '/' : ''}>`);
          if (!n.selfClosing) edits.replace(n.closeStart, n.end, `</${q(n, 't')}>`);
        }
        return false;
      }
      default:
        return true;
    }
  });
  if (edits.size === 0 && commentEdits.size === 0) return null;
  return {
    documentXml: edits.apply(documentXml),
    commentsXml: commentsXml === undefined ? undefined : commentEdits.apply(commentsXml),
  };
}
