import type { AppealState, EventKind, EventPayloads } from '../../../shared/domain/events/event.types';
import type { IsoDate } from '../../../shared/lib/dates';
import { ANSWER_OUTCOMES, NOT_CONSIDERED_REASONS } from '../../../shared/reference';

export interface ActionField {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'select';
  /** i18n key of the label. */
  label: string;
  options?: readonly { code: string; uk: string; en: string }[];
  optional?: boolean;
  /** The options' labels are i18n keys rather than reference labels. */
  translateOptions?: boolean;
}

/** Registration fields an amendment can correct from the card. */
export const AMENDABLE = [
  'surname',
  'givenName',
  'patronymic',
  'collectiveName',
  'address',
  'phone',
  'email',
  'note',
  'issueText',
] as const;

/** The inputs of each action form. */
export const ACTION_FIELDS: Record<EventKind, ActionField[]> = {
  forwarded: [{ name: 'note', kind: 'textarea', label: 'action.field.note', optional: true }],
  assigned: [
    { name: 'executor', kind: 'text', label: 'action.field.executor' },
    { name: 'resolution', kind: 'textarea', label: 'action.field.resolution', optional: true },
    { name: 'resolutionAuthor', kind: 'text', label: 'action.field.resolutionAuthor', optional: true },
  ],
  extended: [
    { name: 'newDueDate', kind: 'date', label: 'action.field.newDueDate' },
    { name: 'applicantNotifiedOn', kind: 'date', label: 'action.field.applicantNotifiedOn' },
    { name: 'reason', kind: 'textarea', label: 'action.field.reason' },
  ],
  answered: [
    { name: 'text', kind: 'textarea', label: 'action.field.answerText' },
    { name: 'replyIndex', kind: 'text', label: 'action.field.replyIndex' },
    { name: 'replyDate', kind: 'date', label: 'action.field.replyDate' },
    { name: 'outcome', kind: 'select', label: 'action.field.outcome', options: ANSWER_OUTCOMES },
  ],
  delivered: [
    { name: 'deliveredOn', kind: 'date', label: 'action.field.deliveredOn' },
    { name: 'to', kind: 'text', label: 'action.field.to' },
    { name: 'note', kind: 'textarea', label: 'action.field.note', optional: true },
  ],
  closed: [{ name: 'note', kind: 'textarea', label: 'action.field.note', optional: true }],
  amended: [
    {
      name: 'field',
      kind: 'select',
      label: 'action.field.amendField',
      options: AMENDABLE.map((f) => ({ code: f, uk: `amend.${f}`, en: `amend.${f}` })),
      translateOptions: true,
    },
    { name: 'value', kind: 'textarea', label: 'action.field.newValue', optional: true },
    { name: 'reason', kind: 'textarea', label: 'action.field.reason' },
  ],
  'returned-incomplete': [
    { name: 'returnedOn', kind: 'date', label: 'action.field.returnedOn' },
    { name: 'explanation', kind: 'textarea', label: 'action.field.explanation' },
  ],
  'not-considered': [
    { name: 'reason', kind: 'select', label: 'action.field.art8reason', options: NOT_CONSIDERED_REASONS },
    { name: 'note', kind: 'textarea', label: 'action.field.note', optional: true },
  ],
  comment: [{ name: 'text', kind: 'textarea', label: 'action.field.comment' }],
};

/** Starting values of an action form. */
export function initialValues(kind: EventKind, state: AppealState, today: IsoDate, applicant: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of ACTION_FIELDS[kind]) values[f.name] = f.kind === 'date' ? today : (f.options?.[0]?.code ?? '');
  if (kind === 'delivered') values.to = applicant;
  if (kind === 'extended') values.newDueDate = '';
  if (kind === 'amended') values.value = state.current.surname;
  return values;
}

/** The current value of an amendable field, to prefill the amendment form. */
export function amendableValue(state: AppealState, field: string): string {
  if (field === 'issueText') return state.current.issues[0]?.text ?? '';
  const value = state.current[field as keyof typeof state.current];
  return typeof value === 'string' ? value : '';
}

/** Turns the form's values into the event payload. */
export function toPayload(kind: EventKind, values: Record<string, string>, state: AppealState): EventPayloads[EventKind] {
  if (kind === 'amended') {
    const field = values.field ?? '';
    const value = values.value ?? '';
    const changes =
      field === 'issueText'
        ? { issues: state.current.issues.map((issue, i) => (i === 0 ? { ...issue, text: value } : issue)) }
        : { [field]: value };
    return { changes, reason: values.reason ?? '' };
  }
  return { ...values } as unknown as EventPayloads[EventKind];
}
