/**
 * The seam to `fazhi-lint annotate` (issue #12): the one function `POST /api/annotate` calls, in a lint thread,
 * to turn a .docx into its reviewed copy (findings as comments, safe fixes as tracked changes). Until annotate is
 * merged it is undefined, the route answers 501 and the page downloads the fixed text instead. Wiring it is this
 * one line, once `annotateDocx` is exported from src/index.ts:
 *
 *   export { annotateDocx } from '../index.js';
 */
export type AnnotateDocx = (
  bytes: Uint8Array,
  fileName: string,
  options: Record<string, never>,
) => Promise<{ bytes: Uint8Array }>;

export const annotateDocx: AnnotateDocx | undefined = undefined;
