import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppealEvent } from '../../../../shared/domain/events/event.types';
import { buildReport } from '../../../../shared/reports/build-report';
import { parsePeriod } from '../../../../shared/reports/period';
import { eventDay, eventsKnownAt } from '../../../../shared/reports/timeliness';
import { APPEALS, EVENTS, VILLAGES } from '../../../helpers/report-fixture';

function byId(id: string): AppealEvent {
  const e = EVENTS.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return e;
}

describe('eventDay', () => {
  it('takes the legal date of an answer, a handover and a return, not the moment it was typed in', () => {
    expect(eventDay({ ...byId('01KEH1A'), at: '2026-08-20T10:00:00.000Z' })).toBe('2026-07-31');
    expect(eventDay({ ...byId('01KEZ5D'), at: '2026-08-20T10:00:00.000Z' })).toBe('2026-07-20');
    expect(eventDay({ ...byId('01KEZ3R'), at: '2026-08-20T10:00:00.000Z' })).toBe('2026-07-25');
  });

  it('takes the UTC day of `at` for other events, and none for an unreadable one', () => {
    expect(eventDay(byId('01KEH4X'))).toBe('2026-09-10');
    expect(eventDay({ ...byId('01KEZ4C'), at: '2026-09-30T22:30:00.000Z' })).toBe('2026-09-30');
    expect(eventDay({ ...byId('01KEZ4C'), at: 'yesterday' })).toBeNull();
  });
});

describe('eventsKnownAt', () => {
  it('keeps events up to the end of the cut-off day and every amendment', () => {
    const known = eventsKnownAt(EVENTS, '2026-09-30').map((e) => e.id);
    expect(known).toContain('01KEZ1A'); // answered on 24 Sep
    expect(known).not.toContain('01KEH4A'); // answered on 5 Oct
    expect(known).not.toContain('01KEH3C'); // closed on 2 Oct
    expect(known).toContain('01KEH5M'); // the correction, recorded on 3 Oct
  });
});

describe('report invariants (fast-check)', () => {
  const periods = ['2026-Q3', '2026-H2', '2026'].map((c) => {
    const p = parsePeriod(c);
    if (!p.ok) throw new Error(c);
    return p.period;
  });

  it('whatever events arrived, in any order: the same tables, and every single-valued section adds up to the total', () => {
    fc.assert(
      fc.property(
        fc.subarray(EVENTS),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(...periods),
        (events, offset, period) => {
          const asOf = new Date(Date.UTC(2026, 6, 1 + offset)).toISOString().slice(0, 10);
          const build = (list: AppealEvent[]) =>
            buildReport({ appeals: APPEALS, events: list, period, asOf, scope: { kind: 'community' }, villages: VILLAGES });
          const report = build(events);
          // Replication delivers events in any order: the report does not depend on it.
          expect(build([...events].reverse()).tables).toEqual(report.tables);
          for (const table of report.tables.filter((t) => t.id !== 'categories')) {
            const total = table.rows.find((r) => r.kind === 'total')?.values ?? [];
            const items = table.rows.filter((r) => r.kind === 'item');
            report.columns.forEach((_, c) => {
              expect(items.reduce((s, r) => s + (r.values[c] ?? 0), 0)).toBe(total[c]);
            });
            expect(total.at(-1)).toBe(report.appealCount);
            // The community column is the sum of the village columns.
            for (const r of table.rows) expect(r.values.slice(0, -1).reduce((s, v) => s + v, 0)).toBe(r.values.at(-1));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
