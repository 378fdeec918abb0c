import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findOperator, type Keyring, setOperator, unlock, unlockWithRecovery } from '../../data/keyring/keyring';
import type { KeyringStore, LoadedKeyring } from '../../data/keyring/keyring-store';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { controlProps, Field } from '../../ui/Field';
import { NewPassword } from './NewPassword';
import { newPasswordError } from './password-errors';
import { useAttempts } from './use-attempts';

export interface Unlocked {
  operator: string;
  dataKey: CryptoKey;
  keyring: Keyring;
}

interface Props {
  store: KeyringStore;
  loaded: Extract<LoadedKeyring, { keyring: Keyring }>;
  onUnlocked: (unlocked: Unlocked) => void;
}

/**
 * What the app shows at start and after a lock: nothing of the register, only the operators' names (staff) and a
 * password field. Wrong passwords are counted and, after three, slowed down; a forgotten one is replaced with the
 * recovery code.
 */
export function LockScreen({ store, loaded, onUnlocked }: Props) {
  const { t } = useTranslation();
  const attempts = useAttempts(store, loaded.keyring);
  const { keyring, waitSeconds } = attempts;
  const [recovering, setRecovering] = useState(loaded.state === 'os-unreadable');
  const [operator, setOperatorName] = useState(keyring.operators[0]?.name ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pwError, setPwError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const finish = async (next: Keyring, name: string, dataKey: CryptoKey) => {
    const kept = attempts.succeeded(next);
    // Saved when something changed: a new password (recovery) or a count of failures to clear.
    if (next !== keyring || keyring.failures > 0) await store.save(kept);
    onUnlocked({ operator: findOperator(kept, name)?.name ?? name.trim(), dataKey, keyring: kept });
  };

  const signIn = async (e: FormEvent) => {
    e.preventDefault();
    if (waitSeconds > 0 || busy) return;
    setBusy(true);
    const dataKey = await unlock(keyring, operator, password);
    if (dataKey) return finish(keyring, operator, dataKey);
    const next = await attempts.failed();
    setPassword('');
    setError(t('lock.wrongPassword', { count: next.failures }));
    setBusy(false);
  };

  const recover = async (e: FormEvent) => {
    e.preventDefault();
    if (waitSeconds > 0 || busy) return;
    const nameProblem = operator.trim() === '' ? t('lock.errors.operatorName') : undefined;
    const problem = newPasswordError(t, first, second);
    setPwError(nameProblem ?? problem);
    if (nameProblem || problem) return;
    setBusy(true);
    const next = await setOperator(keyring, { recoveryCode: code }, operator, first);
    const dataKey = next ? await unlockWithRecovery(next, code) : null;
    if (next && dataKey) return finish(next, operator, dataKey);
    const failed = await attempts.failed();
    setError(t('lock.wrongRecovery', { count: failed.failures }));
    setBusy(false);
  };

  const wait = waitSeconds > 0 ? <p role="status">{t('lock.waitSeconds', { seconds: waitSeconds })}</p> : null;

  return (
    <main className="setup lock-screen">
      <LanguageSwitch />
      <h1>{t('lock.lockTitle')}</h1>
      {!recovering && (
        <form onSubmit={(e) => void signIn(e)} noValidate autoComplete="off">
          <p>{t('lock.lockIntro')}</p>
          <Field id="lock-operator" label={t('lock.operator')}>
            <select id="lock-operator" value={operator} onChange={(e) => setOperatorName(e.target.value)}>
              {keyring.operators.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="lock-password" label={t('lock.password')} error={error}>
            <input
              {...controlProps('lock-password', error)}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
            />
          </Field>
          {wait}
          <button type="submit" disabled={busy || waitSeconds > 0}>
            {busy ? t('lock.checking') : t('lock.signIn')}
          </button>{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setError(undefined);
              setRecovering(true);
            }}
          >
            {t('lock.forgot')}
          </button>
        </form>
      )}
      {recovering && (
        <form onSubmit={(e) => void recover(e)} noValidate autoComplete="off">
          <p>{loaded.state === 'os-unreadable' ? t('lock.osUnreadable') : t('lock.recoverIntro')}</p>
          <Field id="recover-operator" label={t('lock.operatorName')}>
            <input
              id="recover-operator"
              list="recover-operators"
              value={operator}
              onChange={(e) => setOperatorName(e.target.value)}
            />
          </Field>
          <datalist id="recover-operators">
            {keyring.operators.map((o) => (
              <option key={o.name} value={o.name} />
            ))}
          </datalist>
          <Field id="recover-code" label={t('lock.recoveryCode')} error={error}>
            <input
              {...controlProps('recover-code', error)}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              spellCheck={false}
              autoFocus
            />
          </Field>
          <NewPassword
            id="recover-password"
            label={t('lock.passwordNew')}
            first={first}
            second={second}
            onChange={(a, b) => {
              setFirst(a);
              setSecond(b);
            }}
            error={pwError}
          />
          {wait}
          <button type="submit" disabled={busy || waitSeconds > 0}>
            {busy ? t('lock.checking') : t('lock.recover')}
          </button>{' '}
          {loaded.state === 'ready' && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setError(undefined);
                setRecovering(false);
              }}
            >
              {t('lock.back')}
            </button>
          )}
        </form>
      )}
    </main>
  );
}
