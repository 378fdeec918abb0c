import type { Reason } from '../../../shared/couch/accept-record';

/** A canonical text of a record: keys sorted, `_`-fields at the top (RxDB's `_meta`, `_rev`, attachments) left out. */
function canonical(value: unknown, top: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, false)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !(top && k.startsWith('_')))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, false)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when two forms of a record hold the same content (ignoring `_`-fields and key order). */
export function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(a, true) === canonical(b, true);
}

/** The reason of a record that contradicts one this PC already holds. */
export function tamperReason(): Reason {
  return {
    uk: 'Запис суперечить уже зареєстрованому з тим самим ідентифікатором — можлива підробка; залишено запис цього комп’ютера',
    en: "The record contradicts the one already registered under the same id — possible forgery; this PC's record was kept",
  };
}

/** The reason of a village's event or file that names an appeal of another village. */
export function wrongVillageReason(village: string): Reason {
  return {
    uk: `Запис села стосується звернення іншого села (${village}) — можлива підробка`,
    en: `A village's record refers to an appeal of another village (${village}) — possible forgery`,
  };
}
