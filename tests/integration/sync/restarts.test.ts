import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import type { SyncController } from '../../../renderer/data/sync/sync-controller';
import { type CouchProcess, startCouchProcess } from '../../helpers/couch/couch-process';
import { type TestCouch, testCouchOn } from '../../helpers/couch/test-couch';
import { TestDatabases, uniqueDbName } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';
import { centralDocsOf, centralIdsOf, registerMany, waitForCentral } from '../../helpers/sync/volume';

/**
 * Restarts in the middle of a sync (docs/architecture.md, "Weak connectivity is the normal case"): the server killed and started
 * again on the same data, and the app closed and opened again on the same local storage. Nothing may be lost or
 * written twice. The server is a CouchDB of this file's own, since it is killed.
 */
describe('restarts in the middle of a sync', () => {
  let server: CouchProcess;
  let couch: TestCouch;
  const dbs = new TestDatabases();
  const controllers: SyncController[] = [];
  const proxies: FaultProxy[] = [];
  const reopened: AppDatabase[] = [];

  beforeAll(async () => {
    server = await startCouchProcess();
    couch = testCouchOn(server.adminUrl);
  });

  afterEach(async () => {
    for (const c of controllers.splice(0)) c.dispose();
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    await Promise.all(reopened.splice(0).map((db) => (db.closed ? undefined : db.close())));
    await dbs.removeAll();
  });

  afterAll(async () => {
    await server?.remove();
  });

  it('the server killed and restarted mid-sync: the client recovers by itself and everything arrives once', async () => {
    const community = await provisionCommunity(couch);
    const [a] = community.villages;
    // A slow link, so that the kill lands while batches are still going up.
    const proxy = await startFaultProxy(couch.url, { settings: { latencyMs: 100, bytesPerSecond: 12_000 } });
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const registered = await registerMany(db, village.profile, 300, () => 1);
    const sync = startSync(db, village.config);
    controllers.push(sync);
    await statusWhere(sync, 'the first batches sent', (s) => s.sent >= 100);
    expect(sync.current.waiting).toBeGreaterThan(0);

    await server.kill();
    await statusWhere(sync, 'the client sees the outage', (s) => s.failure !== null);
    expect(sync.current.isRunning).toBe(true);
    await server.start();

    const expected = centralIdsOf(registered);
    // The backoff grown during the outage decides when the client comes back (40–85 s seen here): a generous wait.
    const central = await waitForCentral(couch.conn, couch.names.centralDb, [a], expected, 150_000);
    expect([...central.keys()].sort()).toEqual(expected);
    expect([...central.values()].filter((rev) => !rev.startsWith('1-'))).toEqual([]);
    const done = await statusWhere(sync, 'nothing waiting', (s) => s.waiting === 0 && s.failure === null, 20_000);
    expect(done.rejected).toEqual([]);
    expect(done.isRunning).toBe(true);
  }, 200_000);

  it('the app closed mid-sync and opened again on the same storage: everything arrives once, nothing waits', async () => {
    const community = await provisionCommunity(couch);
    const [a] = community.villages;
    // Slow enough that one collection's push batch (up to 500 records, gzip-compressed) is still on the wire when the
    // other's is through and the app closes.
    const proxy = await startFaultProxy(couch.url, { settings: { latencyMs: 100, bytesPerSecond: 2_000 } });
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    // Dexie on fake-indexeddb: a database of that name persists in this process after it is closed, like IndexedDB.
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const name = uniqueDbName('ovrestart');
    const first = await openDatabase({ name, storage, key: await testKey() });
    reopened.push(first);
    const registered = await registerMany(first, village.profile, 150, () => 1);
    const total = registered.appeals.length + registered.events.length;
    const sync = startSync(first, village.config);
    controllers.push(sync);
    // A push batch holds up to 500 records: one collection's batch through while the other's is still in flight.
    await statusWhere(sync, 'part of the push through', (s) => s.sent >= 100 && s.waiting > 0);
    const waitingAtClose = sync.current.waiting;
    expect(waitingAtClose).toBeGreaterThan(0);

    // The app is closed while a push is in flight.
    sync.dispose();
    await first.close();

    const second = await openDatabase({ name, storage, key: await testKey() });
    reopened.push(second);
    expect(await second.appeals.count().exec()).toBe(150);
    expect(await second.outbox.count({ selector: { state: 'waiting' } }).exec()).toBeGreaterThan(0);
    const resumed = startSync(second, village.config);
    controllers.push(resumed);

    const expected = centralIdsOf(registered);
    const central = await waitForCentral(couch.conn, couch.names.centralDb, [a], expected, 90_000);
    expect([...central.keys()].sort()).toEqual(expected);
    expect([...central.values()].filter((rev) => !rev.startsWith('1-'))).toEqual([]);
    const done = await statusWhere(resumed, 'nothing waiting after the restart', (s) => s.waiting === 0, 60_000);
    expect(done.rejected).toEqual([]);
    expect(await second.outbox.count().exec()).toBe(0);
    expect((await centralDocsOf(couch.conn, couch.names.centralDb, [a])).size).toBe(total);
  });
});
