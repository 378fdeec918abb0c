/**
 * Validation of a registration card (AppealDraft) from untrusted input. It never throws: every problem is returned as data,
 * and anything that is not even an object is one problem on the whole record. Texts are not sanitised: emoji, HTML or
 * `<script>` are stored exactly as typed and escaped where they are shown.
 */
import { type IsoDate, isIsoDate } from '../../lib/dates';
import { type Problem, problem } from '../problem';
import { isFilled, isRecord, own } from '../read';
import { DRAFT_FIELDS, FIELD_CHECKS, type FieldContext } from './draft-fields';
import { required } from './field-problems';

/** What validation needs from outside: today's date on the office PC. */
export interface DraftContext {
  today: IsoDate;
}

/** The context of field checks, tolerating a broken or missing `today`. */
export function fieldContext(ctx: unknown): FieldContext {
  const today = isRecord(ctx) ? own(ctx, 'today') : undefined;
  return { today: isIsoDate(today) ? today : null };
}

/** Problem on the whole record when it is not an object at all. */
export const NOT_OBJECT: Problem = problem(
  '',
  'not-object',
  'Дані звернення мають неправильну структуру',
  'The appeal data has the wrong structure',
);

/** Problem on the whole record when reading it failed (a getter threw, a proxy refused). */
export const UNREADABLE: Problem = problem(
  '',
  'unreadable',
  'Дані звернення неможливо прочитати',
  'The appeal data cannot be read',
);

/**
 * Who must be named, by subject (art. 5: full name and place of residence; art. 8: anonymous ones are registered anyway).
 * Checked only when the fields themselves are well-formed, so one field never gets two problems for one mistake.
 */
function subjectRules(draft: Record<string, unknown>, broken: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  const subject = own(draft, 'subject');
  const blank = (field: string) => !broken.has(field) && !isFilled(own(draft, field));
  if (subject === 'individual') {
    if (blank('surname')) out.push(required('surname', 'Вкажіть прізвище заявника', "Enter the applicant's surname"));
    if (blank('givenName')) out.push(required('givenName', 'Вкажіть імʼя заявника', "Enter the applicant's given name"));
  }
  if (subject === 'collective' && blank('collectiveName') && blank('surname')) {
    out.push(
      required(
        'collectiveName',
        'Вкажіть назву колективу або прізвище першого підписанта',
        'Enter the name of the collective or the surname of the first signer',
      ),
    );
  }
  if ((subject === 'individual' || subject === 'collective') && blank('address')) {
    out.push(
      required('address', 'Вкажіть місце проживання (адресу) заявника', "Enter the applicant's place of residence (address)"),
    );
  }
  return out;
}

function letterBeforeReceipt(draft: Record<string, unknown>): Problem[] {
  const letter = own(draft, 'letterDate');
  const received = own(draft, 'receivedOn');
  if (!isIsoDate(letter) || !isIsoDate(received) || letter <= received) return [];
  return [
    problem(
      'letterDate',
      'after-receipt',
      'Дата листа не може бути пізнішою за дату надходження',
      'The letter date cannot be later than the date of receipt',
    ),
  ];
}

/** All problems of a registration card; an empty array means it may be registered. Never throws. */
export function validateDraft(input: unknown, ctx: DraftContext): Problem[] {
  try {
    if (!isRecord(input)) return [NOT_OBJECT];
    const fctx = fieldContext(ctx);
    const out: Problem[] = [];
    const broken = new Set<string>();
    for (const field of DRAFT_FIELDS) {
      const found = FIELD_CHECKS[field](own(input, field), field, fctx);
      if (found.length > 0) broken.add(field);
      out.push(...found);
    }
    out.push(...subjectRules(input, broken), ...letterBeforeReceipt(input));
    return out;
  } catch {
    // Only hostile objects get here (a throwing getter or proxy trap); the caller still gets data, not an exception.
    return [UNREADABLE];
  }
}
