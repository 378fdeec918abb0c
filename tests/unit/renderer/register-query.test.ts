import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirstOrder } from '../../../renderer/data/register-index';
import {
  DEFAULT_SORT,
  type DueFilter,
  EMPTY_FILTER,
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
import { normalizeForSearch } from '../../../shared/lib/search-text';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { rowOf, TODAY } from '../../helpers/data/fixtures';

const ids = (rows: readonly RegisterRow[]) => rows.map((r) => r.id);
const filter = (patch: Partial<RegisterFilter>): RegisterFilter => ({ ...EMPTY_FILTER, ...patch });
const asc = (key: SortKey): RegisterSort => ({ key, dir: 'asc' });

/** A small register with one distinguishing trait per row. */
const ROWS: RegisterRow[] = [
  rowOf({ id: 'R01', status: 'registered', dueDate: TODAY }),
  rowOf({ id: 'R02', status: 'forwarded', type: 'complaint', dueDate: addDays(TODAY, 6) }),
  rowOf({ id: 'R03', status: 'in-progress', topicCode: '010', dueDate: addDays(TODAY, 7) }),
  rowOf({ id: 'R04', status: 'registered', villageId: 'zelene', regIndex: 'ZELENE.1-М-1', dueDate: addDays(TODAY, -1) }),
  rowOf({ id: 'R05', status: 'answered', isOpen: 0, needsHandover: 1, dueDate: addDays(TODAY, -5) }),
  rowOf({ id: 'R06', status: 'delivered', isOpen: 0, needsHandover: 0, dueDate: addDays(TODAY, 2) }),
  rowOf({ id: 'R07', status: 'forwarded', type: 'proposal', topicCode: '010', dueDate: addDays(TODAY, -30) }),
  rowOf({ id: 'R08', status: 'closed', isOpen: 0, needsHandover: 1, type: 'complaint', dueDate: addDays(TODAY, 1) }),
];

/** Sort keys restated: numeric parts of the index compare as numbers. */
function keyCompare(a: RegisterRow, b: RegisterRow, key: SortKey): number {
  if (key === 'applicant') return a.applicant.localeCompare(b.applicant, 'uk');
  if (key === 'regIndex') {
    if (a.villageId !== b.villageId) return a.villageId.localeCompare(b.villageId);
    const parts = (r: RegisterRow) => /^[A-Z]+\.(\d+)-.+-(\d+)$/.exec(r.regIndex)?.slice(1).map(Number) ?? [];
    const [wa = 0, sa = 0] = parts(a);
    const [wb = 0, sb = 0] = parts(b);
    return wa - wb || sa - sb;
  }
  return a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
}

describe('queryRegister: each filter alone', () => {
  it.each<[string, Partial<RegisterFilter>, string[]]>([
    ['no filter keeps every row', {}, ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08']],
    ['status registered', { status: 'registered' }, ['R01', 'R04']],
    ['status forwarded', { status: 'forwarded' }, ['R02', 'R07']],
    ['status nobody has', { status: 'returned' }, []],
    ['type complaint', { type: 'complaint' }, ['R02', 'R08']],
    ['type proposal', { type: 'proposal' }, ['R07']],
    ['topic 010', { topic: '010' }, ['R03', 'R07']],
    ['village zelene', { village: 'zelene' }, ['R04']],
    ['village hlyboke', { village: 'hlyboke' }, ['R01', 'R02', 'R03', 'R05', 'R06', 'R07', 'R08']],
    // Open rows due today … today + 6; R03 (7 days), closed R06/R08 and overdue ones are out.
    ['due this week', { due: 'week' }, ['R01', 'R02']],
    // Open rows past their due date; R05 is past due but answered (closed for the deadline).
    ['overdue', { due: 'overdue' }, ['R04', 'R07']],
    ['to hand over', { due: 'handover' }, ['R05', 'R08']],
  ])('%s', (_name, patch, expected) => {
    const result = queryRegister(ROWS, filter(patch), asc('regIndex'), TODAY);
    expect(ids(result).sort()).toEqual(expected);
  });
});

describe('queryRegister: filters combined (all must hold)', () => {
  it.each<[string, Partial<RegisterFilter>, string[]]>([
    ['forwarded complaints', { status: 'forwarded', type: 'complaint' }, ['R02']],
    ['topic 010 and overdue', { topic: '010', due: 'overdue' }, ['R07']],
    ['registered in zelene, overdue', { status: 'registered', village: 'zelene', due: 'overdue' }, ['R04']],
    ['registered in zelene, due this week', { status: 'registered', village: 'zelene', due: 'week' }, []],
    ['complaints to hand over', { type: 'complaint', due: 'handover' }, ['R08']],
    [
      'every filter set and matching one row',
      { status: 'forwarded', type: 'proposal', topic: '010', due: 'overdue', village: 'hlyboke', text: 'мельник' },
      ['R07'],
    ],
  ])('%s', (_name, patch, expected) => {
    expect(ids(queryRegister(ROWS, filter(patch), DEFAULT_SORT, TODAY)).sort()).toEqual(expected);
  });
});

describe('queryRegister: text search', () => {
  const people = [
    rowOf({ id: 'S1', applicant: 'Мʼякий Олег Іванович', address: 'вул. Польова, 1' }), // U+02BC
    rowOf({ id: 'S2', applicant: 'Бондаренко Олена Петрівна', address: 'вул. Садова, 7' }),
    rowOf({ id: 'S3', applicant: 'Коваль Олег Петрович', address: 'вул. Польова, 9', regIndex: 'HLYBOKE.2-К-17' }),
    rowOf({ id: 'S4', applicant: "Дем'яненко Ганна", address: 'вул. Садова, 12' }), // U+0027
  ];
  const search = (text: string) => ids(queryRegister(people, filter({ text }), asc('regIndex'), TODAY)).sort();

  it.each<[string, string[]]>([
    ["м'який", ['S1']], // typed with U+0027, stored with U+02BC
    ['М’ЯКИЙ', ['S1']], // U+2019, upper case
    ['м‘який', ['S1']], // U+2018
    ['мʼякий', ['S1']], // U+02BC
    ['ДЕМʼЯНЕНКО', ['S4']], // stored with U+0027, typed with U+02BC
    ['олег', ['S1', 'S3']],
    ['ОЛЕГ', ['S1', 'S3']],
    ['олег польова', ['S1', 'S3']],
    ['олег петрович', ['S3']], // several words: all must match
    ['олег садова', []],
    ['  олег   ПОЛЬОВА  ', ['S1', 'S3']], // extra white space
    ['садова', ['S2', 'S4']], // address
    ['hlyboke.2-к-17', ['S3']], // the registration index
    ['', ['S1', 'S2', 'S3', 'S4']], // blank query: no text filter
    ['   ', ['S1', 'S2', 'S3', 'S4']],
    ['шевченко', []],
  ])('%j finds %j', (text, expected) => {
    expect(search(text)).toEqual(expected);
  });
});

describe('queryRegister: sort', () => {
  // Pairs of rows share each key so ties must fall back to the id.
  const rows = [
    rowOf({
      id: 'T5',
      receivedOn: '2024-05-10',
      dueDate: '2024-06-09',
      regIndex: 'HLYBOKE.1-М-10',
      applicant: 'Бойко Анна',
      status: 'forwarded',
    }),
    rowOf({
      id: 'T2',
      receivedOn: '2024-05-12',
      dueDate: '2024-06-11',
      regIndex: 'HLYBOKE.1-М-2',
      applicant: 'Ґудзь Богдан',
      status: 'answered',
    }),
    rowOf({
      id: 'T4',
      receivedOn: '2024-05-10',
      dueDate: '2024-06-11',
      regIndex: 'HLYBOKE.1-М-9',
      applicant: 'Бойко Анна',
      status: 'registered',
    }),
    rowOf({
      id: 'T1',
      receivedOn: '2024-05-01',
      dueDate: '2024-05-31',
      regIndex: 'HLYBOKE.10-А-1',
      applicant: 'Євтушенко Ірина',
      status: 'forwarded',
    }),
    rowOf({
      id: 'T3',
      receivedOn: '2024-05-12',
      dueDate: '2024-06-09',
      regIndex: 'HLYBOKE.2-А-3',
      applicant: 'Гнатюк Віра',
      status: 'registered',
    }),
  ];

  it.each<[SortKey, string[]]>([
    ['receivedOn', ['T1', 'T4', 'T5', 'T2', 'T3']],
    ['dueDate', ['T1', 'T3', 'T5', 'T2', 'T4']],
    // Numeric: -2 before -9 before -10, workstation 2 before 10.
    ['regIndex', ['T2', 'T4', 'T5', 'T3', 'T1']],
    // Ukrainian alphabet: Б Г Ґ Є (Ґ after Г, not after Я as in code-point order).
    ['applicant', ['T4', 'T5', 'T3', 'T2', 'T1']],
    ['status', ['T2', 'T1', 'T5', 'T3', 'T4']],
  ])('by %s ascending, ties by id', (key, expected) => {
    expect(ids(queryRegister(rows, EMPTY_FILTER, asc(key), TODAY))).toEqual(expected);
  });

  it.each<SortKey>(['receivedOn', 'dueDate', 'regIndex', 'applicant', 'status'])(
    'by %s descending reverses the keys but keeps ties in ascending id order (as the first page from IndexedDB does)',
    (key) => {
      const down = queryRegister(rows, EMPTY_FILTER, { key, dir: 'desc' }, TODAY);
      for (let i = 1; i < down.length; i++) {
        const a = down[i - 1] as RegisterRow;
        const b = down[i] as RegisterRow;
        const byKey = keyCompare(a, b, key);
        expect(byKey).toBeGreaterThanOrEqual(0);
        if (byKey === 0) expect(a.id < b.id).toBe(true);
      }
    },
  );

  it('the order does not depend on the input order', () => {
    const shuffled = [rows[3], rows[0], rows[4], rows[2], rows[1]] as RegisterRow[];
    for (const key of ['receivedOn', 'dueDate', 'regIndex', 'applicant', 'status'] as const) {
      expect(ids(queryRegister(shuffled, EMPTY_FILTER, asc(key), TODAY))).toEqual(
        ids(queryRegister(rows, EMPTY_FILTER, asc(key), TODAY)),
      );
    }
  });

  it('regIndex sorts by village before the index (rows of two villages)', () => {
    const mixed = [
      rowOf({ id: 'V1', villageId: 'zelene', regIndex: 'ZELENE.1-А-1' }),
      rowOf({ id: 'V2', villageId: 'hlyboke', regIndex: 'HLYBOKE.1-Я-100' }),
    ];
    expect(ids(queryRegister(mixed, EMPTY_FILTER, asc('regIndex'), TODAY))).toEqual(['V2', 'V1']);
  });

  it('the default sort is newest received first', () => {
    // T2 and T3 came the same day: within a day, registration order (ascending id).
    expect(ids(queryRegister(rows, EMPTY_FILTER, DEFAULT_SORT, TODAY)).slice(0, 2)).toEqual(['T2', 'T3']);
  });

  it('does not change the input array', () => {
    const input = [...rows];
    queryRegister(input, EMPTY_FILTER, asc('applicant'), TODAY);
    expect(input).toEqual(rows);
  });
});

describe('rowDeadline and isDueThisWeek', () => {
  it.each<[string, number, 0 | 1, ReturnType<typeof rowDeadline>, boolean]>([
    ['due today', 0, 1, 'due-soon', true],
    ['due tomorrow', 1, 1, 'due-soon', true],
    ['due in 2 days', 2, 1, 'due-soon', true],
    ['due in 3 days', 3, 1, 'ok', true],
    ['due in 6 days', 6, 1, 'ok', true],
    ['due in 7 days', 7, 1, 'ok', false],
    ['due in 30 days', 30, 1, 'ok', false],
    ['due yesterday', -1, 1, 'overdue', false],
    ['due a month ago', -31, 1, 'overdue', false],
    ['closed, due today', 0, 0, 'closed', false],
    ['closed, due yesterday', -1, 0, 'closed', false],
    ['closed, due in 3 days', 3, 0, 'closed', false],
  ])('%s', (_name, days, isOpen, deadline, week) => {
    const row = { isOpen, dueDate: addDays(TODAY, days) };
    expect(rowDeadline(row, TODAY)).toBe(deadline);
    expect(isDueThisWeek(row, TODAY)).toBe(week);
  });

  it('counts calendar days across a month and a year end', () => {
    expect(isDueThisWeek({ isOpen: 1, dueDate: '2025-01-05' }, '2024-12-30')).toBe(true);
    expect(isDueThisWeek({ isOpen: 1, dueDate: '2025-01-06' }, '2024-12-30')).toBe(false);
    expect(rowDeadline({ isOpen: 1, dueDate: '2024-02-29' }, '2024-03-01')).toBe('overdue');
  });
});

describe('overviewCounts', () => {
  it('counts open, due this week, overdue and to hand over', () => {
    expect(overviewCounts(ROWS, TODAY)).toEqual({ total: 8, open: 5, dueThisWeek: 2, overdue: 2, toHandOver: 2 });
  });

  it('is all zeros for an empty register', () => {
    expect(overviewCounts([], TODAY)).toEqual({ total: 0, open: 0, dueThisWeek: 0, overdue: 0, toHandOver: 0 });
  });

  it('agrees with queryRegister for each due filter', () => {
    const counts = overviewCounts(ROWS, TODAY);
    const count = (due: DueFilter) => queryRegister(ROWS, filter({ due }), DEFAULT_SORT, TODAY).length;
    expect(counts.dueThisWeek).toBe(count('week'));
    expect(counts.overdue).toBe(count('overdue'));
    expect(counts.toHandOver).toBe(count('handover'));
  });
});

describe('queryRegister property: a sorted subset satisfying every filter', () => {
  const STATUSES = ['registered', 'forwarded', 'answered', 'closed'] as const;
  const TYPES = ['proposal', 'application', 'complaint'] as const;
  const TOPICS = ['010', '090'] as const;
  const VILLAGES = ['hlyboke', 'zelene'] as const;
  const NAMES = ['Мʼякий', "М'ясник", 'Бойко', 'Ґудзь', 'Євтушенко', 'бойко', 'Олег', 'Ігор'] as const;
  const WORDS = ['', 'м’я', 'МʼЯКИЙ', 'бойко', 'олег', 'ґудзь ігор', 'я', 'zelene', 'нема'] as const;
  const APOSTROPHES = /[\u02BC'\u2019\u2018]/g;

  const rowArb = fc
    .record({
      n: fc.integer({ min: 0, max: 99 }),
      status: fc.constantFrom(...STATUSES),
      type: fc.constantFrom(...TYPES),
      topic: fc.constantFrom(...TOPICS),
      village: fc.constantFrom(...VILLAGES),
      surname: fc.constantFrom(...NAMES),
      given: fc.constantFrom(...NAMES),
      received: fc.integer({ min: -60, max: 0 }),
      due: fc.integer({ min: -20, max: 20 }),
      seq: fc.integer({ min: 1, max: 200 }),
      ws: fc.integer({ min: 1, max: 12 }),
      handover: fc.constantFrom<0 | 1>(0, 1),
    })
    .map((r): RegisterRow => {
      const isOpen = r.status === 'registered' || r.status === 'forwarded' ? 1 : 0;
      return rowOf({
        id: `ID${String(r.n).padStart(3, '0')}`,
        status: r.status,
        type: r.type,
        topicCode: r.topic,
        villageId: r.village,
        regIndex: `${r.village.toUpperCase()}.${r.ws}-М-${r.seq}`,
        applicant: `${r.surname} ${r.given}`,
        receivedOn: addDays(TODAY, r.received),
        dueDate: addDays(TODAY, r.due),
        isOpen,
        needsHandover: r.handover,
      });
    });

  const filterArb = fc.record({
    status: fc.constantFrom('', ...STATUSES),
    type: fc.constantFrom('', ...TYPES),
    topic: fc.constantFrom('', ...TOPICS),
    due: fc.constantFrom<DueFilter>('', 'week', 'overdue', 'handover'),
    village: fc.constantFrom('', ...VILLAGES),
    text: fc.constantFrom(...WORDS),
  });
  const sortArb = fc.record({
    key: fc.constantFrom<SortKey>('receivedOn', 'dueDate', 'regIndex', 'applicant', 'status'),
    dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  });

  /** The filters restated independently of the implementation. */
  function satisfies(row: RegisterRow, f: RegisterFilter): boolean {
    const left = daysBetween(TODAY, row.dueDate);
    const fold = (s: string) => s.toLocaleLowerCase('uk-UA').replace(APOSTROPHES, "'");
    const haystack = fold(`${row.regIndex} ${row.applicant} ${row.address}`);
    const words = fold(f.text).split(/\s+/).filter(Boolean);
    return (
      (!f.status || row.status === f.status) &&
      (!f.type || row.type === f.type) &&
      (!f.topic || row.topicCode === f.topic) &&
      (!f.village || row.villageId === f.village) &&
      (f.due !== 'week' || (row.isOpen === 1 && left >= 0 && left <= 6)) &&
      (f.due !== 'overdue' || (row.isOpen === 1 && left < 0)) &&
      (f.due !== 'handover' || row.needsHandover === 1) &&
      words.every((w) => haystack.includes(w))
    );
  }

  it('holds for random registers, filters and sorts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 40 }), filterArb, sortArb, (rows, f, sort) => {
        const result = queryRegister(rows, f, sort, TODAY);
        // A subset, each row at most once, exactly the rows that satisfy every filter.
        for (const row of result) expect(rows).toContain(row);
        expect(new Set(result).size).toBe(result.length);
        expect(result.every((r) => satisfies(r, f))).toBe(true);
        expect(result.length).toBe(rows.filter((r) => satisfies(r, f)).length);
        // Sorted by the key in the chosen direction, ties by ascending id.
        const sign = sort.dir === 'asc' ? 1 : -1;
        for (let i = 1; i < result.length; i++) {
          const a = result[i - 1] as RegisterRow;
          const b = result[i] as RegisterRow;
          const byKey = sign * keyCompare(a, b, sort.key);
          expect(byKey).toBeLessThanOrEqual(0);
          if (byKey === 0) expect(a.id < b.id).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normalizeForSearch is what the rows were indexed with (the property relies on it)', () => {
    expect(normalizeForSearch('Мʼякий  ОЛЕГ')).toBe("м'який олег");
  });
});

describe('rows kept in the default order', () => {
  it('filter to the same list, in the same order, as a full sort would give', () => {
    const day = fc.integer({ min: -40, max: 5 }).map((d) => addDays(TODAY, d));
    const row = fc.record({
      id: fc.stringMatching(/^[0-9A-Z]{4}$/),
      receivedOn: day,
      status: fc.constantFrom('registered', 'forwarded', 'answered'),
      dueDate: day,
      isOpen: fc.constantFrom(0, 1),
      needsHandover: fc.constantFrom(0, 1),
    });
    const patch = fc.record({
      status: fc.constantFrom('', 'registered', 'forwarded'),
      due: fc.constantFrom<DueFilter>('', 'week', 'overdue', 'handover'),
      text: fc.constantFrom('', 'мельник', 'іван петрович', 'немає такого'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 60 }), patch, (patches, f) => {
        const rows = patches.map((p) => rowOf(p));
        const presorted = [...rows].sort(newestFirstOrder);
        const full = ids(queryRegister(rows, filter(f), DEFAULT_SORT, TODAY));
        const fast = queryRegister(presorted, filter(f), DEFAULT_SORT, TODAY, { inDefaultOrder: true });
        expect(ids(fast)).toEqual(full);
        // What the screen runs: every row in memory order, the kept ones put in order.
        const loaded = queryLoadedRegister({ all: () => rows }, filter(f), DEFAULT_SORT, TODAY);
        expect(ids(loaded)).toEqual(full);
      }),
    );
  });
});
