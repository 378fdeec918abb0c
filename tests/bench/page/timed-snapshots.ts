// The app's register snapshot (renderer/data/register-snapshot.ts) as the benchmark watches it: every call goes to the
// app's own SealedSnapshots unchanged, and this only notes when a read or a write starts and ends, so the driver can
// wait for the write that the app's RegisterIndex schedules (WRITE_DELAY_MS after a row-by-row load) and time it.
// Benchmark only; never shipped with the app.

import type { Checkpoint, Snapshot, SnapshotStore } from '../../../renderer/data/register-index';
import type { SealedSnapshots } from '../../../renderer/data/register-snapshot';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';

/** The IndexedDB database and store the app's SealedSnapshots keeps its parts in. */
export const SNAPSHOT_DB = 'open-village-snapshot';
const SNAPSHOT_STORE = 'kv';

export interface SnapshotRead {
  ms: number;
  /** Rows the snapshot held, or null when there was none this key and database could use. */
  rows: number | null;
}

export interface SnapshotWrite {
  /** When the index called `write`, in `performance.now()` ms. */
  startedAt: number;
  /** The app's `SealedSnapshots.write`: the parts sealed one by one, then one IndexedDB transaction. */
  ms: number;
  rows: number;
  error?: string;
}

export class TimedSnapshots implements SnapshotStore {
  readonly reads: SnapshotRead[] = [];
  readonly written: Promise<SnapshotWrite>;
  private resolveWritten: (w: SnapshotWrite) => void = () => {};

  constructor(private readonly inner: SealedSnapshots) {
    this.written = new Promise((resolve) => {
      this.resolveWritten = resolve;
    });
  }

  async read(): Promise<Snapshot | null> {
    const t0 = performance.now();
    const snapshot = await this.inner.read();
    this.reads.push({ ms: performance.now() - t0, rows: snapshot ? snapshot.rows.length : null });
    return snapshot;
  }

  async write(rows: RegisterRow[], checkpoint: Checkpoint): Promise<void> {
    const startedAt = performance.now();
    try {
      await this.inner.write(rows, checkpoint);
      this.resolveWritten({ startedAt, ms: performance.now() - startedAt, rows: rows.length });
    } catch (error) {
      this.resolveWritten({ startedAt, ms: performance.now() - startedAt, rows: rows.length, error: String(error) });
      throw error;
    }
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The parts stored in the app's snapshot database for one register database, as they lie in IndexedDB: how many and
 * their sealed bytes. Does not create the database when it is missing (that would leave it without its store).
 */
export async function storedSnapshot(databaseName: string): Promise<{ parts: number; bytes: number }> {
  if (!(await indexedDB.databases()).some((d) => d.name === SNAPSHOT_DB)) return { parts: 0, bytes: 0 };
  const db = await request(indexedDB.open(SNAPSHOT_DB));
  try {
    if (!db.objectStoreNames.contains(SNAPSHOT_STORE)) return { parts: 0, bytes: 0 };
    const store = db.transaction(SNAPSHOT_STORE, 'readonly').objectStore(SNAPSHOT_STORE);
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    let parts = 0;
    let bytes = 0;
    for (const [i, key] of keys.entries()) {
      if (!String(key).includes(`/${databaseName}/`)) continue;
      const value = values[i] as unknown;
      parts += 1;
      bytes += value instanceof ArrayBuffer ? value.byteLength : 0;
    }
    return { parts, bytes };
  } finally {
    db.close();
  }
}

/** Deletes the app's snapshot database, so the next start loads row by row as the first start after the update does. */
export function removeSnapshots(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(SNAPSHOT_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}
