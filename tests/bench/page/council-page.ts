// The council PC benchmark's in-browser half: one sealed database holding a whole community (27 villages and the
// council office), seeded with the fixture's appeals and events, and the council's figures measured on it as the app
// runs them: the start, the register in memory, registering an appeal, and the classifier report of a year, built
// the way before (appeals and events read and folded on the screen's thread) and the way now (the rows' report facts
// counted in a Web Worker), with the input delay of key presses typed meanwhile. Driven by tests/bench/council.bench.ts.

import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { createKeyring, type Keyring, unlock } from '../../../renderer/data/keyring/keyring';
import { type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { startProjection } from '../../../renderer/data/projection';
import { RegisterIndex } from '../../../renderer/data/register-index';
import { refreshRows } from '../../../renderer/data/register-projection';
import { SealedSnapshots } from '../../../renderer/data/register-snapshot';
import { loadReportFacts } from '../../../renderer/data/reports.repository';
import { DEFAULT_SORT, EMPTY_FILTER, queryLoadedRegister } from '../../../renderer/features/register/register-query';
import { buildReportOffThread } from '../../../renderer/features/reports/build-off-thread';
import { CENTRAL_VILLAGE_ID } from '../../../shared/couch/names';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { localIsoDate } from '../../../shared/lib/dates';
import { buildReport } from '../../../shared/reports/build-report';
import { periodOf } from '../../../shared/reports/period';
import type { KnownVillage, Report } from '../../../shared/reports/report.types';
import { recencyOf } from '../../../shared/schema/register-row.schema';
import { benchDraft, makeBatch } from './batch';
import { rng } from './fixture';
import { removeSnapshots, TimedSnapshots } from './timed-snapshots';

const NAMES = [
  'Глибоке',
  'Зарічне',
  'Калинівка',
  'Вербівка',
  'Дубове',
  'Липове',
  'Ясенове',
  'Березівка',
  'Соснівка',
  'Кленове',
  'Вишневе',
  'Яблунівка',
  'Грушівка',
  'Озерне',
  'Степове',
  'Польове',
  'Лісове',
  'Гайове',
  'Криничне',
  'Ставки',
  'Млинки',
  'Хутірець',
  'Заліски',
  'Підгір’я',
  'Нагірне',
  'Долинівка',
  'Травневе',
];
/** The community's 27 villages (codes as the council's registry has them). */
export const VILLAGES: KnownVillage[] = NAMES.map((name, i) => ({ code: `selo${String(i + 1).padStart(2, '0')}`, name }));

const PROFILE: Profile = {
  villageCode: CENTRAL_VILLAGE_ID,
  villageName: 'Центральний офіс',
  workstation: 1,
  operatorName: 'Бенчмарк Б. Б.',
  role: 'central',
};
const PASSWORD = 'ґаблі-вишня-2025';
const DB_NAME = 'bench-council';
const today = localIsoDate(new Date());
const seedRng = rng(2026);

let db: AppDatabase | null = null;
let index: RegisterIndex | null = null;
let snapshots: TimedSnapshots | null = null;

const need = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`${what} is not open`);
  return value;
};

async function keyOf(keyring: Keyring): Promise<CryptoKey> {
  const key = await unlock(keyring, PROFILE.operatorName, PASSWORD);
  if (!key) throw new Error('the benchmark keyring did not unlock');
  return key;
}

/** The report of the running year (the fixture's appeals are received over the last 400 days). */
const reportYear = () => Number(today.slice(0, 4));

/** Key presses typed by the driver while a report is built: how long each waited for the screen's thread. */
const typed: number[] = [];
function typingBox(): HTMLInputElement {
  let box = document.getElementById('typing') as HTMLInputElement | null;
  if (!box) {
    box = document.createElement('input');
    box.id = 'typing';
    box.addEventListener('keydown', (e) => typed.push(performance.now() - e.timeStamp));
    document.body.append(box);
  }
  return box;
}

/** Ticks of a 10 ms timer while the work runs: the longest gap is the longest the screen's thread was busy. */
function longestGap(): () => number {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(longest, performance.now() - last);
  };
}

const api = {
  async createKeyring() {
    return (await createKeyring(PROFILE.operatorName, PASSWORD)).keyring;
  },
  async open(keyring: Keyring) {
    db = await openDatabase({ key: await keyOf(keyring), name: DB_NAME });
    await saveProfile(db, PROFILE);
    return db.appeals.count().exec();
  },
  /** Appeals `start`…`end - 1` with their events and rows; appeal i is registered by village i mod 28 (the council last). */
  async seed(start: number, end: number, batch: number) {
    const d = need(db, 'database');
    let events = 0;
    const village = (i: number) => VILLAGES[i % 28]?.code ?? CENTRAL_VILLAGE_ID;
    // Each village numbers its own appeals (the fixture numbers one village's): the council's registration reads
    // the last number of its workstation, which must be its count as on a real PC.
    const renumber = (appeal: Appeal, i: number) => {
      const seq = Math.floor(i / 28) + 1;
      appeal.regSeq = seq;
      appeal.regIndex = appeal.regIndex.replace(/-\d+$/, `-${seq}`);
    };
    for (let from = start; from < end; from += batch) {
      const { appeals, events: evs, rows } = makeBatch(from, Math.min(end, from + batch), seedRng, today, village, renumber);
      await d.appeals.bulkInsert(appeals);
      await d.events.bulkInsert(evs);
      await d.register.bulkInsert(rows);
      events += evs.length;
    }
    return events;
  },
  /**
   * A start after the password on a fresh page, as bootstrap does: unlock, open, the first rows, then the whole register
   * into memory (from the app's snapshot when there is one; without, row by row, and the index writes the snapshot
   * by itself 3 s later: `snapshotWritten` waits for it).
   */
  async startup(keyring: Keyring) {
    const t0 = performance.now();
    const key = await keyOf(keyring);
    db = await openDatabase({ key, name: DB_NAME });
    startProjection(db);
    snapshots = new TimedSnapshots(new SealedSnapshots(key, db.name));
    index = new RegisterIndex(db, snapshots);
    const first = await index.firstPage(50);
    const t1 = performance.now();
    await index.load();
    const t2 = performance.now();
    const read = snapshots.reads[0];
    return { usableMs: t1 - t0, searchableMs: t2 - t0, size: index.size, first: first.length, snapshotRows: read?.rows ?? null };
  },
  async snapshotWritten() {
    const write = await need(snapshots, 'snapshot store').written;
    if (write.error) throw new Error(`snapshot not written: ${write.error}`);
    return write.ms;
  },
  removeSnapshots,
  registerOne(i: number) {
    const d = need(db, 'database');
    const draft = benchDraft(i, today);
    return (async () => {
      const t0 = performance.now();
      const result = await registerAppeal(d, PROFILE, draft, { now: new Date(), today });
      if (!result.ok) throw new Error('registration failed');
      await refreshRows(d, [result.appeal.id]);
      return performance.now() - t0;
    })();
  },
  /**
   * What the projection pays to read the events of `n` appeals spread over the whole register (a sync's batch from 27
   * villages): one `$in` query (RxDB scans the appealId index from the smallest to the largest id) or one query per
   * appeal. Returns ms and the events read.
   */
  async eventsOfSpread(n: number, perAppeal: boolean) {
    const d = need(db, 'database');
    const all = [...need(index, 'index').all()].map((r) => r.id).sort();
    const ids = Array.from({ length: n }, (_, k) => all[Math.floor((k * all.length) / n)] as string);
    const t0 = performance.now();
    const found = perAppeal
      ? (await Promise.all(ids.map((id) => d.events.find({ selector: { appealId: id } }).exec()))).flat()
      : await d.events.find({ selector: { appealId: { $in: ids } } }).exec();
    return { ms: performance.now() - t0, events: found.length };
  },
  filteredPage(village: string, status: string) {
    const i = need(index, 'index');
    const t0 = performance.now();
    const n = queryLoadedRegister(i, { ...EMPTY_FILTER, village, status }, DEFAULT_SORT, today).slice(0, 50).length;
    return { ms: performance.now() - t0, n };
  },
  search(text: string) {
    const i = need(index, 'index');
    const t0 = performance.now();
    const n = queryLoadedRegister(i, { ...EMPTY_FILTER, text }, DEFAULT_SORT, today).length;
    return { ms: performance.now() - t0, n };
  },
  /** Focuses the box the driver types into during a report, and forgets earlier key presses. */
  startTyping() {
    typingBox().focus();
    typed.length = 0;
  },
  typedDelays() {
    return [...typed];
  },
  /**
   * The year's report the way before: the period's rows by `recency`, their appeals and all their events read and
   * opened, then folded and counted, all on the screen's thread. The app read the events with one `$in` over all the
   * period's ids; RxDB scans the index range between the smallest and largest id and tests each event against the
   * whole list, which at a council's year does not finish (5,000 appeals: 6.8 s; it grows with ids × events). Here
   * the events are read for 1,000 ids at a time, the fastest the old way could be.
   */
  async yearReportBefore() {
    const d = need(db, 'database');
    const period = periodOf('year', reportYear());
    const gap = longestGap();
    const t0 = performance.now();
    const rows = await d.register
      .find({ selector: { recency: { $gte: recencyOf(period.to), $lte: recencyOf(period.from) } } })
      .exec();
    const ids = rows.map((r) => r.id).sort();
    const appeals: Appeal[] = [];
    const events: AppealEvent[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const slice = ids.slice(i, i + 1000);
      const [a, e] = await Promise.all([
        d.appeals.findByIds(slice).exec(),
        d.events.find({ selector: { appealId: { $in: slice } } }).exec(),
      ]);
      for (const doc of a.values()) appeals.push(doc.toMutableJSON() as Appeal);
      for (const doc of e) events.push(doc.toMutableJSON() as AppealEvent);
    }
    const t1 = performance.now();
    const report = buildReport({ appeals, events, period, asOf: today, scope: { kind: 'community' }, villages: VILLAGES });
    const t2 = performance.now();
    lastBefore = report;
    return { ms: t2 - t0, readMs: t1 - t0, longestBusyMs: gap(), appeals: report.appealCount, events: events.length };
  },
  /** The year's report the way the Reports screen builds it now (use-report.ts): facts from memory, counted in a worker. */
  async yearReportNow() {
    const d = need(db, 'database');
    const i = need(index, 'index');
    const period = periodOf('year', reportYear());
    const gap = longestGap();
    const t0 = performance.now();
    const facts = await loadReportFacts(d, () => i.all(), period, { kind: 'community' });
    const t1 = performance.now();
    const report = await buildReportOffThread(facts, { period, asOf: today, scope: { kind: 'community' }, villages: VILLAGES });
    const t2 = performance.now();
    lastNow = report;
    return { ms: t2 - t0, factsMs: t1 - t0, longestBusyMs: gap(), appeals: report.appealCount };
  },
  /** True when the last report built each way counted exactly the same tables. */
  sameReports() {
    return lastBefore !== null && JSON.stringify(lastBefore) === JSON.stringify(lastNow);
  },
  async close() {
    index?.dispose();
    index = null;
    await db?.close();
    db = null;
  },
  /** Deletes the council database and the snapshots (on a fresh page). */
  async remove() {
    await removeSnapshots();
    for (const { name } of await indexedDB.databases()) {
      if (!name?.includes(DB_NAME)) continue;
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
    }
  },
};

let lastBefore: Report | null = null;
let lastNow: Report | null = null;

(globalThis as unknown as { councilBench: typeof api }).councilBench = api;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
