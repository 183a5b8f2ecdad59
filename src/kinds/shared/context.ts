import { compilePattern, PatternError } from '../../engine/pattern.js';

/** How much text on either side of a candidate a context pattern sees. */
export const CONTEXT_WINDOW = 24;

/** A test "does the text right after (or right before) this offset match?" — false when no pattern is given. */
export type ContextTest = ((text: string, offset: number) => boolean) | null;

/**
 * Compiles a rule's context pattern (`followedBy`, `notPrecededBy`…), anchored to the candidate: `after` patterns
 * must match from the offset on, `before` patterns must end at it. Only `CONTEXT_WINDOW` characters are read, so a
 * test costs the same in any document; user patterns run on RE2 (`compilePattern`). Throws an Error naming `where`.
 */
export function contextTest(
  source: string | undefined,
  side: 'after' | 'before',
  trusted: boolean,
  where: string,
): ContextTest {
  if (source === undefined) return null;
  let pattern: ReturnType<typeof compilePattern>;
  try {
    pattern = compilePattern(side === 'after' ? `^(?:${source})` : `(?:${source})$`, trusted);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    throw new Error(`${where}无法编译：${e.message}`);
  }
  return side === 'after'
    ? (text, offset) => pattern.findAll(text.slice(offset, offset + CONTEXT_WINDOW)).length > 0
    : (text, offset) => pattern.findAll(text.slice(Math.max(0, offset - CONTEXT_WINDOW), offset)).length > 0;
}
