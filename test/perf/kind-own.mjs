// One kind's own cost over a batch (issue #7, fifth round; not a test: no timing assertions).
//
//   npm run build && node test/perf/kind-own.mjs <kind> [corpusDir=bench/out/corpus] [--passes N] [--dist dir]
//
// batch-kinds.mjs charges each kind for the shared facts it is the first to ask for (the code units, the
// normalized units, the lexicon's word scan, the segmenter…), so a kind's figure there depends on the order of
// the rules. This script lints every report once (every fact made, every function warm), then calls the one
// kind's check on each model twice per pass: the first call pays the word scan again (the lexicon remembers only
// the last two texts), the second finds it done and the model's text in the CPU caches. It prints per pass both
// totals; for a lexicon kind their difference is about the word scan (book-title: ~15 ms and ~0.1 ms), for any
// kind the second is a lower bound. Facts a kind keeps on the model (model.derived: formulation's search, the
// normalized units) are made by then and counted in neither. --dist compares another build (a copy of dist/ next to
// rules/ and dict/).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const [kindName, corpus = 'bench/out/corpus'] = positional;
if (!kindName) throw new Error('usage: kind-own.mjs <kind> [corpusDir] [--passes N] [--dist dir]');
const passes = Number(option('--passes', '10'));
const dist = option('--dist', null)
  ? pathToFileURL(`${resolve(option('--dist'))}/`)
  : new URL('../../dist/', import.meta.url);

const { kinds } = await import(new URL('kinds/index.js', dist).href);
const kind = kinds[kindName];
if (!kind) throw new Error(`no kind ${kindName}`);
const { buildModel } = await import(new URL('model/build.js', dist).href);
const { createLinter } = await import(new URL('engine/linter.js', dist).href);
const { readSourceFile } = await import(new URL('input/index.js', dist).href);

// The arguments of each call the linter makes (model, options, prepared, context), recorded during one lint.
const calls = [];
const check = kind.check;
kind.check = function recorded(...a) {
  calls.push(a);
  return check.apply(this, a);
};
const linter = await createLinter({ cwd: process.cwd(), loadOnDemand: true });
const dir = resolve(corpus);
for (const f of readdirSync(dir).sort()) linter.lintModel(buildModel(await readSourceFile(join(dir, f))));
kind.check = check;

const withScan = [];
const own = [];
let reports = 0;
for (let p = 0; p < passes; p++) {
  let first = 0;
  let second = 0;
  for (const a of calls) {
    const t0 = performance.now();
    check.apply(kind, a);
    const t1 = performance.now();
    reports += check.apply(kind, a).length;
    second += performance.now() - t1;
    first += t1 - t0;
  }
  withScan.push(first);
  own.push(second);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
console.log(`${kindName}: ${calls.length} reports linted, ${reports / passes} findings a pass`);
console.log(`  first call (ms):  ${withScan.map((t) => t.toFixed(1)).join(' ')}; median ${median(withScan)}`);
console.log(`  second call (ms): ${own.map((t) => t.toFixed(1)).join(' ')}; median ${median(own)}`);
