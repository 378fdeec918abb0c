import type { RxReplicationWriteToMasterRow } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import type { Subject } from 'rxjs';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import type { AppDatabase } from '../database';
import { ingest } from '../ingest/ingest';
import type { BulkRow, CouchClient } from './couch-client';
import { COUCH_PREFIX, type CouchDoc, fromCouch, type SyncedCollection, toCouch } from './couch-docs';
import { markRejected, markSent } from './outbox';
import { pullSelector } from './pull-filter';
import { PullSizer } from './pull-size';
import { classifyError, SyncError, type SyncFailure } from './sync-failure';

export interface PullCheckpoint {
  seq: string | number;
}

type Doc = Record<string, unknown> & { id: string };

/**
 * Sends documents with `_bulk_docs`, halving the batch whenever the server answers 413 (a body over its limit) until
 * a single document is left; that one is then reported as rejected instead of blocking the rest.
 */
export async function sendHalving(client: CouchClient, dbName: string, docs: CouchDoc[]): Promise<BulkRow[]> {
  try {
    return await client.bulkDocs(dbName, docs, { newEdits: false });
  } catch (error) {
    const tooLarge = error instanceof SyncError && error.failure.status === 413;
    if (!tooLarge) throw error;
    if (docs.length === 1)
      return [{ id: docs[0]?._id ?? '', error: 'too_large', reason: 'the document is larger than the server accepts' }];
    const half = Math.ceil(docs.length / 2);
    return [
      ...(await sendHalving(client, dbName, docs.slice(0, half))),
      ...(await sendHalving(client, dbName, docs.slice(half))),
    ];
  }
}

/** Wraps a handler so that every failure is classified and reported before it is thrown to RxDB. */
function reporting<A extends unknown[], R>(hooks: ReplicationHooks, handler: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      hooks.onFailure(classifyError(error));
      throw error;
    }
  };
}

export interface ReplicationHooks {
  /** A request to the server went through (the link works). */
  onRequestOk(): void;
  /** A pull batch arrived: where the feed stands and how much of it is left (CouchDB's `pending`), for progress. */
  onPullBatch?(feed: { since: string | number; seq: string | number; pending: number | undefined }): void;
  /**
   * A request failed. Reported here, classified, before RxDB wraps the error: RxDB turns it into plain JSON, which
   * loses the class the classification needs (a cut link would read as a server failure, a 401 would not stop sync).
   */
  onFailure(failure: SyncFailure): void;
}

/**
 * The replication of one collection with one CouchDB database, on RxDB's replication protocol (its checkpoints and
 * retries) with our own handlers: the pull reads only what this PC lacks (a feed filtered on the server,
 * pull-filter.ts) and hands every batch to ingest before RxDB writes it (refused records and tamper alarms are set
 * aside, so RxDB never writes them over a local record, and the checkpoint moves on); the push writes with
 * `new_edits: false` and each record's one revision, so the answer holds only refused rows: a record sent again
 * after a lost answer is simply there already, and a rejected one is set aside with the server's reason so that it
 * never blocks the documents after it.
 */
export function replicateCollection(options: {
  db: AppDatabase;
  collection: SyncedCollection;
  client: CouchClient;
  dbName: string;
  stream$: Subject<'RESYNC'>;
  pullBatchSize: number;
  pushBatchSize: number;
  retryTime: number;
  hooks: ReplicationHooks;
  /** The database whose rules decide what may enter (this PC's: the village's own, or the council's). */
  scope: DbScope;
  /**
   * Other documents of the feed this pull reads past (file metadata), handed over before the checkpoint moves on, so
   * none is lost when storing them fails. Given to one replication only: both read the same feed.
   */
  onPulledOthers?: (docs: CouchDoc[]) => Promise<void>;
  /**
   * False for a record this PC must not send (a village holds the council's records that came by a transfer file):
   * it counts as already on the server and never reaches `_bulk_docs`. Default: send everything.
   */
  isSentByThisPc?: (doc: Record<string, unknown>) => boolean;
  /** This app database's id (pull-filter.ts): written into every pushed record, left out of every pull. */
  pc: string;
}): RxReplicationState<Doc, PullCheckpoint> {
  const { db, collection, client, dbName, hooks } = options;
  const prefix = COUCH_PREFIX[collection];
  let skipAhead: { from: string | number | null; to: string | number } = { from: null, to: 0 };
  const selector = pullSelector(collection, options.pc);
  const sizer = new PullSizer();
  return replicateRxCollection<Doc, PullCheckpoint>({
    // The identifier keys RxDB's checkpoints: a different server or database starts from scratch.
    replicationIdentifier: `couch:${client.serverUrl}/${dbName}/${collection}`,
    collection: db[collection] as never,
    live: true,
    retryTime: options.retryTime,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: options.pullBatchSize,
      stream$: options.stream$.asObservable(),
      handler: reporting(hooks, async (checkpoint: PullCheckpoint | undefined, batchSize: number) => {
        // RxDB stops pulling when a batch has fewer documents than it asked for, and keeps no checkpoint for an empty
        // one. The feed mixes appeals, events and other documents, so read on until the batch is full or the feed ends,
        // and remember a stretch that held nothing for this collection so the next pull does not read it again.
        const from = checkpoint?.seq ?? 0;
        let since = skipAhead.from === from ? skipAhead.to : from;
        const documents: (Doc & { _deleted: boolean })[] = [];
        const others: CouchDoc[] = [];
        for (;;) {
          const limit = sizer.next;
          const asked = Date.now();
          const changes = await client.changes(dbName, { since, limit, selector });
          sizer.record(limit, changes.results.length, Date.now() - asked);
          hooks.onPullBatch?.({ since, seq: changes.last_seq, pending: changes.pending });
          const pulled: Doc[] = [];
          for (const row of changes.results) {
            if (!row.doc || row.deleted) continue;
            const local = fromCouch(collection, row.doc);
            if (local) pulled.push(local as Doc);
            else if (options.onPulledOthers) others.push(row.doc);
          }
          // RxDB writes what this handler returns, over a local document of the same id: only accepted records go back
          // to it. The rest are set aside (stored before the checkpoint moves past them), never silently dropped.
          const { accepted } = await ingest(db, collection, pulled, 'pull', { mode: 'filter', scope: options.scope });
          for (const doc of accepted) documents.push({ ...doc, _deleted: false });
          since = changes.last_seq;
          if (documents.length >= batchSize || changes.results.length < limit) break;
        }
        hooks.onRequestOk();
        if (others.length > 0) await options.onPulledOthers?.(others);
        if (documents.length === 0) skipAhead = { from, to: since };
        return { documents, checkpoint: { seq: since } };
      }),
    },
    push: {
      batchSize: options.pushBatchSize,
      handler: reporting(hooks, async (rows: RxReplicationWriteToMasterRow<Doc>[]) => {
        const isOwn = options.isSentByThisPc ?? (() => true);
        const own = rows.filter((r) => isOwn(r.newDocumentState));
        const sent: string[] = rows.filter((r) => !isOwn(r.newDocumentState)).map((r) => r.newDocumentState.id);
        const docs = own.map((r) => toCouch(collection, r.newDocumentState as never, options.pc));
        const results = docs.length > 0 ? await sendHalving(client, dbName, docs) : [];
        if (docs.length > 0) hooks.onRequestOk();
        const rejected: { docId: string; reason: string }[] = [];
        // With `new_edits: false` the answer lists only refused rows: every other document is on the server now
        // (written, or there already with its one revision).
        const refused = new Set<string>();
        for (const row of results) {
          if (!row.error) continue;
          if (row.error === 'unauthorized') throw new SyncError({ kind: 'login', status: 401, detail: row.reason ?? row.error });
          const docId = row.id.slice(prefix.length);
          refused.add(docId);
          rejected.push({ docId, reason: [row.error, row.reason].filter(Boolean).join(': ') });
        }
        for (const doc of docs) {
          const docId = doc._id.slice(prefix.length);
          if (!refused.has(docId)) sent.push(docId);
        }
        await markSent(db, collection, sent);
        await markRejected(db, collection, rejected, new Date().toISOString());
        // Write-once documents never conflict in substance, so nothing goes back to RxDB's conflict handler.
        return [];
      }),
    },
  });
}
