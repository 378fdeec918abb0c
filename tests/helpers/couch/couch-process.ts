/**
 * An Apache CouchDB 3.4.3 process of a test's own, from the prebuilt release (`../shared/couchdb` beside the
 * repository, or OV_COUCHDB_DIST): for the tests that need a server nobody else touches — a stock one exactly as a
 * council installs it (CORS off, no login required, CouchDB's own limits), or one to kill and start again on the same
 * data. The run's shared server comes from global-couch.ts instead, and other files run `setup` on it at any moment.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../server/embedded/pouchdb-process';

const run = promisify(execFile);

/** Where the CouchDB release and its `start`/`stop` scripts are. */
export const COUCHDB_DIST = resolve(process.env.OV_COUCHDB_DIST ?? join(import.meta.dirname, '../../../../shared/couchdb'));

/** True when the release is there to start servers from. */
export function hasCouchDist(): boolean {
  return existsSync(join(COUCHDB_DIST, 'start'));
}

/** A running (or stopped) server of the test's own. */
export interface CouchProcess {
  /** Base address without credentials. */
  readonly url: string;
  /** Base address with the server admin's credentials. */
  readonly adminUrl: string;
  /** Kills the server at once (SIGKILL), as a power cut would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, data and admin. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
}

/** Starts a fresh stock CouchDB on a free port with its data in a temporary folder. */
export async function startCouchProcess(): Promise<CouchProcess> {
  if (!hasCouchDist()) throw new Error(`no CouchDB release at ${COUCHDB_DIST} (set OV_COUCHDB_DIST)`);
  const dir = await mkdtemp(join(tmpdir(), 'ov-own-couchdb-'));
  const port = await freePort();
  const password = `pw${Math.random().toString(36).slice(2, 14)}`;
  const start = async (fresh: boolean) => {
    const args = ['--port', String(port), '--dir', dir, '--password', password, ...(fresh ? ['--fresh'] : [])];
    await run(join(COUCHDB_DIST, 'start'), args);
  };
  try {
    await start(true);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    adminUrl: `http://admin:${password}@127.0.0.1:${port}`,
    kill: async () => {
      const pid = Number(readFileSync(join(dir, 'couchdb.pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    },
    start: () => start(false),
    remove: async () => {
      await run(join(COUCHDB_DIST, 'stop'), [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: the process is gone.
    return false;
  }
}
