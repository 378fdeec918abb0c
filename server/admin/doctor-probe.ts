/**
 * `doctor`'s probing: what the server shows to the app and to anyone on the network (anonymous requests, browser CORS
 * preflights, compression through the public address), then what the admin reads of its settings and the community.
 * It only reads; its conclusions are drawn elsewhere (doctor-findings.ts).
 */
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { CONFLICTS_VIEW } from '../../shared/couch/design-docs';
import { communityDocId, communityNames, DESIGN_DOC_ID } from '../../shared/couch/names';
import { CORS_HEADERS, DESKTOP_ORIGIN } from '../../shared/couch/server-settings';
import type { DbScope } from '../../shared/couch/validate-doc-update';
import { type CouchConnection, kindOfRoot, pathOf } from './couch-client';
import { headerOf, jsonOf, type RawAnswer, type RawOptions, rawRequest } from './doctor-http';
import type {
  AdminObservation,
  ConflictRow,
  CouchConfig,
  DatabaseObservation,
  DoctorContext,
  Observations,
  PreflightObservation,
  ReachObservation,
  RegistryVillage,
  ReplicationObservation,
  RootObservation,
} from './doctor-types';
import { errors } from './errors';
import { listVillages } from './provision';

// A browser lists in Access-Control-Request-Headers only headers that are not CORS-safelisted (accept,
// accept-language, content-language) and never the ones it sets itself (origin, referer): what the app sends beyond them.
const BROWSER_SAFE = new Set(['accept', 'accept-language', 'content-language', 'origin', 'referer']);
/** The headers a browser names in the app's preflights: `content-type` (JSON is not safelisted), `content-encoding`,
 * `authorization`. */
export const PREFLIGHT_HEADERS = CORS_HEADERS.filter((h) => !BROWSER_SAFE.has(h));

const [VIEW_DDOC, VIEW_NAME] = CONFLICTS_VIEW.split('/') as [string, string];

// Building a view over a large database the first time can take minutes; everything else answers at once.
const VIEW_TIMEOUT_MS = 600_000;

/** Network error codes of a certificate Node refuses (OpenSSL's verify codes and Node's host name check). */
export function isTlsFailure(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH/.test(code);
}

/** Gathers every observation `doctor` needs, stopping early where nothing further could be seen. */
export async function observe(conn: CouchConnection, ctx: DoctorContext): Promise<Observations> {
  const obs: Observations = {
    reach: { kind: 'ok' },
    root: null,
    preflights: [],
    anonymous: null,
    admin: null,
    compression: null,
    nodes: [],
    villages: null,
    databases: [],
    replications: [],
  };
  const anonRoot = await rawRequest(conn.base, '/', { headers: { accept: 'application/json' } });
  if (!anonRoot.ok) {
    obs.reach = reachOf(anonRoot.code);
    return obs;
  }
  obs.root = await rootOf(conn, anonRoot);
  if (obs.root.kind !== 'couchdb') return obs;
  const names = communityNames(ctx.community);
  for (const origin of [DESKTOP_ORIGIN, ...ctx.webOrigins]) obs.preflights.push(await preflight(conn, names.centralDb, origin));
  obs.anonymous = {
    root: anonRoot.status,
    centralDb: await anonymousStatus(conn, pathOf(names.centralDb)),
    allDbs: await anonymousStatus(conn, '/_all_dbs'),
    users: await anonymousStatus(conn, '/_users/_all_docs'),
  };
  // A root still refused was asked with the admin's credentials already: asking again would count a second failed login
  // toward the lockout (5 failures lock the account for 5 minutes), so one failure per run is all doctor ever costs.
  obs.admin = obs.root.status === 401 ? { kind: 'refused', status: 401 } : await adminOf(conn);
  if (obs.admin.kind !== 'ok') return obs;
  obs.nodes = await nodeConfigs(conn);
  obs.compression = await compression(conn, names.centralDb);
  const central = await database(conn, names.centralDb, { kind: 'central', community: names.code }, ctx.community);
  obs.databases.push(central);
  if (!central.exists) return obs;
  obs.villages = (await listVillages(conn, ctx.community)).map((v) => ({ code: v.code, name: v.name }));
  for (const village of obs.villages) {
    const scope: DbScope = { kind: 'village', community: names.code, code: village.code };
    obs.databases.push({ ...(await database(conn, names.villageDb(village.code), scope, ctx.community)), village });
    obs.replications.push(await replication(conn, village, names.toCentralReplicationId(village.code), 'to-central'));
    obs.replications.push(await replication(conn, village, names.toVillageReplicationId(village.code), 'to-village'));
  }
  return obs;
}

function reachOf(code: string): ReachObservation {
  return isTlsFailure(code) ? { kind: 'tls', reason: code } : { kind: 'unreachable', reason: code };
}

/** A request as the admin; a network failure half-way through the run is the admin command's usual `unreachable`. */
async function asAdmin(conn: CouchConnection, path: string, options: RawOptions = {}): Promise<RawAnswer> {
  const answer = await rawRequest(conn.base, path, {
    ...options,
    headers: { accept: 'application/json', authorization: conn.authorization, ...options.headers },
  });
  if (!answer.ok) throw errors.unreachable(conn.base, answer.code);
  return answer;
}

async function rootOf(conn: CouchConnection, anon: RawAnswer): Promise<RootObservation> {
  let answer = anon;
  // With require_valid_user_except_for_up CouchDB answers `/` with its JSON 401 to anyone without a login.
  if (anon.status === 401 && jsonOf<{ error?: string }>(anon)?.error === 'unauthorized') answer = await asAdmin(conn, '/');
  const body = jsonOf<{ version?: unknown }>(answer);
  let kind = kindOfRoot(body);
  let version = typeof body?.version === 'string' ? body.version : null;
  // Wrong admin credentials: the root stays hidden, but CouchDB's Server header still names it (unless a proxy drops it).
  const server = /^CouchDB\/(\S+)/.exec(headerOf(answer, 'server') ?? '');
  if (answer.status === 401 && kind === null && server) {
    kind = 'couchdb';
    version = server[1] ?? null;
  }
  return { status: answer.status, kind, version };
}

async function preflight(conn: CouchConnection, db: string, origin: string): Promise<PreflightObservation> {
  const method = 'POST';
  const answer = await rawRequest(conn.base, `${pathOf(db)}/_bulk_docs`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': PREFLIGHT_HEADERS.join(', '),
    },
  });
  const base = { origin, method, requestHeaders: PREFLIGHT_HEADERS };
  if (!answer.ok) return { ...base, status: null, allowOrigin: null, allowCredentials: null, allowMethods: null };
  return {
    ...base,
    status: answer.status,
    allowOrigin: headerOf(answer, 'access-control-allow-origin'),
    allowCredentials: headerOf(answer, 'access-control-allow-credentials'),
    allowMethods: headerOf(answer, 'access-control-allow-methods'),
  };
}

async function anonymousStatus(conn: CouchConnection, path: string): Promise<number | null> {
  const answer = await rawRequest(conn.base, path, { headers: { accept: 'application/json' } });
  return answer.ok ? answer.status : null;
}

async function adminOf(conn: CouchConnection): Promise<AdminObservation> {
  const answer = await asAdmin(conn, '/_session');
  const ctx = jsonOf<{ userCtx?: { name: string | null; roles?: string[] } }>(answer)?.userCtx;
  // Some CouchDB versions answer a basic-auth header they do not accept with 200 and name null.
  if (answer.status !== 200 || !ctx || ctx.name === null) return { kind: 'refused', status: answer.status };
  return ctx.roles?.includes('_admin') ? { kind: 'ok' } : { kind: 'not-admin', name: ctx.name };
}

async function nodeConfigs(conn: CouchConnection) {
  const membership = await asAdmin(conn, '/_membership');
  const nodes = jsonOf<{ all_nodes?: string[] }>(membership)?.all_nodes ?? [];
  if (membership.status !== 200 || nodes.length === 0) return [{ node: '_local', config: null, status: membership.status }];
  const out = [];
  for (const node of nodes) {
    const answer = await asAdmin(conn, `/_node/${encodeURIComponent(node)}/_config`);
    out.push({ node, config: answer.status === 200 ? jsonOf<CouchConfig>(answer) : null, status: answer.status });
  }
  return out;
}

function decoded(body: Buffer, encoding: string | null): Buffer {
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
}

/** A sizeable JSON: the community's design document (~17 KB), else the node's statistics (~25 KB on a stock 3.4.3). */
async function compression(conn: CouchConnection, centralDb: string) {
  for (const path of [pathOf(centralDb, DESIGN_DOC_ID), '/_node/_local/_stats']) {
    const answer = await asAdmin(conn, path, { headers: { 'accept-encoding': 'gzip' } });
    if (answer.status !== 200) continue;
    const encoding = headerOf(answer, 'content-encoding');
    const plain = decoded(answer.body, encoding);
    return { path, encoding, wireBytes: answer.body.length, plainBytes: plain.length, gzipBytes: gzipSync(plain).length };
  }
  return null;
}

async function database(conn: CouchConnection, db: string, scope: DbScope, community: string): Promise<DatabaseObservation> {
  const info = await asAdmin(conn, pathOf(db));
  const empty = { db, scope, designDoc: null, security: null, hasCommunityDoc: false, conflicts: null };
  if (info.status !== 200) return { ...empty, exists: false };
  const ddoc = await asAdmin(conn, pathOf(db, DESIGN_DOC_ID));
  let stored: Record<string, unknown> | null = null;
  if (ddoc.status === 200) {
    const { _rev, ...rest } = jsonOf<Record<string, unknown>>(ddoc) ?? {};
    stored = rest;
  }
  const security = jsonOf(await asAdmin(conn, `${pathOf(db)}/_security`));
  const communityDoc = await asAdmin(conn, pathOf(db, communityDocId(community)));
  return {
    ...empty,
    exists: true,
    designDoc: stored,
    security,
    hasCommunityDoc: communityDoc.status === 200,
    // Asked only when the stored design document has the view: an outdated one would answer 404 after a wait.
    conflicts: Object.hasOwn((stored?.views ?? {}) as object, VIEW_NAME) ? await conflicts(conn, db) : null,
  };
}

async function conflicts(conn: CouchConnection, db: string): Promise<ConflictRow[] | null> {
  const answer = await asAdmin(conn, `${pathOf(db)}/_design/${VIEW_DDOC}/_view/${VIEW_NAME}`, { timeoutMs: VIEW_TIMEOUT_MS });
  if (answer.status !== 200) return null;
  const rows = jsonOf<{ rows?: { id: string; value: unknown }[] }>(answer)?.rows ?? [];
  return rows.map((r) => ({ id: r.id, revs: Array.isArray(r.value) ? r.value.map(String) : [] }));
}

type SchedulerDoc = { state?: string | null; info?: { doc_write_failures?: number; error?: string } | null };

async function replication(
  conn: CouchConnection,
  village: RegistryVillage,
  id: string,
  direction: ReplicationObservation['direction'],
): Promise<ReplicationObservation> {
  const base = { village, id, direction };
  const scheduled = await asAdmin(conn, `/_scheduler/docs/_replicator/${encodeURIComponent(id)}`);
  const job = jsonOf<SchedulerDoc>(scheduled);
  if (scheduled.status === 200 && job) {
    const info = job.info ?? null;
    return {
      ...base,
      // A job the scheduler has not picked up yet has `state: null` and `id: null` (measured on CouchDB 3.4.3 for
      // ~10 s after a fresh start): it is starting, like `initializing`.
      state: job.state ?? 'initializing',
      info: info && {
        docWriteFailures: typeof info.doc_write_failures === 'number' ? info.doc_write_failures : null,
        error: typeof info.error === 'string' ? info.error : null,
      },
    };
  }
  // Not scheduled: either no document at all, or one the scheduler ignores (its own state then tells why).
  const doc = await asAdmin(conn, pathOf('_replicator', id));
  if (doc.status === 404) return { ...base, state: 'missing', info: null };
  const state = jsonOf<{ _replication_state?: string }>(doc)?._replication_state ?? 'not-scheduled';
  return { ...base, state, info: null };
}
