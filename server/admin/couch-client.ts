/**
 * A minimal CouchDB HTTP client for the admin command: admin credentials from COUCHDB_URL only, every answer checked,
 * every failure turned into an AdminError with words for people.
 */
import { errors } from './errors';

/** Where CouchDB is and how the admin command authenticates to it. */
export interface CouchConnection {
  /** Base address without credentials, e.g. `http://127.0.0.1:5984`, for messages. */
  base: string;
  /** Base address with the admin credentials, for `_replicator` documents (the server reaches itself with it). */
  replicationBase: string;
  user: string;
  authorization: string;
}

/** An HTTP answer: status and parsed JSON body (or `null` when the body is not JSON). */
export interface CouchResponse<T = unknown> {
  status: number;
  body: T;
}

const TIMEOUT_MS = 15_000;

function parseBase(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.badUrl();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw errors.badUrl();
  return url;
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href.replace(/\/+$/, '');
}

/**
 * Reads the connection from the environment: `COUCHDB_URL` (required, with admin credentials) and optionally
 * `COUCHDB_REPLICATION_URL`, the address the server uses to reach itself in `_replicator` documents when the admin
 * runs the command through a public address (e.g. `http://admin:pass@127.0.0.1:5984` behind a reverse proxy).
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv): CouchConnection {
  const raw = env.COUCHDB_URL;
  if (raw === undefined || raw.trim() === '') throw errors.missingUrl();
  const url = parseBase(raw.trim());
  if (url.username === '' || url.password === '') throw errors.noCredentials();
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const replication = env.COUCHDB_REPLICATION_URL?.trim() ? parseBase(env.COUCHDB_REPLICATION_URL.trim()) : url;
  if (replication.username === '') {
    replication.username = url.username;
    replication.password = url.password;
  }
  return {
    base: withoutCredentials(url),
    replicationBase: replication.href.replace(/\/+$/, ''),
    user,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer in ${TIMEOUT_MS / 1000} s`;
  return error instanceof Error ? error.message : String(error);
}

/** Sends one request; network failures become `unreachable`, a 401 becomes `wrong-credentials`. */
export async function request<T = unknown>(
  conn: CouchConnection,
  method: string,
  path: string,
  body?: unknown,
  options: { anonymous?: boolean } = {},
): Promise<CouchResponse<T>> {
  let response: Response;
  try {
    response = await fetch(`${conn.base}${path}`, {
      method,
      headers: {
        ...(options.anonymous ? {} : { authorization: conn.authorization }),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw errors.unreachable(conn.base, describeNetworkError(error));
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: the caller decides (the root check reports "not CouchDB").
    parsed = null;
  }
  if (response.status === 401 && !options.anonymous) throw errors.wrongCredentials();
  return { status: response.status, body: parsed as T };
}

/** Like `request`, but any status outside `ok` is a `server-error` naming what was attempted. */
export async function expect<T = unknown>(
  conn: CouchConnection,
  what: string,
  ok: readonly number[],
  method: string,
  path: string,
  body?: unknown,
): Promise<CouchResponse<T>> {
  const res = await request<T>(conn, method, path, body);
  if (!ok.includes(res.status)) {
    const b = res.body as { error?: string; reason?: string } | null;
    throw errors.serverError(what, res.status, b ? `${b.error ?? ''} ${b.reason ?? ''}`.trim() : 'no JSON body');
  }
  return res;
}

/** The kind of server behind the address, as its root document tells. */
export type ServerKind = 'couchdb' | 'pouchdb-server';

/** The kind of server a root document (`GET /`) shows, or null for anything else. */
export function kindOfRoot(body: unknown): ServerKind | null {
  if (!body || typeof body !== 'object') return null;
  const root = body as Record<string, unknown>;
  if (root.couchdb === 'Welcome') return 'couchdb';
  return typeof root['express-pouchdb'] === 'string' ? 'pouchdb-server' : null;
}

/** The kind of server, from its root document (call after `verifyServer`). */
export async function serverKind(conn: CouchConnection): Promise<ServerKind> {
  const root = await request(conn, 'GET', '/');
  const kind = kindOfRoot(root.body);
  if (root.status !== 200 || kind === null) throw errors.notCouchDb(conn.base);
  return kind;
}

/**
 * Checks that the address is CouchDB (or pouchdb-server) and that the credentials are a server admin's. Order matters:
 * an unreachable address, then something that is not CouchDB, then wrong credentials, then a user who is not an admin.
 */
export async function verifyServer(conn: CouchConnection): Promise<ServerKind> {
  // The root is asked without credentials first: both servers answer a wrong password with 401 even there.
  let root = await request<Record<string, unknown> | null>(conn, 'GET', '/', undefined, { anonymous: true });
  const isCouchLogin = root.status === 401 && root.body !== null && (root.body as { error?: unknown }).error === 'unauthorized';
  // CouchDB with require_valid_user answers its JSON 401 to everyone; then the credentials decide.
  if (isCouchLogin) root = await request(conn, 'GET', '/');
  const kind = kindOfRoot(root.body);
  if (root.status !== 200 || kind === null) throw errors.notCouchDb(conn.base);
  const session = await request<{ userCtx?: { name: string | null; roles: string[] } }>(conn, 'GET', '/_session');
  const ctx = session.body?.userCtx;
  // CouchDB answers 200 with name null for a basic-auth header it does not accept on some versions; count that as wrong.
  if (!ctx || ctx.name === null) throw errors.wrongCredentials();
  if (!ctx.roles.includes('_admin')) throw errors.notAdmin(ctx.name);
  return kind;
}

/** Encodes a database name or document id for a URL path (keeps the `_design/` slash). */
export function pathOf(db: string, id?: string): string {
  const dbPart = `/${encodeURIComponent(db)}`;
  if (id === undefined) return dbPart;
  const idPart = id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
  return `${dbPart}/${idPart}`;
}

/** Rows per `_all_docs` request: small enough for a slow proxy, large enough for 50,000 appeals in ~50 requests. */
const PAGE_SIZE = 1000;

/** Every document whose `_id` starts with `prefix`, page by page (`startkey`/`endkey`, then `skip=1` past the last key). */
export async function docsByPrefix<T>(conn: CouchConnection, db: string, prefix: string, pageSize = PAGE_SIZE): Promise<T[]> {
  const docs: T[] = [];
  let startkey = prefix;
  let skip = 0;
  for (;;) {
    const query = new URLSearchParams({
      startkey: JSON.stringify(startkey),
      endkey: JSON.stringify(`${prefix}\ufff0`),
      include_docs: 'true',
      limit: String(pageSize),
      skip: String(skip),
    });
    const res = await request<{ rows?: { id: string; doc?: T }[] }>(conn, 'GET', `${pathOf(db)}/_all_docs?${query}`);
    // A database not created yet holds nothing.
    if (res.status === 404) return docs;
    if (res.status !== 200) throw errors.serverError(`GET ${db}/_all_docs`, res.status, `reading ${prefix} documents`);
    const rows = res.body.rows ?? [];
    for (const row of rows) if (row.doc) docs.push(row.doc);
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return docs;
    startkey = last.id;
    skip = 1;
  }
}
