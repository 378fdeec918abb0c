import { describe, expect, it } from 'vitest';
import { isInPeriod, parsePeriod, periodContaining, periodLabel } from '../../../../shared/reports/period';

describe('parsePeriod', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-q4', '2026-10-01', '2026-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-h2', '2026-07-01', '2026-12-31'],
    [' 2026 ', '2026-01-01', '2026-12-31'],
  ])('%s → %s … %s', (text, from, to) => {
    const result = parsePeriod(text);
    expect(result.ok && { from: result.period.from, to: result.period.to }).toEqual({ from, to });
  });

  it('names the period by its canonical code', () => {
    const result = parsePeriod('2026-q3');
    expect(result.ok && result.period.code).toBe('2026-Q3');
  });

  it.each(['', '2026-Q5', '2026-Q0', '2026-H3', '26-Q1', '2026Q1', '1999', '2100', '2026-03', 'Q3-2026', '20026'])(
    'refuses %j with a message in both languages',
    (text) => {
      const result = parsePeriod(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.code).toBe('period-invalid');
      expect(result.problem.message.uk).toContain('2026-Q1');
      expect(result.problem.message.en).toContain('quarter');
    },
  );
});

describe('period helpers', () => {
  it('finds the quarter, half-year and year of a date', () => {
    expect(periodContaining('quarter', '2026-08-15').code).toBe('2026-Q3');
    expect(periodContaining('half', '2026-06-30').code).toBe('2026-H1');
    expect(periodContaining('half', '2026-07-01').code).toBe('2026-H2');
    expect(periodContaining('year', '2026-07-01').code).toBe('2026');
  });

  it('labels periods as offices write them', () => {
    const q3 = parsePeriod('2026-Q3');
    const h1 = parsePeriod('2026-H1');
    const y = parsePeriod('2026');
    expect(q3.ok && periodLabel(q3.period)).toEqual({ uk: 'III квартал 2026 року', en: 'Q3 2026' });
    expect(h1.ok && periodLabel(h1.period).uk).toBe('I півріччя 2026 року');
    expect(y.ok && periodLabel(y.period).uk).toBe('2026 рік');
  });

  it('includes both ends of the period', () => {
    const q = periodContaining('quarter', '2026-08-01');
    expect([
      isInPeriod('2026-06-30', q),
      isInPeriod('2026-07-01', q),
      isInPeriod('2026-09-30', q),
      isInPeriod('2026-10-01', q),
    ]).toEqual([false, true, true, false]);
  });
});
