import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppealEvent, EventKind } from '../../../shared/domain/events/event.types';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { foldAppeal, sortEvents } from '../../../shared/domain/events/fold';
import { addDays } from '../../../shared/lib/dates';
import { appealOf, eventOf, PAYLOADS } from './fixtures';

const appeal = appealOf();

/** A payload of the kind with the parts that matter to the fold varied. */
function payloadArb(kind: EventKind): fc.Arbitrary<AppealEvent['payload']> {
  switch (kind) {
    case 'extended':
      return fc.integer({ min: 1, max: 45 }).map((d) => ({ ...PAYLOADS.extended, newDueDate: addDays('2024-05-20', d) }));
    case 'amended':
      return fc
        .oneof(
          fc.integer({ min: 0, max: 30 }).map((d) => ({ receivedOn: addDays('2024-05-01', d) })),
          fc.constantFrom({ term: 'short' as const }, { term: 'normal' as const }),
          fc.string({ maxLength: 10 }).map((surname) => ({ surname })),
        )
        .map((changes) => ({ changes, reason: 'виправлення' }));
    case 'answered':
      return fc
        .constantFrom('satisfied', 'partially', 'explained', 'rejected')
        .chain((outcome) =>
          fc.string({ maxLength: 8 }).map((text) => ({ ...PAYLOADS.answered, outcome, text: `відповідь ${text}` })),
        );
    case 'assigned':
      return fc.constantFrom('КП «Комунсервіс»', 'Відділ освіти', 'ЦНАП').map((executor) => ({ ...PAYLOADS.assigned, executor }));
    default:
      return fc.constant(PAYLOADS[kind]);
  }
}

/** A realistic event log: kinds weighted towards the usual flow, times often colliding, ids unique. */
const eventsArb: fc.Arbitrary<AppealEvent[]> = fc
  .array(
    fc.record({
      kind: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<EventKind>('forwarded', 'assigned', 'answered', 'delivered', 'comment') },
        { weight: 1, arbitrary: fc.constantFrom<EventKind>(...EVENT_KINDS) },
      ),
      minute: fc.integer({ min: 0, max: 20 }),
      zone: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .chain((specs) =>
    fc.tuple(...specs.map((s) => payloadArb(s.kind))).map((payloads) =>
      specs.map((s, i) => {
        const mm = String(s.minute).padStart(2, '0');
        // Some PCs write the same instant in Kyiv time instead of UTC.
        const at = s.zone ? `2024-05-21T12:${mm}:00+03:00` : `2024-05-21T09:${mm}:00.000Z`;
        // Ids deliberately not in time order, so ties on `at` are broken by id, not by position.
        return eventOf(s.kind, { id: `E${String((i * 7) % 25).padStart(2, '0')}-${i}`, at, payload: payloads[i] as never });
      }),
    ),
  );

/** The same events as replication might deliver them: shuffled, some twice (as fresh copies), mixed with another appeal's. */
const deliveryArb = eventsArb.chain((events) =>
  fc
    .tuple(
      fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      fc.subarray(events),
      fc.subarray(events),
    )
    .chain(([shuffled, again, foreign]) =>
      fc
        .shuffledSubarray(
          [
            ...shuffled,
            ...again.map((e) => JSON.parse(JSON.stringify(e)) as AppealEvent),
            ...foreign.map((e) => ({ ...e, appealId: 'OTHER' })),
          ],
          { minLength: shuffled.length + again.length + foreign.length },
        )
        .map((delivered) => ({ events, delivered })),
    ),
);

describe('fold properties', () => {
  it('gives the same state whatever order and however often the events arrive', () => {
    fc.assert(
      fc.property(deliveryArb, ({ events, delivered }) => {
        expect(foldAppeal(appeal, delivered)).toEqual(foldAppeal(appeal, events));
      }),
      { numRuns: 300 },
    );
  });

  it('sortEvents is a total order: any permutation sorts to the same sequence', () => {
    fc.assert(
      fc.property(deliveryArb, ({ delivered }) => {
        const reversed = [...delivered].reverse();
        expect(sortEvents(reversed)).toEqual(sortEvents(delivered));
        const sorted = sortEvents(delivered);
        expect(sortEvents(sorted)).toEqual(sorted);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the invariants of the state', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const s = foldAppeal(appeal, events);
        expect(s.isOpen).toBe(['registered', 'forwarded', 'in-progress'].includes(s.status));
        if (events.some((e) => e.kind === 'closed')) expect(s.status).toBe('closed');
        if (events.some((e) => e.kind === 'extended')) expect(s.isExtended).toBe(true);
        if (!events.some((e) => e.kind === 'extended' || e.kind === 'amended')) expect(s.dueDate).toBe('2024-06-19');
        expect(s.answer !== null).toBe(events.some((e) => e.kind === 'answered'));
      }),
      { numRuns: 300 },
    );
  });
});
