import { getChangedDocumentsSince, type MangoQuery } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { RegisterRow } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';

const PAGE = 5_000;
/** Rows changed since the snapshot beyond which it is written again (at start, or while the app runs). */
const REWRITE_AFTER = 500;
/** How long after the load (or the last of a burst of changes) a snapshot is written: not while the screen starts. */
const WRITE_DELAY_MS = 3_000;

/** Where the register storage was when a snapshot was written (RxDB's `_meta.lwt` and id order). */
export interface Checkpoint {
  id: string;
  lwt: number;
}

/** The whole register saved at a checkpoint (register-snapshot.ts keeps it sealed). */
export interface Snapshot {
  rows: RegisterRow[];
  checkpoint: Checkpoint;
}

export interface SnapshotStore {
  /** The saved snapshot, or null when there is none this PC can use. */
  read(): Promise<Snapshot | null>;
  write(rows: RegisterRow[], checkpoint: Checkpoint): Promise<void>;
}

/** Newest received first, then by id ascending: the register screen's default order. */
export const newestFirstOrder = (a: RegisterRow, b: RegisterRow): number =>
  a.receivedOn > b.receivedOn ? -1 : a.receivedOn < b.receivedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const lwtOf = (doc: unknown): number => (doc as { _meta?: { lwt?: number } })._meta?.lwt ?? 0;
const later = (a: Checkpoint, b: Checkpoint): Checkpoint => (b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a);

/** Newest rows first, by the ascending `recency` index (RxDB re-sorts everything on a descending sort). */
export const firstPageQuery = (limit: number): MangoQuery<RegisterRow> => ({
  selector: {},
  sort: [{ recency: 'asc' }, { id: 'asc' }],
  limit,
});

/** One page of all rows by primary key, for loading the whole register. */
export const loadPageQuery = (afterId: string, limit: number): MangoQuery<RegisterRow> => ({
  selector: { id: { $gt: afterId } },
  sort: [{ id: 'asc' }],
  limit,
});

/**
 * The register held in memory for search and filters. IndexedDB scans take seconds over 50,000 appeals, while
 * filtering rows in memory takes milliseconds (docs/couchdb.md), so the first screen comes from an indexed query and
 * this index loads in the background, then follows the projection's change stream.
 */
export class RegisterIndex {
  private readonly rows = new Map<string, RegisterRow>();
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | null = null;
  private version = 0;
  isLoaded = false;
  /** The newest row change this index holds, for the snapshot. */
  private checkpoint: Checkpoint = { id: '', lwt: 0 };
  /** Rows set by a change while loading: newer than whatever the snapshot or a page says. */
  private readonly fresh = new Set<string>();
  private changesSinceSnapshot = 0;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly db: AppDatabase,
    private readonly snapshot: SnapshotStore | null = null,
  ) {}

  /** The newest rows by date received, straight from the index: what the user sees before the full load. */
  async firstPage(limit: number): Promise<RegisterRow[]> {
    const docs = await this.db.register.find(firstPageQuery(limit)).exec();
    return docs.map((d) => d.toMutableJSON() as RegisterRow);
  }

  private loading: Promise<void> | null = null;

  /** Loads every row page by page (by primary key) and then keeps up with changes; runs once however often called. */
  load(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    this.subscription ??= this.db.register.$.subscribe((change) => {
      const before = this.rows.get(change.documentId);
      const after = change.operation === 'DELETE' ? undefined : stripMeta(change.documentData);
      if (after) this.rows.set(change.documentId, after);
      else this.rows.delete(change.documentId);
      this.reorder(before, after);
      if (!this.isLoaded) this.fresh.add(change.documentId);
      this.checkpoint = later(this.checkpoint, { id: change.documentId, lwt: lwtOf(change.documentData) });
      this.changed(1);
      this.bump();
    });
    const saved = await this.snapshot?.read();
    // Without a snapshot, one is written after this load.
    const changed = saved ? await this.loadSnapshot(saved) : await this.loadRows();
    this.fresh.clear();
    this.isLoaded = true;
    performance.mark('ov:index-loaded');
    this.bump();
    this.changed(changed);
  }

  /** Every row page by page (by primary key); returns a count that has a snapshot written after. */
  private async loadRows(): Promise<number> {
    let lastId = '';
    for (;;) {
      const docs = await this.db.register.find(loadPageQuery(lastId, PAGE)).exec();
      for (const d of docs) {
        const data = d.toJSON(true);
        this.checkpoint = later(this.checkpoint, { id: d.id, lwt: lwtOf(data) });
        if (!this.fresh.has(d.id)) this.rows.set(d.id, d.toMutableJSON() as RegisterRow);
      }
      if (docs.length < PAGE) return REWRITE_AFTER + 1;
      lastId = docs[docs.length - 1]?.id ?? lastId;
    }
  }

  /** The saved rows, then the rows changed since they were saved; returns how many changed. */
  private async loadSnapshot(saved: { rows: RegisterRow[]; checkpoint: Checkpoint }): Promise<number> {
    for (const row of saved.rows) if (!this.fresh.has(row.id)) this.rows.set(row.id, row);
    this.checkpoint = later(this.checkpoint, saved.checkpoint);
    let since: Checkpoint = saved.checkpoint;
    let changed = 0;
    for (;;) {
      const page = await getChangedDocumentsSince(this.db.register.storageInstance, PAGE, since);
      for (const doc of page.documents) {
        const id = (doc as { id: string }).id;
        changed += 1;
        if (this.fresh.has(id)) continue;
        if ((doc as { _deleted?: boolean })._deleted) this.rows.delete(id);
        else this.rows.set(id, stripMeta(doc));
      }
      this.checkpoint = later(this.checkpoint, page.checkpoint as Checkpoint);
      if (page.documents.length < PAGE) return changed;
      since = page.checkpoint as Checkpoint;
    }
  }

  /** Counts changes since the snapshot and writes a new one, a moment after the last, once there are enough. */
  private changed(n: number): void {
    this.changesSinceSnapshot += n;
    if (!this.snapshot || !this.isLoaded || this.changesSinceSnapshot <= REWRITE_AFTER) return;
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => void this.writeSnapshot(), WRITE_DELAY_MS);
  }

  private async writeSnapshot(): Promise<void> {
    this.writeTimer = null;
    if (!this.snapshot || this.disposed) return;
    const counted = this.changesSinceSnapshot;
    try {
      // Rows and checkpoint are taken together, before any await: the change handler updates both at once.
      await this.snapshot.write([...this.rows.values()], { ...this.checkpoint });
      this.changesSinceSnapshot -= counted;
    } catch (error) {
      // Only the next start is slower: it loads row by row.
      console.error('register snapshot not written', error);
    }
  }

  /** All rows currently known. */
  all(): Iterable<RegisterRow> {
    return this.rows.values();
  }

  /** The rows in the default order once asked for after the load; kept in step with each change after that. */
  private ordered: RegisterRow[] | null = null;

  /**
   * All rows, newest received first and then by id: the register's default order (the register screen's
   * DEFAULT_SORT). Sorted once after the load; a change then moves one row by binary search, not a sort of 150,000.
   * The array is the index's own: read it, do not change it.
   */
  newestFirst(): RegisterRow[] {
    if (!this.ordered || !this.isLoaded) this.ordered = [...this.rows.values()].sort(newestFirstOrder);
    return this.ordered;
  }

  /** Moves a changed row within `ordered` (or forgets the order while loading, when rows arrive in bulk). */
  private reorder(before: RegisterRow | undefined, after: RegisterRow | undefined): void {
    const ordered = this.ordered;
    if (!ordered || !this.isLoaded) {
      this.ordered = null;
      return;
    }
    if (before) {
      const at = lowerBound(ordered, before);
      if (ordered[at]?.id === before.id) ordered.splice(at, 1);
      else this.ordered = null;
    }
    if (after && this.ordered) ordered.splice(lowerBound(ordered, after), 0, after);
  }

  get size(): number {
    return this.rows.size;
  }

  /** A number that changes whenever the rows change (for React's useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private isBumpScheduled = false;

  /** Coalesces bursts of changes (a bulk import, a sync batch) into one notification. */
  private bump(): void {
    this.version++;
    if (this.isBumpScheduled) return;
    this.isBumpScheduled = true;
    setTimeout(() => {
      this.isBumpScheduled = false;
      for (const l of this.listeners) l();
    }, 0);
  }

  /** Stops following changes. */
  dispose(): void {
    this.disposed = true;
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}

/** A register row without RxDB's own fields. */
function stripMeta(doc: unknown): RegisterRow {
  const { _meta, _rev, _deleted, _attachments, ...row } = doc as Record<string, unknown>;
  return row as unknown as RegisterRow;
}

/** The first position in `rows` (in newestFirstOrder) whose row does not sort before `row`. */
function lowerBound(rows: RegisterRow[], row: RegisterRow): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirstOrder(rows[mid] as RegisterRow, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
