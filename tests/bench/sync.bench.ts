// `npm run bench:sync`: how fast a village's register reaches the council over a 2G-class link (256 kbit/s, 150 ms
// each way, through tests/helpers/fault-proxy.ts), on the two servers the app meets. One table per server:
//   - our client (SyncController) pushing 1,000 appeals with two events each until all are in ov_central, without cuts
//     and with the connection in flight cut every ~300 KB of traffic;
//   - PouchDB.replicate of the same documents through the same link, as the baseline;
// with the bytes on the wire (counted by the proxy), the payload's physical limits (bytes ÷ bandwidth) and the goals of
// issue 10. Table 1 is Apache CouchDB 3.4.3 (COUCHDB_URL when set, else a fresh stock one from the prebuilt release),
// table 2 pouchdb-server, the project's demo server. Then the first sync of an empty PC on CouchDB: a replaced village
// PC, and a council PC joining a community of BENCH_VILLAGES villages. Figures, not pass/fail.
//
// Knobs: BENCH_APPEALS (1000 per village), BENCH_VILLAGES (27), BENCH_CUT_KB (300), BENCH_SKIP_POUCHDB_SERVER=1,
// BENCH_SKIP_FIRST_SYNC=1.
//
// Run by Node directly (type stripping, with tests/helpers/node-hooks.ts), so the bench runs the very code the app
// ships, with no bundle step and no test runner in the measurement.
import '../helpers/node-hooks.ts';

type BenchServer = import('./sync/servers').BenchServer;

const { startFaultProxy } = await import('../helpers/fault-proxy.ts');
const { errorText, log, ONE_WAY_MS, SKIP_FIRST_SYNC, SKIP_POUCHDB_SERVER } = await import('./sync/common.ts');
const { firstSync } = await import('./sync/first-sync.ts');
const { linkRows } = await import('./sync/link-rows.ts');
const { printFirstSync, printLinkTable } = await import('./sync/report.ts');
const { startCouchDb, startPouchDbServer } = await import('./sync/servers.ts');

/** What is printed at the end: the tables, then the first-sync section. A section that failed says why; the others run. */
const tables: (() => void)[] = [];
const sections: (() => void)[] = [];

/** A proxy in front of the server for the section; the bench outlives the proxy's default 15-minute lifetime. */
async function withServer(title: string, start: () => Promise<BenchServer>, measure: (s: BenchServer) => Promise<void>) {
  let server: BenchServer | undefined;
  try {
    server = await start();
    log(`${title}: ${server.name} at ${server.couch.url}`);
    await measure(server);
  } catch (error) {
    console.error(error);
    tables.push(() => console.log(`\n${title}: failed — ${errorText(error)}`));
  } finally {
    await server?.stop().catch((e) => console.error(`stopping the server: ${errorText(e)}`));
  }
}

const proxyFor = (server: BenchServer) =>
  startFaultProxy(server.couch.url, { settings: { latencyMs: ONE_WAY_MS }, maxLifetimeMs: 3 * 60 * 60_000 });

await withServer('Table 1', startCouchDb, async (server) => {
  const proxy = await proxyFor(server);
  try {
    const table = await linkRows(server, proxy);
    tables.push(() => printLinkTable('Table 1', table));
    if (!SKIP_FIRST_SYNC) {
      const first = await firstSync(server, proxy, table);
      sections.push(() => printFirstSync(first));
    }
  } finally {
    await proxy.close();
  }
});

if (!SKIP_POUCHDB_SERVER) {
  await withServer('Table 2', startPouchDbServer, async (server) => {
    const proxy = await proxyFor(server);
    try {
      const table = await linkRows(server, proxy);
      tables.push(() => printLinkTable('Table 2', table));
    } finally {
      await proxy.close();
    }
  });
}

console.log(`\n${'='.repeat(100)}\nOpen Village sync benchmark`);
for (const print of [...tables, ...sections]) print();
