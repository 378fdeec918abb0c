import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import type { AppDatabase } from '../database';
import { newId } from '../ids';
import type { SyncedCollection } from './couch-docs';

/**
 * What the pull asks the server for: only the records this PC lacks. CouchDB never compresses its answers, so on a
 * village link every kilobyte down costs about 31 ms; pulling back the records this PC pushed itself was most of the
 * traffic of a sync. Each app database has a random id of its own (`pc`), which the push writes into every record's
 * server copy; the changes feed is filtered on the server (`filter=_selector`, native Mango, no JavaScript) to the
 * kinds a pull reads, minus the records with this PC's id. A record is never deleted from the local database, so what this PC pushed is always
 * here; a new or restored PC has a new id and pulls everything. Records that reach the server by another PC (the
 * council pushing a village's transfer file) come back once, and ingest finds them already held.
 */

const PC_ID = 'sync-pc';

/** This app database's id, made on first use; never in a backup (local documents are not), so a restore gets its own. */
export async function loadPcId(db: AppDatabase): Promise<string> {
  const doc = await db.getLocal<{ id: string }>(PC_ID);
  const id = doc ? (doc.toJSON().data as { id?: unknown }).id : null;
  if (typeof id === 'string' && id.length > 0) return id;
  const fresh = newId();
  await db.upsertLocal(PC_ID, { id: fresh });
  return fresh;
}

/** A Mango selector, as CouchDB's `_changes?filter=_selector` takes it. */
export type Selector = Record<string, unknown>;

/** The `_id` prefixes each pull reads: events also carry the files' metadata (their bytes are fetched on demand). */
const KINDS: Record<SyncedCollection, string> = { appeals: '^appeal:', events: '^(event|file):' };

/**
 * Not this PC's own push: written by another PC, or without the field (written before it existed, or by an admin),
 * or showing a revision other than the one every record has (record-revision.ts) — a longer branch a server admin
 * grafted, which this PC must see to compare with the original it holds and raise the tamper alarm.
 */
const notMine = (pc: string) => ({
  $or: [{ pc: { $ne: pc } }, { pc: { $exists: false } }, { _rev: { $ne: RECORD_REVISION } }],
});

/** The selector of one collection's pull. */
export function pullSelector(collection: SyncedCollection, pc: string): Selector {
  return { _id: { $regex: KINDS[collection] }, ...notMine(pc) };
}

/** The selector of the long poll that wakes both pulls: any record either would read. */
export function pollSelector(pc: string): Selector {
  return { _id: { $regex: '^(appeal|event|file):' }, ...notMine(pc) };
}
