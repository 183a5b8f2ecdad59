// Whole-process measurements: wall time (hyperfine when installed, else a Node loop) and peak RSS
// (/usr/bin/time -v when installed, else a preload that records process.resourceUsage().maxRSS).

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './stats.js';

const RSS_PRELOAD = new URL('./rss-preload.js', import.meta.url);

let hyperfineVersion;
export function hyperfine() {
  if (hyperfineVersion === undefined) {
    if (process.env.BENCH_NO_HYPERFINE) {
      hyperfineVersion = null;
    } else {
      const r = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
      hyperfineVersion = r.status === 0 ? r.stdout.trim() : null;
    }
  }
  return hyperfineVersion;
}

export function gnuTime() {
  if (process.env.BENCH_NO_GNU_TIME) return null;
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr) ? '/usr/bin/time -v' : null;
}

function shQuote(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replace(/'/g, `'\\''`)}'`;
}

/** The command line as a person would type it (relative to cwd, for RESULTS.md). */
export function commandLine(c) {
  const argv = [c.display ?? c.cmd, ...c.args].map(shQuote).join(' ');
  return c.cwdLabel ? `(cd ${c.cwdLabel} && ${argv})` : argv;
}

/**
 * Run a command once with its output captured: for sanity checks (did the tool really lint?).
 * Returns { status, stdout, stderr, ms }.
 */
export function runOnce(c) {
  // Output goes to files, not pipes: zhlint calls process.exit() right after printing, which can
  // truncate its report on a pipe (not on a file or /dev/null, as in the timed runs).
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-run-'));
  try {
    const outPath = join(dir, 'stdout');
    const errPath = join(dir, 'stderr');
    const out = openSync(outPath, 'w');
    const err = openSync(errPath, 'w');
    const t0 = performance.now();
    const r = spawnSync(c.cmd, c.args, {
      cwd: c.cwd,
      env: { ...process.env, ...(c.env ?? {}) },
      stdio: ['ignore', out, err],
    });
    const ms = performance.now() - t0;
    closeSync(out);
    closeSync(err);
    return {
      status: r.status,
      signal: r.signal,
      stdout: readFileSync(outPath, 'utf8'),
      stderr: readFileSync(errPath, 'utf8'),
      ms,
      error: r.error?.message,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Wall time of a whole process, repeated. Output goes to /dev/null in both methods.
 * Returns { method, commandLine, times: [ms...], summary }.
 */
export function timeCommand(c, { runs, warmup }) {
  const hf = hyperfine();
  if (hf) {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
    try {
      const out = join(dir, 'hf.json');
      const line = [c.cmd, ...c.args].map(shQuote).join(' ');
      const r = spawnSync(
        'hyperfine',
        [
          '-N',
          '-i',
          '--style',
          'none',
          '--warmup',
          String(warmup),
          '--runs',
          String(runs),
          '--export-json',
          out,
          '--',
          line,
        ],
        { cwd: c.cwd, env: { ...process.env, ...(c.env ?? {}) }, encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      if (r.status !== 0 || !existsSync(out)) throw new Error(`hyperfine failed for ${line}: ${r.stderr}`);
      const j = JSON.parse(readFileSync(out, 'utf8'));
      const times = j.results[0].times.map((s) => s * 1000);
      const exitCodes = j.results[0].exit_codes ?? [];
      return { method: hf, times, exitCodes: [...new Set(exitCodes)], summary: summarize(times) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const times = [];
  const codes = new Set();
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(c.cmd, c.args, {
      cwd: c.cwd,
      env: { ...process.env, ...(c.env ?? {}) },
      stdio: 'ignore',
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= warmup) {
      times.push(ms);
      codes.add(r.status);
    }
  }
  return { method: 'node spawnSync loop', times, exitCodes: [...codes], summary: summarize(times) };
}

/** Peak RSS in MB of one run of the command (whole process incl. worker threads). */
export function peakRss(c) {
  const gt = gnuTime();
  if (gt) {
    const r = spawnSync('/usr/bin/time', ['-v', c.cmd, ...c.args], {
      cwd: c.cwd,
      env: { ...process.env, ...(c.env ?? {}) },
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) return { method: gt, mb: Number(m[1]) / 1024 };
  }
  // Fallback: Node-only, via a preload module that writes maxRSS (KiB) at exit.
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-rss-'));
  try {
    const out = join(dir, 'rss');
    const preload = `--import=${pathToFileURL(RSS_PRELOAD.pathname).href}`;
    spawnSync(c.cmd, c.args, {
      cwd: c.cwd,
      env: {
        ...process.env,
        ...(c.env ?? {}),
        BENCH_RSS_OUT: out,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${preload}`.trim(),
      },
      stdio: 'ignore',
    });
    if (!existsSync(out)) return { method: 'process.resourceUsage().maxRSS preload', mb: Number.NaN };
    return { method: 'process.resourceUsage().maxRSS preload', mb: Number(readFileSync(out, 'utf8')) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of several peak-RSS runs. */
export function peakRssRepeated(c, n) {
  const vals = [];
  let method = '';
  for (let i = 0; i < n; i++) {
    const r = peakRss(c);
    method = r.method;
    vals.push(r.mb);
  }
  return { method, values: vals, summary: summarize(vals) };
}
