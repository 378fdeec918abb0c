/** Median and 95th percentile of a list of timings (ms). */
export function summarize(values: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** One printed line: label, median, p95, goal and whether it was met. */
export function line(label: string, values: readonly number[], goalMs?: number): string {
  const s = summarize(values);
  const goal =
    goalMs === undefined
      ? ''
      : `  goal ≤ ${goalMs} ms: ${s.p95 <= goalMs ? 'met (p95)' : s.median <= goalMs ? 'met (median only)' : 'NOT met'}`;
  return `${label.padEnd(46)} median ${s.median.toFixed(1).padStart(8)} ms   p95 ${s.p95.toFixed(1).padStart(8)} ms   (n=${s.n})${goal}`;
}
