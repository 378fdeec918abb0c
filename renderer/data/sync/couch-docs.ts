import { chunkDocId, fileDocId, ID_PREFIX } from '../../../shared/couch/names';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import type { AttachedFile } from '../../../shared/domain/files/file.types';

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

/**
 * Fields of the server's copy that never enter the local database: CouchDB's own, and `pc`, the id of the app
 * database that pushed the record (pull-filter.ts), which is about the copy, not the record.
 */
const SERVER_FIELDS = new Set(['_id', '_rev', '_revisions', '_conflicts', '_deleted', '_attachments', 'pc']);

/**
 * The CouchDB form of a local appeal or event, as the push writes it with `new_edits: false`: `_id` is
 * `<kind>:<id>`, `_rev` the one revision every record has (shared/couch/record-revision.ts), `pc` the pushing app
 * database's id when given.
 */
export function toCouch(collection: SyncedCollection, doc: Appeal | AppealEvent, pc?: string): CouchDoc {
  const _id = `${COUCH_PREFIX[collection]}${doc.id}`;
  const out: CouchDoc = { _id, _rev: RECORD_REVISION };
  for (const [k, v] of Object.entries(doc)) if (!LOCAL_FIELDS.has(k)) out[k] = v;
  if (pc) out.pc = pc;
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

/** The CouchDB form of a file's metadata: `file:<id>` with its one revision, without the local attachment. */
export function fileToCouch(file: AttachedFile, pc?: string): CouchDoc {
  const _id = fileDocId(file.id);
  const out: CouchDoc = { _id, _rev: RECORD_REVISION };
  for (const [k, v] of Object.entries(file)) if (!LOCAL_FIELDS.has(k)) out[k] = v;
  if (pc) out.pc = pc;
  return out;
}

/** The local form of a `file:` document from the server, or null for any other document. */
export function fileFromCouch(doc: CouchDoc): Record<string, unknown> | null {
  if (!doc._id.startsWith(ID_PREFIX.file)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!SERVER_FIELDS.has(k)) out[k] = v;
  out.id = doc._id.slice(ID_PREFIX.file.length);
  return out;
}

/** Base64 of bytes, in slices so that a 64 KB chunk never overflows the argument list of String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Chunk `n` of a file as one CouchDB document with one inline attachment `data` (base64 in the JSON body). Inline,
 * because the document is then written with its fields in one request that validate_doc_update can check, and
 * pouchdb-server 4.2 takes it; a standalone attachment PUT creates a document without fields (refused by validation),
 * and a multipart/related PUT crashes pouchdb-server. The request body is gzipped, which wins back most of base64's third.
 */
export function chunkToCouch(file: Pick<AttachedFile, 'id' | 'villageId' | 'mime'>, n: number, bytes: Uint8Array): CouchDoc {
  return {
    _id: chunkDocId(file.id, n),
    type: 'chunk',
    fileId: file.id,
    villageId: file.villageId,
    n,
    _attachments: { data: { content_type: file.mime, data: toBase64(bytes) } },
  };
}
