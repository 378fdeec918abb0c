// `node tests/bench/query.bench.ts`: the register's in-memory filters and full-text search (queryLoadedRegister in
// renderer/features/register/register-query.ts) on realistic rows, outside the browser: the code as it was
// (tests/bench/query-before.ts) against the current code, in the same run, runs alternating between the two. The same
// figures as `npm run bench` takes in Chromium ("filtered page, in memory" and "search"), with the same filters and
// searches in rotation, each checked first to give the same rows in the same order both ways. Each run is timed by the
// wall clock and by this process's CPU time, which other work on a shared machine disturbs less. Figures, not
// pass/fail. Knobs: QUERY_SIZES (comma list, default 50000,150000), QUERY_RUNS (timings per figure, default 100).
//
// The rows are made as the app makes them (makeAppeal → toRegisterRow), then read back from JSON in parts of 5,000 in
// id order, as the index reads its register snapshot (register-snapshot.ts): each row with its own strings, laid out
// in memory in id order. Where rows sit matters: walking them in another order than memory's costs cache misses.
import '../helpers/node-hooks.ts';
import { availableParallelism, loadavg } from 'node:os';

import type { DueFilter } from '../../renderer/features/register/register-query.ts';
import type { RegisterRow } from '../../shared/schema/register-row.schema.ts';

const { makeAppeal, rng } = await import('./page/fixture.ts');
const { toRegisterRow } = await import('../../renderer/data/register-projection.ts');
const { DEFAULT_SORT, EMPTY_FILTER, queryLoadedRegister } = await import('../../renderer/features/register/register-query.ts');
const { localIsoDate } = await import('../../shared/lib/dates.ts');
const { queryLoadedRegisterBefore } = await import('./query-before.ts');
const { summarize } = await import('./stats.ts');

const SIZES = (process.env.QUERY_SIZES ?? '50000,150000').split(',').map((s) => Number(s.trim().replaceAll('_', '')));
const RUNS = Number(process.env.QUERY_RUNS ?? 100);
const WARMUP = 5;
const FIRST_PAGE = 50;
const SNAPSHOT_PART = 5000;
const FILTERS: [string, string][] = [
  ['forwarded', ''],
  ['', 'overdue'],
  ['', 'week'],
  ['answered', 'handover'],
  ['in-progress', ''],
];
const SEARCHES = ["м'який", 'шевченка', 'коваль олена', 'дорог', 'водопостачання', '№4999', 'садова 17', 'HLYBOKE.1-К-12'];
/** The goals of issue 12, p95 ms. */
const GOALS: Record<string, Record<number, number>> = { page: { 50000: 30, 150000: 60 }, search: { 50000: 50, 150000: 100 } };

const today = localIsoDate(new Date());
type Index = { all(): Iterable<RegisterRow>; newestFirst(): RegisterRow[] };
type Query = { status: string; due: string; text: string };

/** RegisterIndex.newestFirst's order (newestFirstOrder: register-index.ts has parameter properties, which Node cannot strip). */
const newestFirstOrder = (a: RegisterRow, b: RegisterRow): number =>
  a.receivedOn > b.receivedOn ? -1 : a.receivedOn < b.receivedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function makeIndex(count: number): Index {
  const r = rng(42);
  const made: RegisterRow[] = [];
  for (let i = 0; i < count; i++) {
    const { appeal, events } = makeAppeal(i, r, today, 'hlyboke');
    made.push(toRegisterRow(appeal, events));
  }
  made.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = new Map<string, RegisterRow>();
  for (let i = 0; i < made.length; i += SNAPSHOT_PART) {
    for (const row of JSON.parse(JSON.stringify(made.slice(i, i + SNAPSHOT_PART))) as RegisterRow[]) rows.set(row.id, row);
  }
  const ordered = [...rows.values()].sort(newestFirstOrder);
  return { all: () => rows.values(), newestFirst: () => ordered };
}

const ids = (rows: RegisterRow[]) => rows.map((r) => r.id).join();

type Way = 'before' | 'after';
/** Timings of one way, ms: wall clock, and the CPU time of this process (less disturbed by other work on the machine). */
type Timings = { wall: number[]; cpu: number[] };
const timings = (): Record<Way, Timings> => ({ before: { wall: [], cpu: [] }, after: { wall: [], cpu: [] } });
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Times one figure: `RUNS` runs of each way, queries in rotation, the two ways alternating which goes first. */
function figure(index: Index, queries: Query[], label: (q: Query) => string, firstPage: boolean) {
  // Both ways get the same filter object: what the register screen passes.
  const filterOf = (q: Query) => ({ ...EMPTY_FILTER, ...q, due: q.due as DueFilter });
  const run: Record<Way, (q: Query) => RegisterRow[]> = {
    before: (q) => queryLoadedRegisterBefore(index, filterOf(q), DEFAULT_SORT, today),
    after: (q) => queryLoadedRegister(index, filterOf(q), DEFAULT_SORT, today),
  };
  for (const q of queries) {
    if (ids(run.before(q)) !== ids(run.after(q))) throw new Error(`different rows for ${label(q)}`);
    for (let i = 0; i < WARMUP; i++) {
      run.before(q);
      run.after(q);
    }
  }
  const all = timings();
  const byQuery = new Map<string, { times: Record<Way, Timings>; rows: number }>();
  for (let i = 0; i < RUNS; i++) {
    const q = queries[i % queries.length] as Query;
    const entry = byQuery.get(label(q)) ?? { times: timings(), rows: 0 };
    byQuery.set(label(q), entry);
    for (const way of i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
      const [t0, c0] = [performance.now(), cpuMs()];
      const rows = run[way](q);
      // As the Chromium bench does for a filtered page: the first page is taken (all rows are still filtered).
      if (firstPage) rows.slice(0, FIRST_PAGE);
      const [wall, cpu] = [performance.now() - t0, cpuMs() - c0];
      for (const t of [all[way], entry.times[way]]) {
        t.wall.push(wall);
        t.cpu.push(cpu);
      }
      entry.rows = rows.length;
    }
  }
  return { all, byQuery };
}

const cell = (values: number[]) => {
  const s = summarize(values);
  return `${s.median.toFixed(1).padStart(6)} / ${s.p95.toFixed(1).padStart(6)}`;
};
const cells = (t: Record<Way, Timings>) =>
  `wall ${cell(t.before.wall)} → ${cell(t.after.wall)}   cpu ${cell(t.before.cpu)} → ${cell(t.after.cpu)}`;

console.log(`Node ${process.version}; ${RUNS} runs per figure; ms median / p95, before → after`);
for (const size of SIZES) {
  const index = makeIndex(size);
  const page = figure(
    index,
    FILTERS.map(([status, due]) => ({ status, due, text: '' })),
    (q) => `${q.status}/${q.due}`,
    true,
  );
  const search = figure(
    index,
    SEARCHES.map((text) => ({ status: '', due: '', text })),
    (q) => q.text,
    false,
  );
  console.log(
    `\n${size.toLocaleString('en')} rows (load average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores)`,
  );
  for (const [name, title, result] of [
    ['page', 'filtered page', page],
    ['search', 'full-text search', search],
  ] as const) {
    const goal = GOALS[name]?.[size];
    const verdict = (t: number[]) => (summarize(t).p95 <= (goal ?? 0) ? 'met' : 'NOT met');
    const met =
      goal === undefined
        ? ''
        : `   goal p95 ≤ ${goal}: ${verdict(result.all.after.wall)} (wall), ${verdict(result.all.after.cpu)} (cpu)`;
    console.log(`  ${title.padEnd(20)} ${cells(result.all)}${met}`);
    for (const [label, entry] of result.byQuery) {
      console.log(`    ${label.padEnd(18)} ${cells(entry.times)}   ${entry.rows} rows`);
    }
  }
}
