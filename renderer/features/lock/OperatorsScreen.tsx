import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { findOperator, type Keyring, MAX_OPERATORS, removeOperator, setOperator } from '../../data/keyring/keyring';
import { controlProps, Field } from '../../ui/Field';
import { NewPassword } from './NewPassword';
import { newPasswordError } from './password-errors';

const MAX_IDLE_MINUTES = 240;

/**
 * The operators of this PC: add one (a clerk), give one who forgot their password a new one, remove one, and the idle
 * time after which the register locks. Every change is confirmed with the signed-in operator's own password, which
 * also unwraps the data key to wrap it for the new password.
 */
export function OperatorsScreen() {
  const { t } = useTranslation();
  const { session, setSession } = useApp();
  const { keyring, operator, store } = session;
  const [name, setName] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [own, setOwn] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string; own?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [idle, setIdle] = useState(String(keyring.idleMinutes));
  const [idleMessage, setIdleMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const keep = async (next: Keyring) => {
    await store.save(next);
    setSession({ ...session, keyring: next });
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const isNew = !findOperator(keyring, name);
    const next = {
      ...(name.trim() === '' ? { name: t('lock.errors.operatorName') } : {}),
      ...(isNew && keyring.operators.length >= MAX_OPERATORS ? { name: t('lock.errors.tooMany') } : {}),
      ...(newPasswordError(t, first, second) ? { password: newPasswordError(t, first, second) } : {}),
    };
    setErrors(next);
    setMessage(null);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const changed = await setOperator(keyring, { operator, password: own }, name, first);
      if (!changed) {
        setErrors({ own: t('lock.wrongOwnPassword') });
        return;
      }
      await keep(changed);
      setMessage(t('lock.added', { name: name.trim() }));
      setName('');
      setFirst('');
      setSecond('');
      setOwn('');
    } catch (error) {
      setMessage(t('lock.errors.save', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (who: string) => {
    await keep(removeOperator(keyring, who));
    setMessage(t('lock.removed', { name: who }));
  };

  const saveIdle = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = Number(idle);
    if (!/^\d+$/.test(idle.trim()) || minutes > MAX_IDLE_MINUTES) {
      setIdleMessage(t('lock.idleError'));
      return;
    }
    await keep({ ...keyring, idleMinutes: minutes });
    setIdleMessage(t('lock.idleSaved'));
  };

  return (
    <section className="operators">
      <h1>{t('lock.operatorsTitle')}</h1>
      <p>{t('lock.operatorsIntro', { name: operator })}</p>
      <ul aria-label={t('lock.operatorsTitle')}>
        {keyring.operators.map((o) => (
          <li key={o.name}>
            {o.name}{' '}
            {findOperator(keyring, operator) === o ? (
              t('lock.you')
            ) : (
              <button type="button" onClick={() => void remove(o.name)} aria-label={`${t('lock.remove')}: ${o.name}`}>
                {t('lock.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role="status">{message}</p>}
      <h2>{t('lock.addTitle')}</h2>
      <p className="hint">{t('lock.addHint')}</p>
      <form onSubmit={(e) => void add(e)} noValidate autoComplete="off">
        <Field id="new-operator" label={t('lock.newOperatorName')} error={errors.name}>
          <input {...controlProps('new-operator', errors.name)} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <NewPassword
          id="new-operator-password"
          first={first}
          second={second}
          onChange={(a, b) => {
            setFirst(a);
            setSecond(b);
          }}
          error={errors.password}
        />
        <Field id="own-password" label={t('lock.yourPassword')} error={errors.own}>
          <input
            {...controlProps('own-password', errors.own)}
            type="password"
            autoComplete="current-password"
            value={own}
            onChange={(e) => setOwn(e.target.value)}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? t('lock.checking') : t('lock.add')}
        </button>
      </form>
      <h2>{t('lock.idleTitle')}</h2>
      <form onSubmit={(e) => void saveIdle(e)} noValidate>
        <Field id="idle-minutes" label={t('lock.idleMinutes')}>
          <input id="idle-minutes" inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value)} />
        </Field>
        <button type="submit">{t('lock.idleSave')}</button>
        {idleMessage && <p role="status">{idleMessage}</p>}
      </form>
    </section>
  );
}
