// Peak RSS against the number of reports (issue #15 §1): the same 1,000 generated reports linked 10 and 100
// times over (hard links: 100,000 reports cost directory entries, not disk), every output format, standard
// output drained through a pipe as a CI log reads it (a pipe, not /dev/null, is where output can pile up).

import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnuTime } from './proc.js';

/** `copies` folders of hard links to the corpus files, under out/scale/<n>/; reused when complete. */
export function linkedCorpus(out, corpusDir, n) {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const copies = Math.ceil(n / files.length);
  const dir = join(out, 'scale', String(n));
  const stamp = join(dir, '.complete');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${n} ${files.length}\n`) return dir;
  rmSync(dir, { recursive: true, force: true });
  let made = 0;
  for (let c = 0; c < copies && made < n; c++) {
    const sub = join(dir, String(c).padStart(3, '0'));
    mkdirSync(sub, { recursive: true });
    for (const f of files) {
      if (made === n) break;
      linkSync(join(corpusDir, f), join(sub, f));
      made++;
    }
  }
  writeFileSync(stamp, `${n} ${files.length}\n`);
  return dir;
}

/**
 * Runs a command once, standard output read and discarded as it comes, and returns its peak RSS (MB, the whole
 * process including worker threads), wall time, exit code and the bytes it wrote.
 */
export function peakRssDrained(c) {
  const time = gnuTime();
  const preload = new URL('./rss-preload.js', import.meta.url);
  const rssFile = join(c.tmp, `rss-${process.pid}-${Date.now()}`);
  const [cmd, args, env] = time
    ? ['/usr/bin/time', ['-v', c.cmd, ...c.args], process.env]
    : [
        c.cmd,
        c.args,
        {
          ...process.env,
          BENCH_RSS_OUT: rssFile,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload.href}`.trim(),
        },
      ];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: c.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d) => {
      bytes += d.length;
    });
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-20000);
    });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      let mb = Number.NaN;
      if (time) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
        if (m) mb = Number(m[1]) / 1024;
      } else if (existsSync(rssFile)) {
        mb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile, { force: true });
      }
      // Exit status of the measured command (time -v reports it; without time it is the child's own).
      const status = time ? Number(/Exit status: (\d+)/.exec(err)?.[1] ?? code) : code;
      resolve({ mb, ms, code: status, bytes, method: time ?? 'process.resourceUsage().maxRSS preload' });
    });
  });
}
