/** Generic, reusable problems of one field: missing, wrong type, too long, unknown code, bad date. */
import { type Problem, problem } from '../problem';
import { fieldLabel } from './field-labels';

/** The earliest date a record may carry: the register starts with independent Ukraine. */
export const EARLIEST_DATE = '1991-01-01';

/** A field that must be present is absent. */
export function missing(field: string): Problem {
  const l = fieldLabel(field);
  return problem(field, 'missing', `Поле «${l.uk}» відсутнє`, `The field "${l.en}" is missing`);
}

/** A field has a value of the wrong type (a number where text is expected, etc.). */
export function wrongType(field: string): Problem {
  const l = fieldLabel(field);
  return problem(field, 'type', `Поле «${l.uk}» має неправильний тип даних`, `The field "${l.en}" has the wrong type of data`);
}

function groupDigits(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A text is longer than allowed. */
export function tooLong(field: string, max: number): Problem {
  const l = fieldLabel(field);
  return problem(
    field,
    'too-long',
    `Поле «${l.uk}» задовге: не більше ${groupDigits(max, '\u00a0')} символів`,
    `The field "${l.en}" is too long: at most ${groupDigits(max, ',')} characters`,
  );
}

/** A reference code that the list does not know. */
export function unknownCode(field: string): Problem {
  const l = fieldLabel(field);
  return problem(
    field,
    'unknown-code',
    `Поле «${l.uk}»: оберіть значення зі списку`,
    `The field "${l.en}": choose a value from the list`,
  );
}

/** A required field is empty (generic wording; the main fields have their own). */
export function required(field: string, uk?: string, en?: string): Problem {
  const l = fieldLabel(field);
  return problem(field, 'required', uk ?? `Заповніть поле «${l.uk}»`, en ?? `Fill in the field "${l.en}"`);
}

/** Not a real calendar date. */
export function invalidDate(field: string): Problem {
  const l = fieldLabel(field);
  return problem(field, 'date-invalid', `Поле «${l.uk}»: неправильна дата`, `The field "${l.en}": invalid date`);
}

/** A date after today. */
export function futureDate(field: string): Problem {
  const l = fieldLabel(field);
  return problem(
    field,
    'date-in-future',
    `Поле «${l.uk}»: дата не може бути в майбутньому`,
    `The field "${l.en}": the date cannot be in the future`,
  );
}

/** A date before the register can start. */
export function tooEarlyDate(field: string): Problem {
  const l = fieldLabel(field);
  return problem(
    field,
    'date-too-early',
    `Поле «${l.uk}»: дата не може бути раніше 01.01.1991`,
    `The field "${l.en}": the date cannot be before 1 January 1991`,
  );
}
