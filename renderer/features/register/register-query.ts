import { DUE_SOON_DAYS } from '../../../shared/domain/deadlines/deadlines';
import { daysBetween, type IsoDate } from '../../../shared/lib/dates';
import { matchesTokens, searchTokens } from '../../../shared/lib/search-text';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';

export type DueFilter = '' | 'week' | 'overdue' | 'handover';
export type SortKey = 'receivedOn' | 'dueDate' | 'regIndex' | 'applicant' | 'status';

export interface RegisterFilter {
  status: string;
  type: string;
  topic: string;
  due: DueFilter;
  village: string;
  text: string;
}

export interface RegisterSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const EMPTY_FILTER: RegisterFilter = { status: '', type: '', topic: '', due: '', village: '', text: '' };
export const DEFAULT_SORT: RegisterSort = { key: 'receivedOn', dir: 'desc' };

/** How a row stands against its deadline on the given day. */
export function rowDeadline(
  row: Pick<RegisterRow, 'isOpen' | 'dueDate'>,
  today: IsoDate,
): 'closed' | 'overdue' | 'due-soon' | 'ok' {
  if (!row.isOpen) return 'closed';
  const left = daysBetween(today, row.dueDate);
  if (left < 0) return 'overdue';
  if (left < DUE_SOON_DAYS) return 'due-soon';
  return 'ok';
}

/** True when an open row falls due within the next seven days (today included). */
export function isDueThisWeek(row: Pick<RegisterRow, 'isOpen' | 'dueDate'>, today: IsoDate): boolean {
  if (!row.isOpen) return false;
  const left = daysBetween(today, row.dueDate);
  return left >= 0 && left < 7;
}

function compare(a: RegisterRow, b: RegisterRow, key: SortKey): number {
  if (key === 'regIndex') {
    const byPrefix = a.villageId.localeCompare(b.villageId);
    return byPrefix !== 0 ? byPrefix : a.regIndex.localeCompare(b.regIndex, 'uk', { numeric: true });
  }
  if (key === 'applicant') return a.applicant.localeCompare(b.applicant, 'uk');
  const x = a[key];
  const y = b[key];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Filters and sorts register rows in memory: 50,000 rows take tens of milliseconds. `inDefaultOrder`: the rows come
 * already in DEFAULT_SORT's order (RegisterIndex.newestFirst), so with that sort nothing is sorted again, only filtered.
 */
export function queryRegister(
  rows: Iterable<RegisterRow>,
  filter: RegisterFilter,
  sort: RegisterSort,
  today: IsoDate,
  options: { inDefaultOrder?: boolean } = {},
): RegisterRow[] {
  const tokens = searchTokens(filter.text);
  const out: RegisterRow[] = [];
  for (const row of rows) {
    if (filter.status && row.status !== filter.status) continue;
    if (filter.type && row.type !== filter.type) continue;
    if (filter.topic && row.topicCode !== filter.topic) continue;
    if (filter.village && row.villageId !== filter.village) continue;
    if (filter.due === 'week' && !isDueThisWeek(row, today)) continue;
    if (filter.due === 'overdue' && rowDeadline(row, today) !== 'overdue') continue;
    if (filter.due === 'handover' && !row.needsHandover) continue;
    if (tokens.length > 0 && !matchesTokens(row.searchText, tokens)) continue;
    out.push(row);
  }
  if (options.inDefaultOrder && sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) return out;
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Ties fall back to the id (a ULID: registration order), ascending in either direction: the first page read from
  // IndexedDB before the full load can only walk its index upwards, and both must show the same rows.
  out.sort((a, b) => sign * compare(a, b, sort.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/**
 * The rows of the loaded register for a filter and sort, by the faster path. Filters by status or deadline keep many
 * rows: walking the rows kept in the default order and only filtering saves their sort. A text search keeps few: the
 * rows are read in the index's own order (the order they sit in memory) and only the matches are sorted. Walking
 * 150,000 rows in date order cost 126 ms against 79 ms in memory order with the sort (measured in Node).
 */
export function queryLoadedRegister(
  index: { all(): Iterable<RegisterRow>; newestFirst(): RegisterRow[] },
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
): RegisterRow[] {
  if (searchTokens(filter.text).length > 0) return queryRegister(index.all(), filter, sort, today);
  return queryRegister(index.newestFirst(), filter, sort, today, { inDefaultOrder: true });
}

export interface OverviewCounts {
  total: number;
  open: number;
  dueThisWeek: number;
  overdue: number;
  toHandOver: number;
}

/** The village overview: open, due this week, overdue, answered but not yet handed over. */
export function overviewCounts(rows: Iterable<RegisterRow>, today: IsoDate): OverviewCounts {
  const counts: OverviewCounts = { total: 0, open: 0, dueThisWeek: 0, overdue: 0, toHandOver: 0 };
  for (const row of rows) {
    counts.total++;
    if (row.isOpen) counts.open++;
    if (isDueThisWeek(row, today)) counts.dueThisWeek++;
    if (rowDeadline(row, today) === 'overdue') counts.overdue++;
    if (row.needsHandover) counts.toHandOver++;
  }
  return counts;
}

/** The overview per village (the council's deadline overview across villages), villages in code order. */
export function overviewByVillage(rows: Iterable<RegisterRow>, today: IsoDate): Map<string, OverviewCounts> {
  const byVillage = new Map<string, RegisterRow[]>();
  for (const row of rows) {
    const list = byVillage.get(row.villageId) ?? [];
    list.push(row);
    byVillage.set(row.villageId, list);
  }
  return new Map([...byVillage.keys()].sort().map((v) => [v, overviewCounts(byVillage.get(v) ?? [], today)]));
}
