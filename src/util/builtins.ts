import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Node built-ins that only some commands need, loaded on first use. Imported up front, crypto, child_process,
 * worker_threads and os cost 5–8 ms of every start (measured on `import('dist/cli/main.js')`), and a plain lint of
 * one report uses none of them: they serve --fix and --write-baseline (temporary names), SARIF fingerprints,
 * --changed/--staged (git), --jobs and .docx (zlib).
 */
export const builtins = {
  crypto: () => require('node:crypto') as typeof import('node:crypto'),
  childProcess: () => require('node:child_process') as typeof import('node:child_process'),
  workerThreads: () => require('node:worker_threads') as typeof import('node:worker_threads'),
  os: () => require('node:os') as typeof import('node:os'),
  zlib: () => require('node:zlib') as typeof import('node:zlib'),
};
