import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_EXTENSION } from '../../../shared/transfer/format';
import type { Profile } from '../../data/profile.repository';
import type { Records } from '../../data/records';
import { FilePicker } from './FilePicker';
import { OutcomeLine } from './OutcomeLine';
import { failure, importedText, type Outcome, refusal } from './outcome';

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
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const onFile = async (file: File) => {
    setOutcome(null);
    try {
      const result = await records.restoreBackup(file, profile);
      if (!result.ok) return setOutcome(refusal(result.error, lang));
      setOutcome(importedText(t, 'backup.restored', result.value));
      if (result.value.restoredProfile) await onProfileRestored?.(result.value.restoredProfile);
    } catch (error) {
      setOutcome(failure(t, error));
    }
  };
  return (
    <div>
      <FilePicker id="backup-restore" label={t('backup.restore')} accept={FILE_EXTENSION.backup} onFile={onFile} />
      <p className="hint">{t('backup.restoreHint')}</p>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
