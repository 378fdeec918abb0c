import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Period } from '../../../shared/reports/period';
import type { KnownVillage, Report, ReportScope } from '../../../shared/reports/report.types';
import { useApp } from '../../app/app-context';
import { useThrottled } from '../../app/use-throttled';
import { useToday } from '../../app/use-today';
import { buildReportOffThread } from './build-off-thread';
import { useVillageNames } from './use-village-names';

/**
 * A sync stores records in thousands of small steps, each a register change; a report of a year of 150,000 appeals
 * takes a second or two to build (off the screen's thread), so it is rebuilt at most this often (and always after
 * the last change).
 */
const REBUILD_MS = 3_000;

export type ReportState = { status: 'loading' } | { status: 'ready'; report: Report } | { status: 'error'; error: string };

/** The villages this PC can name: its own on a village PC; the council's register of villages on the central PC. */
export function useKnownVillages(): KnownVillage[] {
  const { profile, records } = useApp();
  const registry = useVillageNames(records);
  return useMemo(
    () => (profile.role === 'central' ? registry : [{ code: profile.villageCode, name: profile.villageName }]),
    [profile, registry],
  );
}

/**
 * The report of a period and scope from the register in memory, built in a Web Worker; rebuilt when the register
 * changes (a sync brings events) or the day turns. `villages` name the columns (useKnownVillages). `scope` is passed as
 * its key (`''` for the community, else a village code) so that a new object each render does not reload.
 */
export function useReport(period: Period, scopeKey: string, villages: readonly KnownVillage[]): ReportState {
  const { records, index } = useApp();
  const today = useToday();
  const villagesKey = JSON.stringify(villages);
  const version = useThrottled(useSyncExternalStore(index.subscribe, index.getVersion), REBUILD_MS);
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the register's rows change; villages by value
  useEffect(() => {
    const cancel = new AbortController();
    const scope: ReportScope = scopeKey === '' ? { kind: 'community' } : { kind: 'village', code: scopeKey };
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    (async () => {
      // The whole register in memory holds every appeal's report facts: nothing else is read from the database.
      await index.load();
      const facts = await records.reportFacts(() => index.all(), period, scope);
      if (cancel.signal.aborted) return;
      const villages = JSON.parse(villagesKey) as KnownVillage[];
      const report = await buildReportOffThread(facts, { period, asOf: today, scope, villages }, cancel.signal);
      if (!cancel.signal.aborted) setState({ status: 'ready', report });
    })().catch((error: unknown) => {
      if (!cancel.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    });
    return () => cancel.abort();
  }, [records, index, period.code, scopeKey, today, villagesKey, version]);
  return state;
}
