/**
 * The one revision every write-once record (appeal, event, file metadata) has on the server: `1-` and 32 `f`s.
 *
 * Why one fixed revision: the app pushes records with `_bulk_docs` and `new_edits: false`, whose answer lists only the
 * refused rows (`[]` for a batch that went through, instead of a ~90-byte row per document). On that path CouchDB
 * hands validate_doc_update `oldDoc = null` even when the record is stored, so the validation cannot compare with the
 * original. But when the revision sent is already in the document's tree, CouchDB keeps what it has and ignores the
 * new body. The validation accepts a user's record only with exactly this revision, so any second version of a
 * record, from anyone but a server admin, is either this same revision (ignored) or refused: no changed copy and no
 * second branch can exist. Revisions are per document, so one value for all records is enough.
 *
 * Why this value: of two branches of equal length CouchDB shows the one with the greater revision id, and 32 hex
 * digits are kept as 16 bytes, so `ff…ff` is the greatest a first revision can have: a branch a server admin grafts
 * beside a record as another first revision never becomes the version readers see. A longer forged branch does (an
 * admin can do anything): its revision is then not this one, and the pull fetches it (pull-filter.ts), so the PC that
 * holds the original raises the tamper alarm. All measured on CouchDB 3.4.3 (docs/couchdb.md).
 */
export const RECORD_REVISION = '1-ffffffffffffffffffffffffffffffff';
