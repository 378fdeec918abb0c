import { useEffect, useState } from 'react';
import type { ForgedRecord, RecordQueries } from '../../data/records';

/**
 * The council's possible forgeries (`serverConflicts`): asked when the overview opens, every minute, and whenever
 * this PC sets a record aside (a new tamper alarm shows at once). `error` when the server could not be asked.
 */
export function useForgedRecords(records: Pick<RecordQueries, 'serverConflicts' | 'observeSetAside'>): {
  forged: ForgedRecord[] | null;
  error: boolean;
} {
  const [forged, setForged] = useState<ForgedRecord[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const found = await records.serverConflicts();
        if (cancelled) return;
        setForged(found);
        setError(false);
      } catch {
        // Offline or logged out: say the server could not be asked rather than "none".
        if (!cancelled) setError(true);
      }
    };
    const timer = setInterval(() => void load(), 60_000);
    // Calls back at once (the first load) and on every change of the set-aside list.
    const stop = records.observeSetAside(() => void load());
    return () => {
      cancelled = true;
      clearInterval(timer);
      stop();
    };
  }, [records]);
  return { forged, error };
}
