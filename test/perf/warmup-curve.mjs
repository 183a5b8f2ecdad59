// JIT warm-up over a batch (issue #15 §4; not a test: no timing assertions).
//
//   npm run build && node test/perf/warmup-curve.mjs [corpusDir=bench/out/corpus]
//
// One process, as the CLI with --jobs 1: createLinter, then read and lint every report of the folder in order,
// printing the mean time per report over reports 1, 2–10, 11–50, 51–100, 101–200, 201–500, 501–1000. The last
// figure is the steady state; what the earlier ones cost above it is the warm-up.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = new URL('../../dist/', import.meta.url);
const t0 = performance.now();
const { createLinter } = await import(new URL('engine/linter.js', dist).href);
const { readSourceFile } = await import(new URL('input/index.js', dist).href);
const t1 = performance.now();
const linter = await createLinter({ cwd: process.cwd(), loadOnDemand: true });
const t2 = performance.now();
const dir = resolve(process.argv[2] ?? 'bench/out/corpus');
const files = readdirSync(dir)
  .sort()
  .map((f) => join(dir, f));
console.log(`import ${(t1 - t0).toFixed(0)} ms, createLinter ${(t2 - t1).toFixed(0)} ms`);
const marks = [1, 10, 50, 100, 200, 500, 1000, 2000, 5000];
let last = performance.now();
let lastN = 0;
for (let i = 0; i < files.length; i++) {
  linter.lintSource(await readSourceFile(files[i]));
  if (marks.includes(i + 1) || i + 1 === files.length) {
    const now = performance.now();
    console.log(`reports ${lastN + 1}–${i + 1}: ${((now - last) / (i + 1 - lastN)).toFixed(2)} ms each`);
    last = now;
    lastN = i + 1;
  }
}
