import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * A clerk end to end: `add-user --role clerk` makes an account the app logs in as a clerk (identityFromRoles), whose
 * appeal (`registeredRole: 'clerk'`) and comment sync through its village's database into the council's, while the
 * server refuses a starosta-only event kind from the clerk's own login over plain HTTP. The login is the app's own
 * `SyncService.login`, with the desktop platform replaced by a stand-in (see desktop-login.test.ts); the saved server is
 * already this one, so no reload is needed.
 */
vi.mock('../../../renderer/platform/platform', () => import('../../helpers/desktop-platform'));
const { saved } = await import('../../helpers/desktop-platform');

const { SyncService } = await import('../../../renderer/data/sync/sync-service');
const { registerAppeal } = await import('../../../renderer/data/appeals.repository');
const { recordEvent } = await import('../../../renderer/data/events.repository');
const { addUser } = await import('../../../server/admin/provision');
const { PERMISSIONS } = await import('../../../shared/domain/permissions/permissions');
const { eventually, http, startTestCouch } = await import('../../helpers/couch/test-couch');
const { eventDoc } = await import('../../helpers/couch/fixtures');
const { refused, WRITTEN, writeRecords } = await import('../../helpers/couch/records');
const { clockOn, draftOf } = await import('../../helpers/data/fixtures');
const { TestDatabases } = await import('../../helpers/data/test-db');
const { PASSWORD, provisionCommunity } = await import('../../helpers/sync/sync-clients');

type Row = { ok?: boolean; error?: string; reason?: string; registeredRole?: string; role?: string; kind?: string };

describe('a clerk', () => {
  let couch: Awaited<ReturnType<typeof startTestCouch>>;
  const dbs = new TestDatabases();
  const services: InstanceType<typeof SyncService>[] = [];

  beforeAll(async () => {
    couch = await startTestCouch();
  });
  afterEach(async () => {
    for (const s of services.splice(0)) s.controller?.dispose();
    await dbs.removeAll();
  });
  afterAll(async () => {
    await couch?.stop();
  });

  it('logs in through the app as a clerk; its appeal and comment reach the council with role clerk', async () => {
    const community = await provisionCommunity(couch);
    const [a] = community.villages;
    const clerk = { name: `k_${a}`, password: PASSWORD };
    await addUser(couch.conn, community.code, { ...clerk, role: 'clerk', village: a });
    const central = { name: community.users.central, password: PASSWORD };
    saved.value = { serverUrl: couch.url, username: clerk.name, password: clerk.password };

    const db = await dbs.create('memory');
    const service = new SyncService(db, 'test');
    services.push(service);
    const login = await service.login({ serverUrl: couch.url, username: clerk.name, password: clerk.password }, null);
    if (!login.ok) throw new Error(JSON.stringify(login.message));
    expect(login.config).toEqual({
      serverUrl: couch.url,
      username: clerk.name,
      community: community.code,
      dbName: couch.names.villageDb(a),
      role: 'clerk',
      villageId: a,
    });

    // The PC's profile follows the login, as the setup screen makes it.
    const profile = {
      role: login.config.role,
      villageCode: a,
      villageName: 'Глибоке',
      workstation: 2,
      operatorName: 'Ірина Писар',
    };
    const today = new Date().toISOString().slice(0, 10);
    const clock = clockOn(today);
    const registered = await registerAppeal(db, profile, draftOf({ receivedOn: today }), clock);
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const appeal = registered.appeal;
    expect(appeal).toMatchObject({
      villageId: a,
      registeredRole: 'clerk',
      regIndex: expect.stringMatching(`^${a.toUpperCase()}\\.2-`),
    });
    const comment = await recordEvent(db, profile, appeal, 'comment', { text: 'Заявник приходив ще раз' }, clock);
    expect(comment.ok).toBe(true);
    // The app itself does not offer a clerk the starosta's kinds.
    const returned = await recordEvent(
      db,
      profile,
      appeal,
      'returned-incomplete',
      { returnedOn: today, explanation: 'Немає підпису' },
      clock,
    );
    expect(returned.ok).toBe(false);

    const report = await service.syncNow();
    expect(report).toMatchObject({ ok: true });
    await eventually('nothing waiting on the clerk’s PC', async () =>
      (await db.outbox.count({ selector: { state: 'waiting' } }).exec()) === 0 ? true : undefined,
    );

    // The council's database holds both, as the clerk's.
    const centralDb = couch.names.centralDb;
    const atCouncil = await eventually('the clerk’s appeal at the council', async () => {
      const res = await http<Row>(couch.url, central, 'GET', `/${centralDb}/${encodeURIComponent(`appeal:${appeal.id}`)}`);
      return res.status === 200 ? res.body : undefined;
    });
    expect(atCouncil).toMatchObject({ villageId: a, registeredRole: 'clerk', regIndex: appeal.regIndex });
    const events = await eventually('the clerk’s comment at the council', async () => {
      const res = await http<{ docs: Row[] }>(couch.url, central, 'POST', `/${centralDb}/_find`, {
        selector: { appealId: appeal.id },
      });
      return res.status === 200 && res.body.docs.length > 0 ? res.body.docs : undefined;
    });
    expect(events).toEqual([expect.objectContaining({ kind: 'comment', role: 'clerk', villageId: a })]);
    expect(service.controller?.current.failure ?? null).toBeNull();

    // The clerk's own login over plain HTTP, writing as the app pushes (new_edits:false, the record revision): the
    // starosta's kinds are refused by the server, as clerk or as starosta.
    const villageDb = couch.names.villageDb(a);
    const push = (doc: { _id: string }) => writeRecords(couch.url, clerk, villageDb, [doc]);
    const starostaOnly = PERMISSIONS.starosta.filter((kind) => !PERMISSIONS.clerk.includes(kind));
    expect(starostaOnly).toEqual(['returned-incomplete', 'not-considered']);
    for (const kind of starostaOnly) {
      expect(await push(eventDoc(a, appeal.id, kind, 'clerk')), kind).toEqual(
        refused(`The role clerk may not record ${kind} events`),
      );
      expect(await push(eventDoc(a, appeal.id, kind, 'starosta')), kind).toEqual(refused('does not match the user'));
    }
    // What a clerk may record, it may record by hand as well.
    const forwarded = eventDoc(a, appeal.id, 'forwarded', 'clerk');
    expect(await push(forwarded)).toEqual(WRITTEN);
    expect((await http(couch.url, clerk, 'GET', `/${villageDb}/${encodeURIComponent(forwarded._id)}`)).status).toBe(200);
  });
});
