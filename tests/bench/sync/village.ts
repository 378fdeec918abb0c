/**
 * A village's register for the benchmark: appeals with two events each, registered through the app's repositories in
 * a memory RxDB (so every record is what the app would write), and the same records in their server form.
 */
import { gzipSync } from 'node:zlib';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { newId } from '../../../renderer/data/ids';
import type { Profile } from '../../../renderer/data/profile.repository';
import { type CouchDoc, toCouch } from '../../../renderer/data/sync/couch-docs';
import { testKey } from '../../helpers/data/test-key';
import { type Registered, registerMany } from '../../helpers/sync/volume';
import type { Payload } from './common';

let opened = 0;

/** An empty app database in memory. Remove it after use: RxDB allows 13 collections per process. */
export async function memoryDatabase(label: string): Promise<AppDatabase> {
  opened += 1;
  return openDatabase({ name: `bench_${label}_${opened}`, storage: getRxStorageMemory() as never, key: await testKey() });
}

/** `appeals` appeals with two events each, registered by the profile's user in a fresh memory database. */
export async function registerVillage(profile: Profile, appeals: number): Promise<{ db: AppDatabase; reg: Registered }> {
  const db = await memoryDatabase(profile.villageCode);
  const reg = await registerMany(db, profile, appeals, () => 2);
  return { db, reg };
}

/**
 * The records of a database as the push writes them to the server (`toCouch`: `_id`, the one revision of the record,
 * and `pc`, the id of the pushing app database; a made-up one of the same length here, since only the push knows it).
 */
export async function serverDocsOf(db: AppDatabase, pc = newId()): Promise<CouchDoc[]> {
  return [
    ...(await db.appeals.find().exec()).map((d) => toCouch('appeals', d.toMutableJSON() as never, pc)),
    ...(await db.events.find().exec()).map((d) => toCouch('events', d.toMutableJSON() as never, pc)),
  ];
}

/** How big the documents are: as JSON one by one, and as one gzip-compressed JSON array. */
export function payloadOf(docs: readonly CouchDoc[]): Payload {
  const json = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
  return { docs: docs.length, json, gzip: gzipSync(JSON.stringify(docs)).length };
}

/** Waits until a local database holds the given numbers of appeals and events; false when the time ran out. */
export async function waitForLocal(
  db: AppDatabase,
  want: { appeals: number; events: number },
  timeoutMs: number,
  progress: (held: { appeals: number; events: number }) => void,
  pollMs = 500,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held = { appeals: await db.appeals.count().exec(), events: await db.events.count().exec() };
    progress(held);
    if (held.appeals >= want.appeals && held.events >= want.events) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
