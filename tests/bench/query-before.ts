/**
 * The register's in-memory query as it was before the deadline filters counted days once per due date and the
 * default order was put together by day (renderer/features/register/register-query.ts at commit f093cb2, the parts
 * queryLoadedRegister runs), kept for tests/bench/query.bench.ts to time against the current code in the same run.
 * Not used by the app.
 */
import { daysBetween, type IsoDate } from '../../shared/lib/dates.ts';
import { matchesTokens, searchTokens } from '../../shared/lib/search-text.ts';
import type { RegisterRow } from '../../shared/schema/register-row.schema.ts';

type SortKey = 'receivedOn' | 'dueDate' | 'regIndex' | 'applicant' | 'status';
interface RegisterFilter {
  status: string;
  type: string;
  topic: string;
  due: string;
  village: string;
  text: string;
}
interface RegisterSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const DUE_SOON_DAYS = 3;
const DEFAULT_SORT: RegisterSort = { key: 'receivedOn', dir: 'desc' };

function rowDeadline(row: Pick<RegisterRow, 'isOpen' | 'dueDate'>, today: IsoDate): 'closed' | 'overdue' | 'due-soon' | 'ok' {
  if (!row.isOpen) return 'closed';
  const left = daysBetween(today, row.dueDate);
  if (left < 0) return 'overdue';
  if (left < DUE_SOON_DAYS) return 'due-soon';
  return 'ok';
}

function isDueThisWeek(row: Pick<RegisterRow, 'isOpen' | 'dueDate'>, today: IsoDate): boolean {
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

function queryRegister(
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
  out.sort((a, b) => sign * compare(a, b, sort.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

export function queryLoadedRegisterBefore(
  index: { all(): Iterable<RegisterRow>; newestFirst(): RegisterRow[] },
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
): RegisterRow[] {
  if (searchTokens(filter.text).length > 0) return queryRegister(index.all(), filter, sort, today);
  return queryRegister(index.newestFirst(), filter, sort, today, { inDefaultOrder: true });
}
