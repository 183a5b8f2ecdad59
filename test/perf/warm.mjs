// Warm-lint benchmark for issue #7 (not a test: no timing assertions).
//
//   npx tsc -p tsconfig.build.json && node test/perf/warm.mjs [distDir…] [--runs N]
//
// Lints 10,000 characters of the real seeds (000, 001, 004) in one long-lived process, as an editor would, and
// prints medians: the model build, each rule's kind.check on a fresh model (so each pays for the shared facts it is
// the first to ask for), and the whole lintSource. Several compiled trees may be given (e.g. a copy of dist/ from
// before a change, then dist/); on a noisy machine, prefer one process per tree, run alternately.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 300;
const dists = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
if (dists.length === 0) dists.push(new URL('../../dist', import.meta.url).pathname);

const seeds = new URL('../../fixtures/seeds/', import.meta.url);
const text = ['000_3c0df08b306f7395.txt', '001_33dfb61e85867be8.txt', '004_de2a7d4be22d8b04.txt']
  .map((f) => readFileSync(new URL(f, seeds), 'utf8'))
  .join('\n\n')
  .slice(0, 10_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const ms = (x) => `${x.toFixed(3)} ms`;

const setups = [];
for (const dir of dists) {
  const dist = resolve(dir);
  const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
  const { createLinter, textSource } = await load('engine/linter.js');
  const { buildModel } = await load('model/build.js');
  const { kinds } = await load('kinds/index.js');
  const linter = await createLinter({ cwd: resolve(dist, '..') });
  const rules = linter.rulesFor('warm.txt');
  const ruleOptions = (id) => rules.find((r) => r.id === id)?.options;
  const prepared = rules.map((rule) => {
    const kind = kinds[rule.kind];
    return {
      rule,
      kind,
      prepared: kind.prepare ? kind.prepare(rule.options, { trusted: rule.trusted }) : undefined,
    };
  });
  // Each run gets a new string (as an editor sends after an edit), so no per-document cache carries over.
  const fresh = () => textSource(`${text} `.slice(0, -1), 'warm.txt');
  for (let i = 0; i < 300; i++) linter.lintSource(fresh()); // segmenter dictionary, then the JIT's top tier
  setups.push({ dist, linter, buildModel, prepared, ruleOptions, fresh, whole: [] });
}

// Whole lints first, one tree after the other (alternating in one process would charge the slower tree's garbage
// to the faster one's collections): compare trees by running this script once per tree, alternately.
for (const s of setups) {
  for (let i = 0; i < runs * 2; i++) s.whole.push(time(() => s.linter.lintSource(s.fresh())));
  const sorted = [...s.whole].sort((a, b) => a - b);
  const p = (q) => sorted[Math.floor(q * (sorted.length - 1))];
  console.log(
    `${s.dist}: whole lintSource of ${text.length} chars, ${runs * 2} runs: median ${ms(p(0.5))}  p10 ${ms(p(0.1))}  p90 ${ms(p(0.9))}`,
  );
}

for (const s of setups) {
  const build = [];
  const perRule = new Map(s.prepared.map(({ rule }) => [rule.id, []]));
  for (let i = 0; i < runs; i++) {
    build.push(time(() => s.buildModel(s.fresh())));
    for (const { rule, kind, prepared } of s.prepared) {
      const model = s.buildModel(s.fresh());
      perRule
        .get(rule.id)
        .push(time(() => kind.check(model, rule.options, prepared, { rule, ruleOptions: s.ruleOptions })));
    }
  }
  console.log(`\n${s.dist}: ${text.length} chars, ${runs} runs, medians`);
  console.log(`  model build              ${ms(median(build))}`);
  const rows = [...perRule].map(([id, xs]) => [id, median(xs)]).sort((a, b) => b[1] - a[1]);
  for (const [id, x] of rows) console.log(`  ${id.padEnd(24)} ${ms(x)}`);
}
