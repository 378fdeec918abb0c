/**
 * Contact details as people type them. Ukrainian numbers are 0 + 9 digits nationally (0XX XXX XX XX) and +380 + 9 digits
 * internationally; older habits add the long-distance 8 (8 0XX …) or write +38 (0XX) ….
 */

/** Characters people put between digits: spaces (incl. no-break), dashes, dots, parentheses. */
const SEPARATORS = /[\s\-\u2010-\u2015.()]/g;

/** Longest input worth looking at; a real number with separators is far shorter. */
const MAX_PHONE_INPUT = 40;

/**
 * The number as `+380XXXXXXXXX`, or null when it is not a Ukrainian number. Accepts +380…, 380…, 0…, 8 0… with any
 * separators; the operator/area code after the trunk 0 starts with 3–9 (no Ukrainian code starts with 0, 1 or 2).
 */
export function normalizeUaPhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_PHONE_INPUT) return null;
  const compact = input.replace(SEPARATORS, '');
  const m = /^(?:\+?38|8)?0([3-9]\d{8})$/.exec(compact);
  return m ? `+380${m[1]}` : null;
}

/** Longest e-mail address (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** A sane e-mail shape: something@domain.tld with no spaces and one @; Cyrillic domains allowed. */
export function isEmail(input: string): boolean {
  if (typeof input !== 'string' || input.length > MAX_EMAIL_LENGTH) return false;
  return /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/u.test(input) && !/\.\./.test(input) && !input.startsWith('.');
}
