/**
 * Validation of one appeal event from untrusted input (the action form, or a document that came by replication).
 * Never throws. Checks the envelope, then the payload of its kind; date rules need the appeal's receipt date and current
 * due date, which the caller passes when it has them.
 */
import { type IsoDate, isIsoDate } from '../../lib/dates';
import { ANSWER_OUTCOMES, hasCode, NOT_CONSIDERED_REASONS } from '../../reference';
import type { AppealDraft } from '../appeal/appeal.types';
import { checkDate, FIELD_CHECKS, isDraftField } from '../appeal/draft-fields';
import { missing, required, tooLong, unknownCode, wrongType } from '../appeal/field-problems';
import { fieldContext, validateDraft } from '../appeal/validate-draft';
import { validateExtension } from '../deadlines/deadlines';
import { isRole } from '../permissions/permissions';
import { type Problem, problem, withPrefix } from '../problem';
import { isFilled, isRecord, own, textLength } from '../read';
import { EVENT_KINDS, type EventKind } from './event.types';

/** What event validation may know about the appeal. */
export interface EventContext {
  today: IsoDate;
  /** The appeal's (amended) receipt date: enables "not before receipt" and the 45-day cap. */
  receivedOn?: IsoDate;
  /** The due date now in force: an extension must go past it. */
  currentDueDate?: IsoDate;
  /** The appeal's current fields: enables cross-field checks of an amendment (e.g. clearing an individual's surname). */
  current?: AppealDraft;
}

/** Loose ISO 8601 timestamp with a zone: 2024-05-01T10:00:00.000Z or …+03:00 (seconds optional). */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for an ISO timestamp string with a real date and a zone. */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40) return false;
  const m = TIMESTAMP.exec(value);
  return m !== null && isIsoDate(m[1]);
}

/** True for one of the known event kinds. */
export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value);
}

function idField(obj: Record<string, unknown>, field: string, max: number): Problem[] {
  const value = own(obj, field);
  if (value === undefined) return [missing(field)];
  if (typeof value !== 'string') return [wrongType(field)];
  if (value.trim() === '') return [required(field)];
  return value.length > max ? [tooLong(field, max)] : [];
}

function envelope(e: Record<string, unknown>): Problem[] {
  const out = [...idField(e, 'id', 40), ...idField(e, 'appealId', 40), ...idField(e, 'villageId', 20), ...idField(e, 'by', 200)];
  if (!isEventKind(own(e, 'kind'))) out.push(unknownCode('kind'));
  if (!isIsoTimestamp(own(e, 'at'))) {
    out.push(problem('at', 'format', 'Час події має бути у форматі ISO 8601', 'The event time must be an ISO 8601 timestamp'));
  }
  if (!isRole(own(e, 'role'))) out.push(unknownCode('role'));
  return out;
}

type Payload = Record<string, unknown>;

const NOT_OBJECT = problem('', 'not-object', 'Дані події мають неправильну структуру', 'The event data has the wrong structure');
const UNREADABLE = problem('', 'unreadable', 'Дані події неможливо прочитати', 'The event data cannot be read');

function mustText(p: Payload, key: string, max: number, uk: string, en: string): Problem[] {
  const value = own(p, key);
  if (value === undefined) return [missing(key)];
  if (typeof value !== 'string') return [wrongType(key)];
  if (!isFilled(value)) return [required(key, uk, en)];
  return textLength(value) > max ? [tooLong(key, max)] : [];
}

function mayText(p: Payload, key: string, max: number): Problem[] {
  const value = own(p, key);
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') return [wrongType(key)];
  return textLength(value) > max ? [tooLong(key, max)] : [];
}

function eventDate(p: Payload, key: string, ctx: EventContext): Problem[] {
  const value = own(p, key);
  if (value === undefined || value === '' || value === null) return [required(key)];
  const found = checkDate(value, key, fieldContext(ctx));
  if (found.length === 0 && isIsoDate(ctx.receivedOn) && (value as string) < ctx.receivedOn) {
    found.push(
      problem(
        key,
        'before-receipt',
        'Дата не може бути раніше дати надходження',
        'The date cannot be before the date of receipt',
      ),
    );
  }
  return found;
}

function amended(p: Payload, ctx: EventContext): Problem[] {
  const out = mustText(p, 'reason', 5_000, 'Вкажіть причину виправлення', 'Enter the reason for the correction');
  const changes = own(p, 'changes');
  if (!isRecord(changes)) return [...out, changes === undefined ? missing('changes') : wrongType('changes')];
  const keys = Object.keys(changes);
  if (keys.length === 0) return [...out, problem('changes', 'empty', 'Не вказано, що виправити', 'Nothing to correct was given')];
  const fctx = fieldContext(ctx);
  const own_: Problem[] = [];
  for (const key of keys) {
    if (!isDraftField(key)) {
      own_.push(problem(key, 'unknown-field', 'Це поле не можна виправити', 'This field cannot be corrected'));
    } else {
      own_.push(...FIELD_CHECKS[key](changes[key], key, fctx));
    }
  }
  if (isRecord(ctx.current) && own_.length === 0) {
    // Cross-field rules: report only what the amendment itself breaks, not what was already wrong before it.
    const before = new Set(validateDraft(ctx.current, ctx).map((x) => `${x.field}\u0000${x.code}`));
    const after = validateDraft({ ...ctx.current, ...changes }, ctx);
    own_.push(...after.filter((x) => !before.has(`${x.field}\u0000${x.code}`)));
  }
  return [...out, ...withPrefix('changes', own_)];
}

function extended(p: Payload, ctx: EventContext): Problem[] {
  const out = mustText(p, 'reason', 5_000, 'Вкажіть причину продовження строку', 'Enter the reason for the extension');
  out.push(
    ...validateExtension({
      receivedOn: isIsoDate(ctx.receivedOn) ? ctx.receivedOn : '',
      currentDueDate: isIsoDate(ctx.currentDueDate) ? ctx.currentDueDate : '',
      newDueDate: own(p, 'newDueDate'),
      applicantNotifiedOn: own(p, 'applicantNotifiedOn'),
      today: fieldContext(ctx).today ?? '',
    }),
  );
  return out;
}

const PAYLOAD_CHECKS: Readonly<Record<EventKind, (p: Payload, ctx: EventContext) => Problem[]>> = {
  forwarded: (p) => mayText(p, 'note', 5_000),
  assigned: (p) => [
    ...mustText(p, 'executor', 300, 'Вкажіть виконавця', 'Enter the executor'),
    ...mayText(p, 'resolution', 5_000),
    ...mayText(p, 'resolutionAuthor', 200),
  ],
  extended,
  answered: (p, ctx) => [
    ...mustText(p, 'text', 20_000, 'Вкажіть зміст відповіді', 'Enter the text of the answer'),
    ...mustText(p, 'replyIndex', 100, 'Вкажіть індекс (номер) відповіді', 'Enter the reply index (number)'),
    ...eventDate(p, 'replyDate', ctx),
    ...(hasCode(ANSWER_OUTCOMES, own(p, 'outcome') as string) ? [] : [unknownCode('outcome')]),
  ],
  delivered: (p, ctx) => [...eventDate(p, 'deliveredOn', ctx), ...mayText(p, 'to', 300), ...mayText(p, 'note', 5_000)],
  closed: (p) => mayText(p, 'note', 5_000),
  amended,
  'returned-incomplete': (p, ctx) => [
    ...eventDate(p, 'returnedOn', ctx),
    ...mustText(p, 'explanation', 5_000, 'Поясніть, чого бракує у зверненні', 'Explain what the appeal lacks'),
  ],
  'not-considered': (p) => [
    ...(hasCode(NOT_CONSIDERED_REASONS, own(p, 'reason') as string) ? [] : [unknownCode('reason')]),
    ...mayText(p, 'note', 5_000),
  ],
  comment: (p) => mustText(p, 'text', 5_000, 'Напишіть коментар', 'Write the comment'),
};

/** All problems of an event; an empty array means it may be recorded. Never throws. */
export function validateEvent(input: unknown, ctx: EventContext): Problem[] {
  try {
    if (!isRecord(input)) return [NOT_OBJECT];
    const out = envelope(input);
    const kind = own(input, 'kind');
    const payload = own(input, 'payload');
    if (!isRecord(payload)) out.push(payload === undefined ? missing('payload') : wrongType('payload'));
    else if (isEventKind(kind))
      out.push(...withPrefix('payload', PAYLOAD_CHECKS[kind](payload, isRecord(ctx) ? ctx : { today: '' })));
    return out;
  } catch {
    // Only hostile objects get here (a throwing getter or proxy trap); the caller still gets data, not an exception.
    return [UNREADABLE];
  }
}
