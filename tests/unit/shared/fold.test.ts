import { describe, expect, it } from 'vitest';
import type { AppealEvent, AppealStatus, EventKind } from '../../../shared/domain/events/event.types';
import { foldAppeal, initialState, isOverdue, needsHandover, sortEvents } from '../../../shared/domain/events/fold';
import { appealOf, eventOf } from './fixtures';

const appeal = appealOf(); // received 2024-05-20, normal term → due 2024-06-19 (30 days come before the month)

/** Events of the given kinds, one minute apart, in that order. */
function sequence(...kinds: EventKind[]): AppealEvent[] {
  return kinds.map((kind, i) =>
    eventOf(kind, { id: `E${String(i).padStart(2, '0')}`, at: `2024-05-21T09:${String(i).padStart(2, '0')}:00.000Z` }),
  );
}

describe('sortEvents', () => {
  it('orders by time, then id, and leaves the input alone', () => {
    const a = eventOf('comment', { id: 'B', at: '2024-05-21T09:00:00.000Z' });
    const b = eventOf('comment', { id: 'A', at: '2024-05-21T09:00:00.000Z' });
    const c = eventOf('comment', { id: 'C', at: '2024-05-21T08:00:00.000Z' });
    const input = [a, b, c];
    expect(sortEvents(input).map((e) => e.id)).toEqual(['C', 'A', 'B']);
    expect(input.map((e) => e.id)).toEqual(['B', 'A', 'C']);
  });

  it('compares instants, not text, across time zones', () => {
    const kyiv = eventOf('comment', { id: 'K', at: '2024-05-21T11:30:00+03:00' }); // 08:30Z
    const utc = eventOf('comment', { id: 'U', at: '2024-05-21T09:00:00.000Z' });
    expect(sortEvents([utc, kyiv]).map((e) => e.id)).toEqual(['K', 'U']);
  });

  it('puts unreadable times last and breaks full ties by content', () => {
    const bad = eventOf('comment', { id: 'A', at: 'yesterday' });
    const good = eventOf('comment', { id: 'Z', at: '2024-05-21T09:00:00.000Z' });
    expect(sortEvents([bad, good]).map((e) => e.id)).toEqual(['Z', 'A']);
    const x = eventOf('comment', { id: 'S', payload: { text: 'a' } });
    const y = eventOf('comment', { id: 'S', payload: { text: 'b' } });
    expect(sortEvents([y, x])).toEqual(sortEvents([x, y]));
  });
});

describe('foldAppeal: status machine', () => {
  it('starts registered and open with the initial due date', () => {
    const s = foldAppeal(appeal, []);
    expect(s).toEqual(initialState(appeal));
    expect(s).toMatchObject({ status: 'registered', isOpen: true, dueDate: '2024-06-19', isExtended: false, executor: null });
    expect(s.updatedAt).toBe(appeal.registeredAt);
    expect(foldAppeal(appealOf({ term: 'short' }), []).dueDate).toBe('2024-06-04');
  });

  it.each([
    [['forwarded'], 'forwarded', true],
    [['forwarded', 'assigned'], 'in-progress', true],
    [['forwarded', 'assigned', 'answered'], 'answered', false],
    [['forwarded', 'assigned', 'answered', 'delivered'], 'delivered', false],
    [['forwarded', 'assigned', 'answered', 'delivered', 'closed'], 'closed', false],
    [['assigned', 'forwarded'], 'in-progress', true], // a late forward never moves back
    [['answered', 'forwarded', 'assigned'], 'answered', false],
    [['delivered', 'answered'], 'delivered', false],
    [['returned-incomplete'], 'returned', false],
    [['forwarded', 'returned-incomplete', 'assigned', 'answered'], 'returned', false],
    [['not-considered'], 'not-considered', false],
    [['not-considered', 'answered', 'delivered'], 'not-considered', false],
    [['returned-incomplete', 'not-considered'], 'not-considered', false],
    [['not-considered', 'returned-incomplete'], 'returned', false],
    [['answered', 'not-considered'], 'not-considered', false],
    [['closed', 'not-considered', 'returned-incomplete', 'assigned'], 'closed', false],
    [['comment', 'amended', 'extended'], 'registered', true],
  ] as [EventKind[], AppealStatus, boolean][])('%j → %s (open: %s)', (kinds, status, isOpen) => {
    const s = foldAppeal(appeal, sequence(...kinds));
    expect(s.status).toBe(status);
    expect(s.isOpen).toBe(isOpen);
  });

  it('records the data of events even in a final status', () => {
    const s = foldAppeal(appeal, sequence('not-considered', 'assigned', 'answered'));
    expect(s.notConsidered?.reason).toBe('repeat-decided');
    expect(s.executor).toBe('КП «Хлібне-комунсервіс»');
    expect(s.answer?.replyIndex).toBe('В-12');
    expect(s.updatedAt).toBe('2024-05-21T09:02:00.000Z');
  });

  it('extends the due date and keeps it through an amendment of the receipt date', () => {
    const s = foldAppeal(appeal, sequence('extended'));
    expect(s).toMatchObject({ dueDate: '2024-06-25', isExtended: true });
    const [ext] = sequence('extended');
    const amend = eventOf('amended', {
      id: 'E99',
      at: '2024-05-22T00:00:00Z',
      payload: { changes: { receivedOn: '2024-05-19' }, reason: 'r' },
    });
    const after = foldAppeal(appeal, [ext as AppealEvent, amend]);
    expect(after.current.receivedOn).toBe('2024-05-19');
    expect(after.dueDate).toBe('2024-06-25');
  });

  it('recomputes the due date when receipt date or term is corrected before any extension', () => {
    const byDate = eventOf('amended', { payload: { changes: { receivedOn: '2024-05-10' }, reason: 'typo' } });
    expect(foldAppeal(appeal, [byDate]).dueDate).toBe('2024-06-09');
    const byTerm = eventOf('amended', { payload: { changes: { term: 'short' }, reason: 'simple' } });
    expect(foldAppeal(appeal, [byTerm]).dueDate).toBe('2024-06-04');
    const other = eventOf('amended', { payload: { changes: { surname: 'Бондар' }, reason: 'typo' } });
    const s = foldAppeal(appeal, [other]);
    expect(s.dueDate).toBe('2024-06-19');
    expect(s.current.surname).toBe('Бондар');
  });

  it('merges amendments without touching the stored appeal and ignores non-card keys', () => {
    const original = structuredClone(appeal);
    const amend = eventOf('amended', {
      payload: { changes: { issues: [{ topicCode: '120', text: 'нове' }], regIndex: 'HACK' } as never, reason: 'r' },
    });
    const s = foldAppeal(appeal, [amend]);
    expect(s.current.issues).toEqual([{ topicCode: '120', text: 'нове' }]);
    expect('regIndex' in s.current).toBe(false);
    expect(appeal).toEqual(original);
    s.current.categories.push('idp');
    expect(appeal.categories).toEqual(original.categories);
  });

  it('ignores other appeals, repeated ids and unknown kinds', () => {
    const foreign = eventOf('closed', { appealId: 'A2' });
    const [fwd] = sequence('forwarded');
    const unknown = { ...eventOf('comment', { id: 'U', at: '2030-01-01T00:00:00Z' }), kind: 'deleted' } as unknown as AppealEvent;
    const s = foldAppeal(appeal, [foreign, fwd as AppealEvent, fwd as AppealEvent, unknown]);
    expect(s.status).toBe('forwarded');
    expect(s.updatedAt).toBe('2024-05-21T09:00:00.000Z');
  });

  it('counts an id once even when two documents share it (the first in order wins)', () => {
    const first = eventOf('extended', { id: 'X', at: '2024-05-21T09:00:00Z' });
    const clash = eventOf('extended', {
      id: 'X',
      at: '2024-05-22T09:00:00Z',
      payload: { newDueDate: '2024-07-01', applicantNotifiedOn: '2024-05-22', reason: 'r' },
    });
    expect(foldAppeal(appeal, [clash, first])).toMatchObject({ dueDate: '2024-06-25', updatedAt: '2024-05-21T09:00:00Z' });
  });

  it('a comment changes only updatedAt', () => {
    const before = foldAppeal(appeal, sequence('forwarded'));
    const after = foldAppeal(appeal, [...sequence('forwarded'), eventOf('comment', { id: 'C', at: '2024-05-23T10:00:00Z' })]);
    expect(after).toEqual({ ...before, updatedAt: '2024-05-23T10:00:00Z' });
  });
});

describe('isOverdue and needsHandover', () => {
  it.each([
    [[], '2024-06-19', false], // the due date itself is on time
    [[], '2024-06-20', true],
    [['forwarded', 'assigned'], '2024-07-01', true],
    [['answered'], '2024-07-01', false],
    [['extended'], '2024-06-21', false],
    [['extended'], '2024-06-26', true],
    [['closed'], '2024-07-01', false],
  ] as [EventKind[], string, boolean][])('%j on %s → overdue %s', (kinds, today, expected) => {
    expect(isOverdue(foldAppeal(appeal, sequence(...kinds)), today)).toBe(expected);
  });

  it.each([
    [[], false],
    [['answered'], true],
    [['answered', 'delivered'], false],
    [['answered', 'closed'], true], // answered and removed from control at once: the village still hands it over
    [['not-considered', 'answered'], true],
    [['delivered'], false],
  ] as [EventKind[], boolean][])('%j → needs handover %s', (kinds, expected) => {
    expect(needsHandover(foldAppeal(appeal, sequence(...kinds)))).toBe(expected);
  });
});
