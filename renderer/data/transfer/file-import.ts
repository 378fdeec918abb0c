/**
 * Importing an opened backup or transfer file in two readings of its body, page by page (format.ts OpenedFile), so a
 * register of 150,000 appeals is never held whole: the first reading checks every record (the file-level rules of
 * record-checks.ts, then ingest's acceptance check, the one every path uses) and writes nothing; only when all of them
 * pass does the second reading write them through ingest. A file is all or nothing, as when it was read whole.
 */
import type { Problem } from '../../../shared/domain/problem';
import { problem } from '../../../shared/domain/problem';
import { err, ok, type Result } from '../../../shared/lib/result';
import { sendsRecord } from '../../../shared/transfer/authorship';
import type { BodyOutcome } from '../../../shared/transfer/body-reader';
import type { OpenedFile, TransferDoc } from '../../../shared/transfer/format';
import { TRANSFER_PROBLEMS } from '../../../shared/transfer/problems';
import type { AppDatabase } from '../database';
import { type IngestCollection, type IngestSource, ingest } from '../ingest/ingest';
import type { Profile } from '../profile.repository';
import type { OnProgress } from './progress';
import { recordProblem } from './record-checks';
import { DATA_COLLECTIONS, queueForSending } from './transfer.repository';

const INGESTED: readonly string[] = ['appeals', 'events', 'files'] satisfies IngestCollection[];

/**
 * Records per page of a reading: one ingest call each (its lookups and its outbox rows in one write), and one progress
 * report. Larger pages write faster (fewer IndexedDB transactions) and still hold only a few MB.
 */
const PAGE = 5000;

/** The records a file says it holds (its authenticated header), for the progress shown. */
export function recordsIn(file: OpenedFile): number {
  return Object.entries(file.header.collections)
    .filter(([name]) => INGESTED.includes(name))
    .reduce((sum, [, c]) => sum + c.count, 0);
}

/**
 * The profile a file's body carries (backups), read before its records: files made now put it first, so the reading
 * stops at once; older ones have it last and are scanned to the end without parsing their records. Null when the body
 * is damaged or has none.
 */
export async function bodyProfile(file: OpenedFile): Promise<Result<unknown, Problem>> {
  let found: unknown = null;
  const outcome = await file.readBody({
    profile: (value) => {
      found = value;
      return 'stop';
    },
  });
  return outcome.kind === 'damaged' ? err(TRANSFER_PROBLEMS.damaged()) : ok(found);
}

/**
 * Pages of the body's collections, in this app's order (appeals before events, so an event's appeal is written
 * before it); a body in another order is not one this app writes: damaged.
 */
function inOrder(visit: (name: IngestCollection, docs: TransferDoc[]) => Promise<Problem | null>) {
  let last = -1;
  return async (name: string, docs: TransferDoc[]): Promise<Problem | null> => {
    // A file naming a collection this app lacks never gets here: opening refuses it as made by a newer version.
    if (!INGESTED.includes(name)) return null;
    const at = DATA_COLLECTIONS.indexOf(name);
    if (at < last) return TRANSFER_PROBLEMS.damaged();
    last = at;
    return visit(name as IngestCollection, docs);
  };
}

function outcomeProblem(outcome: BodyOutcome): Problem | null {
  if (outcome.kind === 'read') return null;
  if (outcome.kind === 'refused') return outcome.value as Problem;
  return TRANSFER_PROBLEMS.damaged();
}

/** The first problem among one page's records for this PC, or null. */
async function pageProblem(
  db: AppDatabase,
  file: OpenedFile,
  name: IngestCollection,
  docs: TransferDoc[],
  source: IngestSource,
  profile: Profile | null,
): Promise<Problem | null> {
  for (const doc of docs) {
    const fileLevel = recordProblem(file.header, name, doc);
    if (fileLevel) return fileLevel;
  }
  const { refused } = await ingest(db, name, docs, source, { mode: 'check', profile });
  const first = refused[0];
  if (!first) return null;
  return first.isTamper
    ? problem(
        '',
        'tampered-document',
        `Запис ${name}/${first.id} у файлі суперечить уже зареєстрованому (${first.reason.uk}): нічого не імпортовано`,
        `Record ${name}/${first.id} in the file contradicts one already registered (${first.reason.en}): nothing was imported`,
      )
    : problem(
        '',
        'invalid-document',
        `Запис ${name}/${first.id} у файлі неправильний (${first.reason.uk}): нічого не імпортовано`,
        `Record ${name}/${first.id} in the file is invalid (${first.reason.en}): nothing was imported`,
      );
}

/** The first reading: the first problem among the file's records, or null; nothing is written. */
export async function checkRecords(
  db: AppDatabase,
  file: OpenedFile,
  source: IngestSource,
  profile: Profile | null,
  onProgress: OnProgress,
): Promise<Problem | null> {
  const total = recordsIn(file);
  let done = 0;
  onProgress({ phase: 'checking', done, total });
  const outcome = await file.readBody(
    {
      docs: inOrder(async (name, docs) => {
        const found = await pageProblem(db, file, name, docs, source, profile);
        done += docs.length;
        onProgress({ phase: 'checking', done, total });
        return found;
      }),
    },
    PAGE,
  );
  return outcomeProblem(outcome);
}

/** What the second reading wrote. */
export interface Written {
  inserted: Record<string, number>;
  present: number;
}

/** The second reading: writes the checked records through ingest, new ones only, and their outbox rows. */
export async function writeRecords(
  db: AppDatabase,
  file: OpenedFile,
  source: IngestSource,
  profile: Profile,
  now: Date,
  onProgress: OnProgress,
): Promise<Result<Written, Problem>> {
  const total = recordsIn(file);
  const inserted: Record<string, number> = {};
  let present = 0;
  let done = 0;
  onProgress({ phase: 'writing', done, total });
  const outcome = await file.readBody(
    {
      collection: (name) => {
        if (INGESTED.includes(name)) inserted[name] = 0;
      },
      docs: inOrder(async (name, docs) => {
        const { accepted, written } = await ingest(db, name, docs, source, { profile, now });
        inserted[name] = (inserted[name] ?? 0) + written.length;
        present += accepted.length - written.length;
        const toSend = written.filter((d) => sendsRecord(profile.role, d)).map((d) => d.id);
        await queueForSending(db, name, toSend, now.toISOString());
        done += docs.length;
        onProgress({ phase: 'writing', done, total });
        return null;
      }),
    },
    PAGE,
  );
  // The same bytes read the same way twice: a problem now would mean the file changed in memory.
  const refused = outcomeProblem(outcome);
  return refused ? err(refused) : ok({ inserted, present });
}
