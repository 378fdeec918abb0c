// The backup benchmark's in-browser half: seeds a village PC's sealed database (RxDB on Dexie = real IndexedDB, a data
// key from a real keyring unlock) with appeals, events and register rows, then runs the app's own backup and transfer
// code on it: a backup, its restore into a fresh empty database, a village's whole-history transfer file and its
// import into a council's database. The files stay in the page (only their sizes go to the driver). Driven by
// tests/bench/backup.bench.ts through Playwright; never shipped with the app.

import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { createKeyring, type Keyring, unlock } from '../../../renderer/data/keyring/keyring';
import { type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import {
  importTransfer,
  type MadeFile,
  makeBackup,
  makeTransfer,
  type PickedFile,
  restoreBackup,
} from '../../../renderer/data/transfer/transfer-service';
import { localIsoDate } from '../../../shared/lib/dates';
import { makeBatch } from '../page/batch';
import { rng } from '../page/fixture';

const VILLAGE: Profile = {
  villageCode: 'hlyboke',
  villageName: 'Глибоке',
  workstation: 1,
  operatorName: 'Бенчмарк Б. Б.',
  role: 'starosta',
  communityCode: 'hlybotska',
};
const COUNCIL: Profile = {
  villageCode: 'central',
  villageName: 'Глибоцька рада',
  workstation: 1,
  operatorName: 'Бенчмарк Б. Б.',
  role: 'central',
  communityCode: 'hlybotska',
};
const PASSWORD = 'ґаблі-вишня-2025';
/** The passphrase of the files (its PBKDF2 cost does not depend on it). */
const PASSPHRASE = 'Глибоке-2026 весна';
const VERSION = '0.1.0';
const today = localIsoDate(new Date());

let keyring: Keyring | null = null;
let village: AppDatabase | null = null;
const files: Partial<Record<'backup' | 'transfer', MadeFile>> = {};
let seedRng = rng(42);

/** One progress report as the app would get it, with the time it came. */
interface Report {
  phase: string;
  done: number;
  total: number;
  at: number;
}

async function key(): Promise<CryptoKey> {
  if (!keyring) throw new Error('no keyring');
  const k = await unlock(keyring, VILLAGE.operatorName, PASSWORD);
  if (!k) throw new Error('the benchmark keyring did not unlock');
  return k;
}

function need<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

const picked = (made: MadeFile): PickedFile => ({
  name: made.fileName,
  size: made.bytes.length,
  arrayBuffer: async () => made.bytes.slice().buffer as ArrayBuffer,
});

/**
 * Runs `work` with a progress callback and returns its value, the time it took, the phases in the order they came,
 * the number of reports and the longest stretch without one (from the start to the first, between two, from the last
 * to the end): what a person waits with nothing new on the screen.
 */
async function timed<T>(work: (onProgress: (p: Omit<Report, 'at'>) => void) => Promise<T>) {
  const reports: Report[] = [];
  const t0 = performance.now();
  const value = await work((p) => reports.push({ ...p, at: performance.now() }));
  const ms = performance.now() - t0;
  const times = [t0, ...reports.map((r) => r.at), t0 + ms];
  let longestGapMs = 0;
  for (let i = 1; i < times.length; i++) longestGapMs = Math.max(longestGapMs, (times[i] ?? 0) - (times[i - 1] ?? 0));
  const phases = reports.map((r) => r.phase).filter((p, i, all) => all[i - 1] !== p);
  // Each phase's time: from its first report to the next phase's first report (or the end).
  const starts = phases.map((p) => reports.find((r) => r.phase === p)?.at ?? t0);
  const phaseMs = Object.fromEntries(phases.map((p, i) => [p, Math.round((starts[i + 1] ?? t0 + ms) - (starts[i] ?? t0))]));
  return { value, ms, reports: reports.length, phases, phaseMs, longestGapMs };
}

async function counts(db: AppDatabase) {
  return { appeals: await db.appeals.count().exec(), events: await db.events.count().exec() };
}

async function fresh(name: string): Promise<AppDatabase> {
  return openDatabase({ key: await key(), name });
}

const api = {
  /** A new keyring for the benchmark's operator; the driver keeps it for the page's next loads. */
  async createKeyring() {
    keyring = (await createKeyring(VILLAGE.operatorName, PASSWORD)).keyring;
    return keyring;
  },
  /** Opens the village PC's database `name` (after a reload: with the keyring kept) and stores its profile. */
  async openVillage(name: string, kept?: Keyring) {
    if (kept) keyring = kept;
    seedRng = rng(42);
    village = await fresh(name);
    await saveProfile(village, VILLAGE);
    return counts(village);
  },
  /** Seeds appeals `start`…`end - 1` with their events and register rows, in batches. */
  async seed(start: number, end: number, batch: number) {
    const db = need(village, 'village');
    for (let from = start; from < end; from += batch) {
      const { appeals, events, rows } = makeBatch(from, Math.min(end, from + batch), seedRng, today, () => VILLAGE.villageCode);
      await db.appeals.bulkInsert(appeals);
      await db.events.bulkInsert(events);
      await db.register.bulkInsert(rows);
    }
    return counts(db);
  },
  async makeBackup() {
    const db = need(village, 'village');
    const run = await timed((onProgress) => makeBackup(db, VILLAGE, VERSION, new Date(), PASSPHRASE, onProgress));
    files.backup = run.value;
    return { ...run, value: undefined, bytes: run.value.bytes.length, counts: run.value.counts };
  },
  /** Restores the last backup into a fresh empty database `name` (a new PC: no profile), then removes it. */
  async restore(name: string) {
    const file = need(files.backup, 'backup');
    const db = await fresh(name);
    try {
      const run = await timed((onProgress) => restoreBackup(db, picked(file), null, VERSION, new Date(), PASSPHRASE, onProgress));
      const error = run.value.ok ? null : run.value.error.message.en;
      return { ...run, value: undefined, error, counts: await counts(db) };
    } finally {
      await db.remove();
    }
  },
  async makeTransfer() {
    const db = need(village, 'village');
    const run = await timed((onProgress) => makeTransfer(db, VILLAGE, 'central', VERSION, new Date(), PASSPHRASE, onProgress));
    if (!run.value.ok) return { ...run, value: undefined, error: run.value.error.message.en, bytes: 0, counts: {} };
    files.transfer = run.value.value;
    return { ...run, value: undefined, error: null, bytes: run.value.value.bytes.length, counts: run.value.value.counts };
  },
  /** Imports the last transfer file into a fresh council database `name`, then removes it. */
  async importTransfer(name: string) {
    const file = need(files.transfer, 'transfer file');
    const db = await fresh(name);
    try {
      await saveProfile(db, COUNCIL);
      const run = await timed((onProgress) =>
        importTransfer(db, picked(file), COUNCIL, VERSION, new Date(), PASSPHRASE, onProgress),
      );
      const error = run.value.ok ? null : run.value.error.message.en;
      return { ...run, value: undefined, error, counts: await counts(db) };
    } finally {
      await db.remove();
    }
  },
  /** Diagnostics: ways of reading every appeal of the village database, ms each. */
  async probeRead() {
    const db = need(village, 'village');
    const out: Record<string, number> = {};
    const t = async (label: string, fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      out[label] = Math.round(performance.now() - t0);
    };
    await t('count', () => db.appeals.count().exec());
    for (const limit of [1000, 5000]) {
      await t(`paged find ${limit}`, async () => {
        let lastId = '';
        for (;;) {
          const page = await db.appeals.find({ selector: { id: { $gt: lastId } }, sort: [{ id: 'asc' }], limit }).exec();
          if (page.length < limit) break;
          lastId = String(page[page.length - 1]?.primary);
        }
      });
    }
    await t('one find', () => db.appeals.find().exec());
    // The storage alone (sealed wrapper and Dexie, no RxDocuments): what RxDB's own work per query adds.
    await t('storage query paged 1000', async () => {
      let lastId = '';
      for (;;) {
        const r = await db.appeals.storageInstance.query({
          query: { selector: { id: { $gt: lastId }, _deleted: false }, sort: [{ id: 'asc' }], limit: 1000, skip: 0 },
          queryPlan: {
            index: ['_deleted', 'id'],
            startKeys: [false, lastId],
            endKeys: [false, '\uffff'],
            inclusiveStart: false,
            inclusiveEnd: true,
            sortSatisfiedByIndex: true,
            selectorSatisfiedByIndex: true,
          },
        } as never);
        if (r.documents.length < 1000) break;
        lastId = String((r.documents[r.documents.length - 1] as { id: string }).id);
      }
    });
    return out;
  },
  /** Closes the village database; removes it unless the driver keeps it for the next run. */
  async closeVillage(keep: boolean) {
    if (keep) await village?.close();
    else await village?.remove();
    village = null;
  },
};

(globalThis as unknown as { bench: typeof api }).bench = api;
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
