import { describe, expect, it } from 'vitest';
import { newId } from '../../../renderer/data/ids';
import { outboxRow } from '../../../renderer/data/sync/outbox';
import { addUser } from '../../../server/admin/provision';
import { http } from '../../helpers/couch/test-couch';
import { storedAppeal } from '../../helpers/data/fixtures';
import { startFaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, PASSWORD, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';
import { useSyncSuite } from '../../helpers/sync/sync-suite';
import { centralDocsOf, centralIdsOf, registerMany, waitForCentral } from '../../helpers/sync/volume';

/**
 * Sync over a village's weak link (docs/architecture.md, "Weak connectivity is the normal case"): the app talks to the server
 * through a fault-injecting proxy, and the server's own replication moves each village's documents into ov_central.
 */
describe('sync over a weak link', () => {
  const suite = useSyncSuite();
  const { dbs, controllers, proxies } = suite;

  it('the fault proxy delays, paces, cuts, fails on demand and counts bytes', async () => {
    const proxy = await startFaultProxy(suite.couch.url, { settings: { latencyMs: 100 } });
    proxies.push(proxy);
    const started = Date.now();
    // As the admin: a server set up by `setup` answers anonymous requests with 401 (all but /_up).
    const root = await http<{ version?: string }>(proxy.url, suite.couch.admin, 'GET', '/');
    expect(root.status).toBe(200);
    expect(typeof root.body.version).toBe('string');
    // Latency is added on the way there and on the way back.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const after = proxy.stats();
    expect(after.requests).toBe(1);
    expect(after.toServer).toBeGreaterThan(30);
    expect(after.fromServer).toBeGreaterThan(30);

    proxy.set({ latencyMs: 0, failNext: 2 });
    expect((await http(proxy.url, suite.couch.admin, 'GET', '/')).status).toBe(503);
    expect((await http(proxy.url, suite.couch.admin, 'GET', '/')).status).toBe(503);
    expect((await http(proxy.url, suite.couch.admin, 'GET', '/')).status).toBe(200);
    expect(proxy.stats().failed).toBe(2);

    proxy.set({ cutFraction: 1 });
    await expect(http(proxy.url, null, 'GET', '/')).rejects.toThrow();
    await expect(http(proxy.url, null, 'POST', '/_session', { name: 'x', password: 'y' })).rejects.toThrow();
    const cuts = proxy.stats();
    expect(cuts.cutMidRequest + cuts.cutMidResponse).toBe(2);

    // 8 KB/s: a 24 KB body takes about 3 s to go up.
    proxy.set({ cutFraction: 0, bytesPerSecond: 8_000 });
    proxy.resetStats();
    const pacedFrom = Date.now();
    await http(proxy.url, null, 'POST', '/_session', { name: 'x', password: 'y'.repeat(24_000) });
    expect(Date.now() - pacedFrom).toBeGreaterThanOrEqual(2_500);
    expect(proxy.stats().toServer).toBeGreaterThan(24_000);
  });

  it('500 appeals with events from each of two villages reach the central database exactly once through latency, cuts and 5xx', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a, b] = community.villages;
    // Village A: slow and far (a bandwidth cap); village B: close but flaky. Both lose connections and meet 5xx.
    const proxyA = await startFaultProxy(suite.couch.url, {
      seed: 11,
      settings: { latencyMs: 150, bytesPerSecond: 48_000, cutFraction: 0.03 },
    });
    const proxyB = await startFaultProxy(suite.couch.url, { seed: 12, settings: { latencyMs: 50, cutFraction: 0.05 } });
    proxies.push(proxyA, proxyB);
    const villageA = clientSetup(proxyA.url, community.users.a, 'starosta', a, community.code);
    const villageB = clientSetup(proxyB.url, community.users.b, 'starosta', b, community.code);
    const [dbA, dbB] = [await dbs.create('memory'), await dbs.create('memory')];
    const eventsPer = (i: number) => 1 + (i % 2);

    // Half registered offline before the first sync, half while sync runs.
    const regA = await registerMany(dbA, villageA.profile, 250, eventsPer);
    const regB = await registerMany(dbB, villageB.profile, 250, eventsPer);
    const syncA = startSync(dbA, villageA.config);
    const syncB = startSync(dbB, villageB.config);
    controllers.push(syncA, syncB);
    let bursts = 0;
    const burst = setInterval(() => {
      if (bursts++ >= 4) return;
      (bursts % 2 ? proxyA : proxyB).set({ failNext: 2, failStatus: bursts < 3 ? 503 : 500 });
    }, 3_000);
    try {
      await Promise.all([
        registerMany(dbA, villageA.profile, 250, eventsPer, regA),
        registerMany(dbB, villageB.profile, 250, eventsPer, regB),
      ]);
      expect(regA.appeals).toHaveLength(500);
      expect(regB.appeals).toHaveLength(500);
      const expected = centralIdsOf(regA, regB);
      expect(expected).toHaveLength(1000 + 2 * 750);

      const central = await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a, b], expected, 80_000);
      await statusWhere(syncA, 'nothing waiting in village A', (s) => s.waiting === 0, 30_000);
      await statusWhere(syncB, 'nothing waiting in village B', (s) => s.waiting === 0, 30_000);

      // Exactly once: the same ids, no extras, and each written once (a retried push found it there, no new revision).
      expect([...central.keys()].sort()).toEqual(expected);
      expect([...central.values()].filter((rev) => !rev.startsWith('1-'))).toEqual([]);
      for (const sync of [syncA, syncB]) {
        expect(sync.current.rejected).toEqual([]);
        expect(sync.current.isRunning).toBe(true);
      }
      expect(await dbA.outbox.count().exec()).toBe(0);
      expect(await dbB.outbox.count().exec()).toBe(0);
      // The faults did happen.
      const faults = [proxyA.stats(), proxyB.stats()];
      expect(faults.reduce((n, s) => n + s.cutMidRequest + s.cutMidResponse, 0)).toBeGreaterThan(0);
      expect(faults.reduce((n, s) => n + s.failed, 0)).toBeGreaterThan(0);
      // Nothing from one village reached the other's local database.
      expect(await dbA.appeals.count({ selector: { villageId: b } }).exec()).toBe(0);
      expect(await dbB.appeals.count({ selector: { villageId: a } }).exec()).toBe(0);
    } finally {
      clearInterval(burst);
    }
  });

  it('a document the server refuses is set aside with its reason while later ones still sync', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a, b] = community.villages;
    const proxy = await startFaultProxy(suite.couch.url, { settings: { latencyMs: 50 } });
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const before = await registerMany(db, village.profile, 2, () => 0);
    // A record of the other village written straight into the local database (a restored backup, a bug): the
    // server's validation refuses it, since a starosta writes only their own village's documents.
    const foreign = storedAppeal({ id: newId(), villageId: b, registeredAt: new Date().toISOString() });
    await db.appeals.insert(foreign);
    await db.outbox.insert(outboxRow('appeals', foreign.id, foreign.registeredAt));
    const after = await registerMany(db, village.profile, 3, () => 1);

    const sync = startSync(db, village.config);
    controllers.push(sync);
    const status = await statusWhere(sync, 'the refused appeal set aside', (s) => s.rejected.length > 0 && s.waiting === 0);
    expect(status.rejected).toHaveLength(1);
    expect(status.rejected[0]).toMatchObject({ docId: foreign.id, target: 'appeals', state: 'rejected' });
    expect(status.rejected[0]?.reason).toMatch(/forbidden/i);
    expect(status.isRunning).toBe(true);

    // What was registered before and after it arrived; the refused one did not, anywhere.
    const expected = centralIdsOf(before, after);
    const central = await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a, b], expected, 20_000);
    expect([...central.keys()].sort()).toEqual(expected);
    const inVillageB = await http(
      suite.couch.url,
      { name: community.users.b, password: PASSWORD },
      'GET',
      `/${suite.couch.names.villageDb(b)}/appeal:${foreign.id}`,
    );
    expect(inVillageB.status).toBe(404);
    // Still set aside after more work goes through (it never blocks the queue and is not retried as waiting).
    const later = await registerMany(db, village.profile, 1, () => 0);
    await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a], centralIdsOf(before, after, later), 20_000);
    await statusWhere(sync, 'later appeal sent', (s) => s.waiting === 0);
    expect(sync.current.rejected.map((r) => r.docId)).toEqual([foreign.id]);
  });

  it('a 401 stops sync and asks for a login without losing work; after a new login the waiting records arrive', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const proxy = await startFaultProxy(suite.couch.url, { settings: { latencyMs: 50 } });
    proxies.push(proxy);
    const village = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const first = await registerMany(db, village.profile, 2, () => 1);
    const sync = startSync(db, village.config);
    controllers.push(sync);
    await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a], centralIdsOf(first), 20_000);
    await statusWhere(sync, 'first records sent', (s) => s.waiting === 0);

    // The password changes on the server (an administrator reset it; for a cookie session: it expired).
    const newPassword = 'a brand new password';
    await addUser(suite.couch.conn, suite.couch.community, {
      name: community.users.a,
      password: newPassword,
      role: 'starosta',
      village: a,
    });
    const second = await registerMany(db, village.profile, 3, () => 1);
    const stopped = await statusWhere(sync, 'sync stopped for a login', (s) => s.failure?.kind === 'login');
    expect(stopped.isRunning).toBe(false);
    expect(stopped.failure?.status).toBe(401);

    // Stopped for good: no retries that would lock the account (CouchDB: 5 failures in 5 minutes), nothing lost.
    const requests = proxy.stats().requests;
    await new Promise((r) => setTimeout(r, 6_000));
    expect(proxy.stats().requests).toBe(requests);
    expect(sync.current.waiting).toBe(6);
    expect(await db.outbox.count({ selector: { state: 'waiting' } }).exec()).toBe(6);
    expect((await centralDocsOf(suite.couch.conn, suite.couch.names.centralDb, [a])).size).toBe(4);

    sync.start({ kind: 'basic', username: community.users.a, password: newPassword });
    const all = centralIdsOf(first, second);
    const central = await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a], all, 30_000);
    expect([...central.keys()].sort()).toEqual(all);
    const resumed = await statusWhere(sync, 'nothing waiting after the new login', (s) => s.waiting === 0 && s.failure === null);
    expect(resumed.isRunning).toBe(true);
    expect(resumed.rejected).toEqual([]);
  });
});
