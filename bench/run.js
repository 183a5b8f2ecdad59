#!/usr/bin/env node
// fazhi-lint benchmark (issue #7): fazhi-lint against textlint + prh, markdownlint-cli2 and zhlint.
//
//   npm run bench                      (root script: node bench/run.js)
//   node bench/run.js [--quick] [--only cold,warm,throughput,rss,jieba,growth,lsp,annotate,memory] [--no-build]
//                     [--memory-sizes 1000,10000,100000]
//
// Installs the peers on first use (npm ci --prefix bench), generates the seeded corpus when it is
// missing (bench/generate.js), measures, prints a table, writes bench/RESULTS.md and
// bench/out/results.json. Every figure is a median with its spread; nothing is hard-coded.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, generatorHash } from './generate.js';
import { linkedCorpus, peakRssDrained } from './lib/memory.js';
import { commandLine, gnuTime, hyperfine, peakRssRepeated, runOnce, timeCommand } from './lib/proc.js';
import { fmtMs, fmtNum, logLogSlope, summarize } from './lib/stats.js';
import { writeWordReport } from './lib/word-report.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const OUT = join(BENCH, 'out');
const NODE = process.execPath;
const SEED = 20240707;
const COLD_FILE = 'fixtures/seeds/002_0ca269bc21c17480.txt';

// ---------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const NO_BUILD = argv.includes('--no-build');
const onlyArg = argv.find((a) => a.startsWith('--only'));
const ONLY = onlyArg
  ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(','))
  : null;
const want = (k) => !ONLY || ONLY.has(k);
const argValue = (name) => {
  const a = argv.find((x) => x === name || x.startsWith(`${name}=`));
  if (!a) return undefined;
  return a.includes('=') ? a.split('=')[1] : argv[argv.indexOf(a) + 1];
};
const MEMORY_SIZES = (argValue('--memory-sizes') ?? '1000,10000,100000').split(',').map(Number);
const R = QUICK
  ? {
      coldRuns: 8,
      coldWarmup: 1,
      warmWarmup: 10,
      warmIters: 50,
      corpusRuns: 2,
      rssRuns: 1,
      jiebaRuns: 5,
      growthBudget: 1500,
      growthIters: 5,
      lspChanges: 10,
    }
  : {
      coldRuns: 20,
      coldWarmup: 3,
      warmWarmup: 30,
      warmIters: 200,
      corpusRuns: 5,
      rssRuns: 3,
      jiebaRuns: 10,
      growthBudget: 4000,
      growthIters: 15,
      lspChanges: 30,
    };

const log = (...a) => console.error('[bench]', ...a);
const rel = (p) => relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------- setup
function ensurePeers() {
  if (existsSync(join(BENCH, 'node_modules', 'textlint'))) return;
  log('installing peers: npm ci --prefix bench');
  execFileSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

function ensureCorpus() {
  const mf = join(OUT, 'manifest.json');
  if (existsSync(mf)) {
    const m = JSON.parse(readFileSync(mf, 'utf8'));
    if (
      m.seed === SEED &&
      m.corpus?.count === 1000 &&
      m.generatorSha256 === generatorHash() &&
      existsSync(join(OUT, 'growth'))
    )
      return m;
  }
  log('generating corpus: node bench/generate.js');
  return generate({ seed: SEED, count: 1000, out: OUT, seeds: join(ROOT, 'fixtures', 'seeds') });
}

function fazhiState() {
  const st = {
    dist: existsSync(join(ROOT, 'dist', 'index.js')),
    bin: existsSync(join(ROOT, 'bin', 'fazhi-lint.js')),
    build: null,
  };
  if (!st.dist && existsSync(join(ROOT, 'src', 'index.ts')) && !NO_BUILD) {
    log('dist/index.js missing: npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    st.build =
      r.status === 0
        ? 'built'
        : `build failed (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(-5).join(' | ')}`;
    st.dist = existsSync(join(ROOT, 'dist', 'index.js'));
  }
  st.lsp = existsSync(join(ROOT, 'dist', 'lsp', 'server.js'));
  st.distBuiltAt = distStamp();
  st.jobs = false;
  if (st.bin) {
    const h = runOnce({ cmd: NODE, args: ['bin/fazhi-lint.js', '--help'], cwd: ROOT });
    st.help = h.status;
    st.jobs = /--jobs\b/.test(h.stdout + h.stderr);
  }
  try {
    st.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    st.dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'src', 'bin', 'rules', 'dict'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim() !== '';
  } catch {
    st.commit = 'unknown';
  }
  return st;
}

/** Newest mtime under dist/: tells whether the build changed while the benchmark ran. */
function distStamp() {
  const dir = join(ROOT, 'dist');
  if (!existsSync(dir)) return null;
  let newest = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return new Date(newest).toISOString();
}

function machine() {
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(os.availableParallelism());
    }
  })();
  return {
    date: new Date().toISOString(),
    nproc,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    npm: (() => {
      try {
        return execFileSync('npm', ['--version'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    os: `${os.type()} ${os.release()}`,
    loadavgStart: os.loadavg().map((v) => +v.toFixed(2)),
    hyperfine: hyperfine() ?? 'absent (Node spawnSync loop used)',
    rss: gnuTime() ?? 'absent (process.resourceUsage().maxRSS preload used)',
  };
}

function pkgVersion(name, base = join(BENCH, 'node_modules')) {
  try {
    return JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')).version;
  } catch {
    return 'missing';
  }
}

// ---------------------------------------------------------------------------- commands
const BIN = {
  textlint: join(BENCH, 'node_modules', 'textlint', 'bin', 'textlint.js'),
  markdownlint: join(BENCH, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
  zhlint: join(BENCH, 'node_modules', 'zhlint', 'bin', 'index.js'),
};

/** Command descriptors; `check(run)` says whether a captured run really linted. */
function commands(kind, fz) {
  const target = kind === 'cold' ? COLD_FILE : 'bench/out/corpus';
  const glob = kind === 'cold' ? COLD_FILE : 'bench/out/corpus/*.txt';
  const nFiles = kind === 'cold' ? 1 : 1000;
  const list = [];
  if (kind === 'cold')
    list.push({
      id: 'node',
      name: 'node -e 0',
      cmd: NODE,
      display: 'node',
      args: ['-e', '0'],
      cwd: ROOT,
      check: (r) => r.status === 0,
    });
  if (fz.bin) {
    const fazhiCheck = (r) => (r.status === 0 || r.status === 1) && !/Error:/.test(r.stderr);
    list.push({
      id: 'fazhi',
      // --jobs defaults to the number of cores: pin one thread for the single-process figure
      name: kind === 'corpus' && fz.jobs ? 'fazhi-lint --jobs 1' : 'fazhi-lint',
      cmd: NODE,
      display: 'node',
      args: ['bin/fazhi-lint.js', ...(kind === 'corpus' && fz.jobs ? ['--jobs', '1'] : []), target],
      cwd: ROOT,
      check: fazhiCheck,
    });
    if (kind === 'corpus' && fz.jobs) {
      const jobs = String(Math.max(2, os.availableParallelism()));
      list.push({
        id: 'fazhi-jobs',
        name: `fazhi-lint --jobs ${jobs}`,
        cmd: NODE,
        display: 'node',
        args: ['bin/fazhi-lint.js', '--jobs', jobs, target],
        cwd: ROOT,
        check: fazhiCheck,
      });
    }
  }
  list.push({
    id: 'textlint',
    name: 'textlint + prh + no-unmatched-pair',
    cmd: NODE,
    display: 'node',
    // textlint resolves rule packages from its cwd, so it runs from bench/
    args: [
      rel(BIN.textlint).replace(/^bench\//, ''),
      '--config',
      'peers/.textlintrc.json',
      kind === 'cold' ? `../${COLD_FILE}` : 'out/corpus',
    ],
    cwd: BENCH,
    cwdLabel: 'bench',
    check: (r) =>
      (r.status === 0 || r.status === 1) &&
      !/No rules found/.test(r.stdout + r.stderr) &&
      !/Error:/.test(r.stderr),
  });
  list.push({
    id: 'markdownlint',
    name: 'markdownlint-cli2 (parse-only baseline)',
    cmd: NODE,
    display: 'node',
    args: [rel(BIN.markdownlint), '--config', 'bench/peers/.markdownlint-cli2.jsonc', glob],
    cwd: ROOT,
    check: (r) =>
      (r.status === 0 || r.status === 1) && new RegExp(`Linting: ${nFiles} file`).test(r.stdout + r.stderr),
  });
  list.push({
    id: 'zhlint',
    name: 'zhlint (official-text config)',
    cmd: NODE,
    display: 'node',
    args: [rel(BIN.zhlint), glob, '--dir', 'bench/peers', '--config', 'zhlintrc.json'],
    cwd: ROOT,
    // zhlint catches its own crashes and still exits 0: count the files it started
    check: (r) =>
      (r.stdout.match(/^\[start\] /gm) ?? []).length === nFiles &&
      !/Error:|does not exist/.test(r.stdout.split('\n').slice(0, 5).join('\n')),
  });
  return list;
}

function countFindings(id, r) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colour codes
  const all = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  if (id === 'zhlint') return Number(/Found (\d+) errors?/.exec(all)?.[1] ?? 0);
  if (id === 'markdownlint') return Number(/Summary: (\d+) error/.exec(all)?.[1] ?? 0);
  if (id === 'textlint') return Number(/(\d+) problems?/.exec(all)?.[1] ?? 0);
  if (id.startsWith('fazhi')) {
    const m = [...all.matchAll(/(\d+)\s*(?:problems?|个问题)/g)].pop();
    return m ? Number(m[1]) : null;
  }
  return null;
}

function sanity(list) {
  const ok = [];
  const failed = [];
  for (const c of list) {
    const r = runOnce(c);
    c.sanity = {
      status: r.status,
      ms: Math.round(r.ms),
      findings: countFindings(c.id, r),
      outputBytes: r.stdout.length + r.stderr.length,
    };
    if (c.check(r)) ok.push(c);
    else {
      c.sanity.tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
      failed.push(c);
      log(`SANITY FAILED for ${c.name} (exit ${r.status}):\n${c.sanity.tail}`);
    }
  }
  return { ok, failed };
}

// ---------------------------------------------------------------------------- figures
function figCold(fz) {
  const { ok, failed } = sanity(commands('cold', fz));
  const rows = [];
  for (const c of ok) {
    log(`cold: ${c.name}`);
    const t = timeCommand(c, { runs: R.coldRuns, warmup: R.coldWarmup });
    rows.push({
      id: c.id,
      name: c.name,
      command: commandLine(c),
      method: t.method,
      exitCodes: t.exitCodes,
      summary: t.summary,
      times: t.times,
      sanity: c.sanity,
    });
  }
  return {
    file: COLD_FILE,
    rows,
    failed: failed.map((c) => ({ id: c.id, name: c.name, command: commandLine(c), sanity: c.sanity })),
  };
}

/** Issue #12: `fazhi-lint annotate` on a 20-page Word report, whole process, cold (goal: under 1 s). */
async function figAnnotate(fz) {
  if (!fz.bin || !fz.dist) return { notMeasured: 'fazhi-lint: not measured (dist/ or the CLI absent).' };
  const file = join(OUT, 'report-20-pages.docx');
  const chars = await writeWordReport(ROOT, file);
  const c = {
    id: 'fazhi-annotate',
    name: 'fazhi-lint annotate',
    cmd: NODE,
    display: 'node',
    args: ['bin/fazhi-lint.js', 'annotate', rel(file), '-o', `${rel(join(OUT, 'annotated'))}/`],
    cwd: ROOT,
  };
  const once = runOnce(c);
  if (once.status !== 0 && once.status !== 1)
    return { error: `exit ${once.status}: ${once.stderr.trim()}`, command: commandLine(c) };
  log('annotate: fazhi-lint annotate, 20 pages');
  const t = timeCommand(c, { runs: R.coldRuns, warmup: R.coldWarmup });
  return {
    file: rel(file),
    chars,
    command: commandLine(c),
    output: once.stdout.trim(),
    method: t.method,
    summary: t.summary,
    times: t.times,
  };
}

/** Corpus runs interleaved round-robin, so that drift in machine load hits every tool alike. */
function figThroughput(fz, manifest) {
  const { ok, failed } = sanity(commands('corpus', fz));
  const times = new Map(ok.map((c) => [c.id, []]));
  const loads = [];
  for (let round = 0; round < R.corpusRuns; round++) {
    for (const c of ok) {
      log(`throughput round ${round + 1}/${R.corpusRuns}: ${c.name}`);
      loads.push(os.loadavg()[0]);
      const t = timeCommand(c, { runs: 1, warmup: 0 }).times[0];
      times.get(c.id).push(t);
    }
  }
  const bytes = manifest.corpus.bytes;
  const rows = ok.map((c) => {
    const s = summarize(times.get(c.id));
    return {
      id: c.id,
      name: c.name,
      command: commandLine(c),
      times: times.get(c.id),
      summary: s,
      reportsPerS: {
        median: 1000 / (s.median / 1000),
        min: 1000 / (s.max / 1000),
        max: 1000 / (s.min / 1000),
      },
      mbPerS: {
        median: bytes / 1e6 / (s.median / 1000),
        min: bytes / 1e6 / (s.max / 1000),
        max: bytes / 1e6 / (s.min / 1000),
      },
      sanity: c.sanity,
    };
  });
  return {
    files: 1000,
    bytes,
    method: `${hyperfine() ? 'hyperfine -N, 1 run per call' : 'Node spawnSync'}, interleaved round-robin, ${R.corpusRuns} rounds`,
    jobsOption: fz.bin ? fz.jobs : null,
    loadavg1: summarize(loads),
    rows,
    failed: failed.map((c) => ({ id: c.id, name: c.name, command: commandLine(c), sanity: c.sanity })),
  };
}

function figRss(fz) {
  const rows = [];
  for (const kind of ['cold', 'corpus']) {
    for (const c of commands(kind, fz)) {
      if (c.id === 'node' && kind === 'corpus') continue;
      log(`peak RSS (${kind}): ${c.name}`);
      const r = peakRssRepeated(c, R.rssRuns);
      rows.push({
        kind,
        id: c.id,
        name: c.name,
        command: commandLine(c),
        method: r.method,
        values: r.values,
        summary: r.summary,
      });
    }
  }
  return rows;
}

function inproc(tool, mode, files, extra = []) {
  const args = [
    join(BENCH, 'lib', 'inproc.js'),
    '--tool',
    tool,
    '--mode',
    mode,
    '--files',
    files.join(','),
    ...extra,
  ];
  const r = spawnSync(NODE, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 30 * 60 * 1000,
  });
  if (r.status !== 0)
    return {
      error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-4).join(' | '),
      command: `node ${rel(args[0])} ${args.slice(1).join(' ')}`,
    };
  return {
    ...JSON.parse(r.stdout.trim().split('\n').pop()),
    command: `node ${rel(args[0])} ${args
      .slice(1)
      .map((a) => (a.startsWith('/') ? rel(a) : a))
      .join(' ')}`,
  };
}

function figWarm(fz, manifest) {
  const file = rel(join(OUT, manifest.single['report-10k-chars.txt'].file));
  const tools = [...(fz.dist ? ['fazhi'] : []), 'textlint', 'zhlint', 'markdownlint'];
  const rows = [];
  for (const t of tools) {
    log(`warm lint (10,000-char report): ${t}`);
    const iters = t === 'fazhi' ? R.warmIters : Math.round(R.warmIters / 2);
    const r = inproc(t, 'warm', [file], ['--warmup', String(R.warmWarmup), '--iters', String(iters)]);
    rows.push(
      r.error
        ? { id: t, error: r.error, command: r.command }
        : {
            id: t,
            name: r.tool,
            version: r.version,
            setupMs: r.setupMs,
            command: r.command,
            ...r.docs[0],
            times: undefined,
          },
    );
  }
  return { file, chars: manifest.single['report-10k-chars.txt'].chars, rows };
}

function figGrowth(fz, manifest) {
  const files = manifest.growth.map((g) => rel(join(OUT, g.file)));
  const tools = [...(fz.dist ? ['fazhi'] : []), 'textlint', 'zhlint', 'markdownlint'];
  const rows = [];
  for (const t of tools) {
    log(`growth 10 KB → 1 MB: ${t}`);
    const r = inproc(t, 'growth', files, [
      '--iters',
      String(R.growthIters),
      '--budget-ms',
      String(R.growthBudget),
    ]);
    if (r.error) {
      rows.push({ id: t, error: r.error, command: r.command });
      continue;
    }
    const pts = r.docs.map((d) => ({
      file: d.file,
      kb: d.bytes / 1000,
      chars: d.chars,
      findings: d.findings,
      n: d.summary.n,
      medianMs: d.summary.median,
      minMs: d.summary.min,
      maxMs: d.summary.max,
      msPerKb: d.summary.median / (d.bytes / 1000),
    }));
    const slope = logLogSlope(
      pts.map((p) => p.kb),
      pts.map((p) => p.medianMs),
    );
    const perKbGrowth = pts[pts.length - 1].msPerKb / pts[0].msPerKb;
    rows.push({
      id: t,
      name: r.tool,
      version: r.version,
      command: r.command,
      points: pts,
      slope,
      perKbGrowth,
      superlinear: slope > 1.15 || perKbGrowth > 2,
    });
  }
  return rows;
}

function figJieba() {
  const userDict = existsSync(join(ROOT, 'dict', 'domain.txt')) ? join(ROOT, 'dict', 'domain.txt') : null;
  if (!existsSync(join(ROOT, 'node_modules', '@node-rs', 'jieba')))
    return { error: '@node-rs/jieba not installed in the project (npm ci at the root first)' };
  const runs = [];
  const args = [join(BENCH, 'lib', 'jieba-load.js'), ...(userDict ? [userDict] : [])];
  for (let i = 0; i < R.jiebaRuns; i++) {
    const r = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-3).join(' | ') };
    runs.push(JSON.parse(r.stdout));
  }
  const pick = (k) => summarize(runs.map((x) => x[k]).filter((v) => v !== undefined));
  const ours = [];
  for (let i = 0; i < R.jiebaRuns; i++) {
    const r = spawnSync(NODE, [args[0], '--segmenter'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-3).join(' | ') };
    ours.push(JSON.parse(r.stdout));
  }
  const pickOurs = (k) => summarize(ours.map((x) => x[k]));
  return {
    segmenter: {
      command: `node ${rel(args[0])} --segmenter  (× ${R.jiebaRuns} fresh processes)`,
      load: pickOurs('loadMs'),
      firstCuts: pickOurs('firstCutsMs'),
      total: pickOurs('totalMs'),
      rssMb: pickOurs('rssMb'),
    },
    command: `node ${rel(args[0])}${userDict ? ` ${rel(userDict)}` : ''}  (× ${R.jiebaRuns} fresh processes)`,
    version: runs[0].version,
    defaultDictBytes: runs[0].defaultDictBytes,
    userDict: userDict ? rel(userDict) : null,
    userDictLines: runs[0].userDictLines,
    requireAddon: pick('requireAddonMs'),
    requireDict: pick('requireDictMs'),
    withDict: pick('withDictMs'),
    loadUserDict: pick('loadUserDictMs'),
    total: pick('totalMs'),
    rssMb: pick('rssMb'),
  };
}

function figLsp(fz, manifest) {
  if (!fz.lsp)
    return { notMeasured: 'not measured: no language server yet (dist/lsp/server.js does not exist)' };
  const doc = join(OUT, manifest.single['report-20k-chars.txt'].file);
  const args = [
    join(BENCH, 'lib', 'lsp-latency.js'),
    join(ROOT, 'dist', 'lsp', 'server.js'),
    doc,
    String(R.lspChanges),
  ];
  const r = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  const command = `node ${args.map((a) => (a.startsWith('/') ? rel(a) : a)).join(' ')}`;
  try {
    return { command, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
  } catch {
    return { command, error: (r.stderr || `exit ${r.status}`).slice(-1000) };
  }
}

/** Output formats whose peak RSS is measured against the number of reports (section 8). */
const MEMORY_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'checkstyle', 'codequality', 'github'];

async function figMemory(fz, manifest) {
  if (!fz.bin) return { notMeasured: 'not measured: bin/fazhi-lint.js absent' };
  const dirs = new Map();
  for (const n of MEMORY_SIZES) {
    log(`memory: corpus of ${n} reports (hard links)`);
    dirs.set(
      n,
      n === manifest.corpus.count ? join(OUT, 'corpus') : linkedCorpus(OUT, join(OUT, 'corpus'), n),
    );
  }
  const runs = [
    ...MEMORY_FORMATS.map((f) => ({ id: f, args: ['--jobs', '1', '-f', f] })),
    { id: 'summary', args: ['summary', '--jobs', '1'] },
    { id: 'json --jobs 2', args: ['--jobs', '2', '-f', 'json'] },
  ];
  const tmp = join(OUT, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const rows = [];
  for (const r of runs) {
    const points = [];
    for (const n of MEMORY_SIZES) {
      log(`memory: ${r.id}, ${n} reports`);
      const dir = rel(dirs.get(n));
      const c = { cmd: NODE, args: ['bin/fazhi-lint.js', ...r.args, dir], cwd: ROOT, tmp };
      const m = await peakRssDrained(c);
      points.push({
        reports: n,
        mb: m.mb,
        ms: m.ms,
        code: m.code,
        outputBytes: m.bytes,
        method: m.method,
        command: commandLine({ ...c, display: 'node' }),
      });
    }
    const steps = points.slice(1).map((p, i) => p.mb / points[i].mb);
    rows.push({
      id: r.id,
      points,
      steps,
      flat: steps.every((x) => x <= 1.1) && points.every((p) => p.mb < 200),
      under200: points.every((p) => p.mb < 200),
    });
  }
  return { sizes: MEMORY_SIZES, rows, method: rows[0]?.points[0]?.method };
}

// ---------------------------------------------------------------------------- report
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const PEER_IDS = ['textlint', 'markdownlint', 'zhlint'];
const PEER_NAME = { textlint: 'textlint', markdownlint: 'markdownlint-cli2', zhlint: 'zhlint' };

function ratiosFor(rows, getMed, getLo, getHi, fazhiId = 'fazhi') {
  const f = rows.find((r) => r.id === fazhiId);
  if (!f) return null;
  const out = {};
  for (const p of PEER_IDS) {
    const r = rows.find((q) => q.id === p);
    if (!r) continue;
    out[p] = {
      median: ratio(getMed(f), getMed(r)),
      low: ratio(getLo(f), getHi(r)),
      high: ratio(getHi(f), getLo(r)),
    };
  }
  return out;
}

/**
 * The throughput goal of issue #15 §4 as one line: how many times faster than markdownlint-cli2 fazhi-lint
 * (--jobs 1) lints the same 1,000 files, by median wall time in one run, with textlint measured alongside.
 */
function speedUp(rows) {
  const f = rows.find((r) => r.id === 'fazhi');
  const m = rows.find((r) => r.id === 'markdownlint');
  const t = rows.find((r) => r.id === 'textlint');
  if (!f || !m) return null;
  const times = (peer) => (peer.summary.median / f.summary.median).toFixed(2);
  return `Speed-up of fazhi-lint --jobs 1 over markdownlint-cli2 on the same 1,000 files: ${times(m)}× (medians of this run; goal ≥ 3.5×)${t ? `; over textlint: ${times(t)}×` : ''}.`;
}

function ratioText(rt) {
  if (!rt) return 'n/a (fazhi-lint not measured)';
  return Object.entries(rt)
    .map(([p, v]) => `vs ${PEER_NAME[p]} ${x(v.median)} (bounds ${x(v.low)}–${x(v.high)})`)
    .join('; ');
}

/** The section `bench/serve-load.js` writes into RESULTS.md (between its markers), kept when this file is rewritten. */
function keptSection(path) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const a = text.indexOf('<!-- serve-load:begin -->');
  const b = text.indexOf('<!-- serve-load:end -->');
  return a >= 0 && b > a ? `\n${text.slice(a, b + '<!-- serve-load:end -->'.length)}\n` : '';
}

function buildMarkdown(res) {
  const m = res.machine;
  const L = [];
  L.push('# fazhi-lint benchmark results', '');
  L.push(
    'Generated by `npm run bench` (`node bench/run.js' +
      (QUICK ? ' --quick' : '') +
      (ONLY ? ` --only ${[...ONLY].join(',')}` : '') +
      '`). Do not edit by hand: rerun.',
    '',
  );
  L.push('## Machine', '');
  L.push(`| fact | value |`, `|---|---|`);
  L.push(
    `| date | ${m.date} |`,
    `| nproc | ${m.nproc} |`,
    `| CPU | ${m.cpu} |`,
    `| memory | ${m.memGiB} GiB |`,
    `| OS | ${m.os} |`,
  );
  L.push(
    `| Node / npm | ${m.node} / ${m.npm} |`,
    `| load average (1/5/15 min) at start → end | ${m.loadavgStart.join(' / ')} → ${m.loadavgEnd.join(' / ')} |`,
  );
  L.push(`| wall-time tool | ${m.hyperfine} |`, `| peak-RSS tool | ${m.rss} |`);
  L.push(
    `| fazhi-lint | ${res.fazhi.version ?? 'n/a'} at commit ${res.fazhi.commit}${res.fazhi.dirty ? ' (+ uncommitted changes in src/bin/rules/dict)' : ''}; dist: ${res.fazhi.dist ? 'yes' : 'no'}; CLI: ${res.fazhi.bin ? 'yes' : 'no'}; --jobs: ${res.fazhi.jobs ? 'yes' : 'no'}${res.fazhi.build ? `; ${res.fazhi.build}` : ''} |`,
  );
  L.push(
    `| fazhi-lint dist/ built at | ${res.fazhi.distBuiltAt ?? 'n/a'}${res.fazhi.distBuiltAtEnd !== res.fazhi.distBuiltAt ? ` → **rebuilt during the run (${res.fazhi.distBuiltAtEnd}): fazhi-lint figures mix two builds, rerun**` : ' (unchanged during the run)'} |`,
  );
  L.push(
    `| peers | ${Object.entries(res.peers)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
  );
  L.push('');
  L.push(
    'The machine is shared and noisy (2 cores): read medians with their spread, and ratios as rough. Time ratios are fazhi-lint ÷ peer: below 1× fazhi-lint is faster. Ratio bounds pair the best run of one with the worst of the other, so they are wide on purpose.',
    '',
  );
  const c = res.corpus;
  L.push(
    `Corpus: \`node bench/generate.js\` (seed ${c.seed}, mulberry32) from ${c.seedCount} real reports in fixtures/seeds: 1,000 reports, ${(c.corpus.bytes / 1e6).toFixed(2)} MB (${c.corpus.minBytes}–${c.corpus.maxBytes} B each, sha256 ${c.corpus.sha256.slice(0, 12)}…); growth documents ${c.growth.map((g) => `${(g.bytes / 1000).toFixed(0)} KB`).join(', ')}; editor document ${c.single['report-10k-chars.txt'].chars} chars; LSP document ${c.single['report-20k-chars.txt'].chars} chars.`,
    '',
  );

  if (res.cold) {
    L.push(
      '## 1. Cold CLI on one report',
      '',
      `File: \`${res.cold.file}\`. Whole process, output discarded; ${R.coldWarmup} warm-up + ${R.coldRuns} runs each.`,
      '',
    );
    L.push(
      '| tool | median | IQR | min–max | findings | command (cwd = repository root) |',
      '|---|---|---|---|---|---|',
    );
    for (const r of res.cold.rows)
      L.push(
        `| ${r.name} | ${fmtNum(r.summary.median, 0)} ms | ${fmtNum(r.summary.q1, 0)}–${fmtNum(r.summary.q3, 0)} | ${fmtNum(r.summary.min, 0)}–${fmtNum(r.summary.max, 0)} | ${r.sanity?.findings ?? '—'} | \`${r.command}\` |`,
      );
    for (const r of res.cold.failed)
      L.push(`| ${r.name} | **failed sanity check** (exit ${r.sanity.status}) | | | | \`${r.command}\` |`);
    L.push('', `fazhi-lint time ratio: ${ratioText(res.ratios.cold)}.`, '');
  }
  if (res.warm) {
    L.push(
      '## 2. Warm lint in a long-lived process (editor case)',
      '',
      `Document \`${res.warm.file}\` (${res.warm.chars} characters); library API called in a loop after ${R.warmWarmup} untimed calls.`,
      '',
    );
    L.push(
      '| tool | median | IQR | min–max | n | findings | setup (load+config) | command |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const r of res.warm.rows) {
      if (r.error) L.push(`| ${r.id} | **error**: ${r.error} | | | | | | \`${r.command}\` |`);
      else
        L.push(
          `| ${r.name} ${r.version} | ${fmtNum(r.summary.median, 2)} ms | ${fmtNum(r.summary.q1, 2)}–${fmtNum(r.summary.q3, 2)} | ${fmtNum(r.summary.min, 2)}–${fmtNum(r.summary.max, 2)} | ${r.summary.n} | ${r.findings} | ${fmtNum(r.setupMs, 0)} ms | \`${r.command}\` |`,
        );
    }
    if (!res.fazhi.dist) L.push('', 'fazhi-lint: not measured (dist/index.js absent).');
    L.push('', `fazhi-lint time ratio: ${ratioText(res.ratios.warm)}.`, '');
  }
  if (res.throughput) {
    const t = res.throughput;
    L.push(
      '## 3. Throughput on the 1,000-report corpus',
      '',
      `${t.files} files, ${(t.bytes / 1e6).toFixed(2)} MB, one process per tool per run; ${t.method}. 1-min load average during the runs: median ${fmtNum(t.loadavg1.median, 2)} (${fmtNum(t.loadavg1.min, 2)}–${fmtNum(t.loadavg1.max, 2)}).`,
      '',
    );
    L.push(
      '| tool | wall median | min–max | reports/s (range) | MB/s (range) | findings | command |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of t.rows)
      L.push(
        `| ${r.name} | ${fmtNum(r.summary.median / 1000, 2)} s | ${fmtNum(r.summary.min / 1000, 2)}–${fmtNum(r.summary.max / 1000, 2)} s | ${fmtNum(r.reportsPerS.median, 0)} (${fmtNum(r.reportsPerS.min, 0)}–${fmtNum(r.reportsPerS.max, 0)}) | ${fmtNum(r.mbPerS.median, 2)} (${fmtNum(r.mbPerS.min, 2)}–${fmtNum(r.mbPerS.max, 2)}) | ${r.sanity?.findings ?? '—'} | \`${r.command}\` |`,
      );
    for (const r of t.failed)
      L.push(`| ${r.name} | **failed sanity check** (exit ${r.sanity.status}) | | | | | \`${r.command}\` |`);
    if (t.jobsOption === false)
      L.push('', 'Worker threads: not measured — the CLI has no `--jobs` option yet.');
    if (t.jobsOption === null) L.push('', 'fazhi-lint: not measured (bin/fazhi-lint.js absent).');
    L.push('', `fazhi-lint time ratio (single process): ${ratioText(res.ratios.throughput)}.`);
    const speed = speedUp(res.throughput.rows);
    if (speed) L.push('', `**${speed}**`);
    if (res.ratios.throughputJobs)
      L.push(`fazhi-lint --jobs time ratio: ${ratioText(res.ratios.throughputJobs)}.`);
    L.push(
      '',
      'zhlint and markdownlint report thousands of findings (halfwidth punctuation in the real seed text; MD041/MD047 on plain text), so their times include printing them; "findings" comes from one captured run.',
      '',
    );
  }
  if (res.rss) {
    L.push('## 4. Peak RSS', '', `${res.rss[0]?.method ?? ''}, median of ${R.rssRuns} run(s).`, '');
    L.push('| tool | one report | 1,000 reports |', '|---|---|---|');
    const ids = [...new Set(res.rss.map((r) => r.id))];
    for (const id of ids) {
      const a = res.rss.find((r) => r.id === id && r.kind === 'cold');
      const b = res.rss.find((r) => r.id === id && r.kind === 'corpus');
      const f = (r) =>
        r
          ? `${fmtNum(r.summary.median, 0)} MB (${fmtNum(r.summary.min, 0)}–${fmtNum(r.summary.max, 0)})`
          : '—';
      L.push(`| ${(a ?? b).name} | ${f(a)} | ${f(b)} |`);
    }
    L.push('', 'Commands: as in sections 1 and 3, each under the RSS tool.', '');
  }
  if (res.jieba) {
    const j = res.jieba;
    L.push('## 5. jieba dictionary load', '');
    if (j.error) L.push(`Not measured: ${j.error}`, '');
    else {
      L.push(
        `\`${j.command}\`; @node-rs/jieba ${j.version}, default dictionary ${(j.defaultDictBytes / 1e6).toFixed(1)} MB${j.userDict ? `, user dictionary ${j.userDict} (${j.userDictLines} lines)` : ', no user dictionary found'}. Note: in @node-rs/jieba 2.x \`new Jieba()\` takes no dictionary; the default one loads through \`Jieba.withDict(dict)\` (what src/segment/index.ts does).`,
        '',
      );
      L.push('| step | median | IQR | min–max |', '|---|---|---|---|');
      for (const [k, label] of [
        ['requireAddon', "require('@node-rs/jieba') (native addon)"],
        ['requireDict', "require('@node-rs/jieba/dict.js') (reads 5 MB)"],
        ['withDict', 'Jieba.withDict(dict)'],
        ['loadUserDict', 'jieba.loadDict(user dictionary)'],
        ['total', 'total until usable'],
      ]) {
        const s = j[k];
        if (s?.n)
          L.push(
            `| ${label} | ${fmtNum(s.median, 1)} ms | ${fmtNum(s.q1, 1)}–${fmtNum(s.q3, 1)} | ${fmtNum(s.min, 1)}–${fmtNum(s.max, 1)} |`,
          );
      }
      L.push('', `RSS after load: ${fmtNum(j.rssMb.median, 0)} MB.`, '');
      const o = j.segmenter;
      L.push(
        "What fazhi-lint pays instead (src/segment/index.ts: dict.txt indexed in place, each clause cut by a jieba built from the clause's own dictionary words plus a filler word carrying the total frequency; the same cuts, see test/segment):",
        '',
        `\`${o.command}\``,
        '',
        '| step | median | IQR | min–max |',
        '|---|---|---|---|',
      );
      for (const [k, label] of [
        ['load', 'getSegmenter() (addon + index of dict.txt + user dictionary)'],
        ['firstCuts', 'first two clause cuts'],
        ['total', 'total until the first words'],
      ]) {
        const s = o[k];
        L.push(
          `| ${label} | ${fmtNum(s.median, 1)} ms | ${fmtNum(s.q1, 1)}–${fmtNum(s.q3, 1)} | ${fmtNum(s.min, 1)}–${fmtNum(s.max, 1)} |`,
        );
      }
      L.push('', `RSS after the first cuts: ${fmtNum(o.rssMb.median, 0)} MB.`, '');
    }
  }
  if (res.growth) {
    L.push(
      '## 6. Growth from 10 KB to 1 MB in one document',
      '',
      `In-process library calls, ${R.growthBudget} ms budget per size (3–${R.growthIters} timed calls after 1 untimed; 10 untimed calls on the 10 KB document first, for JIT warm-up). Slope = least-squares exponent of time against size (1 = linear, 2 = quadratic); flagged superlinear when slope > 1.15 or ms/KB at 1 MB exceeds 2× ms/KB at 10 KB.`,
      '',
    );
    const sizes = res.growth.find((g) => g.points)?.points.map((p) => `${Math.round(p.kb)} KB`) ?? [];
    L.push(
      `| tool | ${sizes.map((s) => `${s} ms (ms/KB)`).join(' | ')} | slope | ms/KB 1 MB ÷ 10 KB | verdict |`,
      `|---|${sizes.map(() => '---|').join('')}---|---|---|`,
    );
    for (const g of res.growth) {
      if (g.error) L.push(`| ${g.id} | **error**: ${g.error} |`);
      else
        L.push(
          `| ${g.name} | ${g.points.map((p) => `${fmtNum(p.medianMs, p.medianMs < 100 ? 1 : 0)} (${fmtNum(p.msPerKb, 3)})`).join(' | ')} | ${fmtNum(g.slope, 2)} | ${x(g.perKbGrowth)} | ${g.superlinear ? '**superlinear**' : 'linear'} |`,
        );
    }
    L.push('', `Commands: ${res.growth.map((g) => `\`${g.command}\``).join('; ')}.`, '');
    if (!res.fazhi.dist) L.push('fazhi-lint: not measured (dist/index.js absent).', '');
  }
  if (res.lsp) {
    const l = res.lsp;
    L.push('## 7. Language server: change → diagnostics', '');
    if (l.notMeasured) L.push(l.notMeasured, '');
    else if (l.error) L.push(`Failed: ${l.error}`, '', `Command: \`${l.command}\``, '');
    else {
      L.push(
        `\`${l.command}\`: document of ${l.chars} characters, ${l.changes} full-text didChange edits one after another; time from sending the change to publishDiagnostics for that version (server debounce included).`,
        '',
      );
      L.push(
        `| measure | value |`,
        `|---|---|`,
        `| initialize | ${fmtNum(l.initializeMs, 0)} ms |`,
        `| didOpen → diagnostics | ${fmtNum(l.openToDiagnosticsMs, 0)} ms (${l.openFindings} diagnostics) |`,
      );
      L.push(`| didChange → diagnostics | ${fmtMs(l.summary)} |`, '');
    }
  }
  if (res.annotate) {
    const a = res.annotate;
    L.push('## 8. Annotating a 20-page Word report (issue #12)', '');
    if (a.notMeasured) L.push(a.notMeasured, '');
    else if (a.error) L.push(`Failed: ${a.error}`, '', `Command: \`${a.command}\``, '');
    else
      L.push(
        `\`${a.command}\`: a .docx of ${a.chars} characters of the real reports' text (\`bench/lib/word-report.js\`; LibreOffice lays it out on 20 pages), read, linted and written back with every finding a comment and every safe fix a tracked change; whole process, cold, ${R.coldWarmup} warm-up + ${R.coldRuns} runs. Goal: under 1 s.`,
        '',
        '| measure | value |',
        '|---|---|',
        `| wall time | ${fmtMs(a.summary)} |`,
        `| output | ${a.output} |`,
        '',
      );
  }
  if (res.memory) {
    const m = res.memory;
    L.push('## 9. Peak RSS against the number of reports', '');
    if (m.notMeasured) L.push(m.notMeasured, '');
    else {
      L.push(
        `The 1,000-report corpus, and ${m.sizes
          .filter((n) => n !== 1000)
          .map((n) => n.toLocaleString('en'))
          .join(
            ' and ',
          )} reports made of hard links to it (\`bench/out/scale/<n>/\`); one run each, standard output read through a pipe and discarded, peak RSS by ${m.method} (the whole process, worker threads included). "step" is each size's peak over the previous one's.`,
        '',
      );
      L.push(
        `| format | ${m.sizes.map((n) => `${n.toLocaleString('en')} reports`).join(' | ')} | ${m.sizes
          .slice(1)
          .map((n, i) => `step ${m.sizes[i] / 1000}k→${n / 1000}k`)
          .join(
            ' | ',
          )} | wall time at ${(m.sizes.at(-1) / 1000).toLocaleString('en')}k | output at ${(m.sizes.at(-1) / 1000).toLocaleString('en')}k |`,
        `|---|${m.sizes.map(() => '---|').join('')}${m.sizes
          .slice(1)
          .map(() => '---|')
          .join('')}---|---|`,
      );
      for (const r of m.rows) {
        const last = r.points.at(-1);
        L.push(
          `| ${r.id} | ${r.points.map((p) => `${fmtNum(p.mb, 0)} MB`).join(' | ')} | ${r.steps
            .map((x) => `${x > 1.1 ? '**' : ''}${((x - 1) * 100).toFixed(0)} %${x > 1.1 ? '**' : ''}`)
            .join(' | ')} | ${fmtNum(last.ms / 1000, 0)} s | ${(last.outputBytes / 1e6).toFixed(0)} MB |`,
        );
      }
      L.push(
        '',
        `Commands: \`${m.rows[0]?.points[0]?.command}\` and the same with each format (\`-f …\`), \`summary\`, and \`--jobs 2\`, on each corpus folder. Exit codes: ${[
          ...new Set(m.rows.flatMap((r) => r.points.map((p) => p.code))),
        ].join(', ')} (1: findings).`,
        '',
      );
    }
  }
  L.push(
    '## Raw data',
    '',
    'Every run time is in `bench/out/results.json` (git-ignored; regenerate with `npm run bench`).',
    '',
  );
  return `${L.join('\n')}\n`;
}

function printTable(res) {
  const rows = [];
  const add = (figure, tool, value, spread, ratio) =>
    rows.push({ figure, tool, value, spread, 'fazhi÷peer': ratio ?? '' });
  const rt = (set, id) => (set?.[id] ? x(set[id].median) : '');
  for (const r of res.cold?.rows ?? [])
    add(
      '1 cold CLI',
      r.name,
      `${fmtNum(r.summary.median, 0)} ms`,
      `${fmtNum(r.summary.min, 0)}–${fmtNum(r.summary.max, 0)}`,
      rt(res.ratios.cold, r.id),
    );
  for (const r of res.warm?.rows ?? [])
    if (!r.error)
      add(
        '2 warm 10k chars',
        r.name,
        `${fmtNum(r.summary.median, 2)} ms`,
        `IQR ${fmtNum(r.summary.q1, 2)}–${fmtNum(r.summary.q3, 2)}`,
        rt(res.ratios.warm, r.id),
      );
  const speed = res.throughput && speedUp(res.throughput.rows);
  if (speed) console.error(`[bench] ${speed}`);
  for (const r of res.throughput?.rows ?? [])
    add(
      '3 throughput',
      r.name,
      `${fmtNum(r.reportsPerS.median, 0)} rep/s, ${fmtNum(r.mbPerS.median, 2)} MB/s`,
      `${fmtNum(r.reportsPerS.min, 0)}–${fmtNum(r.reportsPerS.max, 0)} rep/s`,
      rt(res.ratios.throughput, r.id),
    );
  for (const r of res.rss ?? [])
    if (r.kind === 'corpus')
      add(
        '4 peak RSS corpus',
        r.name,
        `${fmtNum(r.summary.median, 0)} MB`,
        `${fmtNum(r.summary.min, 0)}–${fmtNum(r.summary.max, 0)}`,
      );
  if (res.jieba?.total)
    add(
      '5 jieba load',
      '@node-rs/jieba, whole dictionary',
      `${fmtNum(res.jieba.total.median, 0)} ms`,
      `${fmtNum(res.jieba.total.min, 0)}–${fmtNum(res.jieba.total.max, 0)}`,
    );
  if (res.jieba?.segmenter)
    add(
      '5 jieba load',
      'fazhi-lint segmenter, until first words',
      `${fmtNum(res.jieba.segmenter.total.median, 0)} ms`,
      `${fmtNum(res.jieba.segmenter.total.min, 0)}–${fmtNum(res.jieba.segmenter.total.max, 0)}`,
    );
  for (const g of res.growth ?? [])
    if (!g.error)
      add(
        '6 growth',
        g.name,
        `slope ${fmtNum(g.slope, 2)}`,
        `ms/KB ×${fmtNum(g.perKbGrowth, 2)}`,
        g.superlinear ? 'SUPERLINEAR' : '',
      );
  if (res.lsp)
    add(
      '7 LSP change→diag',
      'fazhi-lint',
      res.lsp.summary ? `${fmtNum(res.lsp.summary.median, 0)} ms` : (res.lsp.notMeasured ?? res.lsp.error),
      res.lsp.summary ? `${fmtNum(res.lsp.summary.min, 0)}–${fmtNum(res.lsp.summary.max, 0)}` : '',
    );
  if (res.annotate?.summary)
    add(
      '8 annotate 20 pages',
      'fazhi-lint annotate',
      `${fmtNum(res.annotate.summary.median, 0)} ms`,
      `${fmtNum(res.annotate.summary.min, 0)}–${fmtNum(res.annotate.summary.max, 0)}`,
    );
  for (const r of res.memory?.rows ?? [])
    add(
      '9 peak RSS by reports',
      r.id,
      `${r.points.map((p) => fmtNum(p.mb, 0)).join(' / ')} MB`,
      `steps ${r.steps.map((x) => `${((x - 1) * 100).toFixed(0)}%`).join(', ')}`,
    );
  console.table(rows);
}

// ---------------------------------------------------------------------------- main
const started = Date.now();
ensurePeers();
const manifest = ensureCorpus();
const fz = fazhiState();
if (fz.dist || fz.bin) fz.version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
log(
  `fazhi-lint: dist ${fz.dist ? 'present' : 'absent'}, CLI ${fz.bin ? 'present' : 'absent'}, --jobs ${fz.jobs ? 'yes' : 'no'}, LSP ${fz.lsp ? 'present' : 'absent'}`,
);
const res = {
  machine: machine(),
  options: { quick: QUICK, only: ONLY ? [...ONLY] : null, runs: R },
  corpus: manifest,
  fazhi: fz,
  peers: Object.fromEntries(
    [
      'textlint',
      'textlint-rule-prh',
      '@textlint-rule/textlint-rule-no-unmatched-pair',
      'markdownlint-cli2',
      'markdownlint',
      'zhlint',
    ].map((p) => [p, pkgVersion(p)]),
  ),
  ratios: {},
};
if (want('cold')) res.cold = figCold(fz);
if (want('warm')) res.warm = figWarm(fz, manifest);
if (want('throughput')) res.throughput = figThroughput(fz, manifest);
if (want('rss')) res.rss = figRss(fz);
if (want('jieba')) res.jieba = figJieba();
if (want('growth')) res.growth = figGrowth(fz, manifest);
if (want('lsp')) res.lsp = figLsp(fz, manifest);
if (want('annotate')) res.annotate = await figAnnotate(fz);
if (want('memory')) res.memory = await figMemory(fz, manifest);
res.machine.loadavgEnd = os.loadavg().map((v) => +v.toFixed(2));
res.fazhi.distBuiltAtEnd = distStamp();
if (res.fazhi.distBuiltAtEnd !== res.fazhi.distBuiltAt)
  log('WARNING: dist/ was rebuilt while the benchmark ran; fazhi-lint figures mix builds');
res.elapsedS = Math.round((Date.now() - started) / 1000);

const med = (r) => r.summary.median;
const lo = (r) => r.summary.min;
const hi = (r) => r.summary.max;
if (res.cold) res.ratios.cold = ratiosFor(res.cold.rows, med, lo, hi);
if (res.warm)
  res.ratios.warm = ratiosFor(
    res.warm.rows.filter((r) => !r.error),
    med,
    lo,
    hi,
  );
if (res.throughput) {
  res.ratios.throughput = ratiosFor(res.throughput.rows, med, lo, hi);
  res.ratios.throughputJobs = ratiosFor(res.throughput.rows, med, lo, hi, 'fazhi-jobs');
}

writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(res, null, 1)}\n`);
if (!ONLY)
  writeFileSync(join(BENCH, 'RESULTS.md'), buildMarkdown(res) + keptSection(join(BENCH, 'RESULTS.md')));
else writeFileSync(join(OUT, 'RESULTS.partial.md'), buildMarkdown(res));
printTable(res);
log(
  `done in ${res.elapsedS} s → bench/out/results.json, ${ONLY ? 'bench/out/RESULTS.partial.md' : 'bench/RESULTS.md'}`,
);
