/**
 * Defensive readers for untrusted input (drafts from the form, documents from replication). They look at own
 * properties only, so `__proto__`, `constructor` or a poisoned Object.prototype cannot make a missing field look present.
 */

/** True for a plain object-like value (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property of an object, or undefined when it is inherited or absent. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** True for a string that has something other than white space. */
export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Length in user-visible code points (an emoji counts once), cheap for short strings. */
export function textLength(value: string): number {
  if (value.length < 2) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}
