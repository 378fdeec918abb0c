import { describe, expect, it } from 'vitest';
import {
  ACTION_FIELDS,
  AMENDABLE,
  amendableValue,
  initialValues,
  toPayload,
} from '../../../renderer/features/appeal/action-fields';
import { availableActions } from '../../../renderer/features/appeal/available-actions';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import type { AppealState, EventKind } from '../../../shared/domain/events/event.types';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { foldAppeal } from '../../../shared/domain/events/fold';
import { eventAbout, storedAppeal, TODAY } from '../../helpers/data/fixtures';

const appeal = storedAppeal({
  id: 'A1',
  issues: [
    { topicCode: '090', text: 'Не працює освітлення' },
    { topicCode: '010', text: 'Розбита дорога' },
  ],
});

/** The folded state after the given events, one minute apart. */
function stateAfter(...kinds: EventKind[]): AppealState {
  return foldAppeal(
    appeal,
    kinds.map((kind, i) => eventAbout(appeal, kind, i)),
  );
}

const STATES = {
  registered: stateAfter(),
  forwarded: stateAfter('forwarded'),
  'in-progress': stateAfter('forwarded', 'assigned'),
  answered: stateAfter('forwarded', 'answered'),
  delivered: stateAfter('forwarded', 'answered', 'delivered'),
  closed: stateAfter('forwarded', 'closed'),
  'answered and closed': stateAfter('answered', 'closed'),
  returned: stateAfter('returned-incomplete'),
  'not-considered': stateAfter('not-considered'),
} satisfies Record<string, AppealState>;

type StateName = keyof typeof STATES;

describe('the fixture states fold as named', () => {
  it.each<[StateName, string]>([
    ['registered', 'registered'],
    ['forwarded', 'forwarded'],
    ['in-progress', 'in-progress'],
    ['answered', 'answered'],
    ['delivered', 'delivered'],
    ['closed', 'closed'],
    ['answered and closed', 'closed'],
    ['returned', 'returned'],
    ['not-considered', 'not-considered'],
  ])('%s', (name, status) => {
    expect(STATES[name].status).toBe(status);
  });
});

describe('availableActions by role and status', () => {
  it.each<[Role, StateName, EventKind[]]>([
    ['starosta', 'registered', ['forwarded', 'comment', 'amended', 'returned-incomplete', 'not-considered']],
    ['clerk', 'registered', ['forwarded', 'comment', 'amended']],
    [
      'central',
      'registered',
      ['assigned', 'answered', 'extended', 'comment', 'amended', 'returned-incomplete', 'not-considered', 'closed'],
    ],
    ['starosta', 'forwarded', ['comment', 'amended', 'returned-incomplete', 'not-considered']],
    ['clerk', 'forwarded', ['comment', 'amended']],
    [
      'central',
      'forwarded',
      ['assigned', 'answered', 'extended', 'comment', 'amended', 'returned-incomplete', 'not-considered', 'closed'],
    ],
    [
      'central',
      'in-progress',
      ['assigned', 'answered', 'extended', 'comment', 'amended', 'returned-incomplete', 'not-considered', 'closed'],
    ],
    ['starosta', 'answered', ['delivered', 'comment', 'amended']],
    ['clerk', 'answered', ['delivered', 'comment', 'amended']],
    ['central', 'answered', ['delivered', 'comment', 'amended', 'closed']],
    ['starosta', 'delivered', ['comment', 'amended']],
    ['central', 'delivered', ['comment', 'amended', 'closed']],
    ['starosta', 'closed', ['comment', 'amended']],
    ['central', 'closed', ['comment', 'amended']],
    // Answered and removed from control at once: the village still has the answer to hand over.
    ['starosta', 'answered and closed', ['delivered', 'comment', 'amended']],
    ['central', 'answered and closed', ['delivered', 'comment', 'amended']],
    ['starosta', 'returned', ['comment', 'amended']],
    ['central', 'returned', ['comment', 'amended', 'closed']],
    ['central', 'not-considered', ['comment', 'amended', 'closed']],
  ])('%s on a %s appeal', (role, name, expected) => {
    expect(availableActions(role, STATES[name])).toEqual(expected);
  });

  it('a starosta may forward a registered appeal but never answer, assign or extend', () => {
    const actions = availableActions('starosta', STATES.registered);
    expect(actions).toContain('forwarded');
    for (const kind of ['answered', 'assigned', 'extended', 'closed'] as const) expect(actions).not.toContain(kind);
  });

  it('delivered is offered only when answered and not yet delivered', () => {
    for (const [name, state] of Object.entries(STATES)) {
      const offered = availableActions('central', state).includes('delivered');
      expect({ name, offered }).toEqual({ name, offered: state.answer !== null && state.delivered === null });
    }
  });

  it('closed appeals offer no forward, answer, assignment or extension to anyone', () => {
    for (const role of ['starosta', 'clerk', 'central'] as const) {
      for (const state of [STATES.closed, STATES['answered and closed']]) {
        const actions = availableActions(role, state);
        for (const kind of ['forwarded', 'answered', 'assigned', 'extended', 'closed'] as const) {
          expect(actions).not.toContain(kind);
        }
      }
    }
  });

  it('an unknown role (a damaged stored profile) is offered nothing', () => {
    expect(availableActions('guest' as Role, STATES.registered)).toEqual([]);
  });
});

describe('initialValues', () => {
  const state = STATES.forwarded;

  it('every field of every form starts with a string value', () => {
    for (const kind of EVENT_KINDS) {
      const values = initialValues(kind, state, TODAY, 'Мельник Іван');
      expect(Object.keys(values).sort()).toEqual(ACTION_FIELDS[kind].map((f) => f.name).sort());
      for (const v of Object.values(values)) expect(typeof v).toBe('string');
    }
  });

  it.each<[EventKind, Record<string, string>]>([
    ['forwarded', { note: '' }],
    ['assigned', { executor: '', resolution: '', resolutionAuthor: '' }],
    // The new due date is a decision: it does not default to today.
    ['extended', { newDueDate: '', applicantNotifiedOn: TODAY, reason: '' }],
    ['answered', { text: '', replyIndex: '', replyDate: TODAY, outcome: 'satisfied' }],
    ['delivered', { deliveredOn: TODAY, to: 'Мельник Іван', note: '' }],
    ['closed', { note: '' }],
    ['amended', { field: 'surname', value: 'Мельник', reason: '' }],
    ['returned-incomplete', { returnedOn: TODAY, explanation: '' }],
    ['not-considered', { reason: 'anonymous', note: '' }],
    ['comment', { text: '' }],
  ])('%s', (kind, expected) => {
    expect(initialValues(kind, state, TODAY, 'Мельник Іван')).toEqual(expected);
  });

  it('the amendment form starts from the current (already amended) surname', () => {
    const amended = foldAppeal(appeal, [
      eventAbout(appeal, 'amended', 0, { changes: { surname: 'Мельниченко' }, reason: 'Помилка' }),
    ]);
    expect(initialValues('amended', amended, TODAY, '').value).toBe('Мельниченко');
    expect(AMENDABLE[0]).toBe('surname');
  });
});

describe('amendableValue', () => {
  it.each<[string, string]>([
    ['surname', 'Мельник'],
    ['phone', '067 123 45 67'],
    ['address', 'с. Глибоке, вул. Садова, 3'],
    ['issueText', 'Не працює освітлення'],
    ['note', ''],
    ['categories', ''], // not a string field
    ['letterDate', ''], // null
    ['no-such-field', ''],
  ])('%s', (field, expected) => {
    expect(amendableValue(STATES.registered, field)).toBe(expected);
  });
});

describe('toPayload', () => {
  const state = STATES.forwarded;

  it('amended issueText replaces the text of the main issue and keeps the others', () => {
    const before = structuredClone(state.current.issues);
    const payload = toPayload(
      'amended',
      { field: 'issueText', value: 'Не працює освітлення на Садовій', reason: 'Уточнення' },
      state,
    );
    expect(payload).toEqual({
      changes: {
        issues: [
          { topicCode: '090', text: 'Не працює освітлення на Садовій' },
          { topicCode: '010', text: 'Розбита дорога' },
        ],
      },
      reason: 'Уточнення',
    });
    // The state the card shows is not touched.
    expect(state.current.issues).toEqual(before);
  });

  it.each<[string, string]>([
    ['phone', '050 765 43 21'],
    ['surname', 'Мʼякий'],
    ['address', '<script>alert(1)</script>'],
    ['note', ''],
  ])('amended %s becomes {[field]: value}', (field, value) => {
    expect(toPayload('amended', { field, value, reason: 'Помилка' }, state)).toEqual({
      changes: { [field]: value },
      reason: 'Помилка',
    });
  });

  it('other kinds pass the form values through as a new object', () => {
    const values = { deliveredOn: TODAY, to: 'Мельник І. П.', note: 'особисто' };
    const payload = toPayload('delivered', values, state);
    expect(payload).toEqual(values);
    expect(payload).not.toBe(values);
  });

  it('round trip: the initial values of each form become a payload with the same fields', () => {
    for (const kind of EVENT_KINDS) {
      if (kind === 'amended') continue;
      const values = initialValues(kind, state, TODAY, 'Мельник');
      expect(toPayload(kind, values, state)).toEqual(values);
    }
  });

  it('amended payload built from the initial values changes the surname only', () => {
    const payload = toPayload('amended', initialValues('amended', state, TODAY, ''), state);
    expect(payload).toEqual({ changes: { surname: 'Мельник' }, reason: '' });
  });
});
