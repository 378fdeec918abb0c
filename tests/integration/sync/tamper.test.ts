import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Tamper evidence for the council (`Records.serverConflicts`): a second branch of a write-once record in the council's
 * database, grafted by a server admin with `new_edits: false` (what a forger with the admin's password, or a restored
 * old copy, leaves), is listed with its village when the council's PC asks with its own login through the app's sync
 * session; a clean database lists none. The desktop platform is replaced by a stand-in, as in clerk.test.ts.
 */
vi.mock('../../../renderer/platform/platform', () => import('../../helpers/desktop-platform'));
const { saved } = await import('../../helpers/desktop-platform');

const { SyncService } = await import('../../../renderer/data/sync/sync-service');
const { createRecords } = await import('../../../renderer/data/records');
const { http, startTestCouch } = await import('../../helpers/couch/test-couch');
const { appealDoc } = await import('../../helpers/couch/fixtures');
const { writeRecords, WRITTEN } = await import('../../helpers/couch/records');
const { RECORD_REVISION } = await import('../../../shared/couch/record-revision');
const { CLOCK } = await import('../../helpers/data/fixtures');
const { TestDatabases } = await import('../../helpers/data/test-db');
const { PASSWORD, provisionCommunity } = await import('../../helpers/sync/sync-clients');

describe('the council’s serverConflicts', () => {
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

  /** The council's PC logged in through the app, and its facade. */
  async function councilPc(username: string) {
    saved.value = { serverUrl: couch.url, username, password: PASSWORD };
    const db = await dbs.create('memory');
    const service = new SyncService(db, 'test');
    services.push(service);
    const login = await service.login({ serverUrl: couch.url, username, password: PASSWORD }, null);
    if (!login.ok) throw new Error(JSON.stringify(login.message));
    expect(login.config).toMatchObject({ role: 'central', dbName: couch.names.centralDb });
    // The query asks the server on its own; a running pull would also set the forged copy aside on this PC as a tamper
    // alarm (source "this-pc", the unit tests' case) whenever it fetched the genuine one first.
    service.controller?.dispose();
    const profile = {
      role: 'central' as const,
      villageCode: 'central',
      villageName: 'Рада',
      workstation: 1,
      operatorName: 'Рада',
    };
    return createRecords({ db, profile, clock: () => CLOCK, sync: service, appVersion: 'test' });
  }

  it('lists a forged branch of an appeal in the central database with its village; a clean database lists none', async () => {
    const community = await provisionCommunity(couch);
    const [a] = community.villages;
    const records = await councilPc(community.users.central);
    const centralDb = couch.names.centralDb;

    // Before: the database is clean.
    expect(await records.serverConflicts()).toEqual([]);

    // The genuine appeal as the app writes it (the record revision 1-ff…ff), then another body under the same id on a
    // longer branch of its own (two made-up revisions, no stored ancestor): the forgery that wins.
    const appeal = appealDoc(a);
    expect(await writeRecords(couch.url, couch.admin, centralDb, [appeal])).toEqual(WRITTEN);
    const [top, root] = ['a'.repeat(32), 'b'.repeat(32)];
    const forged = { ...appeal, surname: 'Підробленко', _rev: `2-${top}`, _revisions: { start: 2, ids: [top, root] } };
    expect(await writeRecords(couch.url, couch.admin, centralDb, [forged])).toEqual(WRITTEN);
    const winner = await http<Record<string, unknown>>(
      couch.url,
      couch.admin,
      'GET',
      `/${centralDb}/${encodeURIComponent(appeal._id)}?conflicts=true`,
    );
    expect(winner.body).toMatchObject({ _rev: forged._rev, surname: 'Підробленко', _conflicts: [RECORD_REVISION] });

    expect(await records.serverConflicts()).toEqual([{ source: 'server', villageId: a, id: appeal._id }]);
  });

  it('rejects when the server will not answer (the remembered login is no longer valid)', async () => {
    const community = await provisionCommunity(couch);
    const records = await councilPc(community.users.central);
    // The remembered password is gone: the server refuses the request, and the query rejects instead of saying "none".
    saved.value = { serverUrl: couch.url, username: 'nobody', password: 'wrong' };
    await expect(records.serverConflicts()).rejects.toThrow();
  });
});
