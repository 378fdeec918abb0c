/** Fresh RxDB databases for data-layer tests: Dexie on fake-indexeddb for small cases, RxDB memory storage for volume. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { type Projection, type ProjectionOptions, startProjection } from '../../../renderer/data/projection';
import { testKey } from './test-key';

let counter = 0;

/** The register projections of the databases the helper opened, as the app starts one with its database. */
const projections = new WeakMap<AppDatabase, Projection>();

/**
 * Waits until the register rows follow every write made so far (the projection refreshes them a moment after a write).
 * A database opened without its projection has nothing to wait for.
 */
export async function settled(db: AppDatabase): Promise<void> {
  await projections.get(db)?.settled();
}

/** A database name no other test uses (RxDB names: lowercase letters, digits, underscores). */
export function uniqueDbName(prefix = 'ovtest'): string {
  counter++;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

export type StorageKind = 'dexie' | 'memory';

function storageOf(kind: StorageKind): RxStorage<unknown, unknown> {
  return (kind === 'dexie' ? getRxStorageDexie({ indexedDB, IDBKeyRange }) : getRxStorageMemory()) as RxStorage<unknown, unknown>;
}

/**
 * Opens databases and removes every one of them at the end of the test. RxDB's free build allows 13 open collections
 * per process and our database has 5 (two open at a time at most), so a test that left its databases open would break
 * the tests after it.
 */
export class TestDatabases {
  private readonly open: { db: AppDatabase; kind: StorageKind }[] = [];

  /**
   * Opens a database with its register projection running, as the app does (`projection: false`: without one, for
   * tests of the rebuild or of the projection itself). The projection stops when the database closes.
   */
  async create(kind: StorageKind = 'dexie', options: { projection?: ProjectionOptions | false } = {}): Promise<AppDatabase> {
    const db = await openDatabase({ name: uniqueDbName(), storage: storageOf(kind), key: await testKey() });
    this.open.push({ db, kind });
    if (options.projection !== false) projections.set(db, startProjection(db, options.projection));
    return db;
  }

  /**
   * Closes every database this instance opened, which gives their collections back to RxDB's count. Memory databases
   * are removed (5,000 appeals are worth freeing); fake-indexeddb ones are only closed, because removing one takes
   * ~0.5 s against ~0.2 s for a close, and their names are never reused.
   */
  async removeAll(): Promise<void> {
    const dbs = this.open.splice(0);
    await Promise.all(
      dbs.map(({ db, kind }) => {
        if (db.closed) return Promise.resolve();
        return kind === 'memory' ? db.remove() : db.close();
      }),
    );
  }
}

/**
 * Counts of every collection, to check that a refused write wrote nothing (the outbox included: nothing to send), once
 * the register rows have followed the writes.
 */
export async function counts(db: AppDatabase): Promise<{ appeals: number; events: number; register: number; outbox: number }> {
  await settled(db);
  const [appeals, events, register, outbox] = await Promise.all([
    db.appeals.count().exec(),
    db.events.count().exec(),
    db.register.count().exec(),
    db.outbox.count().exec(),
  ]);
  return { appeals, events, register, outbox };
}
