import { describe, expect, it } from 'vitest';
import type { DownloadProgress } from '../../../renderer/data/sync/pull-progress';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import { http } from '../../helpers/couch/test-couch';
import { startFaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, provisionCommunity, startSync, statusWhere } from '../../helpers/sync/sync-clients';
import { useSyncSuite } from '../../helpers/sync/sync-suite';
import { centralIdsOf, registerMany, waitForCentral } from '../../helpers/sync/volume';

/**
 * The pull reads only what the PC lacks (renderer/data/sync/pull-filter.ts), on Apache CouchDB: the records a PC
 * pushed never come back down, a new PC of the same village gets all of them with its progress on the status bar, and
 * the push's answer carries no row per record.
 */
describe('pull only what this PC lacks', () => {
  const suite = useSyncSuite();

  it("a village PC's own records never come back down; a new PC of the village pulls them all, with progress", async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const proxy = await startFaultProxy(suite.couch.url);
    suite.proxies.push(proxy);
    const setup = clientSetup(proxy.url, community.users.a, 'starosta', a, community.code);

    const first = await suite.dbs.create('memory');
    const registered = await registerMany(first, setup.profile, 300, () => 2);
    const sync = startSync(first, setup.config);
    suite.controllers.push(sync);
    await statusWhere(sync, 'all sent', (s) => s.waiting === 0 && s.lastSyncAt !== null && !s.isActive, 60_000);
    const ids = centralIdsOf(registered);
    await waitForCentral(suite.couch.conn, suite.couch.names.centralDb, [a], ids, 60_000);

    // 900 records went up, gzip-compressed; what came down is requests' answers only: no record, no row per record.
    const pushed = proxy.stats();
    const stored = await http<{ sizes: { external: number } }>(
      suite.couch.url,
      suite.couch.admin,
      'GET',
      `/${suite.couch.names.villageDb(a)}`,
    );
    expect(pushed.fromServer).toBeLessThan(stored.body.sizes.external / 10);
    expect(sync.current.received).toBe(0);

    // Every record is on the server with the one record revision, once.
    const doc = await http<{ _rev: string; pc?: string }>(
      suite.couch.url,
      suite.couch.admin,
      'GET',
      `/${suite.couch.names.villageDb(a)}/${encodeURIComponent(ids[0] ?? '')}?conflicts=true`,
    );
    expect(doc.body._rev).toBe(RECORD_REVISION);
    expect(doc.body).not.toHaveProperty('_conflicts');
    expect(typeof doc.body.pc).toBe('string');

    // A replaced PC of the same village: a new app database, the same login. It lacks everything and gets everything.
    const second = await suite.dbs.create('memory');
    const replacement = startSync(second, setup.config);
    suite.controllers.push(replacement);
    const seen: DownloadProgress[] = [];
    const sub = replacement.status$.subscribe((s) => {
      if (s.download) seen.push(s.download);
    });
    await statusWhere(
      replacement,
      'all pulled',
      () => replacement.current.received >= ids.length && !replacement.current.isActive,
      60_000,
    );
    sub.unsubscribe();
    expect(await second.appeals.count().exec()).toBe(300);
    expect(await second.events.count().exec()).toBe(600);
    // Progress: done of a total that covers the village's feed, done growing, gone once everything is in.
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen.map((p) => p.total))).toBeGreaterThanOrEqual(900);
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    await statusWhere(replacement, 'progress gone', (s) => s.download === null);
    // The fields only the server copy carries never enter the local database.
    const local = (await second.appeals.findOne(registered.appeals[0]).exec())?.toMutableJSON() as unknown;
    expect(local).not.toHaveProperty('pc');
  });
});
