// The benchmark's in-browser half: seeds the app's real database (RxDB on Dexie = real IndexedDB), sealed with a data
// key from a real keyring as after an operator's sign-in, and beside it the unsealed baseline (plain-database.ts) with
// the same data, and measures the data layer's operations on both. Driven by tests/bench/register.bench.ts through
// Playwright; never shipped with the app.

import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { createKeyring, type Keyring, unlock } from '../../../renderer/data/keyring/keyring';
import { loadProfile, type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { startProjection } from '../../../renderer/data/projection';
import { newestFirstOrder, RegisterIndex } from '../../../renderer/data/register-index';
import { refreshRows, toRegisterRow } from '../../../renderer/data/register-projection';
import { SealedSnapshots } from '../../../renderer/data/register-snapshot';
import { openText, sealText } from '../../../renderer/data/sealed/seal';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  queryLoadedRegister,
  queryRegister,
} from '../../../renderer/features/register/register-query';
import { localIsoDate } from '../../../shared/lib/dates';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { benchDraft, makeBatch } from './batch';
import { makeAppeal, rng } from './fixture';
import { openPlainDatabase } from './plain-database';
import { removeSnapshots, SNAPSHOT_DB, storedSnapshot, TimedSnapshots } from './timed-snapshots';

type Which = 'sealed' | 'plain';

const PROFILE: Profile = {
  villageCode: 'hlyboke',
  villageName: 'Глибоке',
  workstation: 1,
  operatorName: 'Бенчмарк Б. Б.',
  role: 'starosta',
};
/** The operator's password of the benchmark's keyring (PBKDF2 cost does not depend on it). */
const PASSWORD = 'ґаблі-вишня-2025';
const FIRST_PAGE = 50;
const today = localIsoDate(new Date());

const dbs: Partial<Record<Which, AppDatabase>> = {};
const indexes: Partial<Record<Which, RegisterIndex>> = {};
/** The sealed start's snapshot store (the app's SealedSnapshots, watched), and when its index finished loading. */
let snapshots: { store: TimedSnapshots; loadedAt: number; dbName: string } | null = null;
/** One generator across all seed calls of a page: both databases get the same appeals. */
let seedRng = rng(42);

const dbName = (which: Which, tag: string) => `bench-${tag}-${which}`;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not open`);
  return value;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The data key as a sign-in gets it: PBKDF2-SHA256 (600,000 rounds) and an AES-KW unwrap. */
async function unlockKey(keyring: Keyring): Promise<CryptoKey> {
  const key = await unlock(keyring, PROFILE.operatorName, PASSWORD);
  if (!key) throw new Error('the benchmark keyring did not unlock');
  return key;
}

async function openOne(which: Which, tag: string, keyring: Keyring): Promise<AppDatabase> {
  return which === 'sealed'
    ? openDatabase({ key: await unlockKey(keyring), name: dbName('sealed', tag) })
    : openPlainDatabase(dbName('plain', tag));
}

/** Puts the first page into the document as a person would see it and waits for the frame that shows it. */
async function show(rows: readonly RegisterRow[]): Promise<void> {
  let table = document.getElementById('first-page');
  if (!table) {
    table = document.createElement('table');
    table.id = 'first-page';
    document.body.append(table);
  }
  table.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const value of [row.regIndex, row.receivedOn, row.applicant, row.address, row.status]) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.append(td);
      }
      return tr;
    }),
  );
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const api = {
  /** A new keyring for the benchmark's operator, as the setup screen makes it; the driver keeps it for `unlock`. */
  async createKeyring() {
    let keyring: Keyring | null = null;
    const ms = await time(async () => {
      keyring = (await createKeyring(PROFILE.operatorName, PASSWORD)).keyring;
    });
    return { keyring: keyring as unknown as Keyring, ms };
  },
  /** One sign-in's unlock: PBKDF2 + unwrap, ms. */
  unlock(keyring: Keyring) {
    return time(() => unlockKey(keyring));
  },
  /** Opens both databases of `tag` (sealed with the keyring's key, and plain) and stores the profile in each. */
  async openBoth(keyring: Keyring, tag: string) {
    seedRng = rng(42);
    const counts: Partial<Record<Which, number>> = {};
    for (const which of ['sealed', 'plain'] as const) {
      const db = await openOne(which, tag, keyring);
      dbs[which] = db;
      await saveProfile(db, PROFILE);
      counts[which] = await db.appeals.count().exec();
    }
    return counts;
  },
  /**
   * Seeds appeals `start`…`end - 1` with their events and register rows into both databases, in batches, the same
   * documents into each; the order alternates per batch so background load falls on both alike.
   */
  async seed(start: number, end: number, batch: number) {
    const sealed = need(dbs.sealed, 'sealed');
    const plain = need(dbs.plain, 'plain');
    let docs = 0;
    const ms: Record<Which, number> = { sealed: 0, plain: 0 };
    for (let from = start; from < end; from += batch) {
      const { appeals, events, rows } = makeBatch(from, Math.min(end, from + batch), seedRng, today, () => PROFILE.villageCode);
      const write = (which: Which, db: AppDatabase) => {
        const [a, e, r] = [structuredClone(appeals), structuredClone(events), structuredClone(rows)];
        return async () => {
          ms[which] += await time(async () => {
            await db.appeals.bulkInsert(a);
            await db.events.bulkInsert(e);
            await db.register.bulkInsert(r);
          });
        };
      };
      const pair = [write('sealed', sealed), write('plain', plain)];
      if ((from / batch) % 2 === 1) pair.reverse();
      for (const run of pair) await run();
      docs += appeals.length + events.length + rows.length;
    }
    return { docs, sealedMs: ms.sealed, plainMs: ms.plain };
  },
  /**
   * Registers one appeal through the same code path as the form (ingest + outbox), then writes its register row as
   * the projection does (refreshRows: reads the appeal and its events, folds, upserts the row).
   */
  async registerOne(which: Which, i: number) {
    const db = need(dbs[which], which);
    const draft = benchDraft(i, today);
    const t0 = performance.now();
    const result = await registerAppeal(db, PROFILE, draft, { now: new Date(), today });
    const t1 = performance.now();
    if (!result.ok) throw new Error('registration failed');
    await refreshRows(db, [result.appeal.id]);
    const t2 = performance.now();
    if (!(await db.register.findOne(result.appeal.id).exec())) throw new Error('no register row');
    return { appealMs: t1 - t0, withRowMs: t2 - t0 };
  },
  /** Reference: one put of a same-sized document into a raw IndexedDB store (no RxDB). */
  async registerRawIdb(i: number) {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bench-raw-idb', 1);
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
  /**
   * The first page (50 rows) of the register filtered by status, by an IndexedDB index (what a filter costs before
   * the whole register is in memory). `limit` varies per call so RxDB's query cache cannot answer from memory.
   */
  async filteredPageDb(which: Which, status: string, limit: number) {
    const db = need(dbs[which], which);
    let n = 0;
    const ms = await time(async () => {
      const docs = await db.register
        .find({ selector: { status }, sort: [{ status: 'asc' }, { recency: 'asc' }, { id: 'asc' }], limit })
        .exec();
      n = docs.map((d) => d.toMutableJSON()).length;
    });
    return { ms, n };
  },
  /** The whole register into memory on the open database (RegisterIndex.load). */
  async loadIndex(which: Which) {
    const index = new RegisterIndex(need(dbs[which], which));
    indexes[which] = index;
    const ms = await time(() => index.load());
    // The rows in the default order for the comparison path below (the screen no longer asks for them).
    index.newestFirst();
    return { ms, size: index.size };
  },
  /**
   * The filtered first page in memory as the register screen computes it (queryLoadedRegister: every row in memory
   * order, the kept ones put in date order). With `presorted`, the path before: the rows kept in the default order
   * (`RegisterIndex.newestFirst`), filtered only.
   */
  filteredPageMemory(which: Which, status: string, due: string, presorted = false) {
    const index = need(indexes[which], `${which} index`);
    const filter = { ...EMPTY_FILTER, status, due: due as typeof EMPTY_FILTER.due };
    const t0 = performance.now();
    const rows = presorted
      ? queryRegister(index.newestFirst(), filter, DEFAULT_SORT, today, { inDefaultOrder: true })
      : queryLoadedRegister(index, filter, DEFAULT_SORT, today);
    const n = rows.slice(0, FIRST_PAGE).length;
    return { ms: performance.now() - t0, n };
  },
  /** Full-text search in memory as the register screen runs it (queryLoadedRegister: memory order, matches sorted). */
  searchMemory(which: Which, text: string) {
    const index = need(indexes[which], `${which} index`);
    const t0 = performance.now();
    const n = queryLoadedRegister(index, { ...EMPTY_FILTER, text }, DEFAULT_SORT, today).length;
    return { ms: performance.now() - t0, n };
  },
  /** What `RegisterIndex.newestFirst` costs after each change of the rows: all rows copied and sorted, ms. */
  presortMemory(which: Which) {
    const index = need(indexes[which], `${which} index`);
    return time(() => [...index.all()].sort(newestFirstOrder).length);
  },
  /**
   * What the wrapper's decryption alone costs for `count` register rows, without RxDB or IndexedDB: each row's sealed
   * fields as one blob (as sealed-storage.ts stores them), opened again page by page (5,000, as RegisterIndex.load
   * reads) with the wrapper's steps: AES-GCM open, JSON.parse, the merged object. Returns ms for all pages.
   */
  async openRowsCost(keyring: Keyring, count: number) {
    const key = await unlockKey(keyring);
    const r = rng(7);
    const stored: { doc: Record<string, unknown>; id: string; sealed: string }[] = [];
    for (let i = 0; i < count; i++) {
      const made = makeAppeal(i, r, today, PROFILE.villageCode);
      const { applicant, address, searchText, report, ...rest } = toRegisterRow(made.appeal, made.events);
      stored.push({
        doc: rest,
        id: rest.id,
        sealed: await sealText(key, `register/${rest.id}`, JSON.stringify({ applicant, address, searchText, report })),
      });
    }
    const ms = await time(async () => {
      for (let i = 0; i < stored.length; i += 5000) {
        await Promise.all(
          stored
            .slice(i, i + 5000)
            .map(async (s) => ({ ...s.doc, ...(JSON.parse(await openText(key, `register/${s.id}`, s.sealed)) as object) })),
        );
      }
    });
    return ms;
  },
  /**
   * Reference on the plain database only: the same search as an RxDB `$regex` query, which scans IndexedDB. On the
   * sealed database `searchText` is inside the sealed blob, so such a selector would match nothing.
   */
  async searchRegexPlain(text: string) {
    const db = need(dbs.plain, 'plain');
    let n = 0;
    const ms = await time(async () => {
      n = (await db.register.find({ selector: { searchText: { $regex: text } } }).exec()).length;
    });
    return { ms, n };
  },
  /**
   * Start-up after the password, on a freshly loaded page (the driver reloads it first): for `sealed` the unlock
   * (PBKDF2 + unwrap), then the database opens, the projection starts and the profile is read as bootstrap.ts does,
   * the first 50 rows by the `recency` index are put on screen (usable), and the whole register loads into memory
   * (searchable). `sealed` gives its index the app's sealed snapshot store, as bootstrap does: with no snapshot yet
   * the index loads row by row and writes one WRITE_DELAY_MS later (`snapshotWritten` waits for it); with one it reads
   * the snapshot and the rows changed since. `plain` does the same without the unlock and without a snapshot (the
   * baseline as before). The database stays open for the heap reading.
   */
  async startup(which: Which, keyring: Keyring, tag: string) {
    const t0 = performance.now();
    const key = which === 'sealed' ? await unlockKey(keyring) : null;
    const t1 = performance.now();
    const db = key ? await openDatabase({ key, name: dbName('sealed', tag) }) : await openPlainDatabase(dbName('plain', tag));
    dbs[which] = db;
    const t2 = performance.now();
    startProjection(db);
    const store = key ? new TimedSnapshots(new SealedSnapshots(key, db.name)) : null;
    const index = new RegisterIndex(db, store);
    indexes[which] = index;
    const profile = await loadProfile(db);
    const rows = await index.firstPage(FIRST_PAGE);
    await show(rows);
    const t3 = performance.now();
    await index.load();
    const t4 = performance.now();
    if (profile?.villageCode !== PROFILE.villageCode) throw new Error(`${which}: profile not readable`);
    if (rows.length !== FIRST_PAGE || !rows[0]?.applicant) throw new Error(`${which}: first page not readable`);
    const sample = index.all()[Symbol.iterator]().next().value as RegisterRow | undefined;
    if (!sample?.searchText) throw new Error(`${which}: register rows not readable`);
    snapshots = store ? { store, loadedAt: t4, dbName: db.name } : null;
    const read = store?.reads[0];
    return {
      unlockMs: t1 - t0,
      openMs: t2 - t1,
      firstPageMs: t3 - t2,
      usableMs: t3 - t0,
      loadMs: t4 - t3,
      searchableMs: t4 - t0,
      size: index.size,
      /** Sealed only: how long reading and opening the snapshot took, and how many rows it gave (null: none). */
      snapshotReadMs: read?.ms ?? null,
      snapshotRows: read ? read.rows : null,
    };
  },
  /**
   * Waits for the snapshot write that the last sealed `startup`'s index schedules by itself (WRITE_DELAY_MS after its
   * row-by-row load), then reads back what lies in the app's snapshot database: the parts and their sealed bytes.
   */
  async snapshotWritten(timeoutMs: number) {
    const watched = snapshots;
    if (!watched) throw new Error('no sealed start to wait for');
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no snapshot written within ${timeoutMs} ms`)), timeoutMs),
    );
    const write = await Promise.race([watched.store.written, timeout]);
    if (write.error) throw new Error(`snapshot not written: ${write.error}`);
    const stored = await storedSnapshot(watched.dbName);
    if (stored.parts === 0) throw new Error('snapshot written but no parts stored');
    return { ms: write.ms, afterLoadMs: write.startedAt - watched.loadedAt, rows: write.rows, ...stored };
  },
  /** Deletes the app's snapshot database (on a fresh page), so the next sealed start is a first start. */
  async removeSnapshots() {
    await removeSnapshots();
    return (await indexedDB.databases()).some((d) => d.name === SNAPSHOT_DB);
  },
  async closeAll() {
    for (const which of ['sealed', 'plain'] as const) {
      indexes[which]?.dispose();
      indexes[which] = undefined;
      await dbs[which]?.close();
      dbs[which] = undefined;
    }
    snapshots = null;
  },
  /**
   * Deletes the IndexedDB databases of `tag` and the snapshots (after closeAll, or on a fresh page), so the next size
   * starts empty.
   */
  async removeTag(tag: string) {
    await removeSnapshots();
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(`bench-${tag}-`));
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
    }
    return names.length;
  },
};

(globalThis as unknown as { bench: typeof api }).bench = api;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
