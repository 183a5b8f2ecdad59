#!/usr/bin/env node
// Builds the page of `fazhi-lint serve` into dist/web/page/: the TypeScript of src/web/page/ bundled into one
// app.js (esbuild: no framework, no runtime dependency), and the HTML, CSS and icon copied as they are. The
// server serves exactly these files; the page loads nothing from anywhere else.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src', 'web', 'page');
const OUT = join(ROOT, 'dist', 'web', 'page');
const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');

mkdirSync(OUT, { recursive: true });
await esbuild.build({
  entryPoints: [join(SRC, 'main.ts')],
  outfile: join(OUT, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'app.css', 'favicon.svg']) copyFileSync(join(SRC, file), join(OUT, file));
