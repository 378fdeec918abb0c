/**
 * Records that did not enter the local database, kept with their reason, where they came from and when: never
 * dropped, never blocking the records after them. One RxDB local document (not a collection: RxDB's free build allows
 * 13 collections per process), so it survives restarts, never replicates, and the status bar can observe it.
 */
import type { Reason } from '../../../shared/couch/accept-record';
import type { AppDatabase } from '../database';

/** The paths by which records enter the local database. */
export type IngestSource = 'registration' | 'event' | 'pull' | 'transfer' | 'backup' | 'file-pull';

/** The collections whose records enter through ingest. */
export type IngestCollection = 'appeals' | 'events' | 'files';

/** One record set aside. */
export interface SetAsideEntry {
  /** `<collection>:<id>`: a record set aside again replaces its earlier entry. */
  key: string;
  collection: IngestCollection;
  id: string;
  source: IngestSource;
  reason: Reason;
  /** The record contradicts one this PC already holds (possible forgery): the local one was kept. */
  isTamper: boolean;
  at: string;
  /** The record as it arrived (without attachments), so that nothing is lost. */
  record: Record<string, unknown>;
}

interface SetAsideData {
  entries: SetAsideEntry[];
}

const SET_ASIDE_ID = 'ingest-set-aside';

/** Writes of one database, one after another: the two pulls set records aside at the same time. */
const queues = new WeakMap<AppDatabase, Promise<unknown>>();

function entriesOf(doc: { toJSON(): { data: unknown } } | null): SetAsideEntry[] {
  const data = doc ? (doc.toJSON().data as Partial<SetAsideData>) : null;
  return Array.isArray(data?.entries) ? data.entries : [];
}

/** Every record set aside on this PC, oldest first. */
export async function loadSetAside(db: AppDatabase): Promise<SetAsideEntry[]> {
  return entriesOf(await db.getLocal<SetAsideData>(SET_ASIDE_ID));
}

/** Adds entries (replacing earlier ones of the same record). */
export function addSetAside(db: AppDatabase, entries: readonly SetAsideEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined) // an earlier failed write was reported to its own caller
    .then(async () => {
      const keys = new Set(entries.map((e) => e.key));
      const kept = (await loadSetAside(db)).filter((e) => !keys.has(e.key));
      await db.upsertLocal<SetAsideData>(SET_ASIDE_ID, { entries: [...kept, ...entries] });
    });
  queues.set(db, next);
  return next;
}

/** Live list of records set aside. */
export function observeSetAside(db: AppDatabase, onChange: (entries: SetAsideEntry[]) => void): () => void {
  const sub = db.getLocal$<SetAsideData>(SET_ASIDE_ID).subscribe((doc) => onChange(entriesOf(doc)));
  return () => sub.unsubscribe();
}
