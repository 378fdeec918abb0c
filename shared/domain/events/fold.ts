/**
 * The current state of an appeal as a pure fold of the appeal document and its events (docs/architecture.md: write-once records,
 * append-only events). Events arrive by replication in any order and possibly twice, so the fold first puts them in one
 * total order and drops repeated ids: every device computes the same state from the same set of events.
 *
 * Status rules (deterministic, chosen so that clock skew between PCs cannot move an appeal backwards):
 * - The progress chain registered → forwarded → in-progress → answered → delivered only moves forward: `forwarded`,
 *   `assigned`, `answered`, `delivered` raise the status to their step and never lower it (a late-arriving `forwarded`
 *   after `assigned` keeps in-progress). `delivered` without a recorded answer still means the applicant got a reply
 *   (e.g. a paper answer), so it reaches delivered too.
 * - `returned-incomplete` → returned and `not-considered` → not-considered end consideration from any status except
 *   closed; the later of the two wins.
 * - `closed` (removed from control) is final for the status: it applies from any status and nothing moves it afterwards.
 * - In returned, not-considered and closed the data of later events is still recorded (executor, answer, delivery), only
 *   the status stays: an appeal answered and closed at once still has an answer to hand over (see needsHandover).
 * - `extended` sets the due date to its new date (the last extension in order wins) and marks the appeal extended.
 * - `amended` merges its changes into `current`; when it changes `receivedOn` or `term` and no extension was recorded,
 *   the due date is recomputed from the corrected fields (an extension is an explicit decision and is kept).
 * - `comment` changes nothing but updatedAt. isOpen = registered | forwarded | in-progress.
 */
import { type IsoDate, isIsoDate } from '../../lib/dates';
import type { Appeal, AppealDraft } from '../appeal/appeal.types';
import { DRAFT_FIELDS, isDraftField } from '../appeal/draft-fields';
import { initialDueDate } from '../deadlines/deadlines';
import { isRecord } from '../read';
import type { AppealEvent, AppealState, AppealStatus } from './event.types';
import { isIsoTimestamp } from './validate-event';

/** Milliseconds of a zoned ISO timestamp; unparseable ones sort after all others (then by their text). */
function timeOf(at: unknown): number {
  if (!isIsoTimestamp(at)) return Number.POSITIVE_INFINITY;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** JSON with sorted keys: the last tie-breaker, for two different documents that share `at` and `id`. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Events in one total order: by time (`at`), then `id`, then content; returns a new array, the input is untouched. */
export function sortEvents<E extends AppealEvent>(events: readonly E[]): E[] {
  const keyed = events.map((event) => ({ event, t: timeOf(event.at), at: String(event.at), id: String(event.id) }));
  keyed.sort((a, b) => {
    if (a.t !== b.t) return a.t < b.t ? -1 : 1;
    return compareText(a.at, b.at) || compareText(a.id, b.id) || compareText(canonical(a.event), canonical(b.event));
  });
  return keyed.map((k) => k.event);
}

const PROGRESS: readonly AppealStatus[] = ['registered', 'forwarded', 'in-progress', 'answered', 'delivered'];
const OPEN: ReadonlySet<AppealStatus> = new Set(['registered', 'forwarded', 'in-progress']);

/** Raises the status along the progress chain; never lowers it and never leaves returned, not-considered or closed. */
function advance(status: AppealStatus, to: AppealStatus): AppealStatus {
  const from = PROGRESS.indexOf(status);
  return from >= 0 && from < PROGRESS.indexOf(to) ? to : status;
}

function dueFor(receivedOn: IsoDate, term: AppealDraft['term']): IsoDate {
  return isIsoDate(receivedOn) ? initialDueDate(receivedOn, term === 'short' ? 'short' : 'normal') : receivedOn;
}

/** A deep copy of the appeal's registration fields, so amendments never touch the stored appeal. */
function draftOf(appeal: Appeal): AppealDraft {
  const copy = {} as Record<string, unknown>;
  for (const field of DRAFT_FIELDS) copy[field] = structuredClone(appeal[field]);
  return copy as unknown as AppealDraft;
}

/** The state right after registration, before any event. */
export function initialState(appeal: Appeal): AppealState {
  return {
    appealId: appeal.id,
    status: 'registered',
    current: draftOf(appeal),
    dueDate: dueFor(appeal.receivedOn, appeal.term),
    isExtended: false,
    executor: null,
    answer: null,
    delivered: null,
    notConsidered: null,
    isOpen: true,
    updatedAt: appeal.registeredAt,
  };
}

function amend(state: AppealState, changes: unknown): AppealState {
  if (!isRecord(changes)) return state;
  const current = { ...state.current } as Record<string, unknown>;
  for (const key of Object.keys(changes)) {
    if (isDraftField(key) && changes[key] !== undefined) current[key] = structuredClone(changes[key]);
  }
  const next = current as unknown as AppealDraft;
  const timing = next.receivedOn !== state.current.receivedOn || next.term !== state.current.term;
  const dueDate = timing && !state.isExtended ? dueFor(next.receivedOn, next.term) : state.dueDate;
  return { ...state, current: next, dueDate };
}

/** Applies one event (already in order) to the state. Exported for tests and projections; prefer foldAppeal. */
export function applyEvent(state: AppealState, event: AppealEvent): AppealState {
  const s = { ...state };
  switch (event.kind) {
    case 'forwarded':
      s.status = advance(s.status, 'forwarded');
      break;
    case 'assigned':
      s.status = advance(s.status, 'in-progress');
      s.executor = event.payload.executor;
      break;
    case 'answered':
      s.status = advance(s.status, 'answered');
      s.answer = { ...event.payload };
      break;
    case 'delivered':
      s.status = advance(s.status, 'delivered');
      s.delivered = { ...event.payload };
      break;
    case 'extended':
      if (isIsoDate(event.payload.newDueDate)) {
        s.dueDate = event.payload.newDueDate;
        s.isExtended = true;
      }
      break;
    case 'amended':
      return finish(amend(s, event.payload.changes), event);
    case 'returned-incomplete':
      if (s.status !== 'closed') s.status = 'returned';
      break;
    case 'not-considered':
      if (s.status !== 'closed') s.status = 'not-considered';
      s.notConsidered = { ...event.payload };
      break;
    case 'closed':
      s.status = 'closed';
      break;
    case 'comment':
      break;
    default:
      // An unknown kind (a newer app version, a damaged document) changes nothing, not even updatedAt.
      return state;
  }
  return finish(s, event);
}

function finish(s: AppealState, event: AppealEvent): AppealState {
  const updatedAt = timeOf(event.at) >= timeOf(s.updatedAt) && typeof event.at === 'string' ? event.at : s.updatedAt;
  return { ...s, isOpen: OPEN.has(s.status), updatedAt };
}

/** The state of an appeal from its events, whatever order they arrive in; other appeals' events and repeated ids are ignored. */
export function foldAppeal(appeal: Appeal, events: readonly AppealEvent[]): AppealState {
  const seen = new Set<string>();
  let state = initialState(appeal);
  for (const event of sortEvents(events.filter((e) => isRecord(e) && e.appealId === appeal.id && isRecord(e.payload)))) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    state = applyEvent(state, event);
  }
  return state;
}

/** True when the appeal is still open and today is past its due date (the due date itself is on time). */
export function isOverdue(state: AppealState, today: IsoDate): boolean {
  return state.isOpen && isIsoDate(state.dueDate) && isIsoDate(today) && today > state.dueDate;
}

/**
 * True when an answer was recorded but not yet handed to the applicant, whatever the status: the council may answer and
 * remove from control at once, and the village still has to hand the answer over.
 */
export function needsHandover(state: AppealState): boolean {
  return state.answer !== null && state.delivered === null;
}
