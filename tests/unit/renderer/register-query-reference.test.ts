import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirstOrder } from '../../../renderer/data/register-index';
import {
  DEFAULT_SORT,
  type DueFilter,
  isDueThisWeek,
  overviewCounts,
  queryLoadedRegister,
  queryRegister,
  type RegisterFilter,
  type RegisterSort,
  rowDeadline,
  type SortKey,
} from '../../../renderer/features/register/register-query';
import { addDays, daysBetween } from '../../../shared/lib/dates';
import { searchTokens } from '../../../shared/lib/search-text';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { rowOf, TODAY } from '../../helpers/data/fixtures';

/**
 * The register query's fast paths (due dates answered once per date, newest-first order by grouping days) against the
 * query as first written: each row's due date parsed, the matches sorted with one comparison.
 */
function reference(rows: Iterable<RegisterRow>, f: RegisterFilter, sort: RegisterSort, today: string): RegisterRow[] {
  const tokens = searchTokens(f.text);
  const left = (row: RegisterRow) => daysBetween(today, row.dueDate);
  const kept = [...rows].filter(
    (row) =>
      (!f.status || row.status === f.status) &&
      (!f.type || row.type === f.type) &&
      (!f.topic || row.topicCode === f.topic) &&
      (!f.village || row.villageId === f.village) &&
      (f.due !== 'week' || (row.isOpen === 1 && left(row) >= 0 && left(row) < 7)) &&
      (f.due !== 'overdue' || (row.isOpen === 1 && left(row) < 0)) &&
      (f.due !== 'handover' || row.needsHandover === 1) &&
      tokens.every((t) => row.searchText.includes(t)),
  );
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byKey = (a: RegisterRow, b: RegisterRow): number => {
    if (sort.key === 'regIndex') {
      return a.villageId.localeCompare(b.villageId) || a.regIndex.localeCompare(b.regIndex, 'uk', { numeric: true });
    }
    if (sort.key === 'applicant') return a.applicant.localeCompare(b.applicant, 'uk');
    return a[sort.key] < b[sort.key] ? -1 : a[sort.key] > b[sort.key] ? 1 : 0;
  };
  return kept.sort((a, b) => sign * byKey(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Due dates daysBetween reads in its own way: impossible days roll over, short parts and spaces still parse. */
const ODD_DATES = [
  '',
  'garbage',
  '2024-02-30',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-05-3',
  '2024-5-21',
  '0050-05-20',
  ' 2024-05-21',
  '2024-05-21 ',
  '2024-05-21T10:00',
  '+2024-05-21',
  '2024-05-21-07',
  '20240521',
  '2024-05-20.5',
  '2024-05-32',
];
/** Days around the month, leap day and year ends, where counting days by date strings would go wrong. */
const TODAYS = [TODAY, '2024-02-26', '2024-02-29', '2024-03-01', '2024-12-28', '2025-01-01'];
const WORDS = ['мельник', "м'який", 'олена', 'садова', '17', 'hlyboke.1-м-12', 'дорога', 'вода', '№4999'];
const QUERIES = [
  '',
  '  ',
  'мельник',
  'М’ЯКИЙ',
  'олена садова',
  'дорог',
  '17',
  'hlyboke.1-м-1',
  'вода  дорога олена',
  'нема',
  '№4999',
];
const STATUSES = ['registered', 'forwarded', 'answered'] as const;

const dueDate = fc.oneof(
  fc.integer({ min: -12, max: 12 }).map((d) => addDays(TODAY, d)),
  fc.constantFrom(...TODAYS.flatMap((t) => [-1, 0, 2, 3, 6, 7].map((d) => addDays(t, d)))),
  fc.constantFrom(...ODD_DATES),
);
const rowArb = fc
  .record({
    id: fc.stringMatching(/^[0-9A-F]{3}$/),
    // Few days, so that many rows share one and the tie by id decides.
    receivedOn: fc.integer({ min: -4, max: 0 }).map((d) => addDays(TODAY, d)),
    dueDate,
    status: fc.constantFrom(...STATUSES),
    isOpen: fc.constantFrom<0 | 1>(0, 1),
    needsHandover: fc.constantFrom<0 | 1>(0, 1),
    words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
    applicant: fc.constantFrom('Бойко Анна', 'Ґудзь Богдан', 'Євтушенко Ірина'),
    seq: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ words, seq, ...r }) => rowOf({ ...r, regIndex: `HLYBOKE.1-М-${seq}`, searchText: words.join(' ') }));
/** Rows in any order, or in id order as the index loads them (the order the fast path expects and checks). */
const rowsArb = fc
  .tuple(fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 60 }), fc.boolean())
  .map(([rows, byId]) => (byId ? [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)) : rows));
const filterArb = fc.record({
  status: fc.constantFrom('', ...STATUSES),
  type: fc.constant(''),
  topic: fc.constant(''),
  due: fc.constantFrom<DueFilter>('', 'week', 'overdue', 'handover'),
  village: fc.constant(''),
  text: fc.constantFrom(...QUERIES),
});
const sortArb = fc.oneof(
  fc.constant(DEFAULT_SORT),
  fc.record({
    key: fc.constantFrom<SortKey>('receivedOn', 'dueDate', 'regIndex', 'applicant', 'status'),
    dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  }),
);

/** Same rows (the very objects) in the same order. */
function expectSame(actual: RegisterRow[], expected: RegisterRow[]): void {
  expect(actual.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  expect(actual.every((r, i) => r === expected[i])).toBe(true);
}

describe('queryRegister gives the rows and order of the straightforward query', () => {
  it('for any rows, filter, sort and day, odd due dates included', () => {
    fc.assert(
      fc.property(rowsArb, filterArb, sortArb, fc.constantFrom(...TODAYS), (rows, f, sort, today) => {
        expectSame(queryRegister(rows, f, sort, today), reference(rows, f, sort, today));
      }),
      { numRuns: 500 },
    );
  });

  it('presorted rows only filtered give the same', () => {
    fc.assert(
      fc.property(rowsArb, filterArb, fc.constantFrom(...TODAYS), (rows, f, today) => {
        const presorted = [...rows].sort(newestFirstOrder);
        const fast = queryRegister(presorted, f, DEFAULT_SORT, today, { inDefaultOrder: true });
        expectSame(fast, reference(rows, f, DEFAULT_SORT, today));
      }),
      { numRuns: 300 },
    );
  });
});

describe('queryLoadedRegister after the rows changed', () => {
  // A changed row keeps its place in the Map, a new one goes last whatever its id: memory order is then not id order.
  const editArb = fc.oneof(
    rowArb.map((row) => ({ kind: 'set' as const, row })),
    fc.stringMatching(/^[0-9A-F]{3}$/).map((id) => ({ kind: 'delete' as const, id })),
  );

  it('gives the straightforward query over the rows now held', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.array(editArb, { maxLength: 30 }),
        filterArb,
        sortArb,
        fc.constantFrom(...TODAYS),
        (rows, edits, f, sort, today) => {
          const held = new Map(rows.map((r) => [r.id, r]));
          for (const edit of edits) {
            if (edit.kind === 'set') held.set(edit.row.id, edit.row);
            else held.delete(edit.id);
          }
          const ordered = [...held.values()].sort(newestFirstOrder);
          const index = { all: () => held.values(), newestFirst: () => ordered };
          expectSame(queryLoadedRegister(index, f, sort, today), reference(held.values(), f, sort, today));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('deadlines of odd due dates', () => {
  it('overviewCounts counts what rowDeadline and isDueThisWeek say row by row', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.constantFrom(...TODAYS), (rows, today) => {
        const left = (row: RegisterRow) => daysBetween(today, row.dueDate);
        expect(overviewCounts(rows, today)).toEqual({
          total: rows.length,
          open: rows.filter((r) => r.isOpen).length,
          dueThisWeek: rows.filter((r) => r.isOpen && left(r) >= 0 && left(r) < 7).length,
          overdue: rows.filter((r) => r.isOpen && left(r) < 0).length,
          toHandOver: rows.filter((r) => r.needsHandover).length,
        });
        expect(overviewCounts(rows, today).dueThisWeek).toBe(rows.filter((r) => isDueThisWeek(r, today)).length);
        expect(overviewCounts(rows, today).overdue).toBe(rows.filter((r) => rowDeadline(r, today) === 'overdue').length);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, ReturnType<typeof rowDeadline>, boolean]>([
    ['2024-05-19', 'overdue', false],
    ['2024-05-20', 'due-soon', true],
    ['2024-05-22', 'due-soon', true],
    ['2024-05-23', 'ok', true],
    ['2024-05-26', 'ok', true],
    ['2024-05-27', 'ok', false],
    // daysBetween rolls impossible days over and reads short parts: these are not errors, they have a day.
    ['2024-04-31', 'overdue', false], // = 1 May
    ['2024-05-3', 'overdue', false],
    ['2024-5-21', 'due-soon', true],
    ['2024-05-21 ', 'due-soon', true],
    ['0050-05-20', 'overdue', false], // year 50 reads as 1950
    // Nothing to count from: never overdue, never this week.
    ['', 'ok', false],
    ['garbage', 'ok', false],
    ['2024-05-21T10:00', 'ok', false],
  ])('due %j on %s', (due, deadline, week) => {
    const row = rowOf({ id: 'D1', dueDate: due, isOpen: 1 });
    expect(rowDeadline(row, TODAY)).toBe(deadline);
    expect(isDueThisWeek(row, TODAY)).toBe(week);
    const f = (d: DueFilter): RegisterFilter => ({ status: '', type: '', topic: '', village: '', text: '', due: d });
    expect(queryRegister([row], f('overdue'), DEFAULT_SORT, TODAY)).toHaveLength(deadline === 'overdue' ? 1 : 0);
    expect(queryRegister([row], f('week'), DEFAULT_SORT, TODAY)).toHaveLength(week ? 1 : 0);
  });
});
