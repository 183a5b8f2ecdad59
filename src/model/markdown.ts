import remarkParse from 'remark-parse';
import { unified } from 'unified';
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
const parser = unified().use(remarkParse);

export function readMarkdown(text: string): MarkdownStructure {
  const tree = parser.parse(text) as MdNode;
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
