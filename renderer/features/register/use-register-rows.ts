import { useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { useApp } from '../../app/app-context';
import { queryLoadedRegister, queryRegister, type RegisterFilter, type RegisterSort } from './register-query';

const FIRST_PAGE = 100;

/**
 * The rows the register shows: the first page straight from IndexedDB while the in-memory index loads, then the
 * whole register filtered and sorted in memory.
 */
export function useRegisterRows(filter: RegisterFilter, sort: RegisterSort, today: string) {
  const { index } = useApp();
  const version = useSyncExternalStore(index.subscribe, index.getVersion);
  const [firstPage, setFirstPage] = useState<RegisterRow[] | null>(null);
  const deferredFilter = useDeferredValue(filter);

  useEffect(() => {
    if (index.isLoaded) return;
    let cancelled = false;
    void index.firstPage(FIRST_PAGE).then((rows) => {
      performance.mark('ov:first-page');
      if (!cancelled) setFirstPage(rows);
      // Now that the user sees rows, read the rest in the background for search and filters.
      void index.load();
    });
    return () => {
      cancelled = true;
    };
  }, [index]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the index's rows change
  const rows = useMemo(() => {
    if (!index.isLoaded) return queryRegister(firstPage ?? [], deferredFilter, sort, today);
    return queryLoadedRegister(index, deferredFilter, sort, today);
  }, [index, version, firstPage, deferredFilter, sort, today]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the index's rows change
  const villages = useMemo(() => [...new Set([...index.all()].map((r) => r.villageId))].sort(), [index, version]);

  return { rows, villages, isComplete: index.isLoaded, isReady: index.isLoaded || firstPage !== null, total: index.size };
}
