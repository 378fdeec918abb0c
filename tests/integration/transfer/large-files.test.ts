/**
 * Backups and transfer files of a register too large to hold whole (docs/backups-at-scale.md), at 5,000 appeals with
 * ~10,500 events in RxDB memory storage: made and read page by page with progress that rises to its total in phase
 * order, restored whole; a file in the body layout made before (profile last) still restores on a fresh PC; a village
 * whose PC holds the council's answers makes a whole-history transfer file the council imports; one bad record at the
 * very end of a large file still refuses the whole file with nothing written.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../../renderer/data/database';
import { loadProfile, type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { DATA_COLLECTIONS, readPages, readRecords, schemaVersions } from '../../../renderer/data/transfer/transfer.repository';
import {
  importTransfer,
  makeBackup,
  makeTransfer,
  restoreBackup,
  type TransferProgress,
} from '../../../renderer/data/transfer/transfer-service';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { localIsoDate } from '../../../shared/lib/dates';
import { sealTransferFile, type TransferDoc } from '../../../shared/transfer/format';
import { makeAppeal, rng } from '../../bench/page/fixture';
import { profileOf } from '../../helpers/data/fixtures';
import { TestDatabases } from '../../helpers/data/test-db';
import { dump, pickedFile } from '../../helpers/data/transfer-files';

const PASSPHRASE = 'Глибоке-2026 весна';
const VERSION = '0.1.0';
const APPEALS = 5000;
const village: Profile = profileOf({ communityCode: 'hlybotska' });
const council: Profile = profileOf({ villageCode: 'central', villageName: 'Рада', role: 'central', communityCode: 'hlybotska' });

/**
 * A village PC's whole history: its appeals and its own events, and the council's assignments and answers that came
 * back to it (the benchmark's fixture, ~2.1 events per appeal).
 */
async function seed(db: AppDatabase, n: number): Promise<{ appeals: number; events: number; byCouncil: number }> {
  await saveProfile(db, village);
  const r = rng(7);
  const today = localIsoDate(new Date());
  let events = 0;
  let byCouncil = 0;
  for (let from = 0; from < n; from += 1000) {
    const made = Array.from({ length: Math.min(1000, n - from) }, (_, i) => makeAppeal(from + i, r, today, 'hlyboke'));
    const evs = made.flatMap((m) => m.events);
    await db.appeals.bulkInsert(made.map((m) => m.appeal));
    await db.events.bulkInsert(evs);
    events += evs.length;
    byCouncil += evs.filter((e) => e.role === 'central').length;
  }
  return { appeals: n, events, byCouncil };
}

/** Collects progress reports: the phases in the order they came, and each phase's reports. */
function listener() {
  const reports: TransferProgress[] = [];
  return {
    onProgress: (p: TransferProgress) => reports.push(p),
    phases: () => reports.map((r) => r.phase).filter((p, i, all) => all[i - 1] !== p),
    of: (phase: TransferProgress['phase']) => reports.filter((r) => r.phase === phase),
  };
}

/** A phase's reports count up to its total, never down, at least every `step` records. */
function expectRising(reports: TransferProgress[], total: number, step: number) {
  expect(reports.length).toBeGreaterThan(1);
  expect(reports[0]?.done).toBe(0);
  expect(reports.at(-1)?.done).toBe(total);
  for (const [i, r] of reports.entries()) {
    expect(r.total).toBe(total);
    if (i > 0) {
      expect(r.done).toBeGreaterThanOrEqual(reports[i - 1]?.done ?? 0);
      expect(r.done - (reports[i - 1]?.done ?? 0)).toBeLessThanOrEqual(step);
    }
  }
}

describe('files of a large register', () => {
  const dbs = new TestDatabases();
  afterEach(() => dbs.removeAll());

  test('5,000 appeals: the backup and its restore report progress in phase order and restore every record', async () => {
    const old = await dbs.create('memory', { projection: false });
    const seeded = await seed(old, APPEALS);
    const total = seeded.appeals + seeded.events;

    const making = listener();
    const made = await makeBackup(old, village, VERSION, new Date(), PASSPHRASE, making.onProgress);
    expect(made.counts).toEqual({ appeals: seeded.appeals, events: seeded.events, files: 0 });
    expect(making.phases()).toEqual(['reading', 'encrypting']);
    expectRising(making.of('reading'), total, 5000);

    const fresh = await dbs.create('memory', { projection: false });
    const restoring = listener();
    const r = await restoreBackup(
      fresh,
      pickedFile(made.fileName, made.bytes),
      null,
      VERSION,
      new Date(),
      PASSPHRASE,
      restoring.onProgress,
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value).toMatchObject({ inserted: made.counts, present: 0, restoredProfile: village });
    expect(restoring.phases()).toEqual(['decrypting', 'checking', 'writing']);
    expectRising(restoring.of('checking'), total, 5000);
    expectRising(restoring.of('writing'), total, 5000);
    expect(await dump(fresh)).toEqual(await dump(old));
    expect(await loadProfile(fresh)).toEqual(village);
  });

  test('pages follow the index (events by appeal, then id): each record read once, also across one appeal', async () => {
    const db = await dbs.create('memory', { projection: false });
    const seeded = await seed(db, 300);
    const all = (await db.events.find().exec()).map((d) => d.primary).sort();
    for (const size of [1, 2, 3, 7, 100]) {
      const ids: string[] = [];
      let read = 0;
      for await (const page of readPages(db, 'events', null, size)) {
        ids.push(...page.docs.map((d) => d.id));
        read += page.read;
        expect(page.read, `pages of ${size}`).toBeLessThanOrEqual(size);
      }
      expect(read).toBe(seeded.events);
      expect([...ids].sort(), `pages of ${size}`).toEqual(all);
    }
    // The village's own records only, as a village's transfer file takes them; every record still counts as read.
    let read = 0;
    const own: string[] = [];
    for await (const page of readPages(db, 'events', (d) => d.role !== 'central', 3)) {
      own.push(...page.docs.map((d) => d.id));
      read += page.read;
    }
    expect(read).toBe(seeded.events);
    expect(own).toHaveLength(seeded.events - seeded.byCouncil);
  });

  test('a file made before (the whole body as one JSON, profile last) still restores on a fresh PC', async () => {
    const old = await dbs.create('memory', { projection: false });
    const seeded = await seed(old, 2000);
    // What encodeTransferFile wrote until now: gzip(JSON.stringify({ collections, profile })), then the same seal.
    const collections = await readRecords(old, DATA_COLLECTIONS, null);
    const packed = await webCodec.gzip(new TextEncoder().encode(JSON.stringify({ collections, profile: village })));
    const counts = Object.fromEntries(Object.entries(collections).map(([n, docs]) => [n, docs.length]));
    const meta = {
      appVersion: VERSION,
      kind: 'backup' as const,
      createdAt: new Date().toISOString(),
      community: 'hlybotska',
      from: 'hlyboke',
      to: null,
      schemaVersions: schemaVersions(old, DATA_COLLECTIONS),
    };
    const bytes = await sealTransferFile(meta, counts, packed, PASSPHRASE, webCodec);
    const fresh = await dbs.create('memory', { projection: false });
    const r = await restoreBackup(fresh, pickedFile('old.ovbackup', bytes), null, VERSION, new Date(), PASSPHRASE);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.inserted).toEqual({ appeals: seeded.appeals, events: seeded.events, files: 0 });
    expect(r.value.restoredProfile).toEqual(village);
    expect(await dump(fresh)).toEqual(await dump(old));
  });

  test("a village's whole history, the council's answers included: the transfer file leaves those out and imports", async () => {
    const pc = await dbs.create('memory', { projection: false });
    const seeded = await seed(pc, APPEALS);
    expect(seeded.byCouncil).toBeGreaterThan(1000);
    const making = listener();
    const made = await makeTransfer(pc, village, 'central', VERSION, new Date(), PASSPHRASE, making.onProgress);
    if (!made.ok) throw new Error(made.error.message.en);
    expect(made.value.counts).toEqual({ appeals: seeded.appeals, events: seeded.events - seeded.byCouncil, files: 0 });
    // Every record is read (the village's are picked on the way), so the progress counts all of them.
    expectRising(making.of('reading'), seeded.appeals + seeded.events, 5000);

    const office = await dbs.create('memory', { projection: false });
    await saveProfile(office, council);
    const importing = listener();
    const file = pickedFile(made.value.fileName, made.value.bytes);
    const r = await importTransfer(office, file, council, VERSION, new Date(), PASSPHRASE, importing.onProgress);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.inserted).toEqual(made.value.counts);
    expect(importing.phases()).toEqual(['decrypting', 'checking', 'writing']);
    expect(await office.events.count({ selector: { role: 'central' } }).exec()).toBe(0);
  });

  test('one bad record at the very end of a large file: refused, nothing written, no writing begun', async () => {
    const old = await dbs.create('memory', { projection: false });
    await seed(old, 3000);
    const collections = await readRecords(old, DATA_COLLECTIONS, null);
    const events = (collections.events as TransferDoc[]).filter((e) => e.role !== 'central');
    const last = events.at(-1) as TransferDoc;
    // The last record of a village's file for the council names another village, or is one the council wrote: the
    // file-level rules refuse either (a village hands on only its own records).
    const bad = { 'another village': { ...last, villageId: 'zarichne' }, "the council's": { ...last, role: 'central' } };
    for (const [what, record] of Object.entries(bad)) {
      const body = { profile: null, collections: { ...collections, events: [...events.slice(0, -1), record] } };
      const packed = await webCodec.gzip(new TextEncoder().encode(JSON.stringify(body)));
      const counts = Object.fromEntries(Object.entries(body.collections).map(([n, docs]) => [n, docs.length]));
      const meta = {
        appVersion: VERSION,
        kind: 'transfer' as const,
        createdAt: new Date().toISOString(),
        community: 'hlybotska',
        from: 'hlyboke',
        to: 'central',
        schemaVersions: schemaVersions(old, DATA_COLLECTIONS),
      };
      const bytes = await sealTransferFile(meta, counts, packed, PASSPHRASE, webCodec);
      const office = await dbs.create('memory', { projection: false });
      await saveProfile(office, council);
      const importing = listener();
      const file = pickedFile('x.ovtransfer', bytes);
      const r = await importTransfer(office, file, council, VERSION, new Date(), PASSPHRASE, importing.onProgress);
      expect(r.ok ? 'ok' : r.error.code, what).toBe('foreign-document');
      expect(importing.phases()).toEqual(['decrypting', 'checking']);
      expect(await office.appeals.count().exec()).toBe(0);
      expect(await office.events.count().exec()).toBe(0);
      expect(await office.outbox.count().exec()).toBe(0);
      await office.remove();
    }
  });
});
