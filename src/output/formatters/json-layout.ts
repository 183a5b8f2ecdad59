/**
 * Pieces of `JSON.stringify(value, null, 2)` written one at a time: a value as it appears at a given depth of the
 * whole document. `jsonAt(v, d)` is what the whole document would show for `v` nested `d` levels deep (the first
 * line unindented, as it follows a key or a comma), so streamed output equals the one-shot stringify byte for byte.
 */
export function jsonAt(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * An array of a pretty-printed document, written element by element: `open` after the key, `item` per element,
 * `close` at the end (`[]` when empty, as JSON.stringify writes it).
 */
export function jsonArrayAt(depth: number): { open: string; item(value: unknown): string; close(): string } {
  const indent = `\n${'  '.repeat(depth + 1)}`;
  let empty = true;
  return {
    open: '[',
    item(value) {
      const text = `${empty ? '' : ','}${indent}${jsonAt(value, depth + 1)}`;
      empty = false;
      return text;
    },
    close: () => (empty ? ']' : `\n${'  '.repeat(depth)}]`),
  };
}
