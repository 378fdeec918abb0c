import type { Subscription } from 'rxjs';
import type { AppDatabase } from './database';
import { refreshRows } from './register-projection';

/**
 * How long changes gather before a refresh while another one is running: a sync batch or an import becomes a few
 * refreshes, not one per record. When the projection is idle, a change is refreshed after IDLE_DELAY_MS only: the
 * register, the overview and the card show a registration at once, and a burst written in one go still comes together.
 */
const DELAY_MS = 300;
const IDLE_DELAY_MS = 20;
/** The first retry of a failed refresh when no change comes first; it doubles up to MAX_RETRY_MS. */
const RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** Appeals per refresh: a restore of 50,000 appeals is folded in slices, not in one read of all their events. */
const SLICE = 500;

export interface ProjectionOptions {
  delayMs?: number;
  retryMs?: number;
  slice?: number;
  /** The refresh itself (default `refreshRows`); tests wrap it to count calls or to make one fail. */
  refresh?: (db: AppDatabase, appealIds: readonly string[]) => Promise<void>;
}

export interface Projection {
  /**
   * Refreshes what is pending now, without waiting out the delay, and resolves when nothing is pending or running;
   * rejects with the error of a failed refresh (its appeals stay pending).
   */
  settled(): Promise<void>;
  /** Stops following the collections after one last refresh of what is pending. Also runs when the database closes. */
  stop(): Promise<void>;
}

const started = new WeakMap<AppDatabase, Projection>();

/**
 * The register rows follow the data (docs/conventions.md, "Derived state subscribes"): every change to `appeals` or
 * `events` marks its appeal, and the marked appeals are refreshed together after a short delay. No writer refreshes
 * rows. The collections' change streams carry every write made through this database: the form's inserts, bulk
 * inserts of an import or a restore (one event per document), and the documents the sync pull stores
 * (`replicateRxCollection` writes through the collection's storage instance, whose change stream feeds `collection.$`).
 * A failed refresh keeps its appeals pending; they are retried with the next change, or after a growing delay.
 * Started once per open database: a second call returns the running projection.
 */
export function startProjection(db: AppDatabase, options: ProjectionOptions = {}): Projection {
  const existing = started.get(db);
  if (existing) return existing;
  const delayMs = options.delayMs ?? DELAY_MS;
  const firstRetryMs = options.retryMs ?? RETRY_MS;
  const slice = options.slice ?? SLICE;
  const refresh = options.refresh ?? refreshRows;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = 0;
  let running: Promise<void> | null = null;
  let retryMs = firstRetryMs;
  let stopping: Promise<void> | null = null;

  /** Sets the timer to fire in `ms`, unless it already fires sooner. */
  const schedule = (ms: number) => {
    if (stopping) return;
    const due = Date.now() + ms;
    if (timer !== null) {
      if (timerDue <= due) return;
      clearTimeout(timer);
    }
    timerDue = due;
    timer = setTimeout(() => {
      timer = null;
      // A failure is reported and rescheduled inside run().
      run().catch(() => undefined);
    }, ms);
  };

  const refreshPending = async () => {
    const ids = [...pending];
    for (let i = 0; i < ids.length; i += slice) {
      const part = ids.slice(i, i + slice);
      // Unmarked before the read: a change that lands while the refresh reads marks its appeal again.
      for (const id of part) pending.delete(id);
      try {
        await refresh(db, part);
      } catch (error) {
        for (const id of part) pending.add(id);
        throw error;
      }
    }
  };

  /** One refresh at a time, so a later refresh always writes after an earlier one. */
  const run = (): Promise<void> => {
    if (running) return running;
    const current = refreshPending().then(
      () => {
        running = null;
        retryMs = firstRetryMs;
        if (pending.size > 0) schedule(delayMs);
      },
      (error: unknown) => {
        running = null;
        console.warn(`register: ${pending.size} rows not refreshed, retrying`, error);
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        throw error;
      },
    );
    running = current;
    return current;
  };

  const mark = (appealId: unknown) => {
    if (typeof appealId !== 'string' || stopping) return;
    pending.add(appealId);
    schedule(running ? delayMs : Math.min(delayMs, IDLE_DELAY_MS));
  };

  const subscriptions: Subscription[] = [
    db.appeals.$.subscribe((change) => mark(change.documentId)),
    db.events.$.subscribe((change) => mark((change.documentData ?? change.previousDocumentData)?.appealId)),
  ];

  const projection: Projection = {
    async settled() {
      while (!stopping && (pending.size > 0 || running)) await run();
    },
    stop() {
      stopping ??= (async () => {
        for (const s of subscriptions) s.unsubscribe();
        if (timer !== null) clearTimeout(timer);
        timer = null;
        // What is pending is refreshed now: the rebuild at the next start adds missing rows but cannot see stale ones.
        try {
          await running;
          if (pending.size > 0) await run();
        } catch (error) {
          console.warn('register: rows not refreshed before the database closed', error);
        }
      })();
      return stopping;
    },
  };
  started.set(db, projection);
  db.onClose.push(() => projection.stop());
  return projection;
}
