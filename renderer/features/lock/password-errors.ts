import type { TFunction } from 'i18next';
import { MIN_PASSWORD_LENGTH } from '../../data/keyring/keyring';

/** What is wrong with a new password typed twice, or undefined. */
export function newPasswordError(t: TFunction, first: string, second: string): string | undefined {
  if (first.length < MIN_PASSWORD_LENGTH) return t('lock.errors.passwordShort');
  if (first.normalize('NFC') !== second.normalize('NFC')) return t('lock.errors.passwordMismatch');
  return undefined;
}
