/**
 * The CouchDB of the integration and end-to-end suites: the Apache CouchDB in COUCHDB_URL, started for the run by
 * global-couch.ts. Every test file works in a community of its own (its own databases, roles and replications), so
 * files share one server the way communities share a regional host, and never see each other's data; `stop` removes
 * the community again.
 */
import { type CouchConnection, connectionFromEnv, request } from '../../../server/admin/couch-client';
import { setup } from '../../../server/admin/provision';
import { type CommunityNames, communityNames } from '../../../shared/couch/names';

/** The server and this file's community on it. */
export interface TestCouch {
  /** Base address without credentials. */
  url: string;
  /** Base address with the admin's credentials (what COUCHDB_URL holds for the admin command). */
  adminUrl: string;
  conn: CouchConnection;
  /** The server admin's name and password, for `http()`. */
  admin: { name: string; password: string };
  /** This file's community code. */
  community: string;
  names: CommunityNames;
  /** `setup --community` for this file's community, allowing the given browser origins. */
  setup: (webOrigins?: readonly string[]) => Promise<void>;
  /** Removes the community's databases, replications and users. */
  stop: () => Promise<void>;
}

/** The run's CouchDB (COUCHDB_URL, set by the global setup) with a fresh community for this file. */
export async function startTestCouch(): Promise<TestCouch> {
  const adminUrl = (process.env.COUCHDB_URL ?? '').replace(/\/+$/, '');
  if (!adminUrl)
    throw new Error('COUCHDB_URL is not set: the suites run with the global setup tests/helpers/couch/global-couch.ts');
  return testCouchOn(adminUrl);
}

/** A fresh community on the server at `adminUrl` (a server admin's address). */
export function testCouchOn(adminUrl: string): TestCouch {
  const conn = connectionFromEnv({ COUCHDB_URL: adminUrl });
  const community = uniqueCode('c');
  const parsed = new URL(adminUrl);
  return {
    url: conn.base,
    adminUrl,
    conn,
    admin: { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) },
    community,
    names: communityNames(community),
    setup: async (webOrigins = []) => {
      await setup(conn, { community, communityName: `Громада ${community}`, webOrigins });
    },
    stop: () => removeCommunity(conn, community),
  };
}

let counter = 0;

/** A village code (or user-name part) no other test uses, valid for `isVillageCode`. */
export function uniqueCode(prefix = 't'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`.slice(0, 20);
}

/** An HTTP answer: status and parsed JSON body (or the raw text when it is not JSON). */
export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** A request as a given user (basic auth), or anonymous when `user` is null. */
export async function http<T = unknown>(
  base: string,
  user: { name: string; password: string } | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (user) headers.authorization = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Keep the text: some errors (and non-CouchDB servers) answer with HTML or plain text.
  }
  return { status: res.status, body: parsed as T };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Removes the replications, databases and users of a community (replications first, so they stop). */
export async function removeCommunity(conn: CouchConnection, community: string): Promise<void> {
  const names = communityNames(community);
  const range = (prefix: string) =>
    `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\uffff`))}`;
  const jobs = await request<{ rows?: { id: string; value: { rev: string } }[] }>(
    conn,
    'GET',
    `/_replicator/_all_docs?${range(names.replicationPrefix)}`,
  );
  for (const row of jobs.body.rows ?? []) {
    await request(conn, 'DELETE', `/_replicator/${encodeURIComponent(row.id)}?rev=${row.value.rev}`);
  }
  const dbs = await request<string[]>(conn, 'GET', `/_all_dbs?${range(names.dbPrefix)}`);
  for (const db of dbs.body ?? []) await request(conn, 'DELETE', `/${encodeURIComponent(db)}`);
  const users = await request<{ rows?: { id: string; doc?: { _rev: string; roles?: string[] } }[] }>(
    conn,
    'GET',
    '/_users/_all_docs?include_docs=true',
  );
  for (const row of users.body.rows ?? []) {
    if (!row.doc?.roles?.some((r) => r.startsWith(`ov:${community}:`))) continue;
    await request(conn, 'DELETE', `/_users/${encodeURIComponent(row.id)}?rev=${row.doc._rev}`);
  }
}
