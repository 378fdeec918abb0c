// `npm run bench`: seeds 50,000 appeals with events into real IndexedDB in Chromium and prints median and p95 of
// registration, a filtered first page, full-text search and the time from start to a usable register, each beside a
// baseline measured in the same run, plus the renderer's JS heap. Figures, not pass/fail: timing goals are not tests.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launchWithProfile, newProfileDir, removeProfile } from '../helpers/browser.ts';
import { line } from './stats.ts';

const COUNT = Number(process.env.BENCH_APPEALS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

type Bench = Record<string, (...args: never[]) => unknown>;

async function main(): Promise<void> {
  const server = await preview({
    configFile: fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url)),
    preview: { host: '127.0.0.1', port: 0, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  const profile = newProfileDir('ov-bench-');
  const context = await launchWithProfile(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${origin}/tests/bench/page/bench.html`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    const call = <T>(name: string, ...args: unknown[]) =>
      page.evaluate(
        ([n, a]) => {
          const bench = (globalThis as unknown as { bench: Bench }).bench;
          return bench[n]?.(...(a as never[]));
        },
        [name, args] as const,
      ) as Promise<T>;

    console.log(
      `Open Village register benchmark — ${COUNT.toLocaleString('en')} appeals, Chromium ${context.browser()?.version() ?? ''}`,
    );
    await call('open');
    const seeded = await call<{ docs: number; ms: number }>('seed', COUNT, 1000);
    console.log(
      `seeded ${seeded.docs.toLocaleString('en')} documents (appeals, events, register rows) in ${(seeded.ms / 1000).toFixed(1)} s (${Math.round(seeded.docs / (seeded.ms / 1000))} docs/s)`,
    );

    const progress = (what: string) => process.stderr.write(`… ${what}\n`);
    progress('registering');
    const reg: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      reg.push(await call<number>('registerOne', i));
      plain.push(await call<number>('registerPlainIdb', i));
    }
    progress('filtered pages by IndexedDB index');
    const dbPage: number[] = [];
    const statuses = ['registered', 'forwarded', 'in-progress', 'answered', 'delivered'];
    for (let i = 0; i < RUNS; i++)
      dbPage.push((await call<{ ms: number }>('filteredPageDb', statuses[i % statuses.length], 50 + i)).ms);
    progress('loading the in-memory index');
    const loaded = await call<{ ms: number; size: number }>('loadIndex');
    const memPage: number[] = [];
    const filters: [string, string][] = [
      ['forwarded', ''],
      ['', 'overdue'],
      ['', 'week'],
      ['answered', 'handover'],
      ['in-progress', ''],
    ];
    for (let i = 0; i < RUNS; i++) {
      const [status, due] = filters[i % filters.length] as [string, string];
      memPage.push((await call<{ ms: number }>('filteredPageMemory', status, due)).ms);
    }
    const queries = ["м'який", 'шевченка', 'коваль олена', 'дорог', 'водопостачання', '№4999', 'садова 17', 'HLYBOKE.1-К-12'];
    const search: number[] = [];
    for (let i = 0; i < RUNS; i++) search.push((await call<{ ms: number }>('searchMemory', queries[i % queries.length])).ms);
    progress('regex baseline');
    const regex: number[] = [];
    for (let i = 0; i < 3; i++) regex.push((await call<{ ms: number }>('searchRegex', queries[i % queries.length])).ms);
    await call('close');

    progress('starting the app');
    // The real app, started as a person starts it, on the seeded profile.
    const usable: number[] = [];
    const full: number[] = [];
    let heapMb = 0;
    let marks = '';
    for (let i = 0; i < 5; i++) {
      const app = await context.newPage();
      const t0 = Date.now();
      await app.goto(`${origin}/renderer/index.html#/register`);
      await app.locator('[role="row"]:has([role="cell"])').first().waitFor({ timeout: 60_000 });
      usable.push(Date.now() - t0);
      await app
        .getByTestId('register-count')
        .filter({ hasText: /Знайдено/ })
        .waitFor({ timeout: 120_000 });
      full.push(Date.now() - t0);
      const cdp = await context.newCDPSession(app);
      await cdp.send('HeapProfiler.collectGarbage');
      heapMb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
      marks = await app.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('ov:'))
          .map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`)
          .join(', '),
      );
      await app.close();
    }

    console.log('');
    console.log(line('register one appeal (RxDB + index + row)', reg, 50));
    console.log(line('  baseline: one put into plain IndexedDB', plain));
    console.log(line('filtered first page, in-memory index', memPage, 100));
    console.log(line('  baseline: same page by IndexedDB index', dbPage));
    console.log(line('full-text search, in-memory index', search, 200));
    console.log(line('  baseline: RxDB $regex scan of IndexedDB', regex));
    console.log(line('start to usable register (first rows shown)', usable, 1500));
    console.log(line('  start to whole register searchable', full));
    console.log(`in-memory index load: ${loaded.ms.toFixed(0)} ms for ${loaded.size.toLocaleString('en')} rows`);
    console.log(`renderer JS heap with the whole register loaded: ${heapMb.toFixed(1)} MB`);
    console.log(`start-up marks of the last start (since navigation): ${marks}`);
  } finally {
    await context.close();
    await server.close();
    removeProfile(profile);
  }
}

await main();
