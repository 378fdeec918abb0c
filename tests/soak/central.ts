/**
 * The council's central database as the server admin sees it, followed through its changes feed so that each check
 * reads only what changed since the last one (the database grows over a long run). Each appeal and event is kept in
 * its local form (`fromCouch`: no `_rev`, no `appeal:`/`event:` prefix, no `pc`), with its leaf revisions and
 * conflicts, which must be one and none.
 */
import { type CouchDoc, fromCouch, type SyncedCollection } from '../../renderer/data/sync/couch-docs';
import { type CouchConnection, request } from '../../server/admin/couch-client';
import { contentOf } from './content';
import type { RecordView } from './pc-protocol';
import { retried } from './retry';

export interface CentralRecord extends RecordView {
  leaves: number;
  conflicts: number;
  deleted: boolean;
}

interface Change {
  id: string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: CouchDoc & { _conflicts?: string[] };
}

export class CentralView {
  readonly records = new Map<string, CentralRecord>();
  private since = '0';

  private readonly conn: CouchConnection;
  private readonly db: string;

  constructor(conn: CouchConnection, db: string) {
    this.conn = conn;
    this.db = db;
  }

  /** Reads the changes since the last call (the whole feed the first time). */
  async refresh(): Promise<void> {
    for (;;) {
      const path = `/${encodeURIComponent(this.db)}/_changes?since=${encodeURIComponent(this.since)}&include_docs=true&conflicts=true&style=all_docs&limit=2000`;
      const res = await retried(() => request<{ results: Change[]; last_seq: string }>(this.conn, 'GET', path));
      if (res.status !== 200) throw new Error(`_changes of ${this.db}: HTTP ${res.status}`);
      for (const change of res.body.results) this.take(change);
      this.since = res.body.last_seq;
      if (res.body.results.length < 2000) return;
    }
  }

  private take(change: Change): void {
    const collection: SyncedCollection | null = change.id.startsWith('appeal:')
      ? 'appeals'
      : change.id.startsWith('event:')
        ? 'events'
        : null;
    if (!collection || !change.doc) return;
    const local = fromCouch(collection, change.doc);
    if (!local) return;
    this.records.set(`${collection}:${local.id}`, {
      collection,
      id: String(local.id),
      villageId: String(local.villageId),
      content: contentOf(local),
      leaves: change.changes.length,
      conflicts: change.doc._conflicts?.length ?? 0,
      deleted: change.deleted === true,
    });
  }
}
