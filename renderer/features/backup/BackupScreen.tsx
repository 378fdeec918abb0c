import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { TransferProgress } from '../../data/records';
import { formatDateTime } from '../../i18n/i18n';
import { saveFile } from '../../ui/save-file';
import { EMPTY_PAIR, NewPassphrase, pairError } from './NewPassphrase';
import { OutcomeLine } from './OutcomeLine';
import { failure, madeText, type Outcome } from './outcome';
import { ProgressLine } from './ProgressLine';
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
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [pair, setPair] = useState(EMPTY_PAIR);
  const [pairProblem, setPairProblem] = useState<string | undefined>();

  const backup = async (e: FormEvent) => {
    e.preventDefault();
    const problem = pairError(t, pair);
    setPairProblem(problem);
    if (problem) return;
    setBusy(true);
    // Reading every record takes minutes for a large register on an old PC: the progress line says how far it is.
    setOutcome(null);
    try {
      const made = await records.makeBackup(pair.first, setProgress);
      setPair(EMPTY_PAIR);
      saveFile(made.fileName, made.bytes);
      setOutcome(madeText(t, 'backup.made', made));
    } catch (error) {
      setOutcome(failure(t, error));
    } finally {
      setBusy(false);
      setProgress(null);
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
        <form onSubmit={(e) => void backup(e)} noValidate>
          <NewPassphrase
            id="backup-passphrase"
            value={pair}
            onChange={(next) => {
              // The error stays until the next try would pass: it goes as soon as the passphrase is typed again.
              setPair(next);
              setPairProblem(undefined);
            }}
            error={pairProblem}
          />
          <button type="submit" className="primary" disabled={isBusy}>
            {t('backup.make')}
          </button>
        </form>
        <ProgressLine progress={progress} />
        <OutcomeLine outcome={outcome} />
        <RestoreFromBackup records={records} profile={profile} />
      </section>
      <TransferSection />
    </div>
  );
}
