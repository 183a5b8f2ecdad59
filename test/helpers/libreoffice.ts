import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../../src/input/doc.js';
import { decodeEntities } from '../../src/input/xml.js';
import { parseXmlTree, textContent, type XmlNode } from '../../src/input/xml-tree.js';

/** An attribute by the name it is written with (OpenDocument namespaces are not among the canonical ones). */
function attribute(node: XmlNode, qname: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${qname}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(node.rawAttributes);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * A real word processor as the judge of an annotated copy: LibreOffice Writer converts it headless to a flat
 * OpenDocument file, which is read back here (comments with their anchored text, tracked changes).
 */

export const SOFFICE = findSoffice();

/**
 * Convert files with one LibreOffice run (each start costs about a second), with a private profile; returns each
 * file's converted text by input path (missing when LibreOffice could not open it).
 */
export function convertAll(files: string[], format = 'fodt'): Map<string, string> {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-lo-'));
  try {
    const out = join(dir, 'out');
    const r = spawnSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--convert-to',
        format,
        '--outdir',
        out,
        ...files,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.error) throw r.error;
    const converted = new Map<string, string>();
    for (const f of files) {
      try {
        converted.set(f, readFileSync(join(out, `${basename(f, extname(f))}.${format}`), 'utf8'));
      } catch {
        // not converted
      }
    }
    return converted;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface OdtComment {
  author: string;
  /** The comment's paragraphs. */
  paragraphs: string[];
  /** The text the comment is anchored on (paragraph breaks as \n); '' for a comment at a point. */
  anchored: string;
}

export interface OdtChange {
  type: 'insertion' | 'deletion' | 'format-change';
  author: string;
  /** Deleted text (deletions only). */
  text: string;
}

export interface OdtDocument {
  comments: OdtComment[];
  changes: OdtChange[];
  /** The body text as LibreOffice shows it with changes (paragraphs joined with \n). */
  text: string;
}

const PARAGRAPHS = new Set(['text:p', 'text:h']);

/**
 * Walks an OpenDocument body in document order: character data inside paragraphs (elsewhere it is the file's
 * indentation), spaces, tabs and line breaks go to `text`; `element` may handle an element itself and return true.
 */
function walk(
  xml: string,
  node: XmlNode,
  hooks: { text(s: string): void; paragraph(): void; element(n: XmlNode): boolean },
): void {
  const visit = (n: XmlNode, inParagraph: boolean) => {
    let cursor = n.openEnd;
    const between = (end: number) => {
      if (inParagraph)
        hooks.text(textContent(xml, { ...n, openEnd: cursor, closeStart: end, selfClosing: false }));
    };
    for (const c of n.children) {
      between(c.start);
      cursor = c.end;
      if (hooks.element(c)) continue;
      if (c.qname === 'text:s') hooks.text(' '.repeat(Number(attribute(c, 'text:c') ?? 1)));
      else if (c.qname === 'text:tab') hooks.text('\t');
      else if (c.qname === 'text:line-break') hooks.text(' ');
      else if (PARAGRAPHS.has(c.qname)) {
        hooks.paragraph();
        visit(c, true);
      } else visit(c, inParagraph);
    }
    if (!n.selfClosing) between(n.closeStart);
  };
  visit(node, PARAGRAPHS.has(node.qname));
}

function plainText(xml: string, node: XmlNode): string {
  let out = '';
  walk(xml, node, {
    text: (s) => {
      out += s;
    },
    paragraph: () => {
      if (out && !out.endsWith('\n')) out += '\n';
    },
    element: () => false,
  });
  return out;
}

/** Read comments, their anchored text and tracked changes from a flat OpenDocument text file. */
export function readOdt(fodt: string): OdtDocument {
  const root = parseXmlTree(fodt);
  const find = (n: XmlNode, qname: string): XmlNode | undefined => {
    if (n.qname === qname) return n;
    for (const c of n.children) {
      const f = find(c, qname);
      if (f) return f;
    }
    return undefined;
  };
  const office = find(root, 'office:text') as XmlNode;
  const changes: OdtChange[] = [];
  const byId = new Map<string, OdtChange>();
  const tracked = find(office, 'text:tracked-changes');
  for (const region of tracked?.children ?? []) {
    for (const change of region.children) {
      const info = change.children.find((c) => c.qname === 'office:change-info');
      const creator = info?.children.find((c) => c.qname === 'dc:creator');
      const paragraphs = change.children.filter((c) => c.qname === 'text:p');
      const entry: OdtChange = {
        type: change.qname.replace('text:', '') as OdtChange['type'],
        author: creator ? textContent(fodt, creator) : '',
        text: paragraphs.map((p) => plainText(fodt, p)).join('\n'),
      };
      changes.push(entry);
      byId.set(attribute(region, 'text:id') ?? '', entry);
    }
  }
  // The body in document order. Deleted text stays in the body between change marks: it goes to its change.
  const comments: (OdtComment & { from: number })[] = [];
  const byName = new Map<string, OdtComment & { from: number }>();
  let text = '';
  let deletion: OdtChange | null = null;
  walk(fodt, office, {
    text: (s) => {
      if (deletion) deletion.text += s;
      else text += s;
    },
    paragraph: () => {
      if (deletion) {
        if (deletion.text) deletion.text += '\n';
      } else if (text && !text.endsWith('\n')) text += '\n';
    },
    element: (c) => {
      // Text boxes and images are drawing objects: their text is not the anchor paragraph's.
      if (c.qname === 'text:tracked-changes' || c.qname.startsWith('draw:')) return true;
      if (c.qname === 'text:change-start') {
        const change = byId.get(attribute(c, 'text:change-id') ?? '');
        if (change?.type === 'deletion') deletion = change;
        return true;
      }
      if (c.qname === 'text:change-end') {
        if (deletion === byId.get(attribute(c, 'text:change-id') ?? '')) deletion = null;
        return true;
      }
      if (c.qname === 'office:annotation') {
        const creator = c.children.find((x) => x.qname === 'dc:creator');
        const comment = {
          author: creator ? textContent(fodt, creator) : '',
          paragraphs: c.children.filter((x) => x.qname === 'text:p').map((p) => plainText(fodt, p)),
          anchored: '',
          from: text.length,
        };
        comments.push(comment);
        const name = attribute(c, 'office:name');
        if (name) byName.set(name, comment);
        return true;
      }
      if (c.qname === 'office:annotation-end') {
        const comment = byName.get(attribute(c, 'office:name') ?? '');
        if (comment) comment.anchored = text.slice(comment.from);
        return true;
      }
      return false;
    },
  });
  return {
    comments: comments.map(({ author, paragraphs, anchored }) => ({ author, paragraphs, anchored })),
    changes,
    text,
  };
}
