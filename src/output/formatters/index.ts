import { jsonWriter } from '../json.js';
import { stylishWriter } from '../stylish.js';
import { checkstyle, checkstyleWriter } from './checkstyle.js';
import { codequality, codequalityWriter } from './codequality.js';
import { github, githubWriter } from './github.js';
import { junit, junitWriter } from './junit.js';
import { sarif, sarifWriter } from './sarif.js';
import type { Formatter, WriterFactory } from './types.js';

export { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
export type { Formatter, FormatterContext, ReportWriter, WriterFactory } from './types.js';
export { oneShot } from './types.js';
export { checkstyle, codequality, github, junit, sarif };

/** Output formats by `--format` name. Add an entry here (and its writer below) to add a format. */
export const formatters: Record<string, Formatter> = {
  sarif,
  github,
  junit,
  checkstyle,
  codequality,
};

/** Every `--format`, as a writer that takes one report at a time: the terminal's two, then the machine formats. */
export const writers: Record<string, WriterFactory> = {
  stylish: stylishWriter,
  json: jsonWriter,
  sarif: sarifWriter,
  github: githubWriter,
  junit: junitWriter,
  checkstyle: checkstyleWriter,
  codequality: codequalityWriter,
};
