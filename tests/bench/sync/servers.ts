/**
 * The two servers the benchmark runs against, each with a fresh community set up by the admin command's own functions
 * (`setup`, `add-village`, `add-user`, as the sync tests do): Apache CouchDB 3.4.3, as a council runs it, and
 * pouchdb-server, the project's demo server (`npm run server`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPouchServer } from '../../../server/embedded/pouchdb-process';
import { startCouchProcess } from '../../helpers/couch/couch-process';
import { type TestCouch, testCouchOn } from '../../helpers/couch/test-couch';
import { errorText } from './common';

export interface BenchServer {
  /** What the server's root document says it is, e.g. `Apache CouchDB 3.4.3`. */
  name: string;
  kind: 'couchdb' | 'pouchdb-server';
  /** The server admin's view of it, with a community of the run's own (`testCouchOn`). */
  couch: TestCouch;
  /** A further fresh community on the same server. */
  community(): TestCouch;
  stop(): Promise<void>;
}

async function nameOf(url: string, admin: TestCouch['admin']): Promise<string> {
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const root = (await (await fetch(url, { headers: { authorization } })).json()) as Record<string, string | undefined>;
  if (root.couchdb === 'Welcome' && root.version) return `Apache CouchDB ${root.version}`;
  // pouchdb-server answers `{"express-pouchdb": "Welcome!", "version": …}`.
  return root['express-pouchdb'] ? `pouchdb-server ${root.version ?? ''}`.trim() : 'an unknown server';
}

/** Apache CouchDB: COUCHDB_URL when set, else a fresh stock one from the prebuilt release (couch-process.ts). */
export async function startCouchDb(): Promise<BenchServer> {
  const own = process.env.COUCHDB_URL ? null : await startCouchProcess();
  const adminUrl = own?.adminUrl ?? String(process.env.COUCHDB_URL);
  const communities = [testCouchOn(adminUrl)];
  const [couch] = communities as [TestCouch];
  return {
    name: await nameOf(couch.url, couch.admin),
    kind: 'couchdb',
    couch,
    community: () => {
      const more = testCouchOn(adminUrl);
      communities.push(more);
      return more;
    },
    stop: async () => {
      // Removing a community stops its replications; a server of the bench's own goes entirely.
      for (const c of communities) await c.stop().catch((e) => console.error(`cleanup: ${errorText(e)}`));
      await own?.remove();
    },
  };
}

/**
 * pouchdb-server as the demo runs it (server/embedded/pouchdb-process.ts): a child process with its databases on disk
 * in a temporary folder, removed at the end.
 */
export async function startPouchDbServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ov-bench-pouchdb-'));
  const password = `pw${Math.random().toString(36).slice(2, 14)}`;
  const server = await startPouchServer({
    port: await freePort(),
    dataDir,
    adminUser: 'admin',
    adminPassword: password,
    // Its crashes would otherwise show only as broken connections at the proxy.
    onStderr: (text) => process.stderr.write(`[pouchdb-server] ${text}`),
  });
  const couch = testCouchOn(server.adminUrl);
  return {
    name: await nameOf(couch.url, couch.admin),
    kind: 'pouchdb-server',
    couch,
    community: () => testCouchOn(server.adminUrl),
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
