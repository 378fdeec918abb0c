/** The register projection (rows that follow the collections, the rebuild of missing rows) and the in-memory RegisterIndex over it. */
import { OPEN_COLLECTIONS } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { ProjectionOptions } from '../../../renderer/data/projection';
import { RegisterIndex } from '../../../renderer/data/register-index';
import { ensureRegister, refreshRows, toRegisterRow } from '../../../renderer/data/register-projection';
import { EMPTY_FILTER, queryRegister } from '../../../renderer/features/register/register-query';
import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import { addDays } from '../../../shared/lib/dates';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { CLOCK, clockOn, draftOf, eventAbout, PAYLOADS, profileOf, storedAppeal, TODAY } from '../../helpers/data/fixtures';
import { settled, TestDatabases } from '../../helpers/data/test-db';

const dbs = new TestDatabases();
const indexes: RegisterIndex[] = [];

afterEach(async () => {
  for (const index of indexes.splice(0)) index.dispose();
  await dbs.removeAll();
  expect(OPEN_COLLECTIONS.size).toBe(0);
});

function indexOf(db: AppDatabase): RegisterIndex {
  const index = new RegisterIndex(db);
  indexes.push(index);
  return index;
}

async function register(db: AppDatabase, patch: Partial<AppealDraft> = {}): Promise<Appeal> {
  const result = await registerAppeal(db, profileOf(), draftOf(patch), CLOCK);
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result.problems)}`);
  return result.appeal;
}

async function allRows(db: AppDatabase): Promise<RegisterRow[]> {
  const docs = await db.register.find({ selector: {}, sort: [{ id: 'asc' }] }).exec();
  return docs.map((d) => d.toMutableJSON() as RegisterRow);
}

/** Waits (without asking the projection) until the appeal's row satisfies `check`. */
async function rowWhere(db: AppDatabase, id: string, check: (row: RegisterRow) => boolean): Promise<RegisterRow> {
  let found: RegisterRow | null = null;
  await vi.waitFor(
    async () => {
      const doc = await db.register.findOne(id).exec();
      found = doc ? (doc.toMutableJSON() as RegisterRow) : null;
      expect(found !== null && check(found)).toBe(true);
    },
    { timeout: 5_000, interval: 20 },
  );
  return found as unknown as RegisterRow;
}

/** A refresh that records the appeals of each call and fails the first `failures` calls. */
function countingRefresh(failures = 0) {
  const calls: { ids: number; failed: boolean }[] = [];
  const refresh: NonNullable<ProjectionOptions['refresh']> = async (db, ids) => {
    const failed = calls.filter((c) => c.failed).length < failures;
    calls.push({ ids: ids.length, failed });
    if (failed) throw new Error('injected: the storage refused the write');
    await refreshRows(db, ids);
  };
  return { calls, refresh };
}

describe('the projection follows the collections (no writer refreshes rows)', () => {
  it('an appeal inserted straight into the collection, as an import would, gets its row', async () => {
    const db = await dbs.create('dexie');
    const appeal = storedAppeal({ id: 'A1' });
    await db.appeals.insert(appeal);
    const row = await rowWhere(db, appeal.id, () => true);
    expect(row).toEqual(toRegisterRow(appeal, []));
  });

  it('appeals stored by a replication pull (replicateRxCollection) get their rows', async () => {
    const db = await dbs.create('dexie');
    const pulled = [storedAppeal({ id: 'P1', regSeq: 1 }), storedAppeal({ id: 'P2', regSeq: 2 })];
    let served = false;
    const replication = replicateRxCollection<Appeal, { n: number }>({
      replicationIdentifier: 'test-pull',
      collection: db.appeals,
      live: false,
      waitForLeadership: false,
      pull: {
        handler: async () => {
          const documents = served ? [] : pulled.map((a) => ({ ...a, _deleted: false }));
          served = true;
          return { documents, checkpoint: { n: 1 } };
        },
      },
    });
    await replication.awaitInitialReplication();
    await replication.cancel();
    expect(await db.appeals.count().exec()).toBe(2);
    for (const a of pulled) expect(await rowWhere(db, a.id, () => true)).toEqual(toRegisterRow(a, []));
  });

  it("an event inserted straight into the collection changes its appeal's row", async () => {
    const db = await dbs.create('dexie');
    const appeal = storedAppeal({ id: 'A1', receivedOn: TODAY });
    await db.appeals.insert(appeal);
    await rowWhere(db, appeal.id, (r) => r.status === 'registered');
    await db.events.insert(eventAbout(appeal, 'answered'));
    const row = await rowWhere(db, appeal.id, (r) => r.status === 'answered');
    expect(row.needsHandover).toBe(1);
  });

  it('a failed refresh is retried after a delay with no further change, so the row does not stay missing', async () => {
    const { calls, refresh } = countingRefresh(1);
    const db = await dbs.create('dexie', { projection: { refresh, retryMs: 200 } });
    const appeal = storedAppeal({ id: 'A1' });
    await db.appeals.insert(appeal);
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(calls[0]?.failed).toBe(true);
    expect(await db.register.findOne(appeal.id).exec()).toBeNull();
    await rowWhere(db, appeal.id, () => true);
    expect(calls.map((c) => c.failed)).toEqual([true, false]);
  });

  it('a failed refresh is healed by the next change: both appeals get their rows', async () => {
    const { calls, refresh } = countingRefresh(1);
    // A retry far away, so only the next change can bring the first appeal's row.
    const db = await dbs.create('dexie', { projection: { refresh, retryMs: 600_000 } });
    const first = storedAppeal({ id: 'A1', regSeq: 1 });
    await db.appeals.insert(first);
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(await db.register.findOne(first.id).exec()).toBeNull();

    const second = storedAppeal({ id: 'A2', regSeq: 2 });
    await db.appeals.insert(second);
    await rowWhere(db, second.id, () => true);
    expect(await db.register.findOne(first.id).exec()).not.toBeNull();
    expect(calls).toEqual([
      { ids: 1, failed: true },
      { ids: 2, failed: false },
    ]);
  });

  it('1,000 appeals imported in one bulk insert all get rows, in slices of 500', async () => {
    const { calls, refresh } = countingRefresh();
    const db = await dbs.create('memory', { projection: { refresh } });
    const appeals = Array.from({ length: 1_000 }, (_, i) =>
      storedAppeal({ id: `B${String(i).padStart(4, '0')}`, regSeq: i + 1 }),
    );
    const result = await db.appeals.bulkInsert(appeals);
    expect(result.error).toEqual([]);
    await vi.waitFor(async () => expect(await db.register.count().exec()).toBe(1_000), { timeout: 10_000, interval: 50 });
    expect(calls).toEqual([
      { ids: 500, failed: false },
      { ids: 500, failed: false },
    ]);
    const rows = await allRows(db);
    expect(rows.map((r) => r.id)).toEqual(appeals.map((a) => a.id));
  });
});

describe('ensureRegister', () => {
  it('returns 0 when every appeal has its row', async () => {
    const db = await dbs.create('dexie');
    expect(await ensureRegister(db)).toBe(0);
    await register(db);
    await register(db, { surname: 'Бойко' });
    await settled(db);
    expect(await ensureRegister(db)).toBe(0);
    expect(await db.register.count().exec()).toBe(2);
  });

  it('rebuilds the rows an interrupted write left out, with the state folded from the events', async () => {
    const db = await dbs.create('dexie');
    const appeals: Appeal[] = [];
    for (const surname of ['Мельник', 'Бойко', 'Ткач', 'Мазур', 'Коваль']) appeals.push(await register(db, { surname }));
    const [a0, a1, , a3] = appeals as [Appeal, Appeal, Appeal, Appeal, Appeal];
    expect((await recordEvent(db, profileOf(), a1, 'forwarded', PAYLOADS.forwarded, clockOn('2024-05-21'))).ok).toBe(true);
    const central = profileOf({ villageCode: 'central', role: 'central' });
    expect((await recordEvent(db, central, a3, 'answered', PAYLOADS.answered, clockOn('2024-05-27'))).ok).toBe(true);
    await settled(db);
    const complete = await allRows(db);

    // Rows of the first, a forwarded and an answered appeal are lost (as if the app stopped between the two writes).
    await db.register.bulkRemove([a0.id, a1.id, a3.id]);
    expect(await db.register.count().exec()).toBe(2);

    // A batch of 2 makes the rebuild page through the appeals.
    expect(await ensureRegister(db, 2)).toBe(3);
    expect(await allRows(db)).toEqual(complete);
    expect((await db.register.findOne(a1.id).exec())?.status).toBe('forwarded');
    expect((await db.register.findOne(a3.id).exec())?.needsHandover).toBe(1);
    expect(await ensureRegister(db, 2)).toBe(0);
  });

  it('builds the whole register of appeals that arrived without rows (first start after a restore)', async () => {
    // Without the projection, which would build them by itself.
    const db = await dbs.create('dexie', { projection: false });
    const restored = Array.from({ length: 7 }, (_, i) => storedAppeal({ id: `R${i}`, regSeq: i + 1 }));
    await db.appeals.bulkInsert(restored);
    expect(await ensureRegister(db, 3)).toBe(7);
    const rows = await allRows(db);
    expect(rows.map((r) => r.regIndex)).toEqual(restored.map((a) => a.regIndex));
    expect(rows).toEqual(restored.map((a) => toRegisterRow(a, [])));
  });
});

describe('RegisterIndex', () => {
  const days = [-3, 0, -10, -1, -7, -2];

  async function registerOnDays(db: AppDatabase): Promise<Appeal[]> {
    const out: Appeal[] = [];
    for (const [i, d] of days.entries()) {
      out.push(await register(db, { surname: `Мельник${'а'.repeat(i)}`, receivedOn: addDays(TODAY, d) }));
    }
    return out;
  }

  it('firstPage returns the newest rows by date received', async () => {
    const db = await dbs.create('dexie');
    const appeals = await registerOnDays(db);
    await settled(db);
    const page = await indexOf(db).firstPage(3);
    expect(page.map((r) => r.receivedOn)).toEqual([TODAY, addDays(TODAY, -1), addDays(TODAY, -2)]);
    const byDay = new Map(appeals.map((a) => [a.receivedOn, a.id]));
    expect(page.map((r) => r.id)).toEqual([TODAY, addDays(TODAY, -1), addDays(TODAY, -2)].map((d) => byDay.get(d)));
    expect((await indexOf(db).firstPage(100)).map((r) => r.receivedOn)).toEqual(
      [...appeals.map((a) => a.receivedOn)].sort().reverse(),
    );
  });

  it('load() holds every row and follows new registrations and events', async () => {
    const db = await dbs.create('dexie');
    const appeals = await registerOnDays(db);
    await settled(db);
    const index = indexOf(db);
    let notified = 0;
    index.subscribe(() => notified++);

    await index.load();
    expect(index.isLoaded).toBe(true);
    expect(index.size).toBe(appeals.length);
    expect(new Set([...index.all()].map((r) => r.id))).toEqual(new Set(appeals.map((a) => a.id)));
    expect([...index.all()]).toEqual(expect.arrayContaining(await allRows(db)));
    // load() runs once however often it is called.
    await index.load();
    expect(index.size).toBe(appeals.length);

    const versionBefore = index.getVersion();
    const fresh = await register(db, { surname: 'Новенька' });
    await vi.waitFor(() => expect(index.size).toBe(appeals.length + 1), { timeout: 5_000, interval: 10 });
    expect([...index.all()].find((r) => r.id === fresh.id)?.regIndex).toBe(fresh.regIndex);
    expect(index.getVersion()).toBeGreaterThan(versionBefore);
    await vi.waitFor(() => expect(notified).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });

    await recordEvent(db, profileOf(), fresh, 'forwarded', PAYLOADS.forwarded, clockOn('2024-05-21'));
    await vi.waitFor(() => expect([...index.all()].find((r) => r.id === fresh.id)?.status).toBe('forwarded'), {
      timeout: 5_000,
      interval: 10,
    });
    expect(index.size).toBe(appeals.length + 1);
  });

  it('after dispose() it no longer follows changes', async () => {
    const db = await dbs.create('dexie');
    await register(db);
    await settled(db);
    const index = indexOf(db);
    await index.load();
    index.dispose();
    await register(db, { surname: 'Бойко' });
    await settled(db);
    expect(await db.register.count().exec()).toBe(2);
    expect(index.size).toBe(1);
  });
});

describe('RegisterIndex over 5,000 appeals (RxDB memory storage)', () => {
  const N = 5_000;
  const APOSTROPHES = ['ʼ', "'", '’', '‘'];

  /** Every 7th applicant is a Мʼякий (with any of four apostrophes), every 11th appeal is about a well. */
  function appealAt(i: number): Appeal {
    const soft = i % 7 === 0;
    const well = i % 11 === 0;
    return storedAppeal({
      id: `A${String(i).padStart(6, '0')}`,
      regSeq: i + 1,
      regIndex: `HLYBOKE.1-${soft ? 'М' : 'К'}-${i + 1}`,
      surname: soft ? `М${APOSTROPHES[i % 4]}який` : 'Коваленко',
      givenName: i % 2 === 0 ? 'Олег' : 'Ганна',
      receivedOn: addDays(TODAY, -(i % 365)),
      issues: [{ topicCode: '090', text: well ? 'Замулилася громадська криниця' : 'Ремонт дороги' }],
    });
  }

  it('loads every row, and a search finds as many as a brute-force count of the source data', async () => {
    // The rows are written here directly; a projection would write them a second time.
    const db = await dbs.create('memory', { projection: false });
    const appeals = Array.from({ length: N }, (_, i) => appealAt(i));
    await db.appeals.bulkInsert(appeals);
    const rows = appeals.map((a) => toRegisterRow(a, []));
    const result = await db.register.bulkInsert(rows);
    expect(result.error).toEqual([]);

    const index = indexOf(db);
    await index.load();
    expect(index.size).toBe(N);

    const cases: [string, (a: Appeal, i: number) => boolean][] = [
      ["м'який", (_a, i) => i % 7 === 0],
      ['М’ЯКИЙ олег', (_a, i) => i % 7 === 0 && i % 2 === 0],
      ['мʼякий криниця', (_a, i) => i % 77 === 0],
      ['криниця', (_a, i) => i % 11 === 0],
      ['коваленко ганна криниця', (_a, i) => i % 7 !== 0 && i % 2 === 1 && i % 11 === 0],
      ['hlyboke.1-м-1', (a) => a.regIndex.toLowerCase().includes('hlyboke.1-м-1')],
      ['нема-такого', () => false],
    ];
    for (const [text, predicate] of cases) {
      const expected = appeals.filter(predicate).length;
      const found = queryRegister(index.all(), { ...EMPTY_FILTER, text }, { key: 'regIndex', dir: 'asc' }, TODAY);
      expect({ text, count: found.length }).toEqual({ text, count: expected });
    }
    // Non-trivial counts, so the comparison above means something.
    expect(appeals.filter((_a, i) => i % 7 === 0)).toHaveLength(715);
    expect(appeals.filter((_a, i) => i % 77 === 0)).toHaveLength(65);

    // The first page is the newest by date received, served by the index.
    const page = await index.firstPage(50);
    expect(page).toHaveLength(50);
    const newest = [...rows].sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0));
    expect(page.every((r) => r.receivedOn >= (newest[49] as RegisterRow).receivedOn)).toBe(true);
    expect(page[0]?.receivedOn).toBe(TODAY);
  });
});
