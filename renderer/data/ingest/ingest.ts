/**
 * The one way into the local database (docs/conventions.md, "One way in"): registration, events, the sync pull,
 * transfer files, backups and pulled file metadata all hand their records to `ingest`. Each record is checked with the
 * server's own rules for this PC's database (`acceptRecord`); accepted ones are written, the others are set aside
 * with their reason (set-aside.ts): never dropped, never blocking. A record whose id this PC already holds with other
 * content, or a village's event or file naming an appeal of another village, is a tamper alarm: the local record stays.
 */

import { acceptRecord, type Reason, type RecordKind } from '../../../shared/couch/accept-record';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import type { Problem } from '../../../shared/domain/problem';
import { authorRole } from '../../../shared/transfer/authorship';
import type { AppDatabase } from '../database';
import { loadProfile, type Profile } from '../profile.repository';
import { loadSyncConfig } from '../sync/sync-config';
import { insertNew } from '../transfer/transfer.repository';
import { scopeFor } from './scope';
import { addSetAside, type IngestCollection, type IngestSource, type SetAsideEntry } from './set-aside';
import { sameRecord, tamperReason, wrongVillageReason } from './tamper';

export type { IngestCollection, IngestSource, SetAsideEntry } from './set-aside';

const KIND: Record<IngestCollection, RecordKind> = { appeals: 'appeal', events: 'event', files: 'file' };

type IngestRecord = { id: string };

const fields = (record: IngestRecord) => record as unknown as Record<string, unknown>;

export interface IngestOptions {
  /**
   * `store` (default): write the accepted records and set the others aside. `filter`: set aside, but leave the writing
   * to the caller (the pull: RxDB's replication writes what its handler returns). `check`: neither write nor set aside
   * (a file is all or nothing: its caller refuses the whole file and shows why).
   */
  mode?: 'store' | 'filter' | 'check';
  /** The database whose rules apply; by default this PC's, from its sync settings and profile. */
  scope?: DbScope;
  /** This PC's profile when the caller has it (the database may not hold one yet: a backup restored on a fresh PC). */
  profile?: Profile | null;
  now?: Date;
}

export interface IngestResult<T> {
  /** Records that passed: new ones, and ones this PC already held with the same content (a no-op). */
  accepted: T[];
  /** Records this call wrote (mode `store`). */
  written: T[];
  /** Records refused, with their reason. */
  refused: SetAsideEntry[];
}

async function scopeOf(db: AppDatabase, options: IngestOptions): Promise<DbScope> {
  if (options.scope) return options.scope;
  const [config, stored] = await Promise.all([loadSyncConfig(db), loadProfile(db)]);
  return scopeFor({ config, profile: options.profile ?? stored });
}

/** The content of a record without attachments (kept in the set-aside list). */
function withoutAttachments(record: Record<string, unknown>): Record<string, unknown> {
  const { _attachments, ...rest } = record;
  return rest;
}

/**
 * Puts records of one collection into the local database through the one acceptance check (see the file comment).
 * Never throws for a refused record; throws only when the storage itself fails.
 */
export async function ingest<T extends IngestRecord>(
  db: AppDatabase,
  collection: IngestCollection,
  records: readonly T[],
  source: IngestSource,
  options: IngestOptions = {},
): Promise<IngestResult<T>> {
  if (records.length === 0) return { accepted: [], written: [], refused: [] };
  const mode = options.mode ?? 'store';
  const at = (options.now ?? new Date()).toISOString();
  const scope = await scopeOf(db, options);
  const refused: SetAsideEntry[] = [];
  const refuse = (record: T, reason: Reason, isTamper: boolean) =>
    refused.push({
      key: `${collection}:${String(record.id)}`,
      collection,
      id: String(record.id),
      source,
      reason,
      isTamper,
      at,
      record: withoutAttachments(fields(record)),
    });

  const passed = records.filter((record) => {
    const reason = acceptRecord(record, scope, KIND[collection]);
    if (reason) refuse(record, reason, false);
    return reason === null;
  });

  // Write-once: the same id with the same content is the same record; with other content it is a forgery or a bug.
  const held = await db[collection].findByIds(passed.map((r) => r.id)).exec();
  const fresh: T[] = [];
  const accepted: T[] = [];
  for (const record of passed) {
    const local = held.get(record.id);
    if (!local) fresh.push(record);
    else if (sameRecord(local.toJSON() as Record<string, unknown>, fields(record))) accepted.push(record);
    else refuse(record, tamperReason(), true);
  }

  // A village's event or file naming an appeal of another village: the rules refuse it by the appeal id's village tag
  // (checkRecord); the PC holding the appeal also compares the villages themselves (two codes may share a 32-bit tag).
  const tied = new Set(collection === 'appeals' ? [] : fresh.filter((r) => authorRole(fields(r)) !== 'central'));
  const appeals = await db.appeals.findByIds([...new Set([...tied].map((r) => String(fields(r).appealId)))]).exec();
  const admitted = fresh.filter((record) => {
    if (!tied.has(record)) return true;
    const village = appeals.get(String(fields(record).appealId))?.villageId;
    if (village === undefined || village === fields(record).villageId) return true;
    refuse(record, wrongVillageReason(village), true);
    return false;
  });
  accepted.push(...admitted);

  const written = mode === 'store' ? ((await insertNew(db, collection, admitted as never)) as unknown as T[]) : [];
  if (mode !== 'check') await addSetAside(db, refused);
  return { accepted, written, refused };
}

/** A refused record as a problem of the form that built it (registration, an event). */
export function refusalProblem(entry: SetAsideEntry): Problem {
  return { field: '', code: entry.isTamper ? 'tamper' : 'refused', message: entry.reason };
}
