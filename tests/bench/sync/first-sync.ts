/**
 * First sync (issue 10, item 4): a PC that starts from an empty app database and pulls what the server holds.
 * (a) A village PC replaced: the same village login on a new PC pulls the village's register at 256 kbit/s.
 * (b) A council PC joining a community of many villages: it pulls all of ov_central. At 256 kbit/s that is about
 *     20 minutes for 27 villages, so it is measured at COUNCIL_KBITS (4 Mbit/s, an office DSL line) by default.
 */

import type { CouchDoc } from '../../../renderer/data/sync/couch-docs';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage } from '../../../server/admin/provision';
import { uniqueCode } from '../../helpers/couch/test-couch';
import type { FaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, PASSWORD, startSync } from '../../helpers/sync/sync-clients';
import {
  APPEALS,
  COUNCIL_KBITS,
  errorText,
  KBIT,
  kb,
  limitMs,
  log,
  ONE_WAY_MS,
  type Payload,
  ROW_TIMEOUT_MS,
  sec,
  times,
  VILLAGE_KBITS,
  VILLAGES,
} from './common';
import { recordsIn } from './counts';
import type { LinkTable } from './link-rows';
import type { BenchServer } from './servers';
import { memoryDatabase, payloadOf, registerVillage, serverDocsOf, waitForLocal } from './village';

export interface FirstSync {
  server: string;
  cases: { title: string; lines: string[] }[];
}

type Want = { appeals: number; events: number };

/** An empty app database syncing as `setup` until it holds `want`: time and the wire's figures. */
async function pullAll(
  proxy: FaultProxy,
  setup: ReturnType<typeof clientSetup>,
  want: Want,
  kbits: number,
  timeoutMs: number,
  pollMs: number,
) {
  const db = await memoryDatabase(setup.profile.villageCode);
  proxy.set({ bytesPerSecond: kbits * KBIT, cutEveryBytes: 0 });
  proxy.resetStats();
  const t0 = Date.now();
  const sync = startSync(db, setup.config);
  let last = 0;
  try {
    const all = await waitForLocal(
      db,
      want,
      timeoutMs,
      (held) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        const down = kb(proxy.stats().fromServer);
        log(`  ${held.appeals} of ${want.appeals} appeals, ${held.events} of ${want.events} events here, ${down} KB down`);
      },
      pollMs,
    );
    return { ms: all ? Date.now() - t0 : null, wire: proxy.stats() };
  } finally {
    sync.dispose();
    await db.remove();
  }
}

/** The figures of one pull, as printed lines. */
function pullLines(ms: number | null, wire: ReturnType<FaultProxy['stats']>, payload: Payload, kbits: number, timeoutMs: number) {
  const raw = limitMs(payload.json, kbits);
  return [
    `time until all are in the local database: ${ms === null ? `not finished within ${sec(timeoutMs)}` : sec(ms)}`,
    `on the wire: ${kb(wire.fromServer)} KB down, ${kb(wire.toServer)} KB up, ${wire.requests} requests`,
    `raw limit of those documents (${kb(payload.json)} KB as JSON) at ${kbits} kbit/s: ${sec(raw)}` +
      (ms === null ? '' : ` → ${times(ms / raw)} the limit`),
    `bytes down ÷ the documents as JSON: ${times(wire.fromServer / payload.json)}` +
      (ms === null ? '' : `; ${((payload.docs * 1000) / ms).toFixed(0)} documents per second`),
  ];
}

/** (a) The village of the link table's no-cut row gets a new PC: same login, empty database. */
async function replacedVillagePc(proxy: FaultProxy, table: LinkTable) {
  const v = table.village;
  const setup = clientSetup(proxy.url, v.user, 'starosta', v.code, v.community);
  const want = { appeals: v.appeals, events: v.events };
  log(`replaced village PC: pulls ${v.appeals} appeals + ${v.events} events`);
  const { ms, wire } = await pullAll(proxy, setup, want, VILLAGE_KBITS, ROW_TIMEOUT_MS, 500);
  return {
    title: `(a) a replaced village PC: the same village login, an empty app database, ${VILLAGE_KBITS} kbit/s, ${ONE_WAY_MS} ms each way`,
    lines: [
      `${table.payload.docs} documents of the village`,
      ...pullLines(ms, wire, table.payload, VILLAGE_KBITS, ROW_TIMEOUT_MS),
    ],
  };
}

/**
 * Documents written as the push writes them (`_bulk_docs`, `new_edits: false`, the answer `[]`), as the server admin.
 * Sent again when the request breaks (a loaded machine can outlast the admin client's 15 s): the same revisions
 * again change nothing.
 */
async function writeAsPushed(server: BenchServer, db: string, docs: readonly CouchDoc[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await request<unknown[]>(server.couch.conn, 'POST', `/${db}/_bulk_docs`, { docs, new_edits: false });
      if (res.status === 201 && Array.isArray(res.body) && res.body.length === 0) return;
      throw new Error(`_bulk_docs into ${db}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  ${errorText(error)}: again`);
    }
  }
}

/**
 * (b) A community of VILLAGES villages, each with APPEALS appeals and two events each. Every village is registered
 * through the app's repositories with its own profile (so ids carry the village's tag and indexes its code; about a
 * second per 1,000 appeals) and written into its village database as the push writes it (toCouch, `_bulk_docs` with
 * `new_edits: false`), as the server admin for speed; the server's replication then fills ov_central, as it would.
 */
async function councilPc(server: BenchServer, proxy: FaultProxy) {
  const couch = server.community();
  await couch.setup();
  const conn = couch.conn;
  const community = couch.community;
  const centralUser = `c_${uniqueCode('bench')}`;
  await addUser(conn, community, { name: centralUser, password: PASSWORD, role: 'central' });
  const total: Payload = { docs: 0, json: 0, gzip: 0 };
  const want: Want = { appeals: 0, events: 0 };
  const seeded = Date.now();
  const spent = { registering: 0, writing: 0 };
  for (let i = 0; i < VILLAGES; i++) {
    const code = uniqueCode('v');
    await addVillage(conn, community, code, `Село ${i + 1}`);
    const { profile } = clientSetup(proxy.url, `st_${code}`, 'starosta', code, community);
    let t = Date.now();
    const { db, reg } = await registerVillage(profile, APPEALS);
    const docs = await serverDocsOf(db);
    await db.remove();
    spent.registering += Date.now() - t;
    t = Date.now();
    for (let at = 0; at < docs.length; at += 500)
      await writeAsPushed(server, couch.names.villageDb(code), docs.slice(at, at + 500));
    spent.writing += Date.now() - t;
    const p = payloadOf(docs);
    total.docs += p.docs;
    total.json += p.json;
    total.gzip += p.gzip;
    want.appeals += reg.appeals.length;
    want.events += reg.events.length;
    if ((i + 1) % 5 === 0 || i + 1 === VILLAGES) {
      const { registering, writing } = spent;
      log(`  ${i + 1} of ${VILLAGES} villages written (so far ${sec(registering)} registering, ${sec(writing)} writing)`);
    }
  }
  const seedMs = Date.now() - seeded;
  log(`waiting for the server's replication to put ${total.docs} documents into ${couch.names.centralDb}`);
  const replicating = Date.now();
  let held = 0;
  for (let last = 0; held < total.docs; await new Promise((r) => setTimeout(r, 2000))) {
    held = await recordsIn(server, couch.names.centralDb);
    if (Date.now() - replicating > 30 * 60_000) throw new Error(`ov_central holds ${held} of ${total.docs} after 30 min`);
    if (Date.now() - last >= 15_000) {
      last = Date.now();
      log(`  ${held} of ${total.docs} in the central database`);
    }
  }
  const replicationMs = Date.now() - replicating;
  const setup = clientSetup(proxy.url, centralUser, 'central', 'central', community);
  // Ten times the raw limit, at least the row timeout: a client that slow is reported as not finished.
  const timeoutMs = Math.max(ROW_TIMEOUT_MS, 10 * limitMs(total.json, COUNCIL_KBITS));
  log(`council PC: pulls ${total.docs} documents at ${COUNCIL_KBITS} kbit/s`);
  const { ms, wire } = await pullAll(proxy, setup, want, COUNCIL_KBITS, timeoutMs, 2000);
  await couch.stop().catch((e) => log(`cleanup of the council community: ${errorText(e)}`));
  return {
    title: `(b) a council PC joining a community of ${VILLAGES} villages: an empty app database, ${COUNCIL_KBITS / 1000} Mbit/s, ${ONE_WAY_MS} ms each way`,
    lines: [
      `${VILLAGES} villages × ${APPEALS} appeals with two events each = ${total.docs} documents, ${kb(total.json)} KB as JSON, ${kb(total.gzip)} KB gzip (village by village)`,
      `written into the village databases in ${sec(seedMs)}; the server's replication filled ov_central in ${sec(replicationMs)} more`,
      `at ${VILLAGE_KBITS} kbit/s the raw limit alone would be ${(limitMs(total.json, VILLAGE_KBITS) / 60_000).toFixed(1)} min: measured at ${COUNCIL_KBITS} kbit/s (BENCH_VILLAGES sets the number of villages)`,
      ...pullLines(ms, wire, total, COUNCIL_KBITS, timeoutMs),
    ],
  };
}

/** Both cases on one server; a case that fails is reported as such, the other still runs. */
export async function firstSync(server: BenchServer, proxy: FaultProxy, table: LinkTable | null): Promise<FirstSync> {
  const result: FirstSync = { server: server.name, cases: [] };
  const run = async (title: string, measure: () => Promise<FirstSync['cases'][number]>) => {
    try {
      result.cases.push(await measure());
    } catch (error) {
      result.cases.push({ title, lines: [`failed: ${errorText(error)}`] });
    }
  };
  if (table) await run('(a) a replaced village PC', () => replacedVillagePc(proxy, table));
  await run('(b) a council PC joining the community', () => councilPc(server, proxy));
  return result;
}
