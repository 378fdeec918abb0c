import { describe, expect, it } from 'vitest';
import type { SyncFailure } from '../../../renderer/data/sync/sync-failure';
import { addUser } from '../../../server/admin/provision';
import { startFaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';
import { useSyncSuite } from '../../helpers/sync/sync-suite';
import { centralIdsOf, registerMany, waitForCentral } from '../../helpers/sync/volume';

/**
 * Failures of the push are reported as what they are: RxDB hands its error stream plain copies of what a handler threw,
 * so the handlers classify before throwing. A cut link must read "offline", and a refused password must stop sync
 * before CouchDB locks the account (5 refused logins in a row).
 */
describe('how sync failures are reported', () => {
  const suite = useSyncSuite();
  const { dbs, controllers, proxies } = suite;

  it('a push that cannot reach the server is reported as offline, in words, not as a server failure "[object Object]"', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const proxy = await startFaultProxy(suite.couch.url);
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const sync = startSync(db, village.config);
    controllers.push(sync);
    const failures: SyncFailure[] = [];
    const sub = sync.status$.subscribe((s) => {
      if (s.failure) failures.push(s.failure);
    });
    // Every request of this push is cut mid-way: the link drops, the server is fine.
    proxy.set({ cutFraction: 1 });
    await registerMany(db, village.profile, 1, () => 0);
    await statusWhere(sync, 'a failure reported', (s) => s.failure !== null);
    await new Promise((r) => setTimeout(r, 6_000));
    sub.unsubscribe();
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((f) => f.kind !== 'offline' || f.detail === '[object Object]')).toEqual([]);
  });

  it('a 401 answered to a push stops sync before CouchDB locks the account (5 refused logins)', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const proxy = await startFaultProxy(suite.couch.url);
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const first = await registerMany(db, village.profile, 1, () => 0);
    const sync = startSync(db, village.config);
    controllers.push(sync);
    await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a], centralIdsOf(first), 20_000);
    await statusWhere(sync, 'idle', (s) => s.waiting === 0 && !s.isActive);
    await addUser(suite.couch.conn, suite.couch.community, {
      name: community.users.a,
      password: 'changed by the admin',
      role: 'starosta',
      village: a,
    });
    await registerMany(db, village.profile, 1, () => 1);
    await statusWhere(sync, 'stopped for a login', (s) => s.failure?.kind === 'login', 60_000);
    expect(proxy.stats().statuses[401] ?? 0).toBeLessThan(5);
  });

  it('a saved password the admin has since changed costs one refused request at start, not one per parallel request', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    await addUser(suite.couch.conn, suite.couch.community, {
      name: community.users.a,
      password: 'changed by the admin',
      role: 'starosta',
      village: a,
    });
    const proxy = await startFaultProxy(suite.couch.url);
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    await registerMany(db, village.profile, 2, () => 1);
    // The app starts with the password saved on this PC, which the server no longer takes.
    const sync = startSync(db, village.config);
    controllers.push(sync);
    await statusWhere(sync, 'stopped for a login', (s) => s.failure?.kind === 'login' && !s.isRunning, 20_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(proxy.stats().statuses[401]).toBe(1);
    expect(proxy.stats().requests).toBe(1);
  });
});
