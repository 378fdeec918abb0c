import { useEffect, useState } from 'react';
import type { SyncService } from '../../data/sync/sync-service';
import { INITIAL_STATUS, type SyncStatus } from '../../data/sync/sync-status';

/** The live sync status for the status bar and the screens that show it. */
export function useSyncStatus(sync: SyncService): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(INITIAL_STATUS);
  useEffect(() => {
    const sub = sync.status$.subscribe(setStatus);
    return () => sub.unsubscribe();
  }, [sync]);
  return status;
}
