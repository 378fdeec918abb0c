import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows the recovery code once, right after the keyring is made; the person confirms they have it on paper. */
export function RecoveryCodeScreen({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <main className="setup lock-screen">
      <h1>{t('lock.recoveryTitle')}</h1>
      <p>{t('lock.recoveryIntro')}</p>
      <output className="recovery-code" aria-label={t('lock.recoveryCodeLabel')}>
        <code>{code}</code>
      </output>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('lock.print')}
        </button>
      </p>
      <label className="no-print">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('lock.recoveryConfirm')}
      </label>
      <p className="no-print">
        <button type="button" disabled={!confirmed} onClick={onDone}>
          {t('lock.continue')}
        </button>
      </p>
    </main>
  );
}
