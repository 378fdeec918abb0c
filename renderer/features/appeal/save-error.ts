import type { TFunction } from 'i18next';
import { isQuotaExceeded } from '../../data/storage-errors';

/** Why a record was not saved, in the user's words where we know them (the disk full), else the system's. */
export function saveErrorText(t: TFunction, error: unknown): string {
  if (isQuotaExceeded(error)) return t('form.storageFull');
  return error instanceof Error ? error.message : String(error);
}
