import { describe, expect, it } from 'vitest';
import { validateDraft, validateEvent } from '../../../../shared/domain/appeal/validate';
import { buildReport } from '../../../../shared/reports/build-report';
import { parsePeriod } from '../../../../shared/reports/period';
import type { Report, ReportTable } from '../../../../shared/reports/report.types';
import { TABLE_IDS } from '../../../../shared/reports/report.types';
import {
  APPEALS,
  AS_OF,
  COLUMNS,
  EVENTS,
  EXPECTED_Q3,
  EXTENDED_Q3,
  PERIOD_CODE,
  TOTALS_Q3,
  VILLAGES,
} from '../../../helpers/report-fixture';

function period(code: string) {
  const result = parsePeriod(code);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.period;
}

function q3(asOf = AS_OF): Report {
  return buildReport({
    appeals: APPEALS,
    events: EVENTS,
    period: period(PERIOD_CODE),
    asOf,
    scope: { kind: 'community' },
    villages: VILLAGES,
  });
}

function table(report: Report, id: string): ReportTable {
  const found = report.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

function row(t: ReportTable, code: string, kind = 'item') {
  return t.rows.find((r) => r.code === code && r.kind === kind)?.values;
}

describe('the report fixture', () => {
  it('holds only valid cards and events (the e2e test syncs it through the app)', () => {
    for (const a of APPEALS) expect(validateDraft(a, { today: AS_OF }).map((p) => `${a.id} ${p.field}`)).toEqual([]);
    for (const e of EVENTS) expect(validateEvent(e, { today: AS_OF }).map((p) => `${e.id} ${p.field}`)).toEqual([]);
  });
});

describe('buildReport over the community, 2026-Q3', () => {
  const report = q3();

  it('takes statuses at the end of the quarter and counts the 12 appeals received in it', () => {
    expect(report.cutoff).toBe('2026-09-30');
    expect(report.appealCount).toBe(12);
    expect(report.title.uk).toBe('Звернення громадян за III квартал 2026 року');
    expect(report.scopeLabel.uk).toBe('Громада загалом');
  });

  it('has one column per village (with zeros for a village without appeals), the council office and the community', () => {
    expect(report.columns.map((c) => c.label.uk)).toEqual(COLUMNS);
    expect(report.columns.map((c) => c.isTotal)).toEqual([false, false, false, false, true]);
  });

  it('shows the tables in a fixed order', () => {
    expect(report.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
  });

  for (const [id, rows] of Object.entries(EXPECTED_Q3)) {
    it(`counts ${id} by hand-computed figures, zero rows included`, () => {
      const t = table(report, id);
      for (const r of t.rows.filter((x) => x.kind === 'item')) {
        expect([r.code, r.values]).toEqual([r.code, rows[r.code] ?? [0, 0, 0, 0, 0]]);
      }
      expect(row(t, '', 'total')).toEqual(TOTALS_Q3);
      // Every expected row exists (an expected code missing from the table would otherwise pass unnoticed).
      for (const code of Object.keys(rows)) expect(row(t, code)).toBeDefined();
    });
  }

  it('keeps the shape of a table with zero rows: every classifier value is a row', () => {
    expect(table(report, 'receiptForm').rows.filter((r) => r.kind === 'item')).toHaveLength(8);
    expect(table(report, 'topic').rows.filter((r) => r.kind === 'item')).toHaveLength(24);
    // Categories and social status always have their "not stated" row.
    expect(table(report, 'categories').rows.at(-2)?.label.uk).toBe('Категорію не зазначено');
  });

  it('counts an appeal under each of its categories and says so in the note', () => {
    const t = table(report, 'categories');
    const items = t.rows.filter((r) => r.kind === 'item').reduce((sum, r) => sum + (r.values[4] ?? 0), 0);
    expect(items).toBe(14);
    expect(row(t, '', 'total')?.[4]).toBe(12);
    expect(t.note?.uk).toContain('кількох категорій');
  });

  it('counts the topic of the main issue only and labels topics with their code', () => {
    const t = table(report, 'topic');
    expect(t.note?.en).toContain('main (first) issue');
    expect(t.rows.find((r) => r.code === '090')?.label.uk).toBe('090 Комунальне господарство');
  });

  it('adds up the timeliness classes to the total and shows extensions for reference', () => {
    const t = table(report, 'timeliness');
    const sum = t.rows.filter((r) => r.kind === 'item').reduce((s, r) => s + (r.values[4] ?? 0), 0);
    expect(sum).toBe(12);
    expect(row(t, 'extended', 'memo')).toEqual(EXTENDED_Q3);
    expect(t.note?.uk).toContain('Стан на 30.09.2026');
  });
});

describe('buildReport edge cases', () => {
  it('takes statuses at asOf when the quarter is still running', () => {
    const report = q3('2026-09-20');
    expect(report.cutoff).toBe('2026-09-20');
    const t = table(report, 'timeliness');
    // Z1 (answered 24 Sep, extended to 24 Sep) and Z6 (due 29 Sep) are open within the term on 20 Sep; H3 and H4 too,
    // C1 (received 30 Sep) as well: open on time = H3, H4, Z1, Z6, C1.
    expect(row(t, 'open-on-time')).toEqual([2, 2, 0, 1, 5]);
    expect(row(t, 'open-overdue')).toEqual([1, 0, 0, 0, 1]);
    expect(row(t, 'answered-extended')).toEqual([0, 0, 0, 0, 0]);
  });

  it('on the day after a due date an open appeal is overdue, on the due date it is not', () => {
    // Z6 is due 29 Sep.
    const on = table(q3('2026-09-29'), 'timeliness');
    const after = table(q3('2026-09-30'), 'timeliness');
    expect(row(on, 'open-overdue')?.[1]).toBe(0);
    expect(row(after, 'open-overdue')?.[1]).toBe(1);
  });

  it('moves an appeal between periods when its date received was corrected', () => {
    const h1 = buildReport({
      appeals: APPEALS,
      events: EVENTS,
      period: period('2026-H1'),
      asOf: AS_OF,
      scope: { kind: 'community' },
    });
    expect(h1.appealCount).toBe(0);
    const year = buildReport({
      appeals: APPEALS,
      events: EVENTS,
      period: period('2026'),
      asOf: '2026-12-31',
      scope: { kind: 'community' },
    });
    expect(year.appealCount).toBe(13);
    // Over the year H3 was closed (2 Oct) and H4 answered in its extended term (5 Oct).
    const t = table(year, 'timeliness');
    expect(row(t, 'answered-extended')?.at(-1)).toBe(2);
    expect(row(t, 'closed-no-answer')?.at(-1)).toBe(2);
  });

  it('reports one village with its own column and a total', () => {
    const report = buildReport({
      appeals: APPEALS,
      events: EVENTS,
      period: period(PERIOD_CODE),
      asOf: AS_OF,
      scope: { kind: 'village', code: 'hlyboke' },
      villages: VILLAGES,
    });
    expect(report.columns.map((c) => c.label.uk)).toEqual(['Глибоке', 'Усього']);
    expect(report.appealCount).toBe(5);
    expect(row(table(report, 'type'), 'complaint')).toEqual([2, 2]);
    expect(report.scopeLabel.uk).toBe('Старостинський округ: Глибоке');
  });

  it('gives a code the reference list does not know a row of its own, and a village without a name its code', () => {
    const first = APPEALS[0];
    if (!first) throw new Error('fixture');
    const odd = { ...first, id: 'ODD', villageId: 'novyi', receiptForm: 'pigeon' };
    const report = buildReport({
      appeals: [odd],
      events: [],
      period: period(PERIOD_CODE),
      asOf: AS_OF,
      scope: { kind: 'community' },
    });
    expect(report.columns.map((c) => c.label.uk)).toEqual(['novyi', 'Громада']);
    const t = table(report, 'receiptForm');
    expect(t.rows.at(-2)).toMatchObject({ code: 'pigeon', label: { uk: 'pigeon' }, values: [1, 1] });
    expect(row(t, '', 'total')).toEqual([1, 1]);
  });

  it('counts a damaged card without a type as not stated, never as a row named "undefined"', () => {
    const first = APPEALS[0];
    if (!first) throw new Error('fixture');
    const { type: _dropped, ...damaged } = first;
    const report = buildReport({
      appeals: [damaged as typeof first],
      events: [],
      period: period(PERIOD_CODE),
      asOf: AS_OF,
      scope: { kind: 'community' },
    });
    const t = table(report, 'type');
    expect(t.rows.map((r) => r.label.uk)).not.toContain(undefined);
    expect(row(t, '')).toEqual([1, 1]);
  });

  it('gives an empty period zero tables of the same shape', () => {
    const report = buildReport({ appeals: [], events: [], period: period('2025-Q1'), asOf: AS_OF, scope: { kind: 'community' } });
    expect(report.appealCount).toBe(0);
    expect(report.columns).toHaveLength(1);
    expect(table(report, 'type').rows.map((r) => r.values)).toEqual([[0], [0], [0], [0]]);
  });
});
