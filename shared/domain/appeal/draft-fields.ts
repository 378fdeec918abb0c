/**
 * Checks of single registration-card fields, each on its own: type, length, format, reference code, date range.
 * Rules that need two fields (who must give a name, letter date vs receipt) live in validate-draft.ts. Amendments reuse
 * these checks for the fields they change.
 */
import { type IsoDate, isIsoDate } from '../../lib/dates';
import {
  APPEAL_TYPES,
  APPLICANT_CATEGORIES,
  hasCode,
  RECEIPT_FORMS,
  RECEIPT_SIGNS,
  type ReferenceItem,
  SEXES,
  SOCIAL_STATUSES,
  SUBJECTS,
  TOPICS,
} from '../../reference';
import { type Problem, problem } from '../problem';
import { isFilled, isRecord, own, textLength } from '../read';
import type { AppealDraft } from './appeal.types';
import { isEmail, MAX_EMAIL_LENGTH, normalizeUaPhone } from './contact';
import {
  EARLIEST_DATE,
  futureDate,
  invalidDate,
  missing,
  required,
  tooEarlyDate,
  tooLong,
  unknownCode,
  wrongType,
} from './field-problems';

/** Length limits, in characters (code points). */
export const LIMITS = {
  name: 100,
  address: 300,
  issueText: 20_000,
  note: 5_000,
  originBody: 300,
  originIndex: 100,
  issues: 50,
} as const;

/** What field checks need to know besides the value. */
export interface FieldContext {
  /** Today, when known and valid: dates may not be later. */
  today: IsoDate | null;
}

type FieldCheck = (value: unknown, field: string, ctx: FieldContext) => Problem[];

const TERMS: readonly ReferenceItem[] = [
  { code: 'short', uk: 'Короткий', en: 'Short' },
  { code: 'normal', uk: 'Звичайний', en: 'Normal' },
];

function text(max: number, trimmed: boolean): FieldCheck {
  return (value, field) => {
    if (value === undefined) return [missing(field)];
    if (typeof value !== 'string') return [wrongType(field)];
    return textLength(trimmed ? value.trim() : value) > max ? [tooLong(field, max)] : [];
  };
}

function code(list: readonly ReferenceItem[], allowEmpty: boolean): FieldCheck {
  return (value, field) => {
    if (value === undefined) return [missing(field)];
    if (typeof value !== 'string') return [wrongType(field)];
    if (value === '') return allowEmpty ? [] : [required(field, ...requiredText(field))];
    return hasCode(list, value) ? [] : [unknownCode(field)];
  };
}

function requiredText(field: string): [string, string] | [] {
  if (field === 'receiptForm') return ['Оберіть форму надходження', 'Choose the form of receipt'];
  if (field === 'receiptSign') return ['Оберіть ознаку надходження', 'Choose the receipt sign'];
  return [];
}

/** Checks an optional calendar date: valid, not after today, not before 1991. */
export function checkDate(value: unknown, field: string, ctx: FieldContext): Problem[] {
  if (!isIsoDate(value)) return [invalidDate(field)];
  if (value < EARLIEST_DATE) return [tooEarlyDate(field)];
  if (ctx.today !== null && value > ctx.today) return [futureDate(field)];
  return [];
}

const surname: FieldCheck = (value, field, ctx) => {
  const base = text(LIMITS.name, true)(value, field, ctx);
  if (base.length > 0 || !isFilled(value)) return base;
  // The first letter becomes the registration index letter (Instruction No. 348), so it must be a letter.
  return /^\p{L}/u.test(value.trim())
    ? []
    : [problem(field, 'first-letter', 'Прізвище має починатися з літери', 'The surname must start with a letter')];
};

const phone: FieldCheck = (value, field, ctx) => {
  const base = text(200, true)(value, field, ctx);
  if (base.length > 0 || !isFilled(value)) return base;
  return normalizeUaPhone(value) === null
    ? [
        problem(
          field,
          'format',
          'Телефон має бути українським номером, напр. 067 123 45 67',
          'Enter a Ukrainian phone number, e.g. 067 123 45 67',
        ),
      ]
    : [];
};

const email: FieldCheck = (value, field, ctx) => {
  const base = text(MAX_EMAIL_LENGTH, true)(value, field, ctx);
  if (base.length > 0 || !isFilled(value)) return base;
  return isEmail(value.trim())
    ? []
    : [problem(field, 'format', 'Неправильна адреса електронної пошти', 'Invalid e-mail address')];
};

const categories: FieldCheck = (value, field) => {
  if (value === undefined) return [missing(field)];
  if (!Array.isArray(value)) return [wrongType(field)];
  if (value.length > APPLICANT_CATEGORIES.length)
    return [problem(field, 'too-many', 'Забагато категорій', 'Too many categories')];
  const out: Problem[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const path = `${field}.${i}`;
    if (typeof item !== 'string') out.push(wrongType(path));
    else if (!hasCode(APPLICANT_CATEGORIES, item)) out.push(unknownCode(path));
    else if (seen.has(item)) out.push(problem(path, 'duplicate', 'Категорію вказано двічі', 'The category is listed twice'));
    else seen.add(item);
  });
  return out;
};

const letterDate: FieldCheck = (value, field, ctx) => {
  if (value === undefined) return [missing(field)];
  if (value === null || value === '') return [];
  return typeof value === 'string' ? checkDate(value, field, ctx) : [wrongType(field)];
};

const receivedOn: FieldCheck = (value, field, ctx) => {
  if (value === undefined) return [missing(field)];
  if (value === null || value === '') {
    return [required(field, 'Вкажіть дату надходження звернення', 'Enter the date the appeal was received')];
  }
  return typeof value === 'string' ? checkDate(value, field, ctx) : [wrongType(field)];
};

const origin: FieldCheck = (value, field, ctx) => {
  if (value === undefined) return [missing(field)];
  if (value === null) return [];
  if (!isRecord(value)) return [wrongType(field)];
  const out = text(LIMITS.originBody, true)(own(value, 'body'), `${field}.body`, ctx);
  if (out.length === 0 && !isFilled(own(value, 'body'))) {
    out.push(required(`${field}.body`, 'Вкажіть орган, від якого надійшло звернення', 'Enter the body the appeal came from'));
  }
  out.push(...letterDate(own(value, 'date'), `${field}.date`, ctx));
  out.push(...text(LIMITS.originIndex, true)(own(value, 'index'), `${field}.index`, ctx));
  return out;
};

function issue(value: unknown, field: string, ctx: FieldContext): Problem[] {
  if (!isRecord(value)) return [wrongType(field)];
  const out: Problem[] = [];
  const topic = own(value, 'topicCode');
  if (topic === '' || (typeof topic === 'string' && topic.trim() === '')) {
    out.push(
      required(
        `${field}.topicCode`,
        'Оберіть тему питання за класифікатором',
        'Choose the topic of the issue from the classifier',
      ),
    );
  } else {
    out.push(...code(TOPICS, false)(topic, `${field}.topicCode`, ctx));
  }
  const body = own(value, 'text');
  const textProblems = text(LIMITS.issueText, false)(body, `${field}.text`, ctx);
  out.push(...textProblems);
  if (textProblems.length === 0 && !isFilled(body)) {
    out.push(required(`${field}.text`, 'Опишіть суть питання', 'Describe the substance of the issue'));
  }
  return out;
}

const issues: FieldCheck = (value, field, ctx) => {
  if (value === undefined) return [missing(field)];
  if (!Array.isArray(value)) return [wrongType(field)];
  if (value.length === 0) return [required(field, 'Додайте хоча б одне питання', 'Add at least one issue')];
  if (value.length > LIMITS.issues) {
    return [problem(field, 'too-many', `Не більше ${LIMITS.issues} питань`, `At most ${LIMITS.issues} issues`)];
  }
  return value.flatMap((item: unknown, i) => issue(item, `${field}.${i}`, ctx));
};

/** The check of every AppealDraft field; cross-field rules are not here. */
export const FIELD_CHECKS: Readonly<Record<keyof AppealDraft, FieldCheck>> = {
  surname,
  givenName: text(LIMITS.name, true),
  patronymic: text(LIMITS.name, true),
  collectiveName: text(LIMITS.name, true),
  address: text(LIMITS.address, false),
  phone,
  email,
  sex: code(SEXES, false),
  subject: code(SUBJECTS, false),
  type: code(APPEAL_TYPES, false),
  receiptForm: code(RECEIPT_FORMS, false),
  receiptSign: code(RECEIPT_SIGNS, false),
  categories,
  socialStatus: code(SOCIAL_STATUSES, true),
  letterDate,
  receivedOn,
  term: code(TERMS, false),
  origin,
  issues,
  note: text(LIMITS.note, false),
};

/** The names of the AppealDraft fields, in card order. */
export const DRAFT_FIELDS = Object.keys(FIELD_CHECKS) as readonly (keyof AppealDraft)[];

/** True when the string names an AppealDraft field (own key, so `__proto__` or `toString` are not fields). */
export function isDraftField(key: string): key is keyof AppealDraft {
  return Object.hasOwn(FIELD_CHECKS, key);
}
