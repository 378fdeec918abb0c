/**
 * `status`: per village, the database's size and counts, the state of both replications, what the village last
 * reported about its own sync and the conflicts on its write-once records; for the central database its conflicts.
 * Where the server cannot tell (pouchdb-server has no `_scheduler`, a design document older than the view
 * `ov/conflicts`), it says "unknown".
 */
import { CONFLICTS_VIEW, COUNTS_VIEW } from '../../shared/couch/design-docs';
import { isWriteOnceId, statusDocId, type VillageStatusDoc } from '../../shared/couch/names';
import { type CouchConnection, pathOf, request } from './couch-client';
import { listVillages, namesOf } from './provision';

/**
 * Write-once records (appeals, events, files, chunks) of one database that have a second branch beside the one shown:
 * those records never change, so each is tamper evidence (a branch grafted with `new_edits: false` by someone holding
 * the admin password, or a changed copy). `known: false` when the database cannot tell: `no-view` for a design
 * document that predates `ov/conflicts` (re-run `setup` or `add-village`), `no-database`, or `unreadable`.
 */
export type WriteOnceConflicts =
  | { known: true; ids: string[] }
  | { known: false; reason: 'no-view' | 'no-database' | 'unreadable' };

/** The council's own database. */
export interface CentralStatus {
  db: string;
  exists: boolean;
  conflicts: WriteOnceConflicts;
}

/** What `status` reports: every registered village and the central database. */
export interface CommunityStatus {
  villages: VillageStatus[];
  central: CentralStatus;
}

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
  /** Conflicts on write-once records in the village's database. */
  conflicts: WriteOnceConflicts;
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

/** The write-once records of a database with a second branch (view `ov/conflicts`, every conflicted `_id`). */
export async function writeOnceConflicts(conn: CouchConnection, db: string): Promise<WriteOnceConflicts> {
  const [ddoc, view] = CONFLICTS_VIEW.split('/');
  const res = await request<{ rows?: { id: string }[] }>(conn, 'GET', `${pathOf(db)}/_design/${ddoc}/_view/${view}`);
  // 404: no such view (a design document written before it existed) or no design document at all.
  if (res.status === 404) return { known: false, reason: 'no-view' };
  if (res.status !== 200 || !Array.isArray(res.body?.rows)) return { known: false, reason: 'unreadable' };
  // `status:` documents are updated by their village and may conflict harmlessly: only write-once records count.
  const ids = res.body.rows.map((r) => r.id).filter((id) => isWriteOnceId(id));
  return { known: true, ids };
}

/** The central database of the community: whether it exists and its conflicts on write-once records. */
export async function centralStatus(conn: CouchConnection, community: string): Promise<CentralStatus> {
  const db = namesOf(community).centralDb;
  const exists = (await request(conn, 'GET', pathOf(db))).status === 200;
  return { db, exists, conflicts: exists ? await writeOnceConflicts(conn, db) : { known: false, reason: 'no-database' } };
}

/** Everything `status` reports: the villages and the central database. */
export async function communityStatus(conn: CouchConnection, community: string): Promise<CommunityStatus> {
  return { villages: await villageStatuses(conn, community), central: await centralStatus(conn, community) };
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
      conflicts: exists ? await writeOnceConflicts(conn, db) : { known: false, reason: 'no-database' },
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

/** A table cell for a database's conflicts; `rerun` is the command whose re-run installs the view. */
function conflictsCell(c: WriteOnceConflicts, rerun: string): string {
  if (c.known) return c.ids.length === 0 ? 'none' : `${c.ids.length} (listed below)`;
  if (c.reason === 'no-view') return `unknown, re-run ${rerun}`;
  return c.reason === 'no-database' ? '?' : 'unknown (view unreadable)';
}

/** The ids of every write-once record with a second branch, one database a line; nothing when there are none. */
function conflictList(rows: readonly VillageStatus[], central: CentralStatus | undefined): string[] {
  const found = rows.map((r) => ({ who: `${r.code} (${r.db})`, c: r.conflicts }));
  if (central) found.push({ who: `central (${central.db})`, c: central.conflicts });
  const lines = found.flatMap(({ who, c }) => (c.known && c.ids.length > 0 ? [`  ${who}: ${c.ids.join(', ')}`] : []));
  if (lines.length === 0) return [];
  return [
    '',
    'Незмінні записи з другою версією, ознака підробки / Write-once records with a second version, a sign of tampering:',
    ...lines,
    'Порівняйте версії / Compare the versions: GET /<db>/<id>?open_revs=all',
  ];
}

/**
 * A plain-text table for a terminal, one village per row, then the central database's conflicts and the ids of every
 * conflicted write-once record.
 */
export function formatStatusTable(rows: readonly VillageStatus[], now: Date, central?: CentralStatus): string {
  const centralLine = central
    ? [
        '',
        `central database ${central.db}: ${central.exists ? `conflicts ${conflictsCell(central.conflicts, 'setup')}` : 'NO DATABASE'}`,
      ]
    : [];
  if (rows.length === 0)
    return ['Сіл не зареєстровано / No villages registered', ...centralLine, ...conflictList(rows, central)].join('\n');
  const header = [
    'village',
    'name',
    'size',
    'appeals',
    'events',
    'conflicts',
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
    conflictsCell(r.conflicts, 'add-village'),
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
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...centralLine,
    ...conflictList(rows, central),
  ].join('\n');
}

function age(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (!Number.isFinite(ms)) return 'unreadable time';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
