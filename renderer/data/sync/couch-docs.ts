import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';

/** The two replicated collections. */
export type SyncedCollection = 'appeals' | 'events';

/**
 * The `_id` prefix that tells a document's kind on the server (shared/couch/names.ts). There is no separate type
 * field: an appeal's own `type` (proposal, application, complaint) already uses that name.
 */
export const COUCH_PREFIX: Record<SyncedCollection, 'appeal:' | 'event:'> = { appeals: 'appeal:', events: 'event:' };

/** A document as CouchDB stores it. */
export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean };

/** RxDB's bookkeeping fields never leave the PC. */
const LOCAL_FIELDS = new Set(['_rev', '_meta', '_attachments', '_deleted']);

/** CouchDB's own fields never enter the local database. */
const SERVER_FIELDS = new Set(['_id', '_rev', '_revisions', '_conflicts', '_deleted', '_attachments']);

/** The CouchDB form of a local appeal or event: `_id` is `<kind>:<id>`. */
export function toCouch(collection: SyncedCollection, doc: Appeal | AppealEvent): CouchDoc {
  const out: CouchDoc = { _id: `${COUCH_PREFIX[collection]}${doc.id}` };
  for (const [k, v] of Object.entries(doc)) if (!LOCAL_FIELDS.has(k)) out[k] = v;
  return out;
}

/** The local form of a CouchDB document of the given collection, or null when it belongs elsewhere. */
export function fromCouch(collection: SyncedCollection, doc: CouchDoc): Record<string, unknown> | null {
  const prefix = COUCH_PREFIX[collection];
  if (!doc._id.startsWith(prefix)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!SERVER_FIELDS.has(k)) out[k] = v;
  out.id = doc._id.slice(prefix.length);
  return out;
}
