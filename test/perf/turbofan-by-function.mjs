// Optimizing-compiler time by function (issue #15 §4; not a test).
//
//   npm run build && node test/perf/turbofan-by-function.mjs [runs=3] [-- CLI arguments…]
//
// Runs the CLI (default: --jobs 1 -f json -o /dev/null bench/out/corpus) under V8's function-event log, with
// --single-threaded so that each compile's time is the compiler's own and not a wait for a core (flags for the
// measurement only), and prints TurboFan's milliseconds per run and per function (script:offset name), summed over
// the runs. A function compiled more than once was deoptimized (see node --trace-deopt).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dash = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 3);
const cli =
  dash >= 0
    ? process.argv.slice(dash + 1)
    : ['--jobs', '1', '-f', 'json', '-o', '/dev/null', 'bench/out/corpus'];
const dir = mkdtempSync(join(tmpdir(), 'fazhi-turbofan-'));
const ms = new Map();
const count = new Map();
let total = 0;
try {
  for (let r = 0; r < runs; r++) {
    const log = join(dir, `v8-${r}.log`);
    spawnSync(
      process.execPath,
      [
        '--single-threaded',
        '--log-function-events',
        `--logfile=${log}`,
        '--no-logfile-per-isolate',
        'bin/fazhi-lint.js',
        ...cli,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const scripts = new Map();
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const f = line.split(',');
      if (f[0] === 'script-details') scripts.set(f[1], f[2]);
      if (f[0] !== 'function' || f[1] !== 'turbofan') continue;
      const key = `${(scripts.get(f[2]) ?? '?').split('/').slice(-2).join('/')}:${f[3]} ${f[7] ?? ''}`;
      ms.set(key, (ms.get(key) ?? 0) + Number(f[5]));
      count.set(key, (count.get(key) ?? 0) + 1);
      total += Number(f[5]);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const compiles = [...count.values()].reduce((a, b) => a + b, 0);
console.log(`TurboFan: ${(total / runs).toFixed(0)} ms per run, ${(compiles / runs).toFixed(0)} compiles`);
for (const [k, v] of [...ms].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${(v / runs).toFixed(1).padStart(7)} ms  ×${((count.get(k) ?? 0) / runs).toFixed(1)}  ${k}`);
