/**
 * A CouchDB for integration tests: a pouchdb-server process on a free port of 127.0.0.1 with a temporary data dir, or,
 * when `COUCHDB_URL=http://admin:pass@host:5984` is set, that server (a real Apache CouchDB) and no process at all.
 * Tests get fresh databases by using fresh village codes and user names (`uniqueCode`), and remove them afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CouchConnection, connectionFromEnv, request } from '../../../server/admin/couch-client';
import { freePort, type PouchServer, startPouchServer } from '../../../server/embedded/pouchdb-process';
import {
  CENTRAL_DB,
  toCentralReplicationId,
  toVillageReplicationId,
  villageDbName,
  villageDocId,
} from '../../../shared/couch/names';

/**
 * True when the suite runs against the server in COUCHDB_URL (a real CouchDB) rather than a spawned pouchdb-server.
 * Known at collection time, so tests for pouchdb-server's known weaknesses are defined only where they apply.
 */
export const isExternalCouch = Boolean(process.env.COUCHDB_URL);

/** A server for one test file. */
export interface TestCouch {
  /** Base address without credentials. */
  url: string;
  /** Base address with the admin's credentials (what COUCHDB_URL holds for the admin command). */
  adminUrl: string;
  conn: CouchConnection;
  stop: () => Promise<void>;
}

/** Starts pouchdb-server (in memory, so each file starts empty and fast) or connects to COUCHDB_URL. */
export async function startTestCouch(): Promise<TestCouch> {
  if (isExternalCouch) {
    const adminUrl = (process.env.COUCHDB_URL ?? '').replace(/\/+$/, '');
    const conn = connectionFromEnv({ COUCHDB_URL: adminUrl });
    return { url: conn.base, adminUrl, conn, stop: async () => {} };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ov-couch-'));
  let stderr = '';
  let server: PouchServer;
  try {
    server = await startPouchServer({
      port: await freePort(),
      dataDir,
      adminUser: 'admin',
      adminPassword: 'test-admin-pass',
      inMemory: true,
      onStderr: (text) => {
        stderr += text;
      },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`pouchdb-server did not start: ${(error as Error).message}\n${stderr}`);
  }
  return {
    url: server.url,
    adminUrl: server.adminUrl,
    conn: connectionFromEnv({ COUCHDB_URL: server.adminUrl }),
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
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

/**
 * Removes what `add-village` created for `code` (replications first, so they stop), and the users given. Only on an
 * external CouchDB: deleting a running `_replicator` document kills pouchdb-server, whose in-memory data goes with the
 * process at the end of the file anyway.
 */
export async function removeVillage(conn: CouchConnection, code: string, users: readonly string[] = []): Promise<void> {
  if (!isExternalCouch) return;
  for (const id of [toCentralReplicationId(code), toVillageReplicationId(code)]) {
    const doc = await request<{ _rev?: string }>(conn, 'GET', `/_replicator/${encodeURIComponent(id)}`);
    if (doc.status === 200) await request(conn, 'DELETE', `/_replicator/${encodeURIComponent(id)}?rev=${doc.body._rev}`);
  }
  await request(conn, 'DELETE', `/${villageDbName(code)}`);
  const entry = await request<{ _rev?: string }>(conn, 'GET', `/${CENTRAL_DB}/${encodeURIComponent(villageDocId(code))}`);
  if (entry.status === 200) {
    await request(conn, 'DELETE', `/${CENTRAL_DB}/${encodeURIComponent(villageDocId(code))}?rev=${entry.body._rev}`);
  }
  for (const name of users) {
    const id = encodeURIComponent(`org.couchdb.user:${name}`);
    const user = await request<{ _rev?: string }>(conn, 'GET', `/_users/${id}`);
    if (user.status === 200) await request(conn, 'DELETE', `/_users/${id}?rev=${user.body._rev}`);
  }
}
