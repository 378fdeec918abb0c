/**
 * Text of the printed papers. They are official documents of a Ukrainian office, so they are always in Ukrainian,
 * whatever language the screen speaks: every label comes from the `uk` catalog through a fixed `t`.
 */
import i18next, { type TFunction } from 'i18next';
import { displayDate, type IsoDate, isIsoDate } from '../../../shared/lib/dates';
import type { PrintDoc } from '../../app/route';
import type { Profile } from '../../data/profile.repository';

/** `t` bound to the Ukrainian catalog. */
export function printT(): TFunction {
  return i18next.getFixedT('uk');
}

/** A date as Ukrainian papers write it (27.11.2026), or '' for none. */
export function paperDate(date: IsoDate | null | undefined): string {
  return date && isIsoDate(date) ? displayDate(date, 'uk') : '';
}

/** The office that issues the paper: the starosta district of this PC, or the council's central office. */
export function officeName(t: TFunction, profile: Pick<Profile, 'role' | 'villageName'>): string {
  return profile.role === 'central' ? t('print.office.central') : t('print.office.village', { name: profile.villageName });
}

const FILE_SUFFIX: Record<PrintDoc, string> = { card: 'card', receipt: 'receipt', answer: 'answer' };

/** The file name suggested for a saved paper: `HLYBOKE.1-Б-17-receipt` (main makes it safe and adds `.pdf`). */
export function printFileName(regIndex: string, doc: PrintDoc): string {
  return `${regIndex}-${FILE_SUFFIX[doc]}`;
}
