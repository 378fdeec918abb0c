// `npm run bench:backup`: backups, restores and transfer files at the size of a whole register, in real Chromium.
// Seeds BENCH_APPEALS appeals (default 150,000; ~2.1 events each, register rows too) into a village PC's sealed
// database (real IndexedDB, the data key from a real keyring unlock), then times the app's own code
// (renderer/data/transfer/transfer-service.ts): a backup (file size, time, JS heap peak), its restore into a fresh empty
// database (counts compared), a village's whole-history transfer file and its import into a council's database. It
// also reports how the progress came: the phases in order, the number of reports and the longest wait without one.
// Figures, not pass/fail. Knobs: BENCH_APPEALS (a comma list runs several sizes), BENCH_RUNS (default 3 up to 20,000
// appeals, else 1), BENCH_PROFILE (a browser profile folder kept between runs, with its keyring, so a second run, or
// another build of the code, skips the seeding: seeding 150,000 appeals takes ~8 minutes; the page is then served on
// a fixed port, BENCH_PORT or 4799, since IndexedDB belongs to the origin).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithProfile, newProfileDir, removeProfile } from '../helpers/browser.ts';
import { openBenchPage, servePages } from './driver.ts';
import { cell, ms } from './stats.ts';

const SIZES = (process.env.BENCH_APPEALS ?? '150000').split(',').map((s) => Number(s.trim().replaceAll('_', '')));
const runsFor = (count: number) => Number(process.env.BENCH_RUNS ?? (count <= 20_000 ? 3 : 1));
const BATCH = 1000;
/** Appeals per seeding call, so the driver can show progress. */
const SEED_CALL = 10_000;

interface Run {
  ms: number;
  reports: number;
  phases: string[];
  phaseMs: Record<string, number>;
  longestGapMs: number;
  error?: string | null;
  bytes?: number;
  counts?: Record<string, number>;
}

const KEPT = process.env.BENCH_PROFILE;
const progress = (what: string) => process.stderr.write(`… ${new Date().toISOString().slice(11, 19)} ${what}\n`);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function main(): Promise<void> {
  const pages = await servePages(
    fileURLToPath(new URL('./backup-page/vite.config.ts', import.meta.url)),
    KEPT ? Number(process.env.BENCH_PORT ?? 4799) : 0,
  );
  const url = `${pages.origin}/tests/bench/backup-page/backup.html`;
  if (KEPT) mkdirSync(KEPT, { recursive: true });
  const profile = KEPT ?? newProfileDir('ov-bench-backup-');
  const keyringFile = join(profile, 'bench-keyring.json');
  const context = await launchWithProfile(profile);
  try {
    const { page, call, reload, heapMb: settle, peakDuring } = await openBenchPage(context, url, 'bench');
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('page console:', m.text());
    });

    console.log(
      `Open Village backup benchmark — ${new Date().toISOString().slice(0, 10)}, Chromium ${context.browser()?.version() ?? ''}`,
    );
    // The sealed database opens only with the keyring that made it: a kept profile keeps its keyring beside it.
    const keyring =
      KEPT && existsSync(keyringFile) ? JSON.parse(readFileSync(keyringFile, 'utf8')) : await call<unknown>('createKeyring');
    if (KEPT) writeFileSync(keyringFile, JSON.stringify(keyring));
    /**
     * A fresh page with the village database opened again, before each figure: RxDB caches documents and query
     * results, so a second backup in the same page reads from memory (~2 s against ~23 s for 20,000 appeals), which
     * is not what a clerk who starts the app and makes a backup waits for.
     */
    const reopen = async (name: string) => {
      await reload();
      await call('openVillage', name, keyring);
      return settle();
    };

    for (const count of SIZES) {
      const runs = runsFor(count);
      progress(`${count.toLocaleString('en')} appeals: seeding the village PC's database`);
      let seeded = await call<Record<string, number>>('openVillage', `village-${count}`, keyring);
      const seedStart = Date.now();
      for (let start = seeded.appeals ?? 0; start < count; start += SEED_CALL) {
        seeded = await call('seed', start, Math.min(count, start + SEED_CALL), BATCH);
        progress(`seeded ${seeded.appeals?.toLocaleString('en')} appeals, ${seeded.events?.toLocaleString('en')} events`);
      }
      const seedMs = Date.now() - seedStart;
      const seededMb = await settle();
      /** The JS heap after the last reopen (GC forced): what the peaks are measured above. */
      let baseMb = seededMb;
      if (process.env.BENCH_PROBE) console.log('read probes, ms:', JSON.stringify(await call('probeRead')));

      const rows: string[][] = [];
      const timings: Record<string, number[]> = {};
      const put = (figure: string, value: number) => {
        timings[figure] ??= [];
        timings[figure].push(value);
      };
      const notes: string[] = [];
      const note = (what: string, run: Run, heap?: { heapMb: number; withBuffersMb: number }) => {
        put(`${what}.ms`, run.ms);
        put(`${what}.gap`, run.longestGapMs);
        if (heap) {
          put(`${what}.heap`, heap.heapMb - baseMb);
          put(`${what}.buffers`, heap.withBuffersMb - baseMb);
        }
        const phases = run.phases.map((p) => `${p} ${ms(run.phaseMs[p] ?? Number.NaN)} ms`).join(' → ') || '—';
        notes.push(`${what}: ${run.error ? `REFUSED (${run.error})` : 'ok'}, ${run.reports} progress reports, phases ${phases}`);
      };

      for (let i = 0; i < runs; i++) {
        progress(`run ${i + 1}/${runs}: backup`);
        baseMb = await reopen(`village-${count}`);
        const backup = await peakDuring(call<Run>('makeBackup'));
        note('backup', backup.value, backup);
        progress(`backup: ${mb(backup.value.bytes ?? 0)} MB in ${ms(backup.value.ms)} ms; restoring`);
        const restore = await peakDuring(call<Run>('restore', `restored-${count}-${i}`));
        note('restore', restore.value, restore);
        if (JSON.stringify(restore.value.counts) !== JSON.stringify(seeded))
          notes.push(`restore ${i + 1}: counts ${JSON.stringify(restore.value.counts)} ≠ seeded ${JSON.stringify(seeded)}`);
        progress(`restore: ${ms(restore.value.ms)} ms; transfer file`);
        baseMb = await reopen(`village-${count}`);
        const made = await peakDuring(call<Run>('makeTransfer'));
        note('transfer', made.value, made);
        progress(`transfer: ${mb(made.value.bytes ?? 0)} MB in ${ms(made.value.ms)} ms; importing at the council`);
        if (made.value.error) continue;
        const imported = await peakDuring(call<Run>('importTransfer', `council-${count}-${i}`));
        note('import', imported.value, imported);
        // The file's counts name every collection, the database's only appeals and events.
        const inFile = { appeals: made.value.counts?.appeals, events: made.value.counts?.events };
        if (JSON.stringify(imported.value.counts) !== JSON.stringify(inFile))
          notes.push(
            `import ${i + 1}: counts ${JSON.stringify(imported.value.counts)} ≠ file ${JSON.stringify(made.value.counts)}`,
          );
        progress(`import: ${ms(imported.value.ms)} ms`);
        if (i === 0) {
          rows.push(['backup file', `${mb(backup.value.bytes ?? 0)} MB`]);
          rows.push(['transfer file', `${mb(made.value.bytes ?? 0)} MB`, JSON.stringify(made.value.counts)]);
        }
      }
      await call('closeVillage', Boolean(KEPT));

      const row = (label: string, what: string) => [
        label,
        cell(timings[`${what}.ms`] ?? []),
        timings[`${what}.heap`] ? cell(timings[`${what}.heap`] ?? []) : '—',
        timings[`${what}.buffers`] ? cell(timings[`${what}.buffers`] ?? []) : '—',
        cell(timings[`${what}.gap`] ?? []),
      ];
      console.log(
        `\n### ${count.toLocaleString('en')} appeals, ${seeded.events?.toLocaleString('en')} events (seeded in ${ms(seedMs)} ms; heap after seeding ${seededMb.toFixed(0)} MB, after a fresh load ${baseMb.toFixed(0)} MB; ${runs} run${runs > 1 ? 's' : ''})\n`,
      );
      console.log(
        '| figure | ms (median / p95) | JS heap peak above base, MB | heap + array buffers, MB | longest wait without progress, ms |',
      );
      console.log('|---|---|---|---|---|');
      for (const r of [
        row('make the backup', 'backup'),
        row('restore it into a fresh database', 'restore'),
        row("make the village's transfer file", 'transfer'),
        row('import it at the council', 'import'),
      ])
        console.log(`| ${r.join(' | ')} |`);
      for (const r of rows) console.log(`| ${r[0]} | ${r.slice(1).join(' ')} | | | |`);
      console.log('');
      for (const n of notes) console.log(`- ${n}`);
    }
  } finally {
    await context.close();
    if (!KEPT) removeProfile(profile);
    await pages.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
