import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { SyncController } from '../../../renderer/data/sync/sync-controller';
import { connectionFromEnv } from '../../../server/admin/couch-client';
import { villageStatuses } from '../../../server/admin/status';
import { DEMO_CENTRAL_USER, DEMO_COMMUNITY, DEMO_VILLAGES, seedDemo } from '../../../server/embedded/demo';
import { freePort, type PouchServer, startPouchServer } from '../../../server/embedded/pouchdb-process';
import { CORS_HEADERS } from '../../../shared/couch/server-settings';
import { eventually } from '../../helpers/couch/test-couch';
import { clockOn, draftOf } from '../../helpers/data/fixtures';
import { TestDatabases } from '../../helpers/data/test-db';
import { clientSetup, startSync } from '../../helpers/sync/sync-clients';

/**
 * What the one-command demo does with its pouchdb-server (`npm start`, `npm run server`): the server starts on disk
 * with CORS for the app, the demo community is seeded once (a restart seeds nothing twice), and a starosta's PC and the
 * council's PC sync through it with the demo logins. Everything else is tested against Apache CouchDB.
 */
describe('the demo server (pouchdb-server)', () => {
  let dataDir: string;
  let server: PouchServer;
  const dbs = new TestDatabases();
  const controllers: SyncController[] = [];
  const [hlyboke] = DEMO_VILLAGES;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ov-demo-'));
    server = await startPouchServer({ port: await freePort(), dataDir, adminUser: 'admin', adminPassword: 'demo-admin-pass' });
  });
  afterEach(async () => {
    for (const c of controllers.splice(0)) c.dispose();
    await dbs.removeAll();
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo community once; a second start changes nothing', async () => {
    const conn = connectionFromEnv({ COUCHDB_URL: server.adminUrl });
    expect(await seedDemo(conn)).toBe(true);
    expect(await seedDemo(conn)).toBe(false);
    const statuses = await villageStatuses(conn, DEMO_COMMUNITY.code);
    expect(statuses.map((s) => s.code)).toEqual(DEMO_VILLAGES.map((v) => v.code).sort());
    expect(statuses.every((s) => s.exists && s.toCentral.state === 'running' && s.toVillage.state === 'running')).toBe(true);
  });

  it('answers the app’s CORS preflight from the browser preview with the headers the app sends', async () => {
    const res = await fetch(`${server.url}/_session`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, content-encoding',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'content-encoding']) expect(allowed).toContain(h);
    expect(CORS_HEADERS).toContain('content-encoding');
  });

  it('a demo starosta’s appeal reaches the demo council with the demo logins', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const community = DEMO_COMMUNITY.code;
    const village = clientSetup(server.url, hlyboke.user, 'starosta', hlyboke.code, community);
    const central = clientSetup(server.url, DEMO_CENTRAL_USER.user, 'central', 'central', community);
    const [dbV, dbC] = [await dbs.create('memory'), await dbs.create('memory')];
    const registered = await registerAppeal(dbV, village.profile, draftOf({ receivedOn: today }), clockOn(today));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    controllers.push(
      startSync(dbV, village.config, hlyboke.password),
      startSync(dbC, central.config, DEMO_CENTRAL_USER.password),
    );
    const atCouncil = await eventually(
      'the appeal at the demo council',
      async () => (await dbC.appeals.findOne(registered.appeal.id).exec()) ?? undefined,
      30_000,
    );
    expect(atCouncil.regIndex).toBe(registered.appeal.regIndex);
    expect(atCouncil.villageId).toBe(hlyboke.code);
  });
});
