/**
 * RxDB JSON schema of the local `outbox` collection (version 0): one row per local document not yet confirmed by the
 * council's server, so the status bar can say exactly how many records wait to be sent, and which the server rejected
 * and why. Local only, never replicated.
 */
export const OUTBOX_SCHEMA = {
  title: 'outbox row',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    /** `<collection>:<id>` */
    key: { type: 'string', maxLength: 60 },
    target: { type: 'string', maxLength: 20 },
    docId: { type: 'string', maxLength: 40 },
    /** `waiting` until the server confirms it; `rejected` when the server refused it (set aside, shown with the reason). */
    state: { type: 'string', maxLength: 10 },
    reason: { type: 'string' },
    at: { type: 'string', maxLength: 40 },
  },
  required: ['key', 'target', 'docId', 'state', 'at'],
  indexes: ['state'],
} as const;

/** One row of the outbox. */
export interface OutboxRow {
  key: string;
  /** The collection the document belongs to (`collection` is a reserved RxDocument getter). */
  target: 'appeals' | 'events' | 'files';
  docId: string;
  state: 'waiting' | 'rejected';
  reason?: string;
  at: string;
}
