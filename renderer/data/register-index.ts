import type { MangoQuery } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { RegisterRow } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';

const PAGE = 5_000;

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

  constructor(private readonly db: AppDatabase) {}

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
      if (change.operation === 'DELETE') this.rows.delete(change.documentId);
      else this.rows.set(change.documentId, { ...(change.documentData as RegisterRow) });
      this.bump();
    });
    let lastId = '';
    for (;;) {
      const docs = await this.db.register.find(loadPageQuery(lastId, PAGE)).exec();
      for (const d of docs) {
        if (!this.rows.has(d.id)) this.rows.set(d.id, d.toMutableJSON() as RegisterRow);
      }
      if (docs.length < PAGE) break;
      lastId = docs[docs.length - 1]?.id ?? lastId;
    }
    this.isLoaded = true;
    performance.mark('ov:index-loaded');
    this.bump();
  }

  /** All rows currently known. */
  all(): Iterable<RegisterRow> {
    return this.rows.values();
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
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
