import type { OutboxRow } from '../../../shared/schema/outbox.schema';
import type { AppDatabase } from '../database';

/** The outbox row of a document just written on this PC. */
export function outboxRow(collection: OutboxRow['target'], docId: string, at: string): OutboxRow {
  return { key: `${collection}:${docId}`, target: collection, docId, state: 'waiting', at };
}

/** The server confirmed these documents (saved, or already there from an earlier attempt): nothing waits for them. */
export async function markSent(db: AppDatabase, collection: OutboxRow['target'], docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await db.outbox.bulkRemove(docIds.map((id) => `${collection}:${id}`));
}

/** The server refused a document: it is set aside with the server's reason and no longer blocks the ones after it. */
export async function markRejected(
  db: AppDatabase,
  collection: OutboxRow['target'],
  rejected: readonly { docId: string; reason: string }[],
  at: string,
): Promise<void> {
  if (rejected.length === 0) return;
  await db.outbox.bulkUpsert(
    rejected.map((r) => ({
      key: `${collection}:${r.docId}`,
      target: collection,
      docId: r.docId,
      state: 'rejected' as const,
      reason: r.reason,
      at,
    })),
  );
}

/** Live count of documents waiting to be sent. */
export function observeWaiting(db: AppDatabase, onChange: (count: number) => void): () => void {
  const sub = db.outbox.count({ selector: { state: 'waiting' } }).$.subscribe(onChange);
  return () => sub.unsubscribe();
}

/** Live list of documents the server rejected, with reasons. */
export function observeRejected(db: AppDatabase, onChange: (rows: OutboxRow[]) => void): () => void {
  const sub = db.outbox
    .find({ selector: { state: 'rejected' } })
    .$.subscribe((docs) => onChange(docs.map((d) => d.toMutableJSON() as OutboxRow)));
  return () => sub.unsubscribe();
}

/**
 * The bookkeeping after a record was stored: its outbox row. Never throws: the record itself is already safe. (Its
 * register row is no writer's business: the projection follows the collections, see projection.ts.)
 */
export async function afterWrite(db: AppDatabase, row: OutboxRow): Promise<void> {
  try {
    await db.outbox.insert(row);
  } catch (error) {
    console.error('outbox row not written', row.key, error);
  }
}
