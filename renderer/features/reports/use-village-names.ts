import { useEffect, useState } from 'react';
import { ID_PREFIX, type VillageRegistryDoc } from '../../../shared/couch/names';
import type { KnownVillage } from '../../../shared/reports/report.types';
import type { SyncService } from '../../data/sync/sync-service';

/** How long to wait before asking the server again after it could not be reached. */
const RETRY_MS = 30_000;

/**
 * The council's register of villages (`village:<code>` in the central database), so the central office's reports name
 * villages instead of showing codes. Read once the server answers (asked again every 30 s until then); without it the
 * report shows codes.
 */
export function useVillageNames(sync: SyncService): KnownVillage[] {
  const [villages, setVillages] = useState<KnownVillage[]>([]);
  useEffect(() => {
    const config = sync.config;
    if (config?.role !== 'central') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const docs = await sync.serverDocs<VillageRegistryDoc>(ID_PREFIX.village);
        if (!cancelled) setVillages(docs.map((d) => ({ code: d.code, name: d.name })));
      } catch {
        // Offline or logged out: the report names villages by code, which is still correct; try again later.
        if (!cancelled) timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sync]);
  return villages;
}
