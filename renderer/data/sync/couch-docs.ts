import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';

/** The two replicated collections and the document type each has in CouchDB. */
export type SyncedCollection = 'appeals' | 'events';

export const COUCH_TYPE: Record<SyncedCollection, 'appeal' | 'event'> = { appeals: 'appeal', events: 'event' };

/** A document as CouchDB stores it: `_id` is `<type>:<id>`, plus a `type` field the server's rules and filters read. */
export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string; type?: string; _deleted?: boolean };

/** RxDB's bookkeeping fields never leave the PC. */
const LOCAL_FIELDS = new Set(['_rev', '_meta', '_attachments', '_deleted']);

/** The CouchDB form of a local appeal or event. */
export function toCouch(collection: SyncedCollection, doc: Appeal | AppealEvent): CouchDoc {
  const out: CouchDoc = { _id: `${COUCH_TYPE[collection]}:${doc.id}`, type: COUCH_TYPE[collection] };
  for (const [k, v] of Object.entries(doc)) if (!LOCAL_FIELDS.has(k)) out[k] = v;
  return out;
}

/** The local form of a CouchDB document of the given collection, or null when it belongs elsewhere. */
export function fromCouch(collection: SyncedCollection, doc: CouchDoc): Record<string, unknown> | null {
  const type = COUCH_TYPE[collection];
  if (doc.type !== type || !doc._id.startsWith(`${type}:`)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_id' || k === '_rev' || k === 'type' || k === '_revisions' || k === '_conflicts') continue;
    out[k] = v;
  }
  out.id = doc._id.slice(type.length + 1);
  return out;
}
