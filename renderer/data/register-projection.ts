import type { MangoQuery } from 'rxdb';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import { foldAppeal, needsHandover } from '../../shared/domain/events/fold';
import { normalizeForSearch } from '../../shared/lib/search-text';
import { encodeFacts, reportFactsOf } from '../../shared/reports/report-facts';
import { type RegisterRow, recencyOf } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';

/** Display name of the applicant as the register shows it. */
export function applicantLabel(appeal: Pick<Appeal, 'surname' | 'givenName' | 'patronymic' | 'collectiveName'>): string {
  const person = [appeal.surname, appeal.givenName, appeal.patronymic]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  const collective = appeal.collectiveName.trim();
  if (collective && person) return `${collective} (${person})`;
  return collective || person;
}

/** The register row of one appeal from its document and all its events. */
export function toRegisterRow(appeal: Appeal, events: readonly AppealEvent[]): RegisterRow {
  const state = foldAppeal(appeal, events);
  const current = state.current;
  const applicant = applicantLabel(current);
  const searchText = normalizeForSearch(
    [appeal.regIndex, applicant, current.address, current.phone, ...current.issues.map((i) => i.text)].join(' '),
  );
  return {
    id: appeal.id,
    villageId: appeal.villageId,
    regIndex: appeal.regIndex,
    applicant,
    address: current.address,
    topicCode: current.issues[0]?.topicCode ?? '',
    type: current.type,
    subject: current.subject,
    status: state.status,
    receivedOn: current.receivedOn,
    recency: recencyOf(current.receivedOn),
    dueDate: state.dueDate,
    isOpen: state.isOpen ? 1 : 0,
    needsHandover: needsHandover(state) ? 1 : 0,
    isExtended: state.isExtended ? 1 : 0,
    searchText,
    updatedAt: state.updatedAt,
    report: encodeFacts(reportFactsOf(appeal, events)),
  };
}

/** One page of appeals by primary key. */
export const appealPageQuery = (afterId: string, limit: number): MangoQuery<Appeal> => ({
  selector: { id: { $gt: afterId } },
  sort: [{ id: 'asc' }],
  limit,
});

/** Recomputes the register rows of the given appeals from their documents and events; returns the rows written. */
export async function refreshRows(db: AppDatabase, appealIds: readonly string[]): Promise<RegisterRow[]> {
  const ids = [...new Set(appealIds)];
  if (ids.length === 0) return [];
  const appeals = await db.appeals.findByIds(ids).exec();
  // One query per appeal, not one `$in`: RxDB answers an `$in` by scanning its index from the smallest to the largest
  // id, which for a sync's batch spread over 27 villages is nearly every event (500 appeals spread over 20,000: 2.4 s
  // against 0.3 s one by one, and the scan grows with the register; tests/bench/council.bench.ts).
  const lists = await Promise.all(ids.map((id) => db.events.find({ selector: { appealId: id } }).exec()));
  const byAppeal = new Map<string, AppealEvent[]>();
  for (const [i, docs] of lists.entries())
    byAppeal.set(
      ids[i] as string,
      docs.map((e) => e.toMutableJSON() as AppealEvent),
    );
  const rows: RegisterRow[] = [];
  for (const doc of appeals.values()) {
    const appeal = doc.toMutableJSON() as Appeal;
    rows.push(toRegisterRow(appeal, byAppeal.get(appeal.id) ?? []));
  }
  await db.register.bulkUpsert(rows);
  return rows;
}

/**
 * Makes sure the projection covers every appeal (a first start, an interrupted write, or a newer app version):
 * rebuilds the missing rows in batches. Returns how many rows were rebuilt.
 */
export async function ensureRegister(db: AppDatabase, batchSize = 500): Promise<number> {
  const [appealCount, rowCount] = await Promise.all([db.appeals.count().exec(), db.register.count().exec()]);
  if (appealCount === rowCount) return 0;
  let rebuilt = 0;
  let lastId = '';
  for (;;) {
    const page = await db.appeals.find(appealPageQuery(lastId, batchSize)).exec();
    if (page.length === 0) break;
    const ids = page.map((d) => d.id);
    const existing = await db.register.findByIds(ids).exec();
    const missing = ids.filter((id) => !existing.has(id));
    await refreshRows(db, missing);
    rebuilt += missing.length;
    lastId = ids[ids.length - 1] ?? lastId;
  }
  return rebuilt;
}
