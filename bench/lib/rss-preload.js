// Loaded with NODE_OPTIONS=--import=… when /usr/bin/time is missing: records the process's
// peak resident set size (KiB, includes worker threads) at exit.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // nothing sensible to do while exiting
    }
  });
}
