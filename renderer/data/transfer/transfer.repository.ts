/**
 * Reads and writes the records a backup or transfer file carries, generically over the database's data collections:
 * every collection in DATA_COLLECTIONS, with its RxDB attachments (as base64) where its schema declares them. Data
 * collections have the primary key `id` and are write-once (docs/architecture.md): the same id is the same record, so an import
 * inserts only the ids not yet present and a second import of the same file changes nothing.
 */
import type { RxCollection } from 'rxdb';
import type { TransferDoc } from '../../../shared/transfer/format';

/**
 * The collections a backup carries, in the order they are written back. The `files` collection (scans with their bytes
 * as the attachment `data`) joins this list when it lands; nothing else here needs to change for it.
 */
export const DATA_COLLECTIONS: readonly string[] = ['appeals', 'events', 'files'];

const PAGE = 1000;

/** Any RxDB database: the app's, or a test's with a collection that has attachments. */
export interface RecordsDatabase {
  readonly collections: object;
}

function collectionOf(db: RecordsDatabase, name: string): RxCollection {
  const collection = (db.collections as Record<string, RxCollection | undefined>)[name];
  if (!collection) throw new Error(`no collection ${name}`);
  return collection;
}

function hasAttachments(collection: RxCollection): boolean {
  return collection.schema.jsonSchema.attachments !== undefined;
}

/** The schema version of each collection, written into a file's header. */
export function schemaVersions(db: RecordsDatabase, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, collectionOf(db, n).schema.version]));
}

/** All records of the collections (only one village's when `villageId` is given), attachments as base64. */
export async function readRecords(
  db: RecordsDatabase,
  names: readonly string[],
  villageId: string | null,
): Promise<Record<string, TransferDoc[]>> {
  const out: Record<string, TransferDoc[]> = {};
  for (const name of names) {
    const collection = collectionOf(db, name);
    const docs: TransferDoc[] = [];
    let lastId = '';
    for (;;) {
      // Pages by primary key only, the village filtered here: a selector on villageId could lead the query planner to
      // an index that must be read whole and re-sorted for every page.
      const page = await collection.find({ selector: { id: { $gt: lastId } }, sort: [{ id: 'asc' }], limit: PAGE }).exec();
      for (const doc of page) {
        if (villageId && doc.get('villageId') !== villageId) continue;
        const data = doc.toMutableJSON() as TransferDoc;
        if (hasAttachments(collection)) {
          const attachments: NonNullable<TransferDoc['_attachments']> = {};
          for (const att of doc.allAttachments()) attachments[att.id] = { type: att.type, data: await att.getDataBase64() };
          if (Object.keys(attachments).length > 0) data._attachments = attachments;
        }
        docs.push(data);
      }
      if (page.length < PAGE) break;
      lastId = String(page[page.length - 1]?.primary);
    }
    out[name] = docs;
  }
  return out;
}

/** The ids among `docs` that a collection already holds. */
export async function presentIds(db: RecordsDatabase, name: string, ids: readonly string[]): Promise<Set<string>> {
  const found = await collectionOf(db, name)
    .findByIds([...ids])
    .exec();
  return new Set(found.keys());
}

function blobOf(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * Inserts records not yet present, each with its attachments in the same write (RxDB's inline attachments), so a
 * record never lands without its bytes. Returns the records inserted; throws when the storage refuses one.
 */
export async function insertNew(db: RecordsDatabase, name: string, docs: readonly TransferDoc[]): Promise<TransferDoc[]> {
  if (docs.length === 0) return [];
  const collection = collectionOf(db, name);
  const present = await presentIds(
    db,
    name,
    docs.map((d) => d.id),
  );
  const fresh = docs.filter((d) => !present.has(d.id));
  for (let i = 0; i < fresh.length; i += PAGE) {
    const slice = fresh.slice(i, i + PAGE).map(({ _attachments, ...data }) =>
      _attachments
        ? {
            ...data,
            _attachments: Object.entries(_attachments).map(([id, a]) => ({ id, type: a.type, data: blobOf(a.data, a.type) })),
          }
        : data,
    );
    const result = await collection.bulkInsert(slice as never[]);
    // A 409 means the record arrived meanwhile (sync): the same id is the same record, so that is not a failure.
    const failed = result.error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${name}: ${failed.length} records not written (${failed[0]?.status})`);
  }
  return fresh;
}

/**
 * Outbox rows for imported records that this PC will send itself, so the status bar counts them as waiting until the
 * server confirms them (a record the server already has comes back as a conflict, which counts as sent).
 */
export async function queueForSending(db: RecordsDatabase, name: string, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  const outbox = collectionOf(db, 'outbox');
  await outbox.bulkUpsert(ids.map((docId) => ({ key: `${name}:${docId}`, target: name, docId, state: 'waiting', at })));
}
