import { useTranslation } from 'react-i18next';
import { useBackupState } from './use-backup-reminder';

/** A status bar line when a backup is due, with the way to make one. */
export function BackupReminder() {
  const { t } = useTranslation();
  const { lastBackupAt, isDue } = useBackupState();
  if (!isDue) return null;
  return (
    <span className="backup-reminder" role="status" data-testid="backup-reminder">
      {lastBackupAt ? t('backup.reminderOld') : t('backup.reminderNever')} <a href="#/backup">{t('backup.reminderAction')}</a>
    </span>
  );
}
