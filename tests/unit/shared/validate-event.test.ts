import { describe, expect, it } from 'vitest';
import { isIsoTimestamp, validateEvent } from '../../../shared/domain/appeal/validate';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { eventOf, PAYLOADS, TODAY, validDraft } from './fixtures';

const ctx = { today: '2024-06-10', receivedOn: '2024-05-20', currentDueDate: '2024-06-20' };
const codesOf = (input: unknown, c: Parameters<typeof validateEvent>[1] = ctx) =>
  validateEvent(input, c).map((p) => `${p.field}:${p.code}`);
const withPayload = (kind: (typeof EVENT_KINDS)[number], patch: Record<string, unknown>) =>
  eventOf(kind, { payload: { ...PAYLOADS[kind], ...patch } as never });

describe('validateEvent: envelope', () => {
  it.each(EVENT_KINDS)('accepts a valid %s event', (kind) => {
    expect(codesOf(eventOf(kind))).toEqual([]);
  });

  it.each([
    [null, [':not-object']],
    [[], [':not-object']],
    ['event', [':not-object']],
  ])('%j → %j', (input, expected) => {
    expect(codesOf(input)).toEqual(expected);
  });

  it.each([
    [{ id: '' }, ['id:required']],
    [{ id: 7 }, ['id:type']],
    [{ appealId: ' ' }, ['appealId:required']],
    [{ villageId: 'v'.repeat(21) }, ['villageId:too-long']],
    [{ by: '' }, ['by:required']],
    [{ kind: 'deleted' }, ['kind:unknown-code']],
    [{ at: '2024-05-21' }, ['at:format']],
    [{ at: '2024-05-21T09:00:00' }, ['at:format']], // no zone: ambiguous on a PC in Kyiv
    [{ at: '2024-02-30T09:00:00Z' }, ['at:format']],
    [{ at: '2024-05-21T09:00:00+03:00' }, []],
    [{ role: 'admin' }, ['role:unknown-code']],
    [{ payload: null }, ['payload:type']],
    [{ payload: undefined }, ['payload:missing']],
  ] as [Record<string, unknown>, string[]][])('%j → %j', (patch, expected) => {
    expect(codesOf({ ...eventOf('comment'), ...patch })).toEqual(expected);
  });

  it('recognises timestamps', () => {
    expect(isIsoTimestamp('2024-05-21T09:00:00.000Z')).toBe(true);
    expect(isIsoTimestamp('2024-05-21T09:00Z')).toBe(true);
    expect(isIsoTimestamp('2024-05-21T24:00:00Z')).toBe(false);
    expect(isIsoTimestamp(1716282000000)).toBe(false);
  });
});

describe('validateEvent: payloads', () => {
  it.each([
    ['answered', { text: ' ' }, ['payload.text:required']],
    ['answered', { replyIndex: '' }, ['payload.replyIndex:required']],
    ['answered', { outcome: 'maybe' }, ['payload.outcome:unknown-code']],
    ['answered', { replyDate: '2024-06-11' }, ['payload.replyDate:date-in-future']],
    ['answered', { replyDate: '2024-05-19' }, ['payload.replyDate:before-receipt']],
    ['answered', { replyDate: '' }, ['payload.replyDate:required']],
    ['answered', { replyDate: '2024-06-31' }, ['payload.replyDate:date-invalid']],
    ['assigned', { executor: '' }, ['payload.executor:required']],
    ['assigned', { resolution: 5 }, ['payload.resolution:type']],
    ['delivered', { deliveredOn: '2024-05-01' }, ['payload.deliveredOn:before-receipt']],
    ['delivered', { to: '' }, []],
    ['closed', { note: 'н'.repeat(5_001) }, ['payload.note:too-long']],
    ['comment', { text: '' }, ['payload.text:required']],
    ['comment', { text: 'н'.repeat(5_001) }, ['payload.text:too-long']],
    ['returned-incomplete', { explanation: '  ' }, ['payload.explanation:required']],
    ['returned-incomplete', { returnedOn: '2024-07-01' }, ['payload.returnedOn:date-in-future']],
    ['not-considered', { reason: 'lazy' }, ['payload.reason:unknown-code']],
    ['extended', { reason: '' }, ['payload.reason:required']],
    ['extended', { newDueDate: '2024-07-05' }, ['payload.newDueDate:beyond-max']], // 20 May + 45 = 4 Jul
    ['extended', { newDueDate: '2024-07-04' }, []],
    ['extended', { newDueDate: '2024-06-20' }, ['payload.newDueDate:not-later']],
    ['extended', { applicantNotifiedOn: '' }, ['payload.applicantNotifiedOn:required']],
    ['extended', { applicantNotifiedOn: '2024-06-11' }, ['payload.applicantNotifiedOn:date-in-future']],
    ['amended', { reason: '' }, ['payload.reason:required']],
    ['amended', { changes: {} }, ['payload.changes:empty']],
    ['amended', { changes: null }, ['payload.changes:type']],
    ['amended', { changes: { regIndex: 'X' } }, ['payload.changes.regIndex:unknown-field']],
    ['amended', { changes: { villageId: 'other' } }, ['payload.changes.villageId:unknown-field']],
    ['amended', { changes: { phone: '12' } }, ['payload.changes.phone:format']],
    ['amended', { changes: { receivedOn: '2024-13-01' } }, ['payload.changes.receivedOn:date-invalid']],
    ['amended', { changes: { issues: [{ topicCode: '010', text: 'Нове формулювання' }] } }, []],
  ] as [(typeof EVENT_KINDS)[number], Record<string, unknown>, string[]][])('%s %j → %j', (kind, patch, expected) => {
    expect(codesOf(withPayload(kind, patch))).toEqual(expected);
  });

  it('without the appeal dates checks only what it can', () => {
    const event = withPayload('extended', { newDueDate: '2024-12-31' });
    expect(codesOf(event, { today: '2024-06-10' })).toEqual([]);
    expect(codesOf(withPayload('answered', { replyDate: '2020-01-01' }), { today: '2024-06-10' })).toEqual([]);
  });

  it('with the current card reports only what the amendment breaks', () => {
    const current = validDraft();
    const c = { ...ctx, today: TODAY, current };
    expect(codesOf(withPayload('amended', { changes: { surname: '' } }), c)).toEqual(['payload.changes.surname:required']);
    expect(codesOf(withPayload('amended', { changes: { subject: 'anonymous', surname: '' } }), c)).toEqual([]);
    expect(codesOf(withPayload('amended', { changes: { letterDate: '2024-05-20' } }), c)).toEqual([]);
    const broken = { ...current, phone: 'bad' };
    expect(codesOf(withPayload('amended', { changes: { note: 'ok' } }), { ...c, current: broken })).toEqual([]);
  });

  it('ignores the payload of an unknown kind but still reports the kind', () => {
    expect(codesOf({ ...eventOf('comment'), kind: 'x', payload: { anything: 1 } })).toEqual(['kind:unknown-code']);
  });
});
