/**
 * The rows of one link table: a village's register pushed by our client (SyncController) through the fault proxy at
 * 256 kbit/s, without cuts and with a cut every ~300 KB, and PouchDB.replicate of the same documents through the same
 * link as the baseline.
 */
import { createRequire } from 'node:module';
import { request } from '../../../server/admin/couch-client';
import type { FaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, provisionCommunity, startSync } from '../../helpers/sync/sync-clients';
import { centralIdsOf, waitForCentral } from '../../helpers/sync/volume';
import {
  APPEALS,
  CUT_EVERY_BYTES,
  errorText,
  KBIT,
  kb,
  log,
  type Payload,
  ROW_TIMEOUT_MS,
  type Row,
  STRESS_CUT_BYTES,
  sec,
  sleep,
  VILLAGE_KBITS,
} from './common';
import { recordsIn } from './counts';
import type { BenchServer } from './servers';
import { payloadOf, registerVillage, serverDocsOf } from './village';

export interface LinkTable {
  server: string;
  /** The documents of the no-cut row (the PouchDB row sends the very same ones). */
  payload: Payload;
  rows: Row[];
  /** The village of the no-cut row, whose register is on the server afterwards: the replaced PC logs in to it. */
  village: { code: string; user: string; community: string; appeals: number; events: number };
}

/** Our client pushes a freshly registered village until the server's replication has put all of it in ov_central. */
async function ours(
  label: string,
  server: BenchServer,
  proxy: FaultProxy,
  v: { code: string; user: string },
  cutEveryBytes: number,
) {
  const setup = clientSetup(proxy.url, v.user, 'starosta', v.code, server.couch.community);
  const { db, reg } = await registerVillage(setup.profile, APPEALS);
  const docs = await serverDocsOf(db);
  const names = server.couch.names;
  // ov_central holds the other rows' villages too: this row's documents are what comes on top.
  const before = await recordsIn(server, names.centralDb);
  proxy.set({ bytesPerSecond: VILLAGE_KBITS * KBIT, cutEveryBytes });
  proxy.resetStats();
  log(`${label}: sync starts`);
  const t0 = Date.now();
  const sync = startSync(db, setup.config);
  const row: Row = { label, ms: null, pushedMs: null, wire: proxy.stats(), kbits: VILLAGE_KBITS };
  try {
    for (let last = t0; ; await sleep(250)) {
      const inVillage = await recordsIn(server, names.villageDb(v.code)).catch(() => 0);
      const inCentral = (await recordsIn(server, names.centralDb).catch(() => before)) - before;
      if (row.pushedMs === null && inVillage >= docs.length) row.pushedMs = Date.now() - t0;
      if (inCentral >= docs.length) {
        row.ms = Date.now() - t0;
        row.wire = proxy.stats(); // what the check below waits adds nothing
        break;
      }
      if (Date.now() - t0 > ROW_TIMEOUT_MS) {
        row.note = `not finished in ${sec(ROW_TIMEOUT_MS)}: ${inVillage} of ${docs.length} in the village database, ${inCentral} in ov_central`;
        break;
      }
      if (Date.now() - last >= 10_000) {
        last = Date.now();
        const w = proxy.stats();
        log(
          `  ${inVillage} in the village database, ${inCentral} in ov_central of ${docs.length}; ${kb(w.toServer)} KB up, ${kb(w.fromServer)} KB down`,
        );
      }
    }
    if (row.ms !== null) {
      // The counts say how many; this says they are exactly the village's documents, each once.
      await waitForCentral(server.couch.conn, names.centralDb, [v.code], centralIdsOf(reg), 30_000);
    }
  } catch (error) {
    row.note = `${errorText(error)}`;
  } finally {
    if (row.ms === null) row.wire = proxy.stats();
    sync.dispose();
    proxy.set({ cutEveryBytes: 0 });
  }
  return { row, db, docs, reg };
}

// biome-ignore lint/suspicious/noExplicitAny: PouchDB's packages come without types.
let PouchDB: any;

/** PouchDB with its plugins, once per process: `plugin` defines `replicate` on the one shared constructor. */
function pouchWithPlugins() {
  const require = createRequire(import.meta.url);
  return require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
}

/**
 * PouchDB.replicate from a local memory database through the same proxy, as the server admin into a scratch database
 * of the community's own rather than into the village's database. Why: the baseline is PouchDB's replication protocol
 * on the same documents over the same link, nothing else. The village database would mix other things into it: its
 * validation (which exists for users, and PouchDB's `_revisions` and checkpoints are not what it was written for), the
 * server's replication to ov_central running during the measurement, and the same documents already stored there by
 * our client's row (PouchDB would find nothing to send). The scratch database has no validation and no replication, so
 * if anything this flatters PouchDB; and it is done when the last document is written, not when ov_central has it.
 */
async function pouch(server: BenchServer, proxy: FaultProxy, docs: readonly Record<string, unknown>[]): Promise<Row> {
  PouchDB ??= pouchWithPlugins();
  const local = new PouchDB(`bench_pouch_${Date.now()}`, { adapter: 'memory' });
  // The records keep the revision the push gives them, as in the server's copy.
  await local.bulkDocs(docs, { new_edits: false });
  const scratch = `${server.couch.names.dbPrefix}bench-pouchdb`;
  const created = await request(server.couch.conn, 'PUT', `/${scratch}`);
  if (created.status !== 201) throw new Error(`PUT /${scratch}: HTTP ${created.status}`);
  const { name: username, password } = server.couch.admin;
  const remote = new PouchDB(`${proxy.url}/${scratch}`, { auth: { username, password } });
  proxy.set({ bytesPerSecond: VILLAGE_KBITS * KBIT, cutEveryBytes: 0 });
  proxy.resetStats();
  log('PouchDB.replicate starts');
  const t0 = Date.now();
  const row: Row = { label: 'PouchDB.replicate', ms: null, pushedMs: null, wire: proxy.stats(), kbits: VILLAGE_KBITS };
  try {
    const result = await PouchDB.replicate(local, remote, { batch_size: 100 });
    row.ms = Date.now() - t0;
    if (result.docs_written !== docs.length || result.doc_write_failures > 0) {
      row.note = `${result.docs_written} of ${docs.length} written, ${result.doc_write_failures} failures`;
    }
  } catch (error) {
    row.note = `PouchDB.replicate failed: ${errorText(error)}`;
  } finally {
    row.wire = proxy.stats();
    await local.destroy();
  }
  const stored = await request<{ doc_count?: number }>(server.couch.conn, 'GET', `/${scratch}`);
  if (row.ms !== null && stored.body?.doc_count !== docs.length) {
    row.note = `the scratch database holds ${stored.body?.doc_count} of ${docs.length} documents`;
  }
  return row;
}

/** The three rows on one server, through a proxy in front of it. */
export async function linkRows(server: BenchServer, proxy: FaultProxy): Promise<LinkTable> {
  const community = await provisionCommunity(server.couch);
  const [a, b] = community.villages;
  const plain = await ours('our client, no cuts', server, proxy, { code: a, user: community.users.a }, 0);
  const payload = payloadOf(plain.docs);
  await plain.db.remove();
  const label = `our client, cut every ~${Math.round(CUT_EVERY_BYTES / 1024)} KB`;
  const cut = await ours(label, server, proxy, { code: b, user: community.users.b }, CUT_EVERY_BYTES);
  await cut.db.remove();
  const more = await provisionCommunity(server.couch);
  const stressLabel = `our client, cut every ~${Math.round(STRESS_CUT_BYTES / 1024)} KB`;
  const stress = await ours(stressLabel, server, proxy, { code: more.villages[0], user: more.users.a }, STRESS_CUT_BYTES);
  await stress.db.remove();
  let baseline: Row;
  try {
    baseline = await pouch(server, proxy, plain.docs);
  } catch (error) {
    proxy.resetStats(); // nothing of it went over the link
    const wire = proxy.stats();
    baseline = { label: 'PouchDB.replicate', ms: null, pushedMs: null, wire, kbits: VILLAGE_KBITS, note: errorText(error) };
  }
  return {
    server: server.name,
    payload,
    rows: [plain.row, cut.row, stress.row, baseline],
    village: {
      code: a,
      user: community.users.a,
      community: community.code,
      appeals: plain.reg.appeals.length,
      events: plain.reg.events.length,
    },
  };
}
