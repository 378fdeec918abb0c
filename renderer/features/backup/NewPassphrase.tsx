import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isPassphraseLongEnough } from '../../../shared/transfer/passphrase';
import { controlProps, Field } from '../../ui/Field';

export interface PassphrasePair {
  first: string;
  second: string;
}

export const EMPTY_PAIR: PassphrasePair = { first: '', second: '' };

/** What is wrong with a new file's passphrase, typed twice, or undefined. */
export function pairError(t: TFunction, pair: PassphrasePair): string | undefined {
  if (!isPassphraseLongEnough(pair.first)) return t('backup.passphraseTooShort');
  if (pair.first.normalize('NFC') !== pair.second.normalize('NFC')) return t('backup.passphraseMismatch');
  return undefined;
}

interface Props {
  /** Prefix of the two inputs' ids: one screen holds two of these (backup, transfer file). */
  id: string;
  value: PassphrasePair;
  onChange: (pair: PassphrasePair) => void;
  error: string | undefined;
}

/**
 * The passphrase of a file being made, typed twice (a typo in a single field would lock the file for good). Held
 * only in the form's state and cleared once the file is made: never stored.
 */
export function NewPassphrase({ id, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const repeatId = `${id}-repeat`;
  return (
    <div className="row passphrase">
      <Field id={id} label={t('backup.passphraseNew')} hint={t('backup.passphraseHint')}>
        <input
          {...controlProps(id, undefined, true)}
          type="password"
          autoComplete="new-password"
          value={value.first}
          onChange={(e) => onChange({ ...value, first: e.target.value })}
        />
      </Field>
      <Field id={repeatId} label={t('backup.passphraseRepeat')} error={error}>
        <input
          {...controlProps(repeatId, error)}
          type="password"
          autoComplete="new-password"
          value={value.second}
          onChange={(e) => onChange({ ...value, second: e.target.value })}
        />
      </Field>
    </div>
  );
}
