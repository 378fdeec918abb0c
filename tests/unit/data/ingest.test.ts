/**
 * The one way in (renderer/data/ingest) on memory RxDB: what it accepts, sets aside and raises as a tamper alarm, and
 * that every path a record comes by (registration, events, transfer import, backup restore, pulled file metadata)
 * reaches it. The sync pull's use of it runs against a real CouchDB in tests/integration/sync/ingest.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { recordEvent } from '../../../renderer/data/events.repository';
import { insertPulledFiles } from '../../../renderer/data/files.repository';
import { ingest } from '../../../renderer/data/ingest/ingest';
import { loadSetAside } from '../../../renderer/data/ingest/set-aside';
import { type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { importTransfer, makeBackup, makeTransfer, restoreBackup } from '../../../renderer/data/transfer/transfer-service';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { CLOCK, draftOf, fixtureAppealId, profileOf, storedAppeal } from '../../helpers/data/fixtures';
import { TestDatabases } from '../../helpers/data/test-db';
import { pickedFile } from '../../helpers/data/transfer-files';
import { eventOf } from '../shared/fixtures';

/** The passphrase the test's files are made and opened with. */
const PASSPHRASE = 'Глибоке-2026 весна';

const calls = vi.hoisted(() => [] as { source: string; collection: string; mode: string }[]);
vi.mock('../../../renderer/data/ingest/ingest', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../renderer/data/ingest/ingest')>();
  return {
    ...real,
    ingest: ((db, collection, records, source, options) => {
      calls.push({ source, collection, mode: options?.mode ?? 'store' });
      return real.ingest(db, collection, records, source, options);
    }) as typeof real.ingest,
  };
});

const VERSION = '0.1.0';
const COMMUNITY = 'hlybotska';
const VILLAGE: DbScope = { kind: 'village', community: COMMUNITY, code: 'hlyboke' };
const CENTRAL: DbScope = { kind: 'central', community: COMMUNITY };
const village: Profile = profileOf({ communityCode: COMMUNITY });
const council: Profile = profileOf({ villageCode: 'central', role: 'central', communityCode: COMMUNITY, operatorName: 'Рада' });

const withTopic = (id: string, code: string) => storedAppeal({ id, issues: [{ topicCode: code, text: 'Нове питання' }] });
/** An event about the appeal named `appeal` (fixtureAppealId) of `appealVillage`, recorded in `villageId`. */
const eventFor = (
  appeal: string,
  kind: AppealEvent['kind'],
  role: AppealEvent['role'],
  villageId = 'hlyboke',
  appealVillage = villageId,
) =>
  eventOf(kind, {
    id: `E-${appeal}-${kind}-${role}`,
    appealId: fixtureAppealId(appeal, appealVillage),
    villageId,
    role,
  } as never);
const fileMeta = (id: string, villageId = 'hlyboke') => ({
  id,
  appealId: fixtureAppealId('A1', villageId),
  villageId,
  name: 'скан.pdf',
  mime: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  addedAt: '2024-05-20T09:00:00.000Z',
  by: 'Оператор',
  role: 'starosta',
  chunkSize: 65536,
  chunkCount: 1,
});

const dbs = new TestDatabases();
afterEach(async () => {
  calls.length = 0;
  await dbs.removeAll();
});

const memoryDb = () => dbs.create('memory', { projection: false });

describe('ingest', () => {
  it('writes an appeal with a topic code this version does not know; the same record again is a no-op', async () => {
    const db = await memoryDb();
    const appeal = withTopic('A999', '999');
    const first = await ingest(db, 'appeals', [appeal], 'pull', { scope: VILLAGE });
    expect(first).toMatchObject({ written: [appeal], refused: [] });
    const again = await ingest(db, 'appeals', [{ ...appeal }], 'transfer', { scope: VILLAGE });
    expect(again).toMatchObject({ accepted: [appeal], written: [], refused: [] });
    expect((await db.appeals.findOne(appeal.id).exec())?.issues[0]?.topicCode).toBe('999');
    expect(await loadSetAside(db)).toEqual([]);
  });

  it('sets a refused record aside with its reason, source and time, and writes the others of the batch', async () => {
    const db = await memoryDb();
    await ingest(db, 'appeals', [storedAppeal({ id: 'A1' })], 'pull', { scope: VILLAGE });
    const bad = eventFor('A1', 'answered', 'starosta');
    const good = eventFor('A1', 'comment', 'starosta');
    const r = await ingest(db, 'events', [bad, good], 'pull', { scope: VILLAGE, now: new Date('2024-05-21T08:00:00.000Z') });
    expect(r.written.map((e) => e.id)).toEqual([good.id]);
    expect(await db.events.findOne(bad.id).exec()).toBeNull();
    expect(await loadSetAside(db)).toEqual([
      {
        key: `events:${bad.id}`,
        collection: 'events',
        id: bad.id,
        source: 'pull',
        reason: { uk: expect.stringContaining('answered'), en: expect.stringContaining('answered') },
        isTamper: false,
        at: '2024-05-21T08:00:00.000Z',
        record: expect.objectContaining({ kind: 'answered', role: 'starosta' }),
      },
    ]);
  });

  it("refuses another village's record on a village PC, with the scope read from the stored profile", async () => {
    const db = await memoryDb();
    await saveProfile(db, village);
    const foreign = storedAppeal({ id: 'AZ', villageId: 'zarichne' });
    const r = await ingest(db, 'appeals', [foreign], 'backup');
    expect(r.refused.map((e) => e.id)).toEqual([foreign.id]);
    expect(await db.appeals.count().exec()).toBe(0);
  });

  it('raises a tamper alarm for the same id with other content and keeps the local record', async () => {
    const db = await memoryDb();
    await ingest(db, 'appeals', [storedAppeal({ id: 'A1', surname: 'Справжній' })], 'registration', { scope: VILLAGE });
    const r = await ingest(db, 'appeals', [storedAppeal({ id: 'A1', surname: 'Підроблений' })], 'pull', { scope: VILLAGE });
    expect(r.accepted).toEqual([]);
    expect(r.refused).toEqual([expect.objectContaining({ id: fixtureAppealId('A1'), isTamper: true, source: 'pull' })]);
    expect((await db.appeals.findOne(fixtureAppealId('A1')).exec())?.surname).toBe('Справжній');
  });

  it("refuses a village's event naming another village's appeal by the appeal id's village tag", async () => {
    const db = await memoryDb();
    await ingest(db, 'appeals', [storedAppeal({ id: 'AZ', villageId: 'zarichne' })], 'pull', { scope: CENTRAL });
    const stray = eventFor('AZ', 'not-considered', 'starosta', 'hlyboke', 'zarichne');
    const councils = eventFor('AZ', 'comment', 'central', 'zarichne');
    const r = await ingest(db, 'events', [stray, councils], 'pull', { scope: CENTRAL });
    expect(r.written.map((e) => e.id)).toEqual([councils.id]);
    expect(r.refused).toEqual([
      expect.objectContaining({
        id: stray.id,
        isTamper: false,
        reason: expect.objectContaining({ en: expect.stringContaining('does not belong to the village hlyboke') }),
      }),
    ]);
  });

  it("raises a tamper alarm for a village's event naming another village's appeal whose tag it shares; the council's own is fine", async () => {
    // v332789 and v529192 have the same FNV-1a 32-bit hash, so the same appeal id tag: only the PC holding the appeal
    // can tell them apart.
    const db = await memoryDb();
    await ingest(db, 'appeals', [storedAppeal({ id: 'AZ', villageId: 'v529192' })], 'pull', { scope: CENTRAL });
    const stray = eventFor('AZ', 'not-considered', 'starosta', 'v332789', 'v529192');
    const councils = eventFor('AZ', 'comment', 'central', 'v529192');
    expect(stray.appealId).toBe(councils.appealId);
    const r = await ingest(db, 'events', [stray, councils], 'pull', { scope: CENTRAL });
    expect(r.written.map((e) => e.id)).toEqual([councils.id]);
    expect(r.refused).toEqual([
      expect.objectContaining({
        id: stray.id,
        isTamper: true,
        reason: expect.objectContaining({ en: expect.stringContaining('v529192') }),
      }),
    ]);
  });

  it('filter mode sets aside but leaves the writing to the caller; check mode does neither', async () => {
    const db = await memoryDb();
    const bad = eventFor('A1', 'answered', 'clerk');
    const filtered = await ingest(db, 'appeals', [storedAppeal({ id: 'A1' })], 'pull', { scope: VILLAGE, mode: 'filter' });
    expect(filtered.accepted.map((a) => a.id)).toEqual([fixtureAppealId('A1')]);
    expect(await db.appeals.count().exec()).toBe(0);
    const checked = await ingest(db, 'events', [bad], 'transfer', { scope: VILLAGE, mode: 'check' });
    expect(checked.refused).toHaveLength(1);
    expect(await loadSetAside(db)).toEqual([]);
    await ingest(db, 'events', [bad], 'pull', { scope: VILLAGE, mode: 'filter' });
    expect((await loadSetAside(db)).map((e) => e.id)).toEqual([bad.id]);
  });
});

describe('every path reaches ingest', () => {
  const sources = () => [...new Set(calls.map((c) => `${c.source}:${c.collection}`))];

  it('registration and events', async () => {
    const db = await memoryDb();
    const registered = await registerAppeal(db, village, draftOf(), CLOCK);
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const recorded = await recordEvent(db, village, registered.appeal, 'comment', { text: 'Дзвонив' }, CLOCK);
    expect(recorded.ok).toBe(true);
    expect(sources()).toEqual(['registration:appeals', 'event:events']);
    expect(await db.events.count().exec()).toBe(1);
  });

  it('pulled file metadata: the good one stored, another village’s set aside', async () => {
    const db = await memoryDb();
    await insertPulledFiles(db, [fileMeta('F1'), fileMeta('F2', 'zarichne')], VILLAGE);
    expect(sources()).toEqual(['file-pull:files']);
    expect(await db.files.findOne('F1').exec()).not.toBeNull();
    expect(await db.files.findOne('F2').exec()).toBeNull();
    expect(await loadSetAside(db)).toEqual([expect.objectContaining({ id: 'F2', source: 'file-pull', collection: 'files' })]);
  });

  it('transfer import: accepted records go in; a starosta’s "answered" or a council record in a village file refuses the file', async () => {
    const pc = await memoryDb();
    const registered = await registerAppeal(pc, village, draftOf(), CLOCK);
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const made = await makeTransfer(pc, village, 'central', VERSION, CLOCK.now, PASSPHRASE);
    if (!made.ok) throw new Error(made.error.message.en);
    const office = await memoryDb();
    calls.length = 0;
    const imported = await importTransfer(
      office,
      pickedFile(made.value.fileName, made.value.bytes),
      council,
      VERSION,
      CLOCK.now,
      PASSPHRASE,
    );
    expect(imported.ok && imported.value.inserted).toMatchObject({ appeals: 1 });
    expect(calls).toContainEqual({ source: 'transfer', collection: 'appeals', mode: 'check' });
    expect(calls).toContainEqual({ source: 'transfer', collection: 'appeals', mode: 'store' });

    // Written around ingest by the test itself, as a forged or broken PC would hold them.
    const id = registered.appeal.id;
    await pc.events.insert(eventFor(id, 'answered', 'starosta'));
    const forged = await makeTransfer(pc, village, 'central', VERSION, CLOCK.now, PASSPHRASE);
    if (!forged.ok) throw new Error(forged.error.message.en);
    const refused = await importTransfer(
      office,
      pickedFile(forged.value.fileName, forged.value.bytes),
      council,
      VERSION,
      CLOCK.now,
      PASSPHRASE,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'invalid-document',
      message: { en: expect.stringContaining('answered') },
    });
    expect(await office.events.count().exec()).toBe(0);

    // The council's own record on the village PC (its answer, come by sync) is left out of the village's file: the
    // council has it already, and a village file holding one is refused there (tests/integration/transfer/large-files).
    await pc.events.bulkRemove([eventFor(id, 'answered', 'starosta').id]);
    await pc.events.insert(eventFor(id, 'comment', 'central'));
    const councils = await makeTransfer(pc, village, 'central', VERSION, CLOCK.now, PASSPHRASE);
    if (!councils.ok) throw new Error(councils.error.message.en);
    expect(councils.value.counts.events).toBe(0);
    const again = await importTransfer(
      office,
      pickedFile(councils.value.fileName, councils.value.bytes),
      council,
      VERSION,
      CLOCK.now,
      PASSPHRASE,
    );
    expect(again.ok).toBe(true);
    expect(await office.events.count().exec()).toBe(0);
  });

  it('backup restore: a fresh PC takes the records; a record contradicting one the PC holds refuses the file', async () => {
    const pc = await memoryDb();
    const registered = await registerAppeal(pc, village, draftOf(), CLOCK);
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const made = await makeBackup(pc, village, VERSION, CLOCK.now, PASSPHRASE);
    const fresh = await memoryDb();
    calls.length = 0;
    const restored = await restoreBackup(fresh, pickedFile(made.fileName, made.bytes), null, VERSION, CLOCK.now, PASSPHRASE);
    expect(restored.ok && restored.value.inserted).toMatchObject({ appeals: 1 });
    expect(calls).toContainEqual({ source: 'backup', collection: 'appeals', mode: 'store' });
    await fresh.remove();

    // The PC's own record changed behind its back (same id, other content) before the backup is restored.
    const id = registered.appeal.id;
    const doc = await pc.appeals.findOne(id).exec();
    await doc?.incrementalPatch({ surname: 'Підроблений' });
    const tampered = await restoreBackup(pc, pickedFile(made.fileName, made.bytes), village, VERSION, CLOCK.now, PASSPHRASE);
    expect(tampered.ok ? null : tampered.error.code).toBe('tampered-document');
    expect((await pc.appeals.findOne(id).exec())?.surname).toBe('Підроблений');
  });
});
