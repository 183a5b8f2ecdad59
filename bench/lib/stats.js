// Small statistics helpers: every figure is reported as a median with its spread.

export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Summary of a sample: n, median, q1, q3, min, max, mean (same unit as the input). */
export function summarize(values) {
  const s = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0)
    return {
      n: 0,
      median: Number.NaN,
      q1: Number.NaN,
      q3: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      mean: Number.NaN,
    };
  return {
    n: s.length,
    median: quantile(s, 0.5),
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/** Format a summary in ms: "123 ms (IQR 120–130, min–max 118–160, n=20)". */
export function fmtMs(sum, digits) {
  if (!sum?.n) return 'n/a';
  const d = digits ?? (sum.median < 10 ? 2 : sum.median < 100 ? 1 : 0);
  const f = (v) => v.toFixed(d);
  return `${f(sum.median)} ms (IQR ${f(sum.q1)}–${f(sum.q3)}; min–max ${f(sum.min)}–${f(sum.max)}; n=${sum.n})`;
}

export function fmtNum(v, digits = 1) {
  if (!Number.isFinite(v)) return 'n/a';
  return v.toFixed(digits);
}

/** Least-squares slope of log(y) against log(x): 1 = linear, 2 = quadratic. */
export function logLogSlope(xs, ys) {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const n = lx.length;
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}
