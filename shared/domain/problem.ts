import type { LocalizedText } from '../lib/i18n-text';

/**
 * One thing wrong with user input, as data (docs/conventions.md: errors are values). `field` is a dotted path into the checked
 * object (`surname`, `issues.0.text`, `payload.newDueDate`) or `''` for the record as a whole; `code` is stable and
 * machine-readable; `message` is shown to people.
 */
export interface Problem {
  field: string;
  code: string;
  message: LocalizedText;
}

/** Builds a problem. */
export function problem(field: string, code: string, uk: string, en: string): Problem {
  return { field, code, message: { uk, en } };
}

/** Prefixes the field path of every problem (`newDueDate` → `payload.newDueDate`). */
export function withPrefix(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, field: p.field === '' ? prefix : `${prefix}.${p.field}` }));
}
