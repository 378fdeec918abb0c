import { ID_PREFIX, isWriteOnceId, type VillageRegistryDoc } from '../../shared/couch/names';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent, AppealState } from '../../shared/domain/events/event.types';
import type { Period } from '../../shared/reports/period';
import type { KnownVillage, ReportScope } from '../../shared/reports/report.types';
import type { RegisterRow } from '../../shared/schema/register-row.schema';
import { observeAppeal, profileIndexPrefix } from './appeals.repository';
import { type FileListItem, observeFilesOf } from './files.repository';
import { type IngestCollection, loadSetAside, observeSetAside, type SetAsideEntry } from './ingest/set-aside';
import type { RecordsSession } from './records';
import { loadReportFacts } from './reports.repository';
import { observeAppealCount, observeLastBackupAt } from './transfer/backup-state';

/** What a village last reported about its sync (its status document in the council's database). */
export interface VillageStatus {
  villageId: string;
  lastSyncAt: string;
  pending: number;
}

/** The `_id` prefix on the server of each collection that enters through ingest. */
const PREFIX_OF: Record<IngestCollection, string> = {
  appeals: ID_PREFIX.appeal,
  events: ID_PREFIX.event,
  files: ID_PREFIX.file,
};

/**
 * A write-once record that may have been forged: a second branch of it in the council's database on the server
 * (`server`), or a copy that contradicted the one this PC holds and was set aside as a tamper alarm (`this-pc`).
 */
export interface ForgedRecord {
  source: 'server' | 'this-pc';
  /** The village the record names (its `villageId`); null when it names none. */
  villageId: string | null;
  /** The record's id as on the server (`appeal:…`, `event:…`, `file:…`, `chunk:…`). */
  id: string;
}

function villageOf(doc: { villageId?: unknown } | null | undefined): string | null {
  return typeof doc?.villageId === 'string' && doc.villageId !== '' ? doc.villageId : null;
}

/** This PC's tamper alarms as forged records. */
function tamperAlarms(entries: readonly SetAsideEntry[]): ForgedRecord[] {
  return entries
    .filter((e) => e.isTamper)
    .map((e) => ({ source: 'this-pc', villageId: villageOf(e.record), id: `${PREFIX_OF[e.collection]}${e.id}` }));
}

/** What the screens can read. `observe…` calls `onChange` now and on every change, and return the unsubscribe. */
export interface RecordQueries {
  /** The registration index prefix this PC allocates under, for display. */
  indexPrefix(): string;
  /** One appeal with its events and folded state, live; null when there is no such appeal. */
  observeAppeal(
    id: string,
    onChange: (value: { appeal: Appeal; events: AppealEvent[]; state: AppealState } | null) => void,
  ): () => void;
  /** The files of an appeal with where their bytes are, live. */
  observeFilesOf(appealId: string, onChange: (files: FileListItem[]) => void): () => void;
  /** The records ingest set aside (tamper alarms among them), live. */
  observeSetAside(onChange: (entries: SetAsideEntry[]) => void): () => void;
  /** The time of the last backup made on this PC (null before the first), live. */
  observeLastBackupAt(onChange: (at: string | null) => void): () => void;
  /** The number of appeals on this PC, live. */
  observeAppealCount(onChange: (count: number) => void): () => void;
  /**
   * The report facts (encoded) of the appeals received in a period in a scope, from `rows` (the whole register in
   * memory); see reports.repository.ts.
   */
  reportFacts(rows: () => Iterable<RegisterRow>, period: Period, scope: ReportScope): Promise<string[]>;
  /**
   * The villages' own reports of their last sync, from the council's database; null when this PC does not sync as the
   * council (there is nothing to read). Rejects when the server cannot be reached or the login is gone.
   */
  villageStatuses(): Promise<VillageStatus[] | null>;
  /** The council's register of villages (codes and names); null and rejections as for `villageStatuses`. */
  villageRegistry(): Promise<KnownVillage[] | null>;
  /**
   * Possible forgeries: the write-once records with a conflict (a second branch) in the council's database, read with
   * the council's login, then this PC's own tamper alarms; sorted by village and id. Null and rejections as for
   * `villageStatuses` (this PC's alarms alone are in `observeSetAside`).
   */
  serverConflicts(): Promise<ForgedRecord[] | null>;
}

/** The queries of one facade (records.ts). */
export function recordQueries(session: RecordsSession): RecordQueries {
  const { db, sync } = session;
  // Only the council's database holds the villages' documents; the role is read at the call (a login may come later).
  const isCouncil = () => sync.config?.role === 'central';
  return {
    indexPrefix: () => profileIndexPrefix(session.profile()),
    observeAppeal: (id, onChange) => observeAppeal(db, id, onChange),
    observeFilesOf: (appealId, onChange) => observeFilesOf(db, appealId, onChange),
    observeSetAside: (onChange) => observeSetAside(db, onChange),
    observeLastBackupAt: (onChange) => observeLastBackupAt(db, onChange),
    observeAppealCount: (onChange) => observeAppealCount(db, onChange),
    reportFacts: (rows, period, scope) => loadReportFacts(db, rows, period, scope),
    villageStatuses: async () => (isCouncil() ? sync.serverDocs<VillageStatus>(ID_PREFIX.status) : null),
    villageRegistry: async () => {
      if (!isCouncil()) return null;
      const docs = await sync.serverDocs<VillageRegistryDoc>(ID_PREFIX.village);
      return docs.map((d) => ({ code: d.code, name: d.name }));
    },
    serverConflicts: async () => {
      if (!isCouncil()) return null;
      const rows = await sync.serverConflicts();
      const server: ForgedRecord[] = rows
        .filter((r) => isWriteOnceId(r.id))
        .map((r) => ({ source: 'server', villageId: villageOf(r.doc), id: r.id }));
      const local = tamperAlarms(await loadSetAside(db));
      const key = (r: ForgedRecord) => `${r.villageId ?? '\uffff'}\u0000${r.id}\u0000${r.source}`;
      return [...server, ...local].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    },
  };
}
