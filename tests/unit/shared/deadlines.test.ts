import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_DAYS,
  daysLeft,
  deadlineStatus,
  initialDueDate,
  isDueWithin,
  MAX_TERM_DAYS,
  maxDueDate,
  validateExtension,
} from '../../../shared/domain/deadlines/deadlines';
import { addDays, addMonths, daysBetween } from '../../../shared/lib/dates';

describe('initialDueDate', () => {
  it.each([
    ['2024-05-01', 'short', '2024-05-16'],
    ['2024-12-25', 'short', '2025-01-09'],
    ['2024-02-20', 'short', '2024-03-06'], // leap year: 29 Feb counts
    ['2023-02-20', 'short', '2023-03-07'],
    ['2024-05-01', 'normal', '2024-05-31'], // 31-day month: 30 days come first
    ['2024-01-31', 'normal', '2024-02-29'], // clamped month end, leap year
    ['2023-01-31', 'normal', '2023-02-28'], // clamped month end, common year
    ['2024-02-01', 'normal', '2024-03-01'], // February: the month comes first (29 days)
    ['2023-02-10', 'normal', '2023-03-10'], // February, common year: 28 days
    ['2024-04-10', 'normal', '2024-05-10'], // 30-day month: both agree
    ['2024-12-15', 'normal', '2025-01-14'],
    ['2026-10-27', 'normal', '2026-11-26'], // received 31 days before 2026-11-27: overdue that day
  ] as const)('%s, %s term → %s', (receivedOn, term, expected) => {
    expect(initialDueDate(receivedOn, term)).toBe(expected);
  });

  it('a normal term never exceeds one calendar month nor 30 days, and an appeal 31 days old is overdue', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const receivedOn = addDays('1991-01-01', offset);
        const due = initialDueDate(receivedOn, 'normal');
        expect(due <= addMonths(receivedOn, 1)).toBe(true);
        expect(daysBetween(receivedOn, due)).toBeLessThanOrEqual(30);
        expect(daysBetween(receivedOn, due)).toBeGreaterThanOrEqual(28);
        expect(deadlineStatus(due, addDays(receivedOn, 31), true)).toBe('overdue');
      }),
    );
  });
});

describe('maxDueDate', () => {
  it.each([
    ['2024-05-01', '2024-06-15'],
    ['2024-01-20', '2024-03-05'], // through 29 Feb
    ['2023-01-20', '2023-03-06'],
    ['2024-12-01', '2025-01-15'],
  ])('%s + 45 days → %s', (receivedOn, expected) => {
    expect(MAX_TERM_DAYS).toBe(45);
    expect(maxDueDate(receivedOn)).toBe(expected);
  });
});

describe('validateExtension', () => {
  const base = {
    receivedOn: '2024-05-01',
    currentDueDate: '2024-06-01',
    newDueDate: '2024-06-15',
    applicantNotifiedOn: '2024-05-25',
    today: '2024-05-25',
  };
  const codesOf = (patch: Partial<typeof base> | Record<string, unknown>) =>
    validateExtension({ ...base, ...patch } as typeof base).map((p) => `${p.field}:${p.code}`);

  it('accepts an extension to exactly 45 days', () => {
    expect(codesOf({})).toEqual([]);
  });
  it.each([
    [{ newDueDate: '2024-06-16' }, 'newDueDate:beyond-max'],
    [{ newDueDate: '2024-06-01' }, 'newDueDate:not-later'],
    [{ newDueDate: '2024-05-30' }, 'newDueDate:not-later'],
    [{ newDueDate: '2024-02-30' }, 'newDueDate:date-invalid'],
    [{ newDueDate: null }, 'newDueDate:date-invalid'],
    [{ applicantNotifiedOn: '' }, 'applicantNotifiedOn:required'],
    [{ applicantNotifiedOn: null }, 'applicantNotifiedOn:required'],
    [{ applicantNotifiedOn: '25.05.2024' }, 'applicantNotifiedOn:date-invalid'],
    [{ applicantNotifiedOn: '2024-05-26' }, 'applicantNotifiedOn:date-in-future'],
    [{ applicantNotifiedOn: '2024-04-30' }, 'applicantNotifiedOn:before-receipt'],
  ])('%j → %s', (patch, expected) => {
    expect(codesOf(patch)).toEqual([expected]);
  });
  it('gives a message in both languages', () => {
    const [p] = validateExtension({ ...base, newDueDate: '2024-07-01' });
    expect(p?.message.uk).toContain('45');
    expect(p?.message.en).toContain('45');
  });
});

describe('deadline status', () => {
  const due = '2024-06-10';
  it.each([
    ['2024-06-01', true, 'ok', 9],
    ['2024-06-07', true, 'ok', 3],
    ['2024-06-08', true, 'due-soon', 2],
    ['2024-06-10', true, 'due-soon', 0], // the due date itself is the last allowed day
    ['2024-06-11', true, 'overdue', -1],
    ['2024-07-01', true, 'overdue', -21],
    ['2024-06-11', false, 'closed', -1],
  ] as const)('today %s, open %s → %s', (today, isOpen, expected, left) => {
    expect(DUE_SOON_DAYS).toBe(3);
    expect(deadlineStatus(due, today, isOpen)).toBe(expected);
    expect(daysLeft(due, today)).toBe(left);
  });

  it.each([
    ['2024-06-10', 1, true],
    ['2024-06-09', 1, false],
    ['2024-06-04', 7, true],
    ['2024-06-03', 7, false],
    ['2024-06-11', 7, false], // already overdue
    ['2024-06-10', 0, false],
  ])('isDueWithin(today %s, %i days) = %s', (today, days, expected) => {
    expect(isDueWithin(due, today, days)).toBe(expected);
  });

  it('counts across the year end and 29 February', () => {
    expect(daysLeft('2025-01-02', '2024-12-30')).toBe(3);
    expect(daysLeft('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysLeft('2023-03-01', '2023-02-28')).toBe(1);
  });
});

describe('extension messages', () => {
  it('write dates as people do, not as ISO strings', () => {
    const problems = validateExtension({
      receivedOn: '2026-11-22',
      currentDueDate: '2026-12-22',
      newDueDate: '2027-01-07',
      applicantNotifiedOn: '2026-11-27',
      today: '2026-11-27',
    });
    const cap = problems.find((p) => p.message.uk.includes('45'));
    expect(cap?.message.uk).toContain('не пізніше 06.01.2027');
    expect(cap?.message.en).toContain('no later than 06/01/2027');
    expect(JSON.stringify(problems)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
