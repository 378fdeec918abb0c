import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { SyncController } from '../../../renderer/data/sync/sync-controller';
import { eventually, startTestCouch, type TestCouch } from '../../helpers/couch/test-couch';
import { clockOn, draftOf } from '../../helpers/data/fixtures';
import { TestDatabases } from '../../helpers/data/test-db';
import { type Community, clientSetup, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';

/**
 * The whole loop of issue 3 with the app's own data layer and sync controller against a real CouchDB-compatible
 * server process: two villages and the central office, each with its own local database.
 */
describe('village → central → village', () => {
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

  it('an appeal registered in a village reaches the council, the answer comes back, the handover reaches the council', async () => {
    const [a, b] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const clock = clockOn(today);
    const villageA = clientSetup(couch.url, community.users.a, 'starosta', a, community.code);
    const villageB = clientSetup(couch.url, community.users.b, 'starosta', b, community.code);
    const central = clientSetup(couch.url, community.users.central, 'central', 'central', community.code);
    // Two databases at a time: RxDB's free build allows 13 open collections per process, and each database has 5.
    const [dbA, dbC] = [await dbs.create('memory'), await dbs.create('memory')];

    // Registered before any sync: it waits in the outbox.
    const registered = await registerAppeal(dbA, villageA.profile, draftOf({ receivedOn: today }), clock);
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const appeal = registered.appeal;
    expect(await dbA.outbox.count({ selector: { state: 'waiting' } }).exec()).toBe(1);

    const syncA = startSync(dbA, villageA.config);
    const syncC = startSync(dbC, central.config);
    controllers.push(syncA, syncC);
    const atCouncil = await eventually(
      'the appeal at the council',
      async () => (await dbC.appeals.findOne(appeal.id).exec()) ?? undefined,
    );
    expect(atCouncil.regIndex).toBe(appeal.regIndex);
    await statusWhere(syncA, 'nothing waiting in village A', (s) => s.waiting === 0 && s.lastSyncAt !== null);
    const councilRow = await eventually(
      'the register row at the council',
      async () => (await dbC.register.findOne(appeal.id).exec()) ?? undefined,
    );
    expect(councilRow.villageId).toBe(a);

    // The council assigns and answers.
    const centralProfile = central.profile;
    expect(
      (
        await recordEvent(
          dbC,
          centralProfile,
          appeal,
          'assigned',
          { executor: 'Відділ ЖКГ', resolution: 'Розглянути', resolutionAuthor: 'Голова' },
          clock,
        )
      ).ok,
    ).toBe(true);
    const answered = await recordEvent(
      dbC,
      centralProfile,
      appeal,
      'answered',
      { text: 'Воду подано', replyIndex: 'В-17', replyDate: today, outcome: 'satisfied' },
      clock,
    );
    expect(answered.ok).toBe(true);

    // The village sees the answer, marked for handover, and records it.
    const rowA = await eventually('the answer in village A', async () => {
      const row = await dbA.register.findOne(appeal.id).exec();
      return row?.needsHandover === 1 ? row : undefined;
    });
    expect(rowA.status).toBe('answered');
    expect(
      (await recordEvent(dbA, villageA.profile, appeal, 'delivered', { deliveredOn: today, to: 'Мельник', note: '' }, clock)).ok,
    ).toBe(true);
    await eventually('the handover at the council', async () => {
      const row = await dbC.register.findOne(appeal.id).exec();
      return row?.status === 'delivered' ? row : undefined;
    });

    // The village and the council converge on the same documents.
    await statusWhere(syncA, 'village A idle', (s) => s.waiting === 0 && !s.isActive);
    const eventsAt = async (db: typeof dbA) =>
      (await db.events.find({ selector: { appealId: appeal.id } }).exec()).map((e) => e.id).sort();
    await eventually('events converge', async () => {
      const [x, y] = [await eventsAt(dbA), await eventsAt(dbC)];
      return x.length === 3 && JSON.stringify(x) === JSON.stringify(y) ? true : undefined;
    });
    // Village B, syncing after all of this, receives none of village A's documents.
    syncC.dispose();
    await dbC.close();
    const dbB = await dbs.create('memory');
    const syncB = startSync(dbB, villageB.config);
    controllers.push(syncB);
    expect((await syncB.syncNow()).ok).toBe(true);
    expect(await dbB.appeals.count().exec()).toBe(0);
    expect(await dbB.events.count().exec()).toBe(0);
    expect(syncB.current.failure).toBeNull();
  });
});
