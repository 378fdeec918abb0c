import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createKeyring } from '../../data/keyring/keyring';
import type { KeyringStore } from '../../data/keyring/keyring-store';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { controlProps, Field } from '../../ui/Field';
import { NewPassword } from './NewPassword';
import { newPasswordError } from './password-errors';

export interface Created {
  operator: string;
  dataKey: CryptoKey;
  keyring: Awaited<ReturnType<typeof createKeyring>>['keyring'];
  recoveryCode: string;
}

/** The very first start on a PC: the first operator and their password, from which the register's key is made. */
interface Props {
  store: KeyringStore;
  /** A sealed register without its keys is on this PC: say it is lost before a new one starts. */
  orphan: boolean;
  onCreated: (created: Created) => Promise<void>;
}

export function FirstOperatorScreen({ store, orphan, onCreated }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(name.trim() === '' ? { name: t('lock.errors.operatorName') } : {}),
      ...(newPasswordError(t, first, second) ? { password: newPasswordError(t, first, second) } : {}),
    };
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const made = await createKeyring(name, first);
      await store.save(made.keyring);
      await onCreated({ operator: name.trim(), ...made });
    } catch (error) {
      setErrors({ save: t('lock.errors.save', { reason: error instanceof Error ? error.message : String(error) }) });
      setBusy(false);
    }
  };

  return (
    <main className="setup lock-screen">
      <LanguageSwitch />
      <h1>{t('lock.firstTitle')}</h1>
      <p>{t('lock.firstIntro')}</p>
      {orphan && (
        <p className="notice" role="alert">
          {t('lock.orphanNotice')}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        <Field id="operator-name" label={t('lock.operatorName')} error={errors.name}>
          <input
            {...controlProps('operator-name', errors.name)}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
        </Field>
        <NewPassword
          id="operator-password"
          first={first}
          second={second}
          onChange={(a, b) => {
            setFirst(a);
            setSecond(b);
          }}
          error={errors.password}
        />
        {errors.save && <p role="alert">{errors.save}</p>}
        <button type="submit" disabled={busy}>
          {busy ? t('lock.creating') : t('lock.create')}
        </button>
      </form>
    </main>
  );
}
