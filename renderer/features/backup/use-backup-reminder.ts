import { useEffect, useState } from 'react';
import { isBackupDue } from '../../../shared/transfer/acceptance';
import { useApp } from '../../app/app-context';

/** The time of the last backup and whether a new one is due (older than a week, or none while there are appeals). */
export function useBackupState(): { lastBackupAt: string | null; isDue: boolean } {
  const { records } = useApp();
  const [lastBackupAt, setLast] = useState<string | null>(null);
  const [appealCount, setCount] = useState(0);
  // Re-evaluated hourly, so a PC left running for days still gets the reminder.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => records.observeLastBackupAt(setLast), [records]);
  useEffect(() => records.observeAppealCount(setCount), [records]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, []);
  return { lastBackupAt, isDue: isBackupDue(lastBackupAt, now, appealCount) };
}
