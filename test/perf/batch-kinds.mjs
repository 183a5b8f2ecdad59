// Batch timing for issue #7 (not a test: no timing assertions).
//
//   npx tsc -p tsconfig.build.json && node test/perf/batch-kinds.mjs [corpusDir=bench/out/corpus] [--passes N]
//
// Lints every report of a folder in one process, several passes, and prints per pass the total, the model build
// and each kind's check time (each kind pays for the shared facts it is the first to ask for). Pass 1 is the CLI's
// case (cold JIT, caches empty); later passes show the steady state.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const passesAt = args.indexOf('--passes');
const passes = passesAt >= 0 ? Number(args[passesAt + 1]) : 2;
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--passes') ?? 'bench/out/corpus',
);
const dist = new URL('../../dist/', import.meta.url);

const { kinds } = await import(new URL('kinds/index.js', dist).href);
const times = new Map();
for (const [name, kind] of Object.entries(kinds)) {
  const check = kind.check;
  kind.check = function timed(...a) {
    const t0 = performance.now();
    const out = check.apply(this, a);
    times.set(name, (times.get(name) ?? 0) + performance.now() - t0);
    return out;
  };
}
const { buildModel } = await import(new URL('model/build.js', dist).href);
const { createLinter } = await import(new URL('engine/linter.js', dist).href);
const { readSourceFile } = await import(new URL('input/index.js', dist).href);

const linter = await createLinter({ cwd: process.cwd(), loadOnDemand: true });
const sources = [];
for (const f of readdirSync(dir).sort()) sources.push(await readSourceFile(join(dir, f)));
for (let p = 1; p <= passes; p++) {
  times.clear();
  let build = 0;
  const t0 = performance.now();
  for (const source of sources) {
    const b = performance.now();
    const model = buildModel(source);
    build += performance.now() - b;
    linter.lintModel(model);
  }
  const total = performance.now() - t0;
  const byKind = [...times].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`);
  console.log(`pass ${p}: ${sources.length} reports, ${total.toFixed(0)} ms; model ${build.toFixed(0)} ms`);
  console.log(`  kinds (ms): ${byKind.join(', ')}`);
}
