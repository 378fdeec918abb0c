import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appeal, AppealDraft } from '../../../../shared/domain/appeal/appeal.types';
import type { AppealEvent, EventKind } from '../../../../shared/domain/events/event.types';
import { EVENT_KINDS } from '../../../../shared/domain/events/event.types';
import { addDays, type IsoDate } from '../../../../shared/lib/dates';
import { buildReport, buildReportFromFacts } from '../../../../shared/reports/build-report';
import { periodOf } from '../../../../shared/reports/period';
import { decodeFacts, encodeFacts, reportFactsOf, stepAt } from '../../../../shared/reports/report-facts';
import { SECTIONS } from '../../../../shared/reports/sections';
import { stateAt, timelinessOf, timelinessOfInput } from '../../../../shared/reports/timeliness';
import { appealOf, eventOf, PAYLOADS } from '../fixtures';

const START = '2024-05-01';
const day = (n: number): IsoDate => addDays(START, n);

/** A payload whose dates (the legal dates the cut-off reads) fall anywhere in the first 90 days. */
function payloadArb(kind: EventKind, offset: number): fc.Arbitrary<AppealEvent['payload']> {
  switch (kind) {
    case 'answered':
      return fc.integer({ min: 0, max: 90 }).map((d) => ({ ...PAYLOADS.answered, replyDate: day(d) }));
    case 'delivered':
      return fc.integer({ min: 0, max: 90 }).map((d) => ({ ...PAYLOADS.delivered, deliveredOn: day(d) }));
    case 'returned-incomplete':
      return fc.integer({ min: 0, max: 90 }).map((d) => ({ ...PAYLOADS['returned-incomplete'], returnedOn: day(d) }));
    case 'extended':
      return fc.integer({ min: 1, max: 45 }).map((d) => ({ ...PAYLOADS.extended, newDueDate: day(offset + d) }));
    case 'amended':
      return fc
        .oneof(
          fc.integer({ min: 0, max: 60 }).map((d) => ({ receivedOn: day(d) })),
          fc.constantFrom({ term: 'short' as const }, { term: 'normal' as const }),
          fc.constantFrom<Partial<AppealDraft>>({ sex: 'female' }, { categories: ['3'] }, { socialStatus: '' }),
        )
        .map((changes) => ({ changes, reason: 'виправлення' }));
    default:
      return fc.constant(PAYLOADS[kind]);
  }
}

/** Event logs spread over 90 days, the usual flow weighted up, some events with a time that is not a date. */
const eventsArb: fc.Arbitrary<AppealEvent[]> = fc
  .array(
    fc.record({
      kind: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<EventKind>('forwarded', 'assigned', 'answered', 'delivered', 'extended') },
        { weight: 2, arbitrary: fc.constantFrom<EventKind>(...EVENT_KINDS) },
      ),
      offset: fc.integer({ min: 0, max: 90 }),
      broken: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
    }),
    { maxLength: 12 },
  )
  .chain((specs) =>
    fc.tuple(...specs.map((s) => payloadArb(s.kind, s.offset))).map((payloads) =>
      specs.map((s, i) =>
        eventOf(s.kind, {
          id: `E${String((i * 7) % 13).padStart(2, '0')}-${i}`,
          at: s.broken ? 'не дата' : `${day(s.offset)}T${s.offset % 2 ? '23:30:00+03:00' : '09:00:00.000Z'}`,
          payload: payloads[i] as never,
        }),
      ),
    ),
  );

const appealArb: fc.Arbitrary<Appeal> = fc
  .record({ received: fc.integer({ min: 0, max: 40 }), village: fc.constantFrom('hlb', 'zar', 'central') })
  .map(({ received, village }) => appealOf({ receivedOn: day(received), villageId: village }));

describe('report facts', () => {
  it('give the state at any cut-off that the fold of the events known then gives', () => {
    fc.assert(
      fc.property(appealArb, eventsArb, fc.integer({ min: -2, max: 95 }), (appeal, events, cut) => {
        const cutoff = day(cut);
        const state = stateAt(appeal, events, cutoff);
        const facts = decodeFacts(encodeFacts(reportFactsOf(appeal, events)));
        expect(facts).not.toBeNull();
        if (!facts) return;
        const step = stepAt(facts, cutoff);
        expect(timelinessOfInput(step, cutoff)).toBe(timelinessOf(state, cutoff));
        expect(step.isExtended).toBe(state.isExtended);
        expect(facts.receivedOn).toBe(state.current.receivedOn);
        expect(facts.villageId).toBe(appeal.villageId);
        expect(facts.codes).toEqual(SECTIONS.map((s) => s.codesOf(state.current)));
      }),
      { numRuns: 1000 },
    );
  });

  it('count the same report whether given the appeals or their facts (appeals never amended skipped early)', () => {
    const villages = [
      { code: 'hlb', name: 'Глибоке' },
      { code: 'zar', name: 'Зарічне' },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(appealArb, eventsArb), { maxLength: 15 }), fc.integer({ min: 0, max: 90 }), (pairs, asOf) => {
        const appeals = pairs.map(([a], i) => ({ ...a, id: `A${i}` }));
        const events = pairs.flatMap(([, evs], i) => evs.map((e) => ({ ...e, id: `${e.id}-${i}`, appealId: `A${i}` })));
        const period = periodOf('quarter', 2024, 2);
        for (const scope of [{ kind: 'community' as const }, { kind: 'village' as const, code: 'zar' }]) {
          const input = { period, asOf: day(asOf), scope, villages };
          const facts = appeals.map((a) =>
            reportFactsOf(
              a,
              events.filter((e) => e.appealId === a.id),
            ),
          );
          expect(buildReportFromFacts({ ...input, facts })).toEqual(buildReport({ ...input, appeals, events }));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keep one step per change of state, not per event', () => {
    const appeal = appealOf({ receivedOn: day(0) });
    const events = [
      eventOf('forwarded', { id: 'e1', at: `${day(0)}T09:00:00.000Z` }),
      eventOf('comment', { id: 'e2', at: `${day(1)}T09:00:00.000Z` }),
      eventOf('answered', { id: 'e3', at: `${day(12)}T09:00:00.000Z`, payload: { ...PAYLOADS.answered, replyDate: day(10) } }),
    ];
    const facts = reportFactsOf(appeal, events);
    expect(facts.steps.map((s) => [s.from, s.status, s.reply])).toEqual([
      ['', 'registered', null],
      [day(0), 'forwarded', null],
      [day(10), 'answered', day(10)],
    ]);
  });

  it('read nothing from text that encodeFacts did not write', () => {
    for (const text of [undefined, '', 'не json', '[]', '["hlb","2024-05-01",[],[]]', '{"a":1}', 42]) {
      expect(decodeFacts(text)).toBeNull();
    }
  });
});
