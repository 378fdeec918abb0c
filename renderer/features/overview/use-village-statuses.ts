import { useEffect, useState } from 'react';
import { CouchClient } from '../../data/sync/couch-client';
import type { SyncService } from '../../data/sync/sync-service';
import { platform } from '../../platform/platform';

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
        const saved = platform.canStoreCredentials ? await platform.loadCredentials() : null;
        const client = new CouchClient(
          config.serverUrl,
          saved ? { kind: 'basic', username: saved.username, password: saved.password } : { kind: 'cookie' },
        );
        const docs = await client.docsByPrefix<VillageStatus>(config.dbName, 'status:');
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
