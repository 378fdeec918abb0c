import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { formatDateTime } from '../../i18n/i18n';
import { saveFile } from '../../ui/save-file';
import { OutcomeLine } from './OutcomeLine';
import { failure, madeText, type Outcome } from './outcome';
import { RestoreFromBackup } from './RestoreFromBackup';
import { TransferSection } from './TransferSection';
import { useBackupState } from './use-backup-reminder';

/** `#/backup`: make and restore backups, make and import transfer files (issue 4). */
export function BackupScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const { records, profile } = useApp();
  const { lastBackupAt } = useBackupState();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setBusy] = useState(false);

  const backup = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const made = await records.makeBackup();
      saveFile(made.fileName, made.bytes);
      setOutcome(madeText(t, 'backup.made', made));
    } catch (error) {
      setOutcome(failure(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-screen">
      <h1>{t('backup.title')}</h1>
      <section aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backup.backupTitle')}</h2>
        <p>{t('backup.backupIntro')}</p>
        <p data-testid="last-backup">
          {lastBackupAt ? t('backup.lastBackup', { time: formatDateTime(lastBackupAt, lang) }) : t('backup.neverBackedUp')}
        </p>
        <button type="button" className="primary" onClick={() => void backup()} disabled={isBusy}>
          {t('backup.make')}
        </button>
        <OutcomeLine outcome={outcome} />
        <RestoreFromBackup records={records} profile={profile} />
      </section>
      <TransferSection />
    </div>
  );
}
