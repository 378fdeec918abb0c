/**
 * Terms of consideration (art. 20 of the Law "On citizens' appeals"), counted in calendar days from the day of receipt.
 * The due date is the LAST allowed day: an appeal answered on its due date is on time, it is overdue from the next day.
 */

import { addDays, addMonths, daysBetween, displayDate, type IsoDate, isIsoDate } from '../../lib/dates';
import type { ConsiderationTerm } from '../appeal/appeal.types';
import { type Problem, problem } from '../problem';

/** "Does not need extra study": no later than 15 days from receipt. */
export const SHORT_TERM_DAYS = 15;

/** The absolute cap with an extension: 45 days in total from receipt (art. 20). */
export const MAX_TERM_DAYS = 45;

/** An open appeal is "due soon" when its due date is today or within the next DUE_SOON_DAYS - 1 days. */
export const DUE_SOON_DAYS = 3;

/** The office practice for "one month": 30 calendar days (docs/domain.md). */
export const NORMAL_TERM_DAYS = 30;

/**
 * The first due date. `short`: receipt + 15 calendar days. `normal`: the earlier of receipt + one calendar month (the
 * law's wording, clamped to the month's end: 31 Jan → 28/29 Feb) and receipt + 30 days (the offices' practice). The
 * earlier date is never late by either reading: after a 31-day month the month would allow 31 days, while after
 * February 30 days would run past the month. So an appeal received 31 days ago is always overdue.
 */
export function initialDueDate(receivedOn: IsoDate, term: ConsiderationTerm): IsoDate {
  if (term === 'short') return addDays(receivedOn, SHORT_TERM_DAYS);
  const byMonth = addMonths(receivedOn, 1);
  const byDays = addDays(receivedOn, NORMAL_TERM_DAYS);
  return daysBetween(byMonth, byDays) > 0 ? byMonth : byDays;
}

/** The latest due date an extension may set: receipt + 45 calendar days. */
export function maxDueDate(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, MAX_TERM_DAYS);
}

/** The input of an extension check (art. 20: the head extends, tells the applicant, 45 days in total at most). */
export interface ExtensionInput {
  receivedOn: IsoDate;
  currentDueDate: IsoDate;
  newDueDate: unknown;
  applicantNotifiedOn: unknown;
  today: IsoDate;
}

/** Problems of an extension: a later date within the 45-day cap, and a real notification date between receipt and today. */
export function validateExtension(input: ExtensionInput): Problem[] {
  const { receivedOn, currentDueDate, newDueDate, applicantNotifiedOn, today } = input;
  const out: Problem[] = [];
  if (!isIsoDate(newDueDate)) {
    out.push(problem('newDueDate', 'date-invalid', 'Вкажіть нову дату завершення розгляду', 'Enter the new due date'));
  } else {
    if (isIsoDate(currentDueDate) && newDueDate <= currentDueDate) {
      out.push(
        problem(
          'newDueDate',
          'not-later',
          `Нова дата має бути пізнішою за поточну (${displayDate(currentDueDate, 'uk')})`,
          `The new date must be later than the current one (${displayDate(currentDueDate, 'en')})`,
        ),
      );
    }
    if (isIsoDate(receivedOn) && newDueDate > maxDueDate(receivedOn)) {
      const max = maxDueDate(receivedOn);
      out.push(
        problem(
          'newDueDate',
          'beyond-max',
          `Загальний строк розгляду не може перевищувати ${MAX_TERM_DAYS} днів (не пізніше ${displayDate(max, 'uk')})`,
          `The total term may not exceed ${MAX_TERM_DAYS} days (no later than ${displayDate(max, 'en')})`,
        ),
      );
    }
  }
  if (applicantNotifiedOn === null || applicantNotifiedOn === undefined || applicantNotifiedOn === '') {
    out.push(
      problem(
        'applicantNotifiedOn',
        'required',
        'Вкажіть дату повідомлення заявника про продовження строку',
        'Enter the date the applicant was told of the extension',
      ),
    );
  } else if (!isIsoDate(applicantNotifiedOn)) {
    out.push(problem('applicantNotifiedOn', 'date-invalid', 'Неправильна дата повідомлення', 'Invalid notification date'));
  } else {
    if (isIsoDate(today) && applicantNotifiedOn > today) {
      out.push(
        problem(
          'applicantNotifiedOn',
          'date-in-future',
          'Дата повідомлення не може бути в майбутньому',
          'The notification date cannot be in the future',
        ),
      );
    }
    if (isIsoDate(receivedOn) && applicantNotifiedOn < receivedOn) {
      out.push(
        problem(
          'applicantNotifiedOn',
          'before-receipt',
          'Дата повідомлення не може бути раніше дати надходження',
          'The notification date cannot be before the date of receipt',
        ),
      );
    }
  }
  return out;
}

/** Calendar days from today to the due date: 0 on the due date itself, negative once overdue. */
export function daysLeft(dueDate: IsoDate, today: IsoDate): number {
  return daysBetween(today, dueDate);
}

/** True when the due date falls on one of `days` days starting today (today … today + days − 1); false for `days` ≤ 0. */
export function isDueWithin(dueDate: IsoDate, today: IsoDate, days: number): boolean {
  const left = daysLeft(dueDate, today);
  return left >= 0 && left < days;
}

/** Where an appeal stands against its deadline; the due date itself is still on time. */
export function deadlineStatus(dueDate: IsoDate, today: IsoDate, isOpen: boolean): 'closed' | 'overdue' | 'due-soon' | 'ok' {
  if (!isOpen) return 'closed';
  if (daysLeft(dueDate, today) < 0) return 'overdue';
  if (isDueWithin(dueDate, today, DUE_SOON_DAYS)) return 'due-soon';
  return 'ok';
}
