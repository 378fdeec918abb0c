/**
 * Reporting periods of the quarterly / half-year / annual count tables (docs/domain.md, "Reports people expect"):
 * `2026-Q3`, `2026-H1`, `2026`. A period is a closed range of calendar dates; appeals belong to it by date received.
 */

import { type Problem, problem } from '../domain/problem';
import { addDays, addMonths, type IsoDate } from '../lib/dates';
import type { LocalizedText } from '../lib/i18n-text';

export type PeriodKind = 'quarter' | 'half' | 'year';

/** A reporting period: its code, kind, year and part (quarter 1–4, half 1–2, 0 for a year) and its first and last day. */
export interface Period {
  code: string;
  kind: PeriodKind;
  year: number;
  part: number;
  from: IsoDate;
  to: IsoDate;
}

/** Years a period may name: the register starts in this century and a typo like 20026 must not pass. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

const PATTERN = /^(\d{4})(?:-([QqHh])(\d))?$/;

function invalid(text: string): Problem {
  return problem(
    'period',
    'period-invalid',
    `Неправильний період «${text}»: вкажіть рік (2026), півріччя (2026-H1, 2026-H2) або квартал (2026-Q1 … 2026-Q4)`,
    `Invalid period "${text}": give a year (2026), a half-year (2026-H1, 2026-H2) or a quarter (2026-Q1 … 2026-Q4)`,
  );
}

/** The period of a kind, year and part (quarter 1–4, half 1–2; ignored for a year); no checks, see parsePeriod. */
export function periodOf(kind: PeriodKind, year: number, part = 0): Period {
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const index = kind === 'year' ? 0 : part - 1;
  const from = `${String(year).padStart(4, '0')}-${String(index * months + 1).padStart(2, '0')}-01`;
  const to = addDays(addMonths(from, months), -1);
  const code = kind === 'year' ? String(year) : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${part}`;
  return { code, kind, year, part: kind === 'year' ? 0 : part, from, to };
}

/** Parses `2026-Q3`, `2026-H1` or `2026` (case-insensitive, surrounding spaces ignored) into a period, or a problem. */
export function parsePeriod(text: string): { ok: true; period: Period } | { ok: false; problem: Problem } {
  const trimmed = text.trim();
  const m = PATTERN.exec(trimmed);
  if (!m) return { ok: false, problem: invalid(trimmed) };
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: invalid(trimmed) };
  if (m[2] === undefined) return { ok: true, period: periodOf('year', year) };
  const kind: PeriodKind = m[2].toUpperCase() === 'Q' ? 'quarter' : 'half';
  const part = Number(m[3]);
  if (part < 1 || part > (kind === 'quarter' ? 4 : 2)) return { ok: false, problem: invalid(trimmed) };
  return { ok: true, period: periodOf(kind, year, part) };
}

/** The period that contains a date (a quarter, half-year or year). */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return periodOf('year', year);
  return periodOf(kind, year, Math.floor((month - 1) / (kind === 'quarter' ? 3 : 6)) + 1);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** How people name the period: «III квартал 2026 року» / "Q3 2026". */
export function periodLabel(period: Period): LocalizedText {
  if (period.kind === 'year') return { uk: `${period.year} рік`, en: `Year ${period.year}` };
  if (period.kind === 'half') {
    return { uk: `${ROMAN[period.part]} півріччя ${period.year} року`, en: `H${period.part} ${period.year}` };
  }
  return { uk: `${ROMAN[period.part]} квартал ${period.year} року`, en: `Q${period.part} ${period.year}` };
}

/** True when the date falls inside the period (both ends included). */
export function isInPeriod(date: IsoDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}
