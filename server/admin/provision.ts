/**
 * The provisioning steps behind `setup`, `add-village` and `add-user`. Each one reads what is there and writes only what
 * differs, so every command can be re-run safely (DESIGN.md: setup is code, not a manual).
 */
import { createHash } from 'node:crypto';
import { designDoc } from '../../shared/couch/design-docs';
import {
  CENTRAL_DB,
  CENTRAL_ROLE,
  CENTRAL_VILLAGE_ID,
  type CommunityDoc,
  communityDocId,
  ID_PREFIX,
  STAROSTA_ROLE,
  toCentralReplicationId,
  toVillageReplicationId,
  type VillageRegistryDoc,
  villageDbName,
  villageDocId,
  villageRole,
} from '../../shared/couch/names';
import type { DbScope } from '../../shared/couch/validate-doc-update';
import { isVillageCode } from '../../shared/domain/indexes/reg-index';
import { type CouchConnection, expect, pathOf, request, type ServerKind, serverKind } from './couch-client';
import { errors } from './errors';

/** What a step did, for the command's output. */
export type Change = { what: string; action: 'created' | 'updated' | 'unchanged' | 'stale'; note?: string };

type Doc = { _id: string; _rev?: string; [key: string]: unknown };

async function ensureDb(conn: CouchConnection, db: string): Promise<Change> {
  const res = await expect(conn, `PUT /${db}`, [201, 202, 412], 'PUT', pathOf(db));
  return { what: `database ${db}`, action: res.status === 412 ? 'unchanged' : 'created' };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Writes `doc` unless the stored one has the same fields (ignoring `_rev`). */
async function ensureDoc(conn: CouchConnection, db: string, doc: Doc): Promise<Change> {
  const what = `${db}/${doc._id}`;
  const current = await expect<Doc>(conn, `GET ${what}`, [200, 404], 'GET', pathOf(db, doc._id));
  if (current.status === 200) {
    const { _rev, ...stored } = current.body;
    if (sameJson(stored, doc)) return { what, action: 'unchanged' };
    await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf(db, doc._id), { ...doc, _rev });
    return { what, action: 'updated' };
  }
  await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf(db, doc._id), doc);
  return { what, action: 'created' };
}

function securityOf(memberRoles: string[]) {
  // No database admins beyond the server admins: only setup code changes design documents.
  return { admins: { names: [], roles: [] }, members: { names: [], roles: memberRoles } };
}

async function ensureSecurity(conn: CouchConnection, db: string, memberRoles: string[]): Promise<Change> {
  const what = `${db}/_security`;
  const wanted = securityOf(memberRoles);
  const current = await expect(conn, `GET ${what}`, [200], 'GET', `${pathOf(db)}/_security`);
  if (sameJson(current.body, wanted)) return { what, action: 'unchanged' };
  await expect(conn, `PUT ${what}`, [200, 201], 'PUT', `${pathOf(db)}/_security`, wanted);
  return { what, action: 'updated' };
}

async function ensureDatabase(conn: CouchConnection, db: string, roles: string[], scope: DbScope): Promise<Change[]> {
  return [await ensureDb(conn, db), await ensureSecurity(conn, db, roles), await ensureDoc(conn, db, { ...designDoc(scope) })];
}

/** `setup`: the system databases, then `ov_central` with its security and design document. */
export async function setup(conn: CouchConnection, community?: CommunitySpec): Promise<Change[]> {
  const changes: Change[] = [];
  // CouchDB 3 creates neither on a fresh single node; pouchdb-server has both already (412 then).
  for (const db of ['_users', '_replicator']) changes.push(await ensureDb(conn, db));
  changes.push(...(await ensureDatabase(conn, CENTRAL_DB, [CENTRAL_ROLE], { kind: 'central' })));
  if (community) changes.push(...(await setCommunity(conn, community)));
  return changes;
}

/** The community a server serves (`setup --community`): its code names every transfer file. */
export interface CommunitySpec {
  code: string;
  name: string;
}

/** The community document of `ov_central`, if `setup --community` wrote one. */
export async function readCommunity(conn: CouchConnection): Promise<CommunityDoc | null> {
  const [doc] = await centralDocs<CommunityDoc>(conn, ID_PREFIX.community, 'reading the community');
  if (!doc) return null;
  const { _rev, ...stored } = doc;
  return stored;
}

/**
 * Writes the community document into `ov_central` and every village database (each user reads it from their own
 * database at login). The code never changes once set: transfer files already made carry it.
 */
async function setCommunity(conn: CouchConnection, spec: CommunitySpec): Promise<Change[]> {
  if (!isVillageCode(spec.code)) throw errors.invalidCommunity(spec.code);
  const name = spec.name.trim();
  if (name === '' || name.length > 200) throw errors.invalidName();
  const current = await readCommunity(conn);
  if (current && current.code !== spec.code) throw errors.communitySet(current.code);
  const doc: CommunityDoc = { _id: communityDocId(spec.code), type: 'community', code: spec.code, name };
  const changes = [await ensureDoc(conn, CENTRAL_DB, { ...doc })];
  for (const village of await listVillages(conn)) changes.push(await ensureDoc(conn, villageDbName(village.code), { ...doc }));
  return changes;
}

/** Throws unless `code` may name a village database. */
export function checkVillageCode(code: string): void {
  if (!isVillageCode(code)) throw errors.invalidCode(code);
  if (code === CENTRAL_VILLAGE_ID) throw errors.reservedCode(code);
}

/**
 * A replication endpoint. CouchDB 3 takes only URLs, so they carry the admin credentials (stored in `_replicator`,
 * readable by server admins only). pouchdb-server replicates between its own databases by name, as the admin given in
 * `user_ctx`: no secret is stored and the documents stay valid when the server moves to another port.
 */
function endpoint(conn: CouchConnection, kind: ServerKind, db: string): string {
  return kind === 'pouchdb-server' ? db : `${conn.replicationBase}/${encodeURIComponent(db)}`;
}

/**
 * A `_replicator` document. Its URLs hold the admin credentials, readable only by server admins. `ov_signature` is a hash
 * of the settings, so a re-run compares it instead of the URLs (CouchDB may redact credentials when it returns the doc).
 */
function replicationDoc(id: string, settings: Record<string, unknown>): Doc {
  const signature = createHash('sha256')
    .update(JSON.stringify(sortKeys(settings)))
    .digest('hex')
    .slice(0, 32);
  return { _id: id, ...settings, ov_signature: signature };
}

async function ensureReplication(conn: CouchConnection, kind: ServerKind, doc: Doc): Promise<Change> {
  const what = `_replicator/${doc._id}`;
  const current = await expect<Doc>(conn, `GET ${what}`, [200, 404], 'GET', pathOf('_replicator', doc._id));
  if (current.status === 200) {
    if (current.body.ov_signature === doc.ov_signature) return { what, action: 'unchanged' };
    if (kind === 'pouchdb-server') {
      // pouchdb-server lets only its replicator edit a running job, and deleting one kills the server (its replicator
      // reads the deleted document back and the rejection is unhandled). Its endpoints are database names, so the
      // settings change only with this code; the job keeps running as it was.
      return { what, action: 'stale', note: 'pouchdb-server cannot replace a running replication; start on a new data dir' };
    }
    await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_replicator', doc._id), { ...doc, _rev: current.body._rev });
    return { what, action: 'updated' };
  }
  await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_replicator', doc._id), doc);
  return { what, action: 'created' };
}

/**
 * `add-village`: the village's database (security, design document), its entry in the central registry and the two
 * continuous replications. Runs `setup` first, since both replications need `ov_central` and its filter.
 */
export async function addVillage(conn: CouchConnection, code: string, name: string): Promise<Change[]> {
  checkVillageCode(code);
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw errors.invalidName();
  const db = villageDbName(code);
  const kind = await serverKind(conn);
  const changes = await setup(conn);
  // On pouchdb-server the job runs inside the server as this admin (see `endpoint`).
  const runAs = kind === 'pouchdb-server' ? { user_ctx: { name: conn.user, roles: ['_admin'] } } : {};
  changes.push(...(await ensureDatabase(conn, db, [villageRole(code), CENTRAL_ROLE], { kind: 'village', code })));
  const community = await readCommunity(conn);
  if (community) changes.push(await ensureDoc(conn, db, { ...community }));
  const registry: VillageRegistryDoc = { _id: villageDocId(code), type: 'village', code, name: trimmed };
  changes.push(await ensureDoc(conn, CENTRAL_DB, { ...registry }));
  changes.push(
    await ensureReplication(
      conn,
      kind,
      replicationDoc(toCentralReplicationId(code), {
        source: endpoint(conn, kind, db),
        target: endpoint(conn, kind, CENTRAL_DB),
        filter: 'ov/to_central',
        continuous: true,
        ...runAs,
      }),
    ),
  );
  changes.push(
    await ensureReplication(
      conn,
      kind,
      // A JavaScript filter with query_params, not a `selector`: pouchdb-server crashes on selectors in _replicator docs.
      replicationDoc(toVillageReplicationId(code), {
        source: endpoint(conn, kind, CENTRAL_DB),
        target: endpoint(conn, kind, db),
        filter: 'ov/to_village',
        query_params: { villageId: code },
        continuous: true,
        ...runAs,
      }),
    ),
  );
  return changes;
}

/** The documents of `ov_central` whose ids start with `prefix` (none while the database does not exist yet). */
async function centralDocs<T>(conn: CouchConnection, prefix: string, what: string): Promise<T[]> {
  const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\uffff`))}&include_docs=true`;
  const res = await request<{ rows?: { doc: T }[] }>(conn, 'GET', `${pathOf(CENTRAL_DB)}/_all_docs?${range}`);
  if (res.status === 404) return [];
  if (res.status !== 200) throw errors.serverError(`GET ${CENTRAL_DB}/_all_docs`, res.status, what);
  return (res.body.rows ?? []).map((r) => r.doc);
}

/** The villages in the central registry, by code. */
export function listVillages(conn: CouchConnection): Promise<VillageRegistryDoc[]> {
  return centralDocs<VillageRegistryDoc>(conn, ID_PREFIX.village, 'listing villages');
}

/** A user to create or update. */
export interface UserSpec {
  name: string;
  password: string;
  role: 'starosta' | 'central';
  village?: string;
}

/** The `_users` roles of a user: a starosta gets the village's role and the starosta role; council staff get `ov:central`. */
export function rolesOf(spec: Pick<UserSpec, 'role' | 'village'>): string[] {
  if (spec.role === 'central') return [CENTRAL_ROLE];
  return [villageRole(spec.village ?? ''), STAROSTA_ROLE];
}

/** `add-user`: creates the `_users` document or updates its roles and password. */
export async function addUser(conn: CouchConnection, spec: UserSpec): Promise<Change> {
  if (spec.name === '' || spec.name.length > 100 || spec.name.includes(':') || spec.name.startsWith('_')) {
    throw errors.invalidUser(spec.name);
  }
  if (spec.password.length < 8) throw errors.weakPassword();
  if (spec.role === 'starosta') {
    if (spec.village === undefined)
      throw errors.usage('Для старости потрібен --village <код>', 'A starosta needs --village <code>');
    checkVillageCode(spec.village);
    const known = await request(conn, 'GET', pathOf(CENTRAL_DB, villageDocId(spec.village)));
    if (known.status !== 200) throw errors.unknownVillage(spec.village);
  } else if (spec.village !== undefined) {
    throw errors.usage('Користувач центрального офісу не має --village', 'A central user takes no --village');
  }
  const id = `org.couchdb.user:${spec.name}`;
  const what = `_users/${id}`;
  const current = await expect<Doc>(conn, `GET ${what}`, [200, 404], 'GET', pathOf('_users', id));
  const doc = { _id: id, type: 'user', name: spec.name, roles: rolesOf(spec), password: spec.password };
  if (current.status === 200) {
    // Always written: the password may have changed and CouchDB stores only its hash, so it cannot be compared.
    await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_users', id), { ...doc, _rev: current.body._rev });
    return { what, action: 'updated' };
  }
  await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_users', id), doc);
  return { what, action: 'created' };
}
