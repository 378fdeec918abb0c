import { useEffect, useState } from 'react';
import type { KnownVillage } from '../../../shared/reports/report.types';
import type { RecordQueries } from '../../data/records';

/** How long to wait before asking the server again after it could not be reached. */
const RETRY_MS = 30_000;

/**
 * The council's register of villages (in the central database), so the central office's reports name villages
 * instead of showing codes. Read once the server answers (asked again every 30 s until then); without it the report
 * shows codes.
 */
export function useVillageNames(records: Pick<RecordQueries, 'villageRegistry'>): KnownVillage[] {
  const [villages, setVillages] = useState<KnownVillage[]>([]);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        // null: not the council's PC, which names its own village only.
        const registry = await records.villageRegistry();
        if (!cancelled && registry) setVillages(registry);
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
  }, [records]);
  return villages;
}
