import { checkstyle } from './checkstyle.js';
import { codequality } from './codequality.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import type { Formatter } from './types.js';

export { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
export type { Formatter, FormatterContext } from './types.js';
export { checkstyle, codequality, github, junit, sarif };

/** Output formats by `--format` name. Add an entry here to add a format. */
export const formatters: Record<string, Formatter> = {
  sarif,
  github,
  junit,
  checkstyle,
  codequality,
};
