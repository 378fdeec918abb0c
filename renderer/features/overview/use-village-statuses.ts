import { useEffect, useState } from 'react';
import { ID_PREFIX } from '../../../shared/couch/names';
import type { SyncService } from '../../data/sync/sync-service';

/** What a village last reported about its sync (its `status:<village>` document). */
export interface VillageStatus {
  villageId: string;
  lastSyncAt: string;
  pending: number;
}

/**
 * The villages' own reports of their last sync, read from the central database when the server answers; the
 * overview shows "unknown" for a village that never reported, and says so when the server cannot be reached.
 */
export function useVillageStatuses(sync: SyncService): { statuses: Map<string, VillageStatus>; error: boolean } {
  const [statuses, setStatuses] = useState(new Map<string, VillageStatus>());
  const [error, setError] = useState(false);
  useEffect(() => {
    const config = sync.config;
    if (config?.role !== 'central') return;
    let cancelled = false;
    const load = async () => {
      try {
        const docs = await sync.serverDocs<VillageStatus>(ID_PREFIX.status);
        if (!cancelled) {
          setStatuses(new Map(docs.map((d) => [d.villageId, d])));
          setError(false);
        }
      } catch {
        // Offline or logged out: the table says the reports are unavailable instead of showing stale certainty.
        if (!cancelled) setError(true);
      }
    };
    void load();
    const timer = setInterval(() => void load(), 60_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [sync]);
  return { statuses, error };
}
