import { createRequire } from 'node:module';
import { allMatches } from '../util/regex.js';
import type { Directive, Span } from './types.js';

/** What the model takes from the Markdown syntax tree; everything else is read from the text itself. */
export interface MarkdownStructure {
  /** Line number → heading depth (ATX or setext). */
  headingDepth: Map<number, number>;
  /** Ranges no rule should read: code, HTML, setext underlines and thematic breaks. */
  ignored: Span[];
  directives: Directive[];
}

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  lang?: string | null;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: MdNode[];
}

const DIRECTIVE = /^<!--\s*fazhi-lint-(disable-next-line|disable|enable)\b([^>]*?)-->$/;
interface MarkdownParser {
  parse(text: string): unknown;
}

let parser: MarkdownParser | null = null;

/**
 * Loads remark (ESM) ahead of use, on any Node 20. Kept off the start-up path: a run over plain text and
 * Word files never pays for it.
 */
export async function loadMarkdownParser(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
  ]);
  parser ??= unified().use(remarkParse);
}

function markdownParser(): MarkdownParser {
  if (!parser) {
    // Callers that build a model without preloading (tests, library users): Node ≥ 20.19 can require ESM.
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    parser = unified().use(remarkParse);
  }
  return parser;
}

/**
 * remark's parse time grows much faster than the text on deeply nested containers (400 nested list levels:
 * 2.5 s for 160 KB here). No report nests that deep; beyond this the document is modelled as plain text.
 */
const MAX_NESTING_COLUMNS = 120;
const MAX_QUOTE_DEPTH = 60;

function tooDeeplyNested(text: string): boolean {
  for (const m of allMatches(/^([ \t>]{60,})/gm, text)) {
    const prefix = m[1] as string;
    let columns = 0;
    let quotes = 0;
    for (const c of prefix) {
      columns += c === '\t' ? 4 : 1;
      if (c === '>') quotes++;
    }
    if (columns > MAX_NESTING_COLUMNS || quotes > MAX_QUOTE_DEPTH) return true;
  }
  return false;
}

export function readMarkdown(text: string): MarkdownStructure {
  if (tooDeeplyNested(text)) return { headingDepth: new Map(), ignored: [], directives: [] };
  const tree = markdownParser().parse(text) as MdNode;
  const headingDepth = new Map<number, number>();
  const ignored: Span[] = [];
  const directives: Directive[] = [];
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as MdNode;
    const pos = node.position;
    if (pos && node.type === 'heading') headingDepth.set(pos.start.line, node.depth ?? 1);
    if (pos && (node.type === 'code' || node.type === 'html' || node.type === 'thematicBreak')) {
      const start = pos.start.offset ?? 0;
      const end = pos.end.offset ?? start;
      ignored.push({ start, end, text: text.slice(start, end) });
      const m = node.type === 'html' ? DIRECTIVE.exec((node.value ?? '').trim()) : null;
      if (m) {
        const rules = (m[2] ?? '')
          .split(/[\s,]+/)
          .map((r) => r.trim())
          .filter(Boolean);
        directives.push({ type: m[1] as Directive['type'], rules, line: pos.start.line, offset: start });
      }
    }
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdNode);
  }
  ignored.sort((a, b) => a.start - b.start);
  directives.sort((a, b) => a.offset - b.offset);
  return { headingDepth, ignored, directives };
}
