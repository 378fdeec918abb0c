/**
 * Vitest global setup: the Apache CouchDB that the integration and end-to-end suites run against, one per test run.
 * `COUCHDB_URL` (a server admin's address) wins; otherwise a fresh CouchDB 3.4.3 is started from the team's
 * prebuilt release (`../shared/couchdb` beside the repository, or `OV_COUCHDB_DIST`) on a free port, and stopped at
 * the end. Each test file then works in a community of its own on it (test-couch.ts), so files run in parallel.
 * It says which server it used, and fails loudly when there is none: a suite never falls back to a double in silence.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../server/embedded/pouchdb-process';
import { COUCHDB_DIST as dist } from './couch-process';

async function serverVersion(url: string): Promise<string> {
  const u = new URL(url);
  const authorization = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  u.username = '';
  u.password = '';
  const res = await fetch(u, { headers: { authorization }, signal: AbortSignal.timeout(10_000) });
  const root = (await res.json()) as { couchdb?: string; version?: string; 'express-pouchdb'?: string };
  if (root.couchdb === 'Welcome' && root.version) return `Apache CouchDB ${root.version}`;
  return root['express-pouchdb'] ? `pouchdb-server (express-pouchdb ${root['express-pouchdb']})` : 'an unknown server';
}

function redacted(url: string): string {
  const u = new URL(url);
  u.password = u.password ? '***' : '';
  return u.href.replace(/\/$/, '');
}

export default async function globalCouch(): Promise<() => void> {
  const given = process.env.COUCHDB_URL?.trim();
  // Both suites name this setup; the second one finds the server the first started.
  if (given && process.env.OV_TEST_COUCHDB_DIR) return () => {};
  if (given) {
    console.log(`[couchdb] suites run against ${await serverVersion(given)} at ${redacted(given)} (COUCHDB_URL)`);
    return () => {};
  }
  if (!existsSync(join(dist, 'start'))) {
    throw new Error(
      `No CouchDB for the integration and end-to-end suites: set COUCHDB_URL=http://admin:password@host:5984 to an ` +
        `Apache CouchDB 3 server, or put its prebuilt release at ${dist} (OV_COUCHDB_DIST)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ov-test-couchdb-'));
  const port = await freePort();
  const out = execFileSync(join(dist, 'start'), ['--port', String(port), '--dir', dir, '--fresh'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = /^COUCHDB_URL=(.+)$/m.exec(out)?.[1];
  if (!url) throw new Error(`${dist}/start printed no COUCHDB_URL`);
  const stop = () => {
    execFileSync(join(dist, 'stop'), [dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  };
  let version: string;
  try {
    version = await serverVersion(url);
  } catch (error) {
    stop();
    throw error;
  }
  // Workers start after this and inherit the environment.
  process.env.COUCHDB_URL = url;
  process.env.OV_TEST_COUCHDB_DIR = dir;
  console.log(`[couchdb] suites run against ${version} at ${redacted(url)} (started from ${dist})`);
  return stop;
}
