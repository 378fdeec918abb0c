// The benchmark's in-browser half: seeds the app's real database (RxDB on Dexie = real IndexedDB) and measures the
// data layer's operations. Driven by tests/bench/register.bench.ts through Playwright; never shipped with the app.

import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { RegisterIndex } from '../../../renderer/data/register-index';
import { toRegisterRow } from '../../../renderer/data/register-projection';
import { DEFAULT_SORT, EMPTY_FILTER, queryRegister } from '../../../renderer/features/register/register-query';
import { emptyDraft } from '../../../shared/domain/appeal/validate';
import { foldAppeal } from '../../../shared/domain/events/fold';
import { localIsoDate } from '../../../shared/lib/dates';
import { makeAppeal, rng } from './fixture';

const PROFILE: Profile = {
  villageCode: 'hlyboke',
  villageName: 'Глибоке',
  workstation: 1,
  operatorName: 'Бенчмарк',
  role: 'starosta',
};
let db: AppDatabase;
let index: RegisterIndex;
const today = localIsoDate(new Date());

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const api = {
  async open() {
    db = await openDatabase();
    await saveProfile(db, PROFILE);
    return db.appeals.count().exec();
  },
  /** Seeds `count` appeals with their events and register rows, in batches; returns documents written and ms. */
  async seed(count: number, batch: number) {
    const r = rng(42);
    let docs = 0;
    const ms = await time(async () => {
      for (let start = 0; start < count; start += batch) {
        const appeals = [];
        const events = [];
        const rows = [];
        for (let i = start; i < Math.min(count, start + batch); i++) {
          const made = makeAppeal(i, r, today, PROFILE.villageCode);
          appeals.push(made.appeal);
          events.push(...made.events);
          rows.push(toRegisterRow(made.appeal, foldAppeal(made.appeal, made.events)));
        }
        await db.appeals.bulkInsert(appeals);
        await db.events.bulkInsert(events);
        await db.register.bulkInsert(rows);
        docs += appeals.length + events.length + rows.length;
      }
    });
    return { docs, ms };
  },
  /** Registers one appeal through the same code path as the form. */
  async registerOne(i: number) {
    const draft = {
      ...emptyDraft(today),
      surname: 'Тестовий',
      givenName: 'Бенч',
      address: 'с. Глибоке, вул. Нова, 1',
      issues: [{ topicCode: '010', text: `Вимірювання швидкості реєстрації ${i}` }],
    };
    let ok = false;
    const ms = await time(async () => {
      ok = (await registerAppeal(db, PROFILE, draft, { now: new Date(), today })).ok;
    });
    if (!ok) throw new Error('registration failed');
    return ms;
  },
  /** Baseline: one put of a same-sized document into a plain IndexedDB store. */
  async registerPlainIdb(i: number) {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bench-plain', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('appeals', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const { appeal } = makeAppeal(1_000_000 + i, rng(i), today, 'plain');
    const ms = await time(
      () =>
        new Promise<void>((resolve, reject) => {
          const tx = idb.transaction('appeals', 'readwrite');
          tx.objectStore('appeals').put(appeal);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    );
    idb.close();
    return ms;
  },
  /** The first page (50 rows) of the register filtered by status, by an IndexedDB index (before the in-memory load). */
  /** `limit` varies per call so RxDB's query cache cannot answer from memory. */
  async filteredPageDb(status: string, limit: number) {
    let n = 0;
    const ms = await time(async () => {
      n = (
        await db.register
          .find({ selector: { status }, sort: [{ status: 'asc' }, { recency: 'asc' }, { id: 'asc' }], limit })
          .exec()
      ).length;
    });
    return { ms, n };
  },
  async loadIndex() {
    index = new RegisterIndex(db);
    const ms = await time(() => index.load());
    return { ms, size: index.size };
  },
  filteredPageMemory(status: string, due: string) {
    let n = 0;
    const t0 = performance.now();
    n = queryRegister(index.all(), { ...EMPTY_FILTER, status, due: due as typeof EMPTY_FILTER.due }, DEFAULT_SORT, today).slice(
      0,
      50,
    ).length;
    return { ms: performance.now() - t0, n };
  },
  searchMemory(text: string) {
    const t0 = performance.now();
    const n = queryRegister(index.all(), { ...EMPTY_FILTER, text }, DEFAULT_SORT, today).length;
    return { ms: performance.now() - t0, n };
  },
  /** Baseline: the same search as an RxDB `$regex` query, which scans IndexedDB. */
  async searchRegex(text: string) {
    let n = 0;
    const ms = await time(async () => {
      n = (await db.register.find({ selector: { searchText: { $regex: text } } }).exec()).length;
    });
    return { ms, n };
  },
  async close() {
    index?.dispose();
    await db.close();
  },
};

(globalThis as unknown as { bench: typeof api }).bench = api;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
