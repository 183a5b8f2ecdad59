// Summarises a V8 .cpuprofile: self time by function (top N), and optionally the hot lines of one function.
// Usage:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof test/perf/warm.mjs
//   node test/perf/cpuprofile-summary.mjs /tmp/prof [top=40] [functionName]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = '/tmp/prof', top = '40', fn] = process.argv.slice(2);
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()
  .at(-1);
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (const [i, id] of profile.samples.entries()) {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const byFunction = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  total += us;
}
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(
    `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
  );
}

if (fn) {
  const ticks = new Map();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== fn) continue;
    for (const t of n.positionTicks ?? []) ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
  }
  console.log(`\nhot lines of ${fn} (ticks):`);
  for (const [line, n] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${String(n).padStart(7)}  line ${line}`);
}
