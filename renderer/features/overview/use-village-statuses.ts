import { useEffect, useState } from 'react';
import type { RecordQueries, VillageStatus } from '../../data/records';

/**
 * The villages' own reports of their last sync, read from the central database when the server answers; the
 * overview shows "unknown" for a village that never reported, and says so when the server cannot be reached.
 */
export function useVillageStatuses(records: Pick<RecordQueries, 'villageStatuses'>): {
  statuses: Map<string, VillageStatus>;
  error: boolean;
} {
  const [statuses, setStatuses] = useState(new Map<string, VillageStatus>());
  const [error, setError] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const load = async () => {
      try {
        const docs = await records.villageStatuses();
        if (cancelled) return;
        // Not the council's PC: there is nothing to read, now or later.
        if (docs === null) return clearInterval(timer);
        setStatuses(new Map(docs.map((d) => [d.villageId, d])));
        setError(false);
      } catch {
        // Offline or logged out: the table says the reports are unavailable instead of showing stale certainty.
        if (!cancelled) setError(true);
      }
    };
    void load();
    timer = setInterval(() => void load(), 60_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [records]);
  return { statuses, error };
}
