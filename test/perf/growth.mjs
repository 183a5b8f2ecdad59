// Growth check for issue #7 (not a test): lint time per KB from 10 KB to 1 MB of real report text.
// Usage: node test/perf/growth.mjs [distDir]
// The seeds are concatenated (each a separate report, so years, parts and closings repeat) until the size is
// reached; a linear linter shows a roughly constant time per KB. Also prints each rule's share at the largest size.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? new URL('../../dist', import.meta.url).pathname);
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
const { createLinter, textSource } = await load('engine/linter.js');
const { kinds } = await load('kinds/index.js');

const seeds = new URL('../../fixtures/seeds/', import.meta.url);
const all = readdirSync(seeds)
  .sort()
  .map((f) => readFileSync(new URL(f, seeds), 'utf8'))
  .join('\n\n');
const textOf = (chars) => {
  let t = all;
  while (t.length < chars) t += `\n\n${all}`;
  return t.slice(0, chars);
};

// Per-rule time, by wrapping each kind's check.
const perRule = new Map();
for (const kind of Object.values(kinds)) {
  const check = kind.check;
  kind.check = function (model, options, prepared, context) {
    const t = performance.now();
    try {
      return check.call(this, model, options, prepared, context);
    } finally {
      const id = context.rule.id;
      perRule.set(id, (perRule.get(id) ?? 0) + performance.now() - t);
    }
  };
}

const linter = await createLinter({ cwd: resolve(dist, '..') });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let i = 0; i < 100; i++) linter.lintSource(textSource(textOf(10_000), 'growth.txt')); // JIT warm-up
for (const size of [10_000, 30_000, 100_000, 300_000, 1_000_000]) {
  const text = textOf(size);
  const runs = Math.max(7, Math.round(5_000_000 / size));
  for (let i = 0; i < 3; i++) linter.lintSource(textSource(text, 'growth.txt'));
  perRule.clear();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    linter.lintSource(textSource(text, 'growth.txt'));
    times.push(performance.now() - t);
  }
  const ms = median(times);
  console.log(
    `${String(size).padStart(9)} chars  ${ms.toFixed(2).padStart(9)} ms  ${((ms / size) * 1000).toFixed(3)} ms/1k chars`,
  );
  if (size === 1_000_000) {
    const rows = [...perRule].map(([id, total]) => [id, total / runs]).sort((a, b) => b[1] - a[1]);
    for (const [id, avg] of rows.slice(0, 8)) console.log(`    ${id.padEnd(24)} ${avg.toFixed(1)} ms`);
  }
}
