// Bytes promoted to V8's old generation while the CLI runs (issue #15 §1; not a test).
//
//   npm run build && node test/perf/promotion.mjs [CLI arguments… default: --jobs 1 bench/out/corpus]
//
// What a run leaves in the old generation is what makes its peak memory grow with the batch: an object that
// survives two young-generation collections is promoted and stays until a full collection. Runs the CLI with
// --trace-gc-nvp (a flag for the measurement only) and its standard output discarded inside the process, and sums
// the `promoted=` of every scavenge. Compare two sizes (bench/out/scale/10000 …) for the bytes per report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.length > 2 ? process.argv.slice(2) : ['--jobs', '1', 'bench/out/corpus'];
const driver = `process.stdout.write = () => true; const { main } = await import(${JSON.stringify(
  new URL('../../dist/cli/main.js', import.meta.url).href,
)}); await main(['node', 'fazhi-lint', ...${JSON.stringify(args)}]);`;
const r = spawnSync(process.execPath, ['--trace-gc-nvp', '--input-type=module', '-e', driver], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
let promoted = 0;
let scavenges = 0;
let fullCollections = 0;
for (const line of r.stdout.split('\n')) {
  if (line.includes(' gc=s ')) {
    scavenges++;
    promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
  } else if (/ gc=(mc|ms) /.test(line)) fullCollections++;
}
console.log(
  `${scavenges} scavenges, ${fullCollections} full collections, ${(promoted / 1e6).toFixed(1)} MB promoted (fazhi-lint ${args.join(' ')})`,
);
