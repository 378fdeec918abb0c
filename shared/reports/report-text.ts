/** Texts shared by the report's file formats and screens: the subtitle line and file names. */
import { displayDate } from '../lib/dates';
import type { Language } from '../lib/i18n-text';
import type { Report } from './report.types';

/** «Громада загалом · стан на 30.09.2026» — scope and cut-off, under the title. */
export function reportSubtitle(report: Report, lang: Language): string {
  const asOf = lang === 'uk' ? 'стан на' : 'as of';
  return `${report.scopeLabel[lang]} · ${asOf} ${displayDate(report.cutoff, lang)}`;
}

/** A file name without spaces or Cyrillic (safe on every file system and in mail): `zvernennia-2026-Q3-hlyboke.xlsx`. */
export function reportFileName(report: Report, extension: 'xlsx' | 'csv'): string {
  const scope = report.scope.kind === 'community' ? 'hromada' : report.scope.code;
  return `zvernennia-${report.period.code}-${scope}.${extension}`;
}
