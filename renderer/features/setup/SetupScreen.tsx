import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import { isVillageCode, isWorkstation } from '../../../shared/domain/indexes/reg-index';
import type { Profile } from '../../data/profile.repository';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { Field } from '../../ui/Field';

interface Props {
  initial: Profile | null;
  onSave: (profile: Profile) => Promise<void>;
  /** Offered on a fresh PC: restore everything from a backup instead of setting up anew. */
  restore?: ReactNode;
}

type Errors = Partial<Record<'villageCode' | 'villageName' | 'workstation', string>>;

/**
 * First start of the app on a PC: which village (or the council office) it serves, its workstation number (every PC
 * of one village gets its own, so that registration indexes never repeat), and who works at it (the signed-in operator).
 */
export function SetupScreen({ initial, onSave, restore }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(initial?.role ?? 'starosta');
  const [villageCode, setVillageCode] = useState(initial?.villageCode ?? '');
  const [villageName, setVillageName] = useState(initial?.villageName ?? '');
  const [workstation, setWorkstation] = useState(String(initial?.workstation ?? 1));
  const [errors, setErrors] = useState<Errors>({});
  const isCentral = role === 'central';
  const isLocked = initial !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = isCentral ? 'central' : villageCode.trim().toLowerCase();
    const next: Errors = {};
    if (!isVillageCode(code)) next.villageCode = t('setup.errors.villageCode');
    if (!isCentral && villageName.trim() === '') next.villageName = t('setup.errors.villageName');
    if (!isWorkstation(Number(workstation))) next.workstation = t('setup.errors.workstation');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    await onSave({
      role,
      villageCode: code,
      villageName: isCentral ? t('setup.centralOffice') : villageName.trim(),
      workstation: Number(workstation),
      // Who works at the PC is whoever signed in (App.setProfile fills it in).
      operatorName: initial?.operatorName ?? '',
    });
  };

  return (
    <main className="setup">
      <LanguageSwitch />
      <h1>{t('setup.title')}</h1>
      {!isLocked && (
        <p className="notice">
          {t('setup.loginOffer')} <a href="#/login">{t('setup.loginLink')}</a>
        </p>
      )}
      {!isLocked && restore && (
        <section className="notice" aria-label={t('backup.backupTitle')}>
          <p>{t('backup.setupOffer')}</p>
          {restore}
        </section>
      )}
      <p>{t('setup.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('setup.role')} id="setup-role">
          <select id="setup-role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={isLocked} autoFocus>
            <option value="starosta">{t('roles.starosta')}</option>
            <option value="clerk">{t('roles.clerk')}</option>
            <option value="central">{t('roles.central')}</option>
          </select>
        </Field>
        {!isCentral && (
          <>
            <Field label={t('setup.villageCode')} id="setup-code" error={errors.villageCode} hint={t('setup.villageCodeHint')}>
              <input id="setup-code" value={villageCode} onChange={(e) => setVillageCode(e.target.value)} disabled={isLocked} />
            </Field>
            <Field label={t('setup.villageName')} id="setup-name" error={errors.villageName}>
              <input id="setup-name" value={villageName} onChange={(e) => setVillageName(e.target.value)} />
            </Field>
          </>
        )}
        <Field label={t('setup.workstation')} id="setup-ws" error={errors.workstation} hint={t('setup.workstationHint')}>
          <input
            id="setup-ws"
            type="number"
            min={1}
            max={99}
            value={workstation}
            onChange={(e) => setWorkstation(e.target.value)}
            disabled={isLocked}
          />
        </Field>
        {isLocked && <p className="hint">{t('setup.lockedHint')}</p>}
        <button type="submit" className="primary">
          {t('setup.save')}
        </button>
      </form>
    </main>
  );
}
