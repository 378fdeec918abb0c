/**
 * `status`: per village, the database's size and counts, the state of both replications and what the village last
 * reported about its own sync. Where the server cannot tell (pouchdb-server has no `_scheduler`), it says "unknown".
 */
import { COUNTS_VIEW } from '../../shared/couch/design-docs';
import { statusDocId, type VillageStatusDoc } from '../../shared/couch/names';
import { type CouchConnection, pathOf, request } from './couch-client';
import { listVillages, namesOf } from './provision';

/** One replication job as far as the server tells. */
export interface ReplicationStatus {
  id: string;
  /** `running`, `pending`, `crashing`, `failed`, `error`, `completed`, `missing` or `unknown`. */
  state: string;
  /** Changes not yet copied (CouchDB's `changes_pending`), or null when the server does not tell. */
  changesPending: number | null;
  /** Documents the target refused (validate_doc_update): they are skipped silently, so this number must be watched. */
  docWriteFailures: number | null;
  /** Last error the server reported, if any. */
  error: string | null;
  /** Where these figures come from: `_scheduler/docs`, `_replicator` (document state only) or none. */
  source: '_scheduler' | '_replicator' | 'none';
}

/** The status of one village. */
export interface VillageStatus {
  code: string;
  name: string;
  db: string;
  exists: boolean;
  sizeBytes: number | null;
  docCount: number | null;
  appeals: number | null;
  events: number | null;
  toCentral: ReplicationStatus;
  toVillage: ReplicationStatus;
  /** The village's own report (`status:<code>`), or null before its first sync. */
  lastReported: { lastSyncAt: string | null; pending: number; appVersion: string } | null;
}

interface DbInfo {
  doc_count?: number;
  disk_size?: number;
  sizes?: { file?: number };
}

type SchedulerDoc = {
  state?: string;
  info?: { changes_pending?: number | null; doc_write_failures?: number; error?: string } | null;
  last_updated?: string;
};

type ReplicatorDoc = {
  _replication_state?: string;
  _replication_state_reason?: string;
  _replication_stats?: { doc_write_failures?: number };
};

async function replicationStatus(conn: CouchConnection, id: string): Promise<ReplicationStatus> {
  const scheduler = await request<SchedulerDoc>(conn, 'GET', `/_scheduler/docs/_replicator/${encodeURIComponent(id)}`);
  if (scheduler.status === 200 && scheduler.body) {
    const info = scheduler.body.info ?? {};
    return {
      id,
      state: scheduler.body.state ?? 'unknown',
      changesPending: typeof info.changes_pending === 'number' ? info.changes_pending : null,
      docWriteFailures: typeof info.doc_write_failures === 'number' ? info.doc_write_failures : null,
      error: typeof info.error === 'string' ? info.error : null,
      source: '_scheduler',
    };
  }
  // pouchdb-server: no _scheduler (404); its replicator writes only a coarse state into the document itself,
  // and `triggered` is how it marks a continuous job that runs.
  const doc = await request<ReplicatorDoc>(conn, 'GET', pathOf('_replicator', id));
  if (doc.status === 404) {
    return { id, state: 'missing', changesPending: null, docWriteFailures: null, error: null, source: 'none' };
  }
  const raw = doc.body?._replication_state;
  return {
    id,
    state: raw === 'triggered' ? 'running' : (raw ?? 'unknown'),
    changesPending: null,
    docWriteFailures: doc.body?._replication_stats?.doc_write_failures ?? null,
    error: doc.body?._replication_state_reason ?? null,
    source: '_replicator',
  };
}

async function counts(conn: CouchConnection, db: string): Promise<Record<string, number> | null> {
  const [ddoc, view] = COUNTS_VIEW.split('/');
  const res = await request<{ rows?: { key: string; value: number }[] }>(
    conn,
    'GET',
    `${pathOf(db)}/_design/${ddoc}/_view/${view}?group=true`,
  );
  if (res.status !== 200 || !res.body.rows) return null;
  return Object.fromEntries(res.body.rows.map((r) => [r.key, r.value]));
}

/** Collects the status of every registered village of the community. */
export async function villageStatuses(conn: CouchConnection, community: string): Promise<VillageStatus[]> {
  const names = namesOf(community);
  const villages = await listVillages(conn, community);
  const result: VillageStatus[] = [];
  for (const v of villages) {
    const db = names.villageDb(v.code);
    const info = await request<DbInfo>(conn, 'GET', pathOf(db));
    const exists = info.status === 200;
    const byKind = exists ? await counts(conn, db) : null;
    const report = exists ? await request<VillageStatusDoc>(conn, 'GET', pathOf(db, statusDocId(v.code))) : null;
    result.push({
      code: v.code,
      name: v.name,
      db,
      exists,
      sizeBytes: exists ? (info.body.sizes?.file ?? info.body.disk_size ?? null) : null,
      docCount: exists ? (info.body.doc_count ?? null) : null,
      appeals: byKind ? (byKind.appeal ?? 0) : null,
      events: byKind ? (byKind.event ?? 0) : null,
      toCentral: await replicationStatus(conn, names.toCentralReplicationId(v.code)),
      toVillage: await replicationStatus(conn, names.toVillageReplicationId(v.code)),
      lastReported:
        report?.status === 200
          ? { lastSyncAt: report.body.lastSyncAt, pending: report.body.pending, appVersion: report.body.appVersion }
          : null,
    });
  }
  return result;
}

function show(n: number | null): string {
  return n === null ? '?' : String(n);
}

function replicationCell(r: ReplicationStatus): string {
  const parts = [r.state];
  parts.push(`pending ${r.changesPending === null ? 'unknown' : r.changesPending}`);
  parts.push(`failures ${r.docWriteFailures === null ? 'unknown' : r.docWriteFailures}`);
  if (r.error) parts.push(`error: ${r.error}`);
  return parts.join(', ');
}

function size(bytes: number | null): string {
  if (bytes === null) return '?';
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A plain-text table for a terminal, one village per row. */
export function formatStatusTable(rows: readonly VillageStatus[], now: Date): string {
  if (rows.length === 0) return 'Сіл не зареєстровано / No villages registered';
  const header = [
    'village',
    'name',
    'size',
    'appeals',
    'events',
    'village → central',
    'central → village',
    'last sync (reported)',
  ];
  const body = rows.map((r) => [
    r.code,
    r.name,
    r.exists ? size(r.sizeBytes) : 'NO DATABASE',
    show(r.appeals),
    show(r.events),
    replicationCell(r.toCentral),
    replicationCell(r.toVillage),
    r.lastReported?.lastSyncAt
      ? `${r.lastReported.lastSyncAt} (${age(r.lastReported.lastSyncAt, now)}), waiting ${r.lastReported.pending}`
      : 'never',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function age(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (!Number.isFinite(ms)) return 'unreadable time';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
