// `npm run bench:sync`: 1,000 appeals with two events each go from a village to ov_central through the fault proxy
// set to a 2G-class link (256 kbit/s, 300 ms round trip: 150 ms each way). Prints the time until all are in the central database,
// the bytes on the wire per appeal (both directions, counted by the proxy), the same documents sent by
// `PouchDB.replicate` through the same link, and the link's physical limit (payload bytes ÷ bandwidth), with ratios.
// Figures, not pass/fail. Also our client at 1 Mbit/s. Needs nothing but the repository's own dependencies.
//
// Run by Node directly (type stripping). The app's sources import without extensions (written for Vite and
// vitest); the resolve hook below adds `.ts` / `/index.ts` and loads the app's own JSON as a module, so the bench runs
// the very code the app ships, with no bundle step and no test runner in the measurement.
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { gzipSync } from 'node:zlib';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\//.test(specifier)) throw error;
      try {
        return next(`${specifier}.ts`, context);
      } catch {
        return next(`${specifier}/index.ts`, context);
      }
    }
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.json') && !url.includes('/node_modules/')) {
      return { format: 'module', source: `export default ${readFileSync(new URL(url), 'utf8')};`, shortCircuit: true };
    }
    return next(url, context);
  },
});

type Registered = import('../helpers/sync/volume').Registered;
type AppDatabase = import('../../renderer/data/database').AppDatabase;

const { getRxStorageMemory } = await import('rxdb/plugins/storage-memory');
const { openDatabase } = await import('../../renderer/data/database');
const { toCouch } = await import('../../renderer/data/sync/couch-docs');
const { startCouchProcess } = await import('../helpers/couch/couch-process.ts');
const { testCouchOn } = await import('../helpers/couch/test-couch.ts');
const { startFaultProxy } = await import('../helpers/fault-proxy.ts');
const { clientSetup, provisionCommunity, startSync } = await import('../helpers/sync/sync-clients');
const { centralIdsOf, registerMany, waitForCentral } = await import('../helpers/sync/volume');

const APPEALS = Number(process.env.BENCH_APPEALS ?? 1000);
const KBIT = 1000 / 8; // bytes per second in one kbit/s
const ONE_WAY_MS = 150;
const started = Date.now();
const log = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// Apache CouchDB, as the council runs it: COUCHDB_URL when set, else a fresh one from the prebuilt release.
const server = process.env.COUCHDB_URL ? null : await startCouchProcess();
const couch = testCouchOn(server?.adminUrl ?? String(process.env.COUCHDB_URL));
const adminAuth = `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`;
const proxy = await startFaultProxy(couch.url, { settings: { latencyMs: ONE_WAY_MS, bytesPerSecond: 256 * KBIT } });

/** A village database with APPEALS appeals and two events each, registered through the app's repositories. */
async function village(
  code: string,
  user: string,
): Promise<{ db: AppDatabase; reg: Registered; setup: ReturnType<typeof clientSetup> }> {
  const setup = clientSetup(proxy.url, user, 'starosta', code, couch.community);
  const db = await openDatabase({ name: `bench_${code}`, storage: getRxStorageMemory() as never });
  const reg: Registered = { appeals: [], events: [] };
  for (let done = 0; done < APPEALS; done += 250) {
    await registerMany(db, setup.profile, Math.min(250, APPEALS - done), () => 2, reg);
    log(`  ${code}: ${reg.appeals.length} appeals registered`);
  }
  return { db, reg, setup };
}

/** The documents as CouchDB will hold them, and their size as JSON and gzip-compressed. */
async function payloadOf(db: AppDatabase) {
  const docs = [
    ...(await db.appeals.find().exec()).map((d) => toCouch('appeals', d.toMutableJSON() as never)),
    ...(await db.events.find().exec()).map((d) => toCouch('events', d.toMutableJSON() as never)),
  ];
  const json = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
  return { docs, json, gzip: gzipSync(JSON.stringify(docs)).length };
}

/** Our client: a SyncController pushing the village's outbox through the proxy until all is in the central database. */
async function ours(label: string, kbits: number, code: string, user: string) {
  const v = await village(code, user);
  const payload = await payloadOf(v.db);
  proxy.set({ bytesPerSecond: kbits * KBIT });
  proxy.resetStats();
  log(`${label}: sync starts (${kbits} kbit/s)`);
  const t0 = Date.now();
  const sync = startSync(v.db, v.setup.config);
  let last = 0;
  await waitForCentral(couch.conn, couch.names.centralDb, [code], centralIdsOf(v.reg), 20 * 60_000, (held) => {
    if (Date.now() - last > 10_000) {
      last = Date.now();
      log(
        `  ${held} of ${payload.docs.length} in the central database, ${kb(proxy.stats().toServer)} up, ${kb(proxy.stats().fromServer)} down`,
      );
    }
  });
  const ms = Date.now() - t0;
  const wire = proxy.stats();
  sync.dispose();
  await v.db.remove();
  return { label, ms, wire, payload, kbits, until: 'all in the central database' };
}

/**
 * PouchDB.replicate from a local memory database through the same proxy. It writes with `new_edits: false`, which the
 * village databases refuse from a user (write-once records are created only as new documents), so it writes into a
 * scratch database of its own without validation, as the server admin: the same documents over the same link.
 */
async function pouch(code: string, user: string) {
  // The village's documents, registered by its own starosta as in the app; PouchDB then sends them.
  const v = await village(code, user);
  const payload = await payloadOf(v.db);
  await v.db.remove();
  const require = createRequire(import.meta.url);
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const local = new PouchDB(`bench_pouch_${code}`, { adapter: 'memory' });
  await local.bulkDocs(payload.docs);
  const scratch = `${couch.names.dbPrefix}bench-pouchdb`;
  await fetch(`${couch.url}/${scratch}`, { method: 'PUT', headers: { authorization: adminAuth } });
  const remote = new PouchDB(`${proxy.url}/${scratch}`, { auth: { username: couch.admin.name, password: couch.admin.password } });
  proxy.set({ bytesPerSecond: 256 * KBIT });
  proxy.resetStats();
  log('PouchDB.replicate starts (256 kbit/s)');
  const t0 = Date.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const result = await PouchDB.replicate(local, remote, { batch_size: 100 });
      log(`  replicate finished: ${result.docs_written} written, ${result.doc_write_failures} failures`);
      break;
    } catch (error) {
      log(`  replicate failed (${(error as Error).message ?? error}); again from its checkpoint`);
      if (attempts >= 10) throw error;
    }
  }
  const ms = Date.now() - t0;
  const wire = proxy.stats();
  await local.destroy();
  const label = `PouchDB.replicate (${attempts} run${attempts > 1 ? 's' : ''})`;
  return { label, ms, wire, payload, kbits: 256, until: 'all written on the server' };
}

type Result = Awaited<ReturnType<typeof ours>>;

function report(results: Result[]) {
  const [base] = results;
  if (!base) return;
  const p = base.payload;
  const limit = (bytes: number, kbits: number) => (bytes / (kbits * KBIT)) * 1000;
  console.log(
    `\nOpen Village sync benchmark — ${APPEALS} appeals + ${p.docs.length - APPEALS} events = ${p.docs.length} documents`,
  );
  console.log(`link: proxy on 127.0.0.1, ${ONE_WAY_MS} ms each way (${2 * ONE_WAY_MS} ms round trip), bandwidth as listed`);
  console.log(`payload: ${kb(p.json)} as JSON (${(p.json / APPEALS).toFixed(0)} B per appeal), ${kb(p.gzip)} gzip-compressed\n`);
  for (const r of results) {
    const wire = r.wire.toServer + r.wire.fromServer;
    const rawLimit = limit(r.payload.json, r.kbits);
    const gzLimit = limit(r.payload.gzip, r.kbits);
    console.log(`${r.label} @ ${r.kbits} kbit/s`);
    console.log(`  time until ${r.until}: ${sec(r.ms)}`);
    console.log(
      `  on the wire: ${kb(r.wire.toServer)} up + ${kb(r.wire.fromServer)} down = ${(wire / APPEALS).toFixed(0)} B per appeal, ${r.wire.requests} requests`,
    );
    console.log(`  physical limit of the JSON payload: ${sec(rawLimit)} → ${(r.ms / rawLimit).toFixed(2)}× the limit`);
    console.log(`  physical limit of the gzip payload: ${sec(gzLimit)} → ${(r.ms / gzLimit).toFixed(2)}× the limit`);
  }
  const pouchRun = results.find((r) => r.label.startsWith('PouchDB'));
  if (pouchRun) {
    console.log(
      `\nours ÷ PouchDB at 256 kbit/s: time ${(base.ms / pouchRun.ms).toFixed(2)}, bytes ${(
        (base.wire.toServer + base.wire.fromServer) / (pouchRun.wire.toServer + pouchRun.wire.fromServer)
      ).toFixed(2)}`,
    );
  }
}

const results: Result[] = [];
try {
  const first = await provisionCommunity(couch);
  const second = await provisionCommunity(couch);
  results.push(await ours('our client (SyncController)', 256, first.villages[0], first.users.a));
  results.push(await pouch(first.villages[1], first.users.b));
  if (process.env.BENCH_SKIP_1MBIT !== '1')
    results.push(await ours('our client (SyncController)', 1000, second.villages[0], second.users.a));
  report(results);
} finally {
  await proxy.close();
  await couch.stop();
  await server?.remove();
}
