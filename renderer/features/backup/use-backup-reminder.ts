import { useEffect, useState } from 'react';
import { isBackupDue } from '../../../shared/transfer/acceptance';
import type { AppDatabase } from '../../data/database';
import { observeAppealCount, observeLastBackupAt } from '../../data/transfer/backup-state';

/** The time of the last backup and whether a new one is due (older than a week, or none while there are appeals). */
export function useBackupState(db: AppDatabase): { lastBackupAt: string | null; isDue: boolean } {
  const [lastBackupAt, setLast] = useState<string | null>(null);
  const [appealCount, setCount] = useState(0);
  // Re-evaluated hourly, so a PC left running for days still gets the reminder.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => observeLastBackupAt(db, setLast), [db]);
  useEffect(() => observeAppealCount(db, setCount), [db]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, []);
  return { lastBackupAt, isDue: isBackupDue(lastBackupAt, now, appealCount) };
}
