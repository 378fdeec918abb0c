// The council PC: a community of 27 villages and the council office in one sealed database (BENCH_COUNCIL appeals,
// default 150,000, with the fixture's events, ~2.3 an appeal), measured as the app runs on it (page:
// tests/bench/page/council-page.ts). Prints one Markdown table with the goals of issue 12: the start, the register in
// memory, registering an appeal, and the classifier report of the running year, the way before (read and folded on
// the screen's thread) beside the way now (report facts counted in a Web Worker), with the delay of key presses typed
// while each runs. Run by `npm run bench` after register.bench.ts. Figures, not pass/fail.
// Knobs: BENCH_COUNCIL (appeals; 0 skips), BENCH_RUNS (timings per figure, default 30), BENCH_REPORTS (default 5).
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Keyring } from '../../renderer/data/keyring/keyring.ts';
import { launchWithProfile, newProfileDir, removeProfile } from '../helpers/browser.ts';
import { openBenchPage, servePages } from './driver.ts';
import { cell, summarize, verdict } from './stats.ts';

const COUNT = Number((process.env.BENCH_COUNCIL ?? '150000').replaceAll('_', ''));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 5);
const SEED_CALL = 10_000;
const progress = (what: string) => process.stderr.write(`… ${new Date().toISOString().slice(11, 19)} council: ${what}\n`);

/** Types a key every 50 ms into the page's box until `work` ends; the page records each key's input delay. */
async function typeWhile<T>(page: Page, work: Promise<T>): Promise<{ value: T }> {
  let done = false;
  await page.evaluate(() => (globalThis as unknown as { councilBench: { startTyping(): void } }).councilBench.startTyping());
  const typing = (async () => {
    while (!done) {
      await page.keyboard.press('a');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    return { value: await work };
  } finally {
    done = true;
    await typing;
  }
}

async function main(): Promise<void> {
  if (COUNT === 0) return;
  const pages = await servePages(fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url)));
  const profile = newProfileDir('ov-council-bench-');
  const context = await launchWithProfile(profile);
  try {
    const { page, call, reload, heapMb } = await openBenchPage(
      context,
      `${pages.origin}/tests/bench/page/council.html`,
      'councilBench',
    );

    await call('remove');
    const keyring = await call<Keyring>('createKeyring');
    progress(`seeding ${COUNT.toLocaleString('en')} appeals of 27 villages and the council office`);
    await call('open', keyring);
    let events = 0;
    for (let start = 0; start < COUNT; start += SEED_CALL) {
      events += await call<number>('seed', start, Math.min(COUNT, start + SEED_CALL), 1000);
      if ((start / SEED_CALL) % 5 === 4) progress(`seeded ${Math.min(COUNT, start + SEED_CALL).toLocaleString('en')}`);
    }
    await call('close');

    const t: Record<string, number[]> = {};
    const put = (k: string, v: number) => {
      t[k] ??= [];
      t[k].push(v);
    };
    type Start = { usableMs: number; searchableMs: number; size: number; snapshotRows: number | null };
    progress('first start (row by row), then a start with the snapshot it wrote');
    await reload();
    await call('removeSnapshots');
    const first = await call<Start>('startup', keyring);
    put('usable', first.usableMs);
    put('searchable', first.searchableMs);
    put('snapWrite', await call<number>('snapshotWritten'));
    await call('close');
    let heap = 0;
    for (let i = 0; i < 3; i++) {
      await reload();
      const s = await call<Start>('startup', keyring);
      if (s.snapshotRows === null) throw new Error('the later start found no snapshot');
      put('usable', s.usableMs);
      put('searchableSnap', s.searchableMs);
      heap = Math.max(heap, await heapMb());
      if (i < 2) await call('close');
    }

    progress('register, filters, search');
    const villages = ['selo01', 'selo14', 'selo27', 'central'];
    const statuses = ['', 'forwarded', 'answered'];
    const queries = ["м'який", 'шевченка', 'коваль олена', 'водопостачання', '№4999', 'SELO14.1-К-12'];
    for (let i = 0; i < RUNS; i++) put('register', await call<number>('registerOne', i));
    for (let i = 0; i < RUNS; i++) {
      const r = await call<{ ms: number }>('filteredPage', villages[i % villages.length], statuses[i % statuses.length]);
      put('pageMemory', r.ms);
    }
    for (let i = 0; i < RUNS; i++) put('search', (await call<{ ms: number }>('search', queries[i % queries.length])).ms);
    for (let i = 0; i < 3; i++) {
      put('spreadIn', (await call<{ ms: number }>('eventsOfSpread', 500, false)).ms);
      put('spreadEach', (await call<{ ms: number }>('eventsOfSpread', 500, true)).ms);
    }

    progress('the year report, before (one run: it takes long) and now');
    type Built = { ms: number; longestBusyMs: number; appeals: number };
    const before = await typeWhile(page, call<Built & { readMs: number; events: number }>('yearReportBefore'));
    put('reportBefore', before.value.ms);
    put('readBefore', before.value.readMs);
    put('busyBefore', before.value.longestBusyMs);
    const delaysBefore = await call<number[]>('typedDelays');
    const delaysNow: number[] = [];
    let appeals = 0;
    for (let i = 0; i < REPORTS; i++) {
      const now = await typeWhile(page, call<Built & { factsMs: number }>('yearReportNow'));
      put('reportNow', now.value.ms);
      put('factsNow', now.value.factsMs);
      put('busyNow', now.value.longestBusyMs);
      delaysNow.push(...(await call<number[]>('typedDelays')));
      appeals = now.value.appeals;
    }
    const same = await call<boolean>('sameReports');
    await call('close');

    const goals: Record<string, number> = {
      usable: 1500,
      searchable: 3000,
      searchableSnap: 3000,
      register: 50,
      pageMemory: 60,
      search: 100,
      reportNow: 5000,
    };
    const rows: [string, string][] = [
      ['usable after the password (first 50 rows on screen; all starts)', 'usable'],
      ['whole register searchable, first start (no snapshot: row by row)', 'searchable'],
      ['  the snapshot written after it', 'snapWrite'],
      ['**whole register searchable with the snapshot** (3 later starts)', 'searchableSnap'],
      ['**register one appeal** and its row, council PC', 'register'],
      ['**filtered first page** (village and status), in memory', 'pageMemory'],
      ['**full-text search**, in memory', 'search'],
      ['events of 500 appeals spread over the register (a sync batch): one `$in` query (3 runs)', 'spreadIn'],
      ['  the same, one query per appeal', 'spreadEach'],
      [
        'year report before: appeals and events read (1,000 ids a query) and folded on the screen’s thread (1 run)',
        'reportBefore',
      ],
      ['  of which reading and opening the appeals and events', 'readBefore'],
      ['  the longest the screen’s thread was busy meanwhile', 'busyBefore'],
      ['**year report now**: report facts from memory, counted in a Web Worker', 'reportNow'],
      ['  of which the facts gathered on the screen’s thread', 'factsNow'],
      ['  the longest the screen’s thread was busy meanwhile', 'busyNow'],
    ];
    const [one, five] = loadavg();
    console.log('');
    console.log(
      `### The council PC: ${first.size.toLocaleString('en')} appeals of 27 villages and the council office, ${events.toLocaleString('en')} events (sealed)`,
    );
    console.log('');
    console.log('| figure | median / p95 ms | goal (issue 12) | met? |');
    console.log('|---|---:|---:|---|');
    for (const [label, key] of rows) {
      const values = t[key] ?? [];
      const goal = goals[key];
      console.log(
        `| ${label} | ${cell(values)} | ${goal === undefined ? '' : `≤ ${goal.toLocaleString('en')}`} | ${verdict(values, goal)} |`,
      );
    }
    const delay = (values: number[]) => {
      if (values.length === 0) return '— (no key press got through)';
      const s = summarize(values);
      return `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} ms, longest ${Math.max(...values).toFixed(0)} ms (n=${s.n})`;
    };
    console.log(`| input delay of key presses typed every 50 ms during the report **before** | ${delay(delaysBefore)} | | |`);
    console.log(
      `| input delay of key presses typed every 50 ms during the report **now** | ${delay(delaysNow)} | (RAIL: ≤ 100) | ${verdict(delaysNow, 100)} |`,
    );
    console.log(
      `| JS heap with the register loaded (after GC, highest of 3 starts) | ${heap.toFixed(1)} MB | ≤ 250 MB | ${heap <= 250 ? 'met' : '**not met**'} |`,
    );
    console.log('');
    console.log(
      `The year's report counted ${appeals.toLocaleString('en')} appeals (${before.value.events.toLocaleString('en')} of their events read by the way before); ` +
        `both ways gave ${same ? 'the same tables' : '**different tables**'}. n = ${RUNS} per timing, ${REPORTS} reports now. ` +
        `Load average at the end: ${one?.toFixed(2)} / ${five?.toFixed(2)} (2 cores).`,
    );
    if (!same) process.exitCode = 1;
    await reload();
    await call('remove');
  } finally {
    await context.close();
    await pages.close();
    removeProfile(profile);
  }
}

await main();
