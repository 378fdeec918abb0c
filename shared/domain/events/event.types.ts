import type { IsoDate } from '../../lib/dates';
import type { AppealDraft, Role } from '../appeal/appeal.types';

/** Art. 8 grounds on which an appeal is registered but not considered. */
export type NotConsideredReason = 'anonymous' | 'unclear' | 'repeat-decided' | 'late-complaint' | 'incapable';

/** Outcome of consideration as the register records it. */
export type AnswerOutcome = 'satisfied' | 'partially' | 'explained' | 'rejected';

/** Fields an amendment may correct (never the index, the village or the registration stamp). */
export type AmendableField = keyof AppealDraft;

/** Payload of each event kind. */
export interface EventPayloads {
  /** The village passed the appeal to the council. */
  forwarded: { note: string };
  /** The council assigned an executor (department, utility company) with a resolution. */
  assigned: { executor: string; resolution: string; resolutionAuthor: string };
  /** The term was extended; the applicant must be told (art. 20), never beyond 45 days in total. */
  extended: { newDueDate: IsoDate; applicantNotifiedOn: IsoDate; reason: string };
  /** The answer was given. */
  answered: { text: string; replyIndex: string; replyDate: IsoDate; outcome: AnswerOutcome };
  /** The answer was handed to the applicant. */
  delivered: { deliveredOn: IsoDate; to: string; note: string };
  /** Removed from control. */
  closed: { note: string };
  /** A correction of registration fields, with its reason; the original stays in the appeal document. */
  amended: { changes: Partial<AppealDraft>; reason: string };
  /** Returned to the applicant as incomplete (within 10 days, with an explanation). */
  'returned-incomplete': { returnedOn: IsoDate; explanation: string };
  /** Registered but not to be considered, with the art. 8 ground. */
  'not-considered': { reason: NotConsideredReason; note: string };
  comment: { text: string };
}

export type EventKind = keyof EventPayloads;

/** All event kinds in a stable order. */
export const EVENT_KINDS = [
  'forwarded',
  'assigned',
  'extended',
  'answered',
  'delivered',
  'closed',
  'amended',
  'returned-incomplete',
  'not-considered',
  'comment',
] as const satisfies readonly EventKind[];

/** One immutable event about an appeal. */
export interface AppealEventOf<K extends EventKind> {
  /** ULID generated offline. */
  id: string;
  appealId: string;
  /** The village the appeal belongs to (copied so the server can check and filter it). */
  villageId: string;
  kind: K;
  /** ISO timestamp when it was recorded. */
  at: string;
  by: string;
  role: Role;
  payload: EventPayloads[K];
}

export type AppealEvent = { [K in EventKind]: AppealEventOf<K> }[EventKind];

/** Where an appeal stands. */
export type AppealStatus =
  | 'registered'
  | 'forwarded'
  | 'in-progress'
  | 'answered'
  | 'delivered'
  | 'closed'
  | 'returned'
  | 'not-considered';

/** Every status in the order of the workflow (filters, catalogs). */
export const APPEAL_STATUSES = [
  'registered',
  'forwarded',
  'in-progress',
  'answered',
  'delivered',
  'closed',
  'returned',
  'not-considered',
] as const satisfies readonly AppealStatus[];

/** The current state of an appeal: a pure fold of the appeal and its events. */
export interface AppealState {
  appealId: string;
  status: AppealStatus;
  /** The appeal's fields with amendments applied. */
  current: AppealDraft;
  dueDate: IsoDate;
  /** True when at least one extension was recorded. */
  isExtended: boolean;
  executor: string | null;
  answer: EventPayloads['answered'] | null;
  delivered: EventPayloads['delivered'] | null;
  notConsidered: EventPayloads['not-considered'] | null;
  /** True while the law's term still runs: not answered, closed, returned or not considered. */
  isOpen: boolean;
  /** Last event time, or registration time. */
  updatedAt: string;
}
