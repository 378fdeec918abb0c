/**
 * RxDB JSON schema of the local `register` projection: one small row per appeal with its folded state, so that the
 * register of 50,000 appeals pages by index without reading appeals and events. Local only, never replicated; it can
 * always be rebuilt from appeals + events. Version 1 added `report`; the app drops the rows of version 0 and rebuilds
 * them (renderer/data/idb.ts, dropOldRegister).
 */
export const REGISTER_ROW_SCHEMA = {
  title: 'register row',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    villageId: { type: 'string', maxLength: 20 },
    regIndex: { type: 'string', maxLength: 60 },
    applicant: { type: 'string' },
    address: { type: 'string' },
    topicCode: { type: 'string', maxLength: 20 },
    type: { type: 'string', maxLength: 20 },
    subject: { type: 'string', maxLength: 20 },
    status: { type: 'string', maxLength: 20 },
    receivedOn: { type: 'string', maxLength: 10 },
    recency: { type: 'integer', minimum: 0, maximum: 100_000_000, multipleOf: 1 },
    dueDate: { type: 'string', maxLength: 10 },
    isOpen: { type: 'integer', minimum: 0, maximum: 1, multipleOf: 1 },
    needsHandover: { type: 'integer', minimum: 0, maximum: 1, multipleOf: 1 },
    isExtended: { type: 'integer', minimum: 0, maximum: 1, multipleOf: 1 },
    searchText: { type: 'string' },
    updatedAt: { type: 'string', maxLength: 40 },
    report: { type: 'string' },
  },
  required: ['id', 'villageId', 'regIndex', 'status', 'receivedOn', 'recency', 'dueDate', 'isOpen', 'updatedAt'],
  // RxDB re-sorts in memory whenever a sort is descending (its query planner: storages have no descending indexes),
  // so "newest first" pages by the ascending `recency` instead of a descending `receivedOn`. Paging by `id` needs
  // its own index too: RxDB does not add one for the primary key.
  indexes: ['id', ['recency', 'id'], ['status', 'recency', 'id'], ['isOpen', 'dueDate', 'id']],
} as const;

/** One row of the register projection. */
export interface RegisterRow {
  id: string;
  villageId: string;
  regIndex: string;
  applicant: string;
  address: string;
  topicCode: string;
  type: string;
  subject: string;
  status: string;
  receivedOn: string;
  /** Newest first as an ascending number: 100,000,000 minus the receipt date as YYYYMMDD. */
  recency: number;
  dueDate: string;
  isOpen: 0 | 1;
  needsHandover: 0 | 1;
  isExtended: 0 | 1;
  searchText: string;
  updatedAt: string;
  /**
   * What a report counts of the appeal (shared/reports/report-facts.ts, encoded). Missing on rows written before
   * version 1 of the schema.
   */
  report?: string;
}

/** The ascending key that orders rows newest first by the date received. */
export function recencyOf(receivedOn: string): number {
  const yyyymmdd = Number(receivedOn.replaceAll('-', ''));
  return Number.isFinite(yyyymmdd) ? 100_000_000 - yyyymmdd : 100_000_000;
}
