/**
 * Timeliness of consideration at a cut-off date (art. 20 of the Law "On citizens' appeals": 15 days / one month,
 * extended to 45 days at most; the due date is the last allowed day). Every appeal falls in exactly one class, so the
 * classes add up to the number of appeals; "term extended" is counted beside them for reference.
 *
 * What the register knew at the cut-off is the fold of the events that had happened by then:
 * - an event happened on its legal date where it carries one (`answered` → replyDate, `delivered` → deliveredOn,
 *   `returned-incomplete` → returnedOn), else on the calendar day of its `at` timestamp in UTC (events are stamped with
 *   `toISOString()`; one recorded in Kyiv between 00:00 and 03:00 counts on the previous day);
 * - `amended` events always apply whatever their date: they correct the registration record (a wrong date received
 *   or term), so the corrected card is the truth for any report, past or present.
 *
 * Classes, checked in this order:
 * 1. `not-considered` — status not-considered (art. 8), or removed from control after an art. 8 decision with no answer;
 * 2. `returned` — returned to the applicant as incomplete;
 * 3. an answer was given (an `answered` event, or a `delivered` one without a recorded answer: a paper reply); the
 *    reply date is replyDate (or deliveredOn) and it is compared with the due date in force at the cut-off:
 *    `answered-on-time` (≤ due date, never extended), `answered-extended` (≤ the extended due date),
 *    `answered-late` (after the due date);
 * 4. `closed-no-answer` — removed from control with no answer recorded;
 * 5. still open at the cut-off: `open-overdue` when the cut-off is after the due date, else `open-on-time`.
 */
import type { Appeal } from '../domain/appeal/appeal.types';
import type { AppealEvent, AppealState } from '../domain/events/event.types';
import { foldAppeal } from '../domain/events/fold';
import { type IsoDate, isIsoDate } from '../lib/dates';

/** The timeliness classes in the order the report shows them. */
export const TIMELINESS_CLASSES = [
  'answered-on-time',
  'answered-extended',
  'answered-late',
  'open-on-time',
  'open-overdue',
  'closed-no-answer',
  'returned',
  'not-considered',
] as const;

export type TimelinessClass = (typeof TIMELINESS_CLASSES)[number];

/** The calendar day an event happened, for the cut-off (see the file comment). */
export function eventDay(event: AppealEvent): IsoDate | null {
  const payload = event.payload as unknown as Record<string, unknown>;
  const legal =
    event.kind === 'answered'
      ? payload.replyDate
      : event.kind === 'delivered'
        ? payload.deliveredOn
        : event.kind === 'returned-incomplete'
          ? payload.returnedOn
          : undefined;
  if (isIsoDate(legal)) return legal;
  const ms = typeof event.at === 'string' ? Date.parse(event.at) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** The events the register knew at the end of `cutoff` (amendments always; undated events never). */
export function eventsKnownAt(events: readonly AppealEvent[], cutoff: IsoDate): AppealEvent[] {
  return events.filter((e) => {
    if (e.kind === 'amended') return true;
    const day = eventDay(e);
    return day !== null && day <= cutoff;
  });
}

/** The state of an appeal as the register knew it at the end of the cut-off day. */
export function stateAt(appeal: Appeal, events: readonly AppealEvent[], cutoff: IsoDate): AppealState {
  return foldAppeal(appeal, eventsKnownAt(events, cutoff));
}

/** The reply date of an answered appeal: the answer's date, or the day a paper reply was handed over; null if none. */
export function replyDateOf(state: AppealState): IsoDate | null {
  if (state.answer && isIsoDate(state.answer.replyDate)) return state.answer.replyDate;
  if (state.delivered && isIsoDate(state.delivered.deliveredOn)) return state.delivered.deliveredOn;
  return null;
}

/** What the timeliness class reads of a state: `reply` is `replyDateOf(state)`. */
export interface TimelinessInput {
  status: AppealState['status'];
  /** An art. 8 decision was recorded. */
  notConsidered: boolean;
  isExtended: boolean;
  isOpen: boolean;
  dueDate: IsoDate;
  reply: IsoDate | null;
}

export function timelinessInputOf(state: AppealState): TimelinessInput {
  return {
    status: state.status,
    notConsidered: state.notConsidered !== null,
    isExtended: state.isExtended,
    isOpen: state.isOpen,
    dueDate: state.dueDate,
    reply: replyDateOf(state),
  };
}

/** The timeliness class at the cut-off day (see the file comment for the rules). */
export function timelinessOfInput(s: TimelinessInput, cutoff: IsoDate): TimelinessClass {
  const reply = s.reply;
  if (s.status === 'not-considered' || (s.status === 'closed' && s.notConsidered && reply === null)) {
    return 'not-considered';
  }
  if (s.status === 'returned') return 'returned';
  if (reply !== null) {
    if (reply > s.dueDate) return 'answered-late';
    return s.isExtended ? 'answered-extended' : 'answered-on-time';
  }
  if (!s.isOpen) return 'closed-no-answer';
  return cutoff > s.dueDate ? 'open-overdue' : 'open-on-time';
}

/** The timeliness class of a state at the cut-off day (see the file comment for the rules). */
export function timelinessOf(state: AppealState, cutoff: IsoDate): TimelinessClass {
  return timelinessOfInput(timelinessInputOf(state), cutoff);
}
