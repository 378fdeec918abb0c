import { useTranslation } from 'react-i18next';
import type { Profile } from '../../data/profile.repository';
import type { Records } from '../../data/records';
import { OpenFile } from './OpenFile';
import { importedText } from './outcome';

interface Props {
  /** Passed in: the setup screen of a fresh PC has no app services yet. */
  records: Records;
  /** The PC's profile, or null on a fresh PC (the backup then brings it). */
  profile: Profile | null;
  /** Called after a restore that brought the profile of a fresh PC. */
  onProfileRestored?: (profile: Profile) => Promise<void>;
}

/** Restores a backup file: on the backup screen, and on the setup screen of a fresh PC. */
export function RestoreFromBackup({ records, profile, onProfileRestored }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <OpenFile
        id="backup-restore"
        kind="backup"
        label={t('backup.restore')}
        preview={(file) => records.previewFile(file, 'backup', profile)}
        open={(file, passphrase, onProgress) => records.restoreBackup(file, profile, passphrase, onProgress)}
        describe={(report) => importedText(t, 'backup.restored', report)}
        onOpened={async (report) => {
          if (report.restoredProfile) await onProfileRestored?.(report.restoredProfile);
        }}
      />
      <p className="hint">{t('backup.restoreHint')}</p>
    </div>
  );
}
