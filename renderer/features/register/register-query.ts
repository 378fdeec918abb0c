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

type DeadlineRow = Pick<RegisterRow, 'isOpen' | 'dueDate'>;
type Deadline = 'closed' | 'overdue' | 'due-soon' | 'ok';

/** How a row stands against its deadline on the given day. */
export function rowDeadline(row: DeadlineRow, today: IsoDate): Deadline {
  return deadlineOf(row, (dueDate) => daysBetween(today, dueDate));
}

/** True when an open row falls due within the next seven days (today included). */
export function isDueThisWeek(row: DeadlineRow, today: IsoDate): boolean {
  return dueThisWeek(row, (dueDate) => daysBetween(today, dueDate));
}

function deadlineOf(row: DeadlineRow, daysLeft: (dueDate: string) => number): Deadline {
  if (!row.isOpen) return 'closed';
  const left = daysLeft(row.dueDate);
  if (left < 0) return 'overdue';
  if (left < DUE_SOON_DAYS) return 'due-soon';
  return 'ok';
}

function dueThisWeek(row: DeadlineRow, daysLeft: (dueDate: string) => number): boolean {
  if (!row.isOpen) return false;
  const left = daysLeft(row.dueDate);
  return left >= 0 && left < 7;
}

/**
 * `daysBetween(today, dueDate)` remembered per due date for one pass over the rows. Parsing every row's date made a
 * deadline filter over 150,000 rows take 130–160 ms in Node, and left two Dates, four arrays and six strings of
 * garbage per row; the rows share a few hundred due dates. The same function still answers, so malformed dates come
 * out as they did.
 */
function daysLeftFrom(today: IsoDate): (dueDate: string) => number {
  const known = new Map<string, number>();
  return (dueDate) => {
    let left = known.get(dueDate);
    if (left === undefined) {
      left = daysBetween(today, dueDate);
      known.set(dueDate, left);
    }
    return left;
  };
}

function byId(a: RegisterRow, b: RegisterRow): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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

/** The filter as a test of one row; the deadline filters count days once per due date (daysLeftFrom). */
function rowFilter(filter: RegisterFilter, today: IsoDate): (row: RegisterRow) => boolean {
  const tokens = searchTokens(filter.text);
  const daysLeft = daysLeftFrom(today);
  return (row) =>
    (!filter.status || row.status === filter.status) &&
    (!filter.type || row.type === filter.type) &&
    (!filter.topic || row.topicCode === filter.topic) &&
    (!filter.village || row.villageId === filter.village) &&
    (filter.due !== 'week' || dueThisWeek(row, daysLeft)) &&
    (filter.due !== 'overdue' || deadlineOf(row, daysLeft) === 'overdue') &&
    (filter.due !== 'handover' || !!row.needsHandover) &&
    (tokens.length === 0 || matchesTokens(row.searchText, tokens));
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
  const keep = rowFilter(filter, today);
  const isDefault = sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir;
  if (isDefault && !options.inDefaultOrder) return newestFirstOf(rows, keep);
  const out: RegisterRow[] = [];
  for (const row of rows) if (keep(row)) out.push(row);
  if (isDefault) return out;
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Ties fall back to the id (a ULID: registration order), ascending in either direction: the first page read from
  // IndexedDB before the full load can only walk its index upwards, and both must show the same rows.
  out.sort((a, b) => sign * compare(a, b, sort.key) || byId(a, b));
  return out;
}

/**
 * The rows kept, in DEFAULT_SORT's order (newest received first, then by id) as a sort would put them, without
 * comparing rows: they are grouped by the day received as they are read, the days sorted, and a day's rows sorted by
 * id only when not already in id order (the index loads rows by id, so they mostly are). Sorting the 73,000 matches
 * of a text search over 150,000 rows took 65–75 ms in Node (each comparison reads two rows scattered in memory);
 * grouping them as they are read adds about 20.
 */
function newestFirstOf(rows: Iterable<RegisterRow>, keep: (row: RegisterRow) => boolean): RegisterRow[] {
  const byDay = new Map<string, RegisterRow[]>();
  for (const row of rows) {
    if (!keep(row)) continue;
    const list = byDay.get(row.receivedOn);
    if (list) list.push(row);
    else byDay.set(row.receivedOn, [row]);
  }
  const days = [...byDay.keys()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const out: RegisterRow[] = [];
  for (const day of days) {
    const list = byDay.get(day) as RegisterRow[];
    for (let i = 1; i < list.length; i++) {
      if (!((list[i - 1] as RegisterRow).id < (list[i] as RegisterRow).id)) {
        list.sort(byId);
        break;
      }
    }
    for (const row of list) out.push(row);
  }
  return out;
}

/**
 * The rows of the loaded register for a filter and sort, as the register screen shows them. Every row is read in the
 * index's own order (the order the rows sit in memory) and only the kept ones are put in order (newestFirstOf for the
 * default sort). Walking the rows kept presorted by date (RegisterIndex.newestFirst) reads them out of memory order:
 * in Chromium at 150,000 rows the same filters took 37.9 / 83.8 ms (median / p95) that way against 22.9 / 41.7 in
 * memory order, and at 50,000 9.7 / 33.1 against 6.6 / 15.0 (npm run bench). Figures in Node:
 * tests/bench/query.bench.ts.
 */
export function queryLoadedRegister(
  index: { all(): Iterable<RegisterRow> },
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
): RegisterRow[] {
  return queryRegister(index.all(), filter, sort, today);
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
  const daysLeft = daysLeftFrom(today);
  for (const row of rows) {
    counts.total++;
    if (row.isOpen) counts.open++;
    if (dueThisWeek(row, daysLeft)) counts.dueThisWeek++;
    if (deadlineOf(row, daysLeft) === 'overdue') counts.overdue++;
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
