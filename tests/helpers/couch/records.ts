/**
 * Writing records (appeals, events, file metadata) the way the app pushes them (renderer/data/sync/couch-docs.ts):
 * `_bulk_docs` with `new_edits: false`, each record carrying the one revision every record has
 * (shared/couch/record-revision.ts). The only way a user may write a record; a server admin may use it too.
 */
import { expect } from 'vitest';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import { type HttpResult, http } from './test-couch';

/** A row of a `_bulk_docs` answer. With `new_edits: false` only refused rows are listed. */
export interface BulkRow {
  id?: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** The answer of a write whose every row went through (stored, or already there and ignored). */
export const WRITTEN = { status: 201, body: [] };

/** The answer of a write of one document refused as forbidden, with `reason` in its reason (and the given id). */
export function refused(reason = '', id?: string) {
  const row = { ...(id === undefined ? {} : { id }), error: 'forbidden', reason: expect.stringContaining(reason) };
  return { status: 201, body: [expect.objectContaining(row)] };
}

/** `doc` with the record revision, unless it names a revision of its own. */
export function withRecordRevision<T extends object>(doc: T): T & { _rev: string } {
  return { _rev: RECORD_REVISION, ...doc };
}

/**
 * `_bulk_docs` with `new_edits: false` into `db` as `user` (null: anonymous): each document with the record revision
 * unless it names its own `_rev`. CouchDB answers 201 and `[]` when every row went through (stored, or its revision
 * was already there and the body was ignored), and a row `{id, error, reason}` for each refused one.
 */
export function writeRecords(
  base: string,
  user: { name: string; password: string } | null,
  db: string,
  docs: readonly object[],
): Promise<HttpResult<BulkRow[]>> {
  return http<BulkRow[]>(base, user, 'POST', `/${db}/_bulk_docs`, { docs: docs.map(withRecordRevision), new_edits: false });
}
