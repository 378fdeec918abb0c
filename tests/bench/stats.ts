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

/** A number of ms as the tables print it: one decimal below 100, whole ms with thousands separators above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en');
}

/** "median / p95" of a list of timings, or "—" when there are none. */
export function cell(values: readonly number[]): string {
  if (values.length === 0) return '—';
  const s = summarize(values);
  return `${ms(s.median)} / ${ms(s.p95)}`;
}

/** Whether timings meet a goal: by the 95th percentile, by the median only, or not. */
export function verdict(values: readonly number[], goalMs: number | undefined): string {
  if (goalMs === undefined || values.length === 0) return '';
  const s = summarize(values);
  return s.p95 <= goalMs ? 'met' : s.median <= goalMs ? 'median only' : '**not met**';
}
