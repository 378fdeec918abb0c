/**
 * The validation API of the registration card and of events, plus the empty card the form starts from.
 * The rules themselves live in draft-fields.ts, validate-draft.ts and events/validate-event.ts.
 */
import type { IsoDate } from '../../lib/dates';
import type { AppealDraft } from './appeal.types';

export { type EventContext, isEventKind, isIsoTimestamp, validateEvent } from '../events/validate-event';
export type { Problem } from '../problem';
export { isEmail, normalizeUaPhone } from './contact';
export { DRAFT_FIELDS, isDraftField, LIMITS } from './draft-fields';
export { EARLIEST_DATE } from './field-problems';
export { type DraftContext, validateDraft } from './validate-draft';

/**
 * A new, empty card: an individual's application received in person today, first appeal, normal term, one empty issue.
 * These are the most common values in a village office, so most cards need no change to them.
 */
export function emptyDraft(today: IsoDate): AppealDraft {
  return {
    surname: '',
    givenName: '',
    patronymic: '',
    collectiveName: '',
    address: '',
    phone: '',
    email: '',
    sex: 'unknown',
    subject: 'individual',
    type: 'application',
    receiptForm: 'personal',
    receiptSign: 'first',
    categories: [],
    socialStatus: '',
    letterDate: null,
    receivedOn: today,
    term: 'normal',
    origin: null,
    issues: [{ topicCode: '', text: '' }],
    note: '',
  };
}
