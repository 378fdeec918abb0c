/**
 * A village without signal for weeks (issue 4): its records go to the council on a USB stick, the council's answers
 * come back the same way, and when both sides sync later nothing is duplicated and nothing is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { Profile } from '../../../renderer/data/profile.repository';
import type { SyncController } from '../../../renderer/data/sync/sync-controller';
import { importTransfer, makeTransfer } from '../../../renderer/data/transfer/transfer-service';
import { request } from '../../../server/admin/couch-client';
import { eventually, startTestCouch, type TestCouch } from '../../helpers/couch/test-couch';
import { clockOn, draftOf } from '../../helpers/data/fixtures';
import { settled, TestDatabases } from '../../helpers/data/test-db';
import { dump, pickedFile } from '../../helpers/data/transfer-files';
import { type Community, clientSetup, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';

/** The passphrase the test's files are made and opened with. */
const PASSPHRASE = 'Глибоке-2026 весна';

const VERSION = '0.1.0';
const COMMUNITY = 'hlybotska';

/** Appeal and event documents of one village in a server database: `_id` list and per-kind counts. */
async function serverDocs(couch: TestCouch, dbName: string, village: string) {
  const res = await request<{ rows: { id: string; doc?: { villageId?: string } }[] }>(
    couch.conn,
    'GET',
    `/${dbName}/_all_docs?include_docs=true`,
  );
  const ids = res.body.rows.filter((r) => r.doc?.villageId === village && /^(appeal|event):/.test(r.id)).map((r) => r.id);
  return {
    ids,
    appeals: ids.filter((i) => i.startsWith('appeal:')).length,
    events: ids.filter((i) => i.startsWith('event:')).length,
  };
}

const rejected = (db: AppDatabase) => db.outbox.count({ selector: { state: 'rejected' } }).exec();
const waiting = (db: AppDatabase) => db.outbox.count({ selector: { state: 'waiting' } }).exec();

describe('transfer files by USB stick, then online sync', () => {
  let couch: TestCouch;
  let community: Community;
  const dbs = new TestDatabases();
  const controllers: SyncController[] = [];

  beforeAll(async () => {
    couch = await startTestCouch();
    community = await provisionCommunity(couch);
  });
  afterEach(async () => {
    for (const c of controllers.splice(0)) c.dispose();
    await dbs.removeAll();
  });
  afterAll(async () => {
    await couch?.stop();
  });

  it('village → council by file, answers council → village by file; later sync converges with every id once', async () => {
    const [a] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const clock = clockOn(today);
    const village = clientSetup(couch.url, community.users.a, 'starosta', a, community.code);
    const central = clientSetup(couch.url, community.users.central, 'central', 'central', community.code);
    const villageProfile: Profile = { ...village.profile, communityCode: COMMUNITY };
    const centralProfile: Profile = { ...central.profile, communityCode: COMMUNITY };
    const [dbV, dbC] = [await dbs.create('memory'), await dbs.create('memory')];

    // Weeks without signal: the village registers and forwards.
    const appealIds: string[] = [];
    for (const surname of ['Бондар', 'Гнатюк', 'Дорош']) {
      const r = await registerAppeal(dbV, villageProfile, draftOf({ surname, receivedOn: today }), clock);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      appealIds.push(r.appeal.id);
      expect((await recordEvent(dbV, villageProfile, r.appeal, 'forwarded', { note: '' }, clock)).ok).toBe(true);
    }
    const toCouncil = await makeTransfer(dbV, villageProfile, 'central', VERSION, new Date(), PASSPHRASE);
    if (!toCouncil.ok) throw new Error(toCouncil.error.message.en);
    expect(toCouncil.value.fileName).toMatch(new RegExp(`^open-village-${a}-to-central-.*\\.ovtransfer$`));

    // At the council: the file lands as local writes, and the council's sync sends them to ov_central.
    const file = pickedFile(toCouncil.value.fileName, toCouncil.value.bytes);
    const imported = await importTransfer(dbC, file, centralProfile, VERSION, new Date(), PASSPHRASE);
    if (!imported.ok) throw new Error(imported.error.message.en);
    expect(imported.value).toMatchObject({ inserted: { appeals: 3, events: 3 }, present: 0 });
    expect(await waiting(dbC)).toBe(6);
    await settled(dbC);
    expect(await dbC.register.count().exec()).toBe(3);
    const again = await importTransfer(dbC, file, centralProfile, VERSION, new Date(), PASSPHRASE);
    expect(again.ok && again.value).toMatchObject({ inserted: { appeals: 0, events: 0 }, present: 6 });

    const syncC = startSync(dbC, central.config);
    controllers.push(syncC);
    await statusWhere(syncC, 'the council sent the village records', (s) => s.waiting === 0 && s.lastSyncAt !== null);
    expect(await rejected(dbC)).toBe(0);
    expect(await serverDocs(couch, couch.names.centralDb, a)).toMatchObject({ appeals: 3, events: 3 });

    // The council assigns and answers; the answers go back on a stick.
    for (const id of appealIds) {
      const assigned = await recordEvent(
        dbC,
        centralProfile,
        { id },
        'assigned',
        { executor: 'Відділ ЖКГ', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
        clock,
      );
      expect(assigned.ok).toBe(true);
      const answered = await recordEvent(
        dbC,
        centralProfile,
        { id },
        'answered',
        { text: 'Виконано', replyIndex: 'В-1', replyDate: today, outcome: 'satisfied' },
        clock,
      );
      expect(answered.ok).toBe(true);
    }
    const toVillage = await makeTransfer(dbC, centralProfile, a, VERSION, new Date(), PASSPHRASE);
    if (!toVillage.ok) throw new Error(toVillage.error.message.en);
    expect(toVillage.value.counts).toEqual({ appeals: 3, events: 9, files: 0 });

    const back = await importTransfer(
      dbV,
      pickedFile(toVillage.value.fileName, toVillage.value.bytes),
      villageProfile,
      VERSION,
      new Date(),
      PASSPHRASE,
    );
    if (!back.ok) throw new Error(back.error.message.en);
    expect(back.value).toMatchObject({ inserted: { appeals: 0, events: 6 }, present: 6 });
    // The answer shows in the village's register, offline.
    await settled(dbV);
    const row = await dbV.register.findOne(appealIds[0]).exec();
    expect(row?.status).toBe('answered');
    expect(row?.needsHandover).toBe(1);
    // Only the village's own records wait to be sent; the council's came from the council.
    expect(await waiting(dbV)).toBe(6);

    // The signal returns: the village syncs too.
    const syncV = startSync(dbV, village.config);
    controllers.push(syncV);
    await statusWhere(syncV, 'the village synced everything', (s) => s.waiting === 0 && s.lastSyncAt !== null);
    await statusWhere(syncC, 'the council synced again', (s) => s.waiting === 0 && s.failure === null);
    expect(await rejected(dbV)).toBe(0);
    expect(await rejected(dbC)).toBe(0);

    const onCentral = await eventually('the central database holds 3 appeals and 9 events of the village', async () => {
      const d = await serverDocs(couch, couch.names.centralDb, a);
      return d.events === 9 ? d : undefined;
    });
    expect(onCentral.appeals).toBe(3);
    const onVillageDb = await eventually('the village database holds the same', async () => {
      const d = await serverDocs(couch, couch.names.villageDb(a), a);
      return d.events === 9 && d.appeals === 3 ? d : undefined;
    });
    expect(onVillageDb.ids.sort()).toEqual(onCentral.ids.sort());
    // Both PCs hold exactly the same records: no copy twice, none missing.
    const [v, c] = [await dump(dbV), await dump(dbC)];
    expect(v.appeals).toHaveLength(3);
    expect(v.events).toHaveLength(9);
    expect(v).toEqual(c);
  });

  it('refused, with nothing written: a file of another community, a village file back at its village, a cut file', async () => {
    const [a, b] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const villageProfile: Profile = {
      ...clientSetup(couch.url, community.users.a, 'starosta', a, community.code).profile,
      communityCode: COMMUNITY,
    };
    const otherVillage: Profile = { ...villageProfile, villageCode: b };
    const council: Profile = {
      ...clientSetup(couch.url, community.users.central, 'central', 'central', community.code).profile,
      communityCode: COMMUNITY,
    };
    const [dbV, dbC] = [await dbs.create('memory'), await dbs.create('memory')];
    const r = await registerAppeal(dbV, villageProfile, draftOf({ receivedOn: today }), clockOn(today));
    expect(r.ok).toBe(true);
    const made = await makeTransfer(dbV, villageProfile, 'central', VERSION, new Date(), PASSPHRASE);
    if (!made.ok) throw new Error(made.error.message.en);
    const codeOf = async (db: AppDatabase, profile: Profile, bytes = made.value.bytes) => {
      const result = await importTransfer(db, pickedFile(made.value.fileName, bytes), profile, VERSION, new Date(), PASSPHRASE);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await codeOf(dbC, { ...council, communityCode: 'inshska' })).toBe('wrong-community');
    expect(await codeOf(dbC, { ...council, communityCode: undefined })).toBe('no-community');
    expect(await codeOf(dbV, villageProfile)).toBe('wrong-direction');
    expect(await codeOf(dbC, otherVillage)).toBe('wrong-direction');
    expect(await codeOf(dbC, council, made.value.bytes.slice(0, made.value.bytes.length - 5))).toBe('damaged');
    expect(await dbC.appeals.count().exec()).toBe(0);
    expect(await dbC.outbox.count().exec()).toBe(0);
    expect(await codeOf(dbC, council)).toBe('ok');
  });
});
