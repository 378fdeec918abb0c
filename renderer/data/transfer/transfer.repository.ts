/**
 * Reads and writes the records a backup or transfer file carries, generically over the database's data collections:
 * every collection in DATA_COLLECTIONS, with its RxDB attachments (as base64) where its schema declares them. Data
 * collections have the primary key `id` and are write-once (docs/architecture.md): the same id is the same record, so an import
 * inserts only the ids not yet present and a second import of the same file changes nothing.
 */
import { type RxCollection, type RxDocument, uncacheRxQuery } from 'rxdb';
import type { TransferDoc } from '../../../shared/transfer/format';

/**
 * The collections a backup carries, in the order they are written back. The `files` collection (scans with their bytes
 * as the attachment `data`) joins this list when it lands; nothing else here needs to change for it.
 */
export const DATA_COLLECTIONS: readonly string[] = ['appeals', 'events', 'files'];

/** Records per insert. */
const PAGE = 1000;
/**
 * Records per read when a file is made: RxDB's cost per query is what a larger page saves (20,000 appeals in
 * Chromium: ~6.8 s in pages of 1,000, ~3.6 s in pages of 5,000, the same as one query for all), and 5,000 records are
 * still only a few MB.
 */
const READ_PAGE = 5000;
/** Records per read in a collection with attachments: each may carry scans of several MB. */
const ATTACHMENTS_PAGE = 20;

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

/** Records of all the collections, for the progress shown while they are read. */
export async function countRecords(db: RecordsDatabase, names: readonly string[]): Promise<number> {
  let total = 0;
  for (const name of names) total += await collectionOf(db, name).count().exec();
  return total;
}

/** One page of a collection as read: the records kept, and how many were read to find them. */
export interface RecordPage {
  docs: TransferDoc[];
  read: number;
}

/**
 * The field a collection's pages follow, besides the primary key: RxDB's query planner serves a page sorted by `id`
 * from an index only if one is `[_deleted, id]` (the appeals'); events and files have `[_deleted, appealId, id]`, and
 * a page by `id` alone then reads and sorts the whole collection, every page (at 150,000 appeals, minutes per backup
 * growing with the square of the register). Paging by the index's own order reads each record once. Null: by `id`.
 */
function pagingField(collection: RxCollection): string | null {
  const primary = collection.schema.primaryPath as string;
  const fits = collection.schema.indexes
    .filter((index) => index[0] === '_deleted' && index.at(-1) === primary && index.length <= 3)
    .sort((a, b) => a.length - b.length)[0];
  return fits?.length === 3 ? (fits[1] as string) : null;
}

/**
 * A collection's records page by page (attachments as base64), those `keep` refuses left out: a whole register is never
 * held at once, only the page a file is being written from.
 */
export async function* readPages(
  db: RecordsDatabase,
  name: string,
  keep: ((doc: Record<string, unknown>) => boolean) | null,
  pageSize?: number,
): AsyncGenerator<RecordPage> {
  const collection = collectionOf(db, name);
  const size = pageSize ?? (hasAttachments(collection) ? ATTACHMENTS_PAGE : READ_PAGE);
  const field = pagingField(collection);
  const sort = [...(field ? [{ [field]: 'asc' as const }] : []), { id: 'asc' as const }];
  /** The last record read, and how many records read so far share its `field` value (they start the next page). */
  let last: { key: unknown; id: string } | null = null;
  let sameKey = 0;
  for (;;) {
    // The village is filtered here, not in the selector: one on villageId could lead the planner to another index.
    const selector = !last ? {} : field ? { [field]: { $gte: last.key } } : { id: { $gt: last.id } };
    const query = collection.find({ selector, sort, limit: size + sameKey });
    const found: RxDocument[] = await query.exec();
    // RxDB keeps up to 100 queries with their results in its query cache: without this, a backup's pages would keep
    // the whole register in memory (2.7 GB for the renderer at 150,000 appeals).
    uncacheRxQuery(collection._queryCache, query);
    const before: { key: unknown; id: string } | null = last;
    const page: RxDocument[] =
      field && before ? found.filter((d) => d.get(field) !== before.key || String(d.primary) > before.id) : found;
    const docs: TransferDoc[] = [];
    for (const doc of page) {
      const data = doc.toMutableJSON() as TransferDoc;
      if (keep && !keep(data)) continue;
      if (hasAttachments(collection)) {
        const attachments: NonNullable<TransferDoc['_attachments']> = {};
        for (const att of doc.allAttachments()) attachments[att.id] = { type: att.type, data: await att.getDataBase64() };
        if (Object.keys(attachments).length > 0) data._attachments = attachments;
      }
      docs.push(data);
    }
    yield { docs, read: page.length };
    const tail: RxDocument | undefined = page.at(-1);
    if (found.length < size + sameKey || !tail) return;
    last = { key: field ? tail.get(field) : null, id: String(tail.primary) };
    const key = last.key;
    sameKey = field ? found.filter((d) => d.get(field) === key).length : 0;
  }
}

/** All records of the collections (only one village's when `villageId` is given), attachments as base64. */
export async function readRecords(
  db: RecordsDatabase,
  names: readonly string[],
  villageId: string | null,
): Promise<Record<string, TransferDoc[]>> {
  const out: Record<string, TransferDoc[]> = {};
  for (const name of names) {
    const docs: TransferDoc[] = [];
    for await (const page of readPages(db, name, villageId ? (d) => d.villageId === villageId : null)) docs.push(...page.docs);
    out[name] = docs;
  }
  return out;
}

/** The ids among `docs` that a collection already holds. */
export async function presentIds(db: RecordsDatabase, name: string, ids: readonly string[]): Promise<Set<string>> {
  const collection = collectionOf(db, name);
  const query = collection.findByIds([...ids]);
  const found = await query.exec();
  // A page's ids are asked once: the query cache would only hold on to its results (see readPages).
  uncacheRxQuery(collection._queryCache, query);
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
