/**
 * The provisioning steps behind `setup`, `add-village` and `add-user`. Each one reads what is there and writes only what
 * differs, so every command can be re-run safely (docs/architecture.md: setup is code, not a manual).
 */
import { createHash } from 'node:crypto';
import { designDoc, securityFor } from '../../shared/couch/design-docs';
import {
  CENTRAL_VILLAGE_ID,
  type CommunityDoc,
  type CommunityNames,
  communityDocId,
  communityNames,
  ID_PREFIX,
  isCode,
  type VillageRegistryDoc,
  villageDocId,
} from '../../shared/couch/names';
import type { DbScope } from '../../shared/couch/validate-doc-update';
import { isVillageCode } from '../../shared/domain/indexes/reg-index';
import { type CouchConnection, docsByPrefix, expect, pathOf, request, type ServerKind, serverKind } from './couch-client';
import { errors } from './errors';
import { sameJson, sortKeys } from './json-compare';
import { configureServer } from './server-config';

/** What a step did, for the command's output. */
export type Change = { what: string; action: 'created' | 'updated' | 'unchanged' | 'stale'; note?: string };

type Doc = { _id: string; _rev?: string; [key: string]: unknown };

async function ensureDb(conn: CouchConnection, db: string): Promise<Change> {
  const res = await expect(conn, `PUT /${db}`, [201, 202, 412], 'PUT', pathOf(db));
  return { what: `database ${db}`, action: res.status === 412 ? 'unchanged' : 'created' };
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

async function ensureSecurity(conn: CouchConnection, db: string, scope: DbScope): Promise<Change> {
  const what = `${db}/_security`;
  const wanted = securityFor(scope);
  const current = await expect(conn, `GET ${what}`, [200], 'GET', `${pathOf(db)}/_security`);
  if (sameJson(current.body, wanted)) return { what, action: 'unchanged' };
  await expect(conn, `PUT ${what}`, [200, 201], 'PUT', `${pathOf(db)}/_security`, wanted);
  return { what, action: 'updated' };
}

async function ensureDatabase(conn: CouchConnection, db: string, scope: DbScope): Promise<Change[]> {
  return [await ensureDb(conn, db), await ensureSecurity(conn, db, scope), await ensureDoc(conn, db, { ...designDoc(scope) })];
}

/** What `setup` is told: the community (its name is needed the first time) and the browser origins it allows. */
export interface SetupSpec {
  community: string;
  communityName?: string;
  /** Origins of the app served to browsers (the council's web page), besides the desktop app's own. */
  webOrigins?: readonly string[];
}

/** The names of a community, or a usage error for an invalid code. */
export function namesOf(community: string): CommunityNames {
  if (!isCode(community)) throw errors.invalidCommunity(community);
  return communityNames(community);
}

/**
 * `setup`: the server's settings for the app (CORS, a login for everything, size limits), the system databases, then
 * the community's central database with its security, design document and community document.
 */
export async function setup(conn: CouchConnection, spec: SetupSpec): Promise<Change[]> {
  const names = namesOf(spec.community);
  const changes = await configureServer(conn, await serverKind(conn), spec.webOrigins ?? []);
  // CouchDB 3 creates neither on a fresh single node; pouchdb-server has both already (412 then).
  for (const db of ['_users', '_replicator']) changes.push(await ensureDb(conn, db));
  const current = await readCommunity(conn, spec.community);
  const name = spec.communityName?.trim() ?? current?.name;
  if (name === undefined) throw errors.communityNameNeeded(spec.community);
  if (name === '' || name.length > 200) throw errors.invalidName();
  changes.push(...(await ensureDatabase(conn, names.centralDb, { kind: 'central', community: names.code })));
  const doc: CommunityDoc = { _id: communityDocId(names.code), type: 'community', code: names.code, name };
  changes.push(await ensureDoc(conn, names.centralDb, { ...doc }));
  // Every user reads the community's name from their own database at login.
  for (const village of await listVillages(conn, names.code)) {
    changes.push(await ensureDoc(conn, names.villageDb(village.code), { ...doc }));
  }
  return changes;
}

/** The community document of the community's central database, or null before `setup` made it. */
export async function readCommunity(conn: CouchConnection, community: string): Promise<CommunityDoc | null> {
  const names = namesOf(community);
  const res = await request<CommunityDoc>(conn, 'GET', pathOf(names.centralDb, communityDocId(names.code)));
  if (res.status === 404) return null;
  if (res.status !== 200) throw errors.serverError(`GET ${names.centralDb}`, res.status, 'reading the community');
  const { _rev, ...stored } = res.body;
  return stored;
}

/** The community document, or an error telling the admin to run `setup` first. */
async function requireCommunity(conn: CouchConnection, community: string): Promise<CommunityDoc> {
  const doc = await readCommunity(conn, community);
  if (!doc) throw errors.unknownCommunity(community);
  return doc;
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
 * `add-village`: the village's database (security, design document, the community document), its entry in the central
 * registry and the two continuous replications. The community must have been set up (`setup --community`).
 */
export async function addVillage(conn: CouchConnection, community: string, code: string, name: string): Promise<Change[]> {
  const names = namesOf(community);
  checkVillageCode(code);
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw errors.invalidName();
  const communityDoc = await requireCommunity(conn, names.code);
  const db = names.villageDb(code);
  const kind = await serverKind(conn);
  // On pouchdb-server the job runs inside the server as this admin (see `endpoint`).
  const runAs = kind === 'pouchdb-server' ? { user_ctx: { name: conn.user, roles: ['_admin'] } } : {};
  const changes = await ensureDatabase(conn, db, { kind: 'village', community: names.code, code });
  changes.push(await ensureDoc(conn, db, { ...communityDoc }));
  const registry: VillageRegistryDoc = { _id: villageDocId(code), type: 'village', code, name: trimmed };
  changes.push(await ensureDoc(conn, names.centralDb, { ...registry }));
  changes.push(
    await ensureReplication(
      conn,
      kind,
      replicationDoc(names.toCentralReplicationId(code), {
        source: endpoint(conn, kind, db),
        target: endpoint(conn, kind, names.centralDb),
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
      replicationDoc(names.toVillageReplicationId(code), {
        source: endpoint(conn, kind, names.centralDb),
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

/** The villages in the community's central registry, by code. */
export function listVillages(conn: CouchConnection, community: string): Promise<VillageRegistryDoc[]> {
  return docsByPrefix<VillageRegistryDoc>(conn, namesOf(community).centralDb, ID_PREFIX.village);
}

/** The roles `add-user` may give. */
export type UserRole = 'starosta' | 'clerk' | 'central';

/** A user to create or update. */
export interface UserSpec {
  name: string;
  password: string;
  role: UserRole;
  village?: string;
}

/**
 * The `_users` roles of a user: a village user gets the village's role and the starosta's or the clerk's; council staff
 * get the central role. All carry the community's code.
 */
export function rolesOf(names: CommunityNames, spec: Pick<UserSpec, 'role' | 'village'>): string[] {
  if (spec.role === 'central') return [names.centralRole];
  return [names.villageRole(spec.village ?? ''), spec.role === 'starosta' ? names.starostaRole : names.clerkRole];
}

/**
 * `add-user`: creates the `_users` document or updates its roles and password, then waits until the server takes the
 * password. A name already used by another community on this server is refused: `_users` is shared by the whole server,
 * and taking the account over would hand one community's login to another.
 */
export async function addUser(conn: CouchConnection, community: string, spec: UserSpec): Promise<Change> {
  const names = namesOf(community);
  if (spec.name === '' || spec.name.length > 100 || spec.name.includes(':') || spec.name.startsWith('_')) {
    throw errors.invalidUser(spec.name);
  }
  if (spec.password.length < 8) throw errors.weakPassword();
  await requireCommunity(conn, names.code);
  if (spec.role !== 'central') {
    if (spec.village === undefined)
      throw errors.usage('Для користувача села потрібен --village <код>', 'A village user needs --village <code>');
    checkVillageCode(spec.village);
    const known = await request(conn, 'GET', pathOf(names.centralDb, villageDocId(spec.village)));
    if (known.status !== 200) throw errors.unknownVillage(spec.village);
  } else if (spec.village !== undefined) {
    throw errors.usage('Користувач центрального офісу не має --village', 'A central user takes no --village');
  }
  const id = `org.couchdb.user:${spec.name}`;
  const what = `_users/${id}`;
  const current = await expect<Doc & { roles?: string[] }>(conn, `GET ${what}`, [200, 404], 'GET', pathOf('_users', id));
  const doc = { _id: id, type: 'user', name: spec.name, roles: rolesOf(names, spec), password: spec.password };
  let action: Change['action'] = 'created';
  if (current.status === 200) {
    const other = otherCommunity(current.body.roles ?? [], names.code);
    if (other) throw errors.userOfOtherCommunity(spec.name, other);
    // Always written: the password may have changed and CouchDB stores only its hash, so it cannot be compared.
    await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_users', id), { ...doc, _rev: current.body._rev });
    action = 'updated';
  } else {
    await expect(conn, `PUT ${what}`, [201, 202], 'PUT', pathOf('_users', id), doc);
  }
  await waitForPassword(conn, spec.name, spec.password);
  return { what, action };
}

/** The community another Open Village role of these roles belongs to, if any. */
function otherCommunity(roles: readonly string[], community: string): string | null {
  for (const role of roles) {
    const m = /^ov:([^:]+):/.exec(role);
    if (m?.[1] && m[1] !== community) return m[1];
  }
  return null;
}

// CouchDB keeps users in an authentication cache that follows `_users` a moment later: for that moment the old password
// still works and the new one is refused. Each refusal counts toward the lockout (5 failures lock the account for
// 5 minutes), so the check is tried a few times only, further apart each time.
const PASSWORD_CHECK_DELAYS_MS = [50, 250, 1000, 3000];

async function waitForPassword(conn: CouchConnection, name: string, password: string): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
  for (const delay of PASSWORD_CHECK_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const res = await fetch(`${conn.base}/_session`, {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as { userCtx?: { name?: string | null } } | null;
    if (res.status === 200 && body?.userCtx?.name === name) return;
  }
  throw errors.passwordNotTaken(name);
}
