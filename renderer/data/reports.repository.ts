import { isInPeriod, type Period } from '../../shared/reports/period';
import type { ReportScope } from '../../shared/reports/report.types';
import type { RegisterRow } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';
import { refreshRows } from './register-projection';

/** How many rows without report facts are completed from their appeals and events at a time. */
const BATCH = 500;

const inReport = (row: RegisterRow, period: Period, scope: ReportScope): boolean =>
  isInPeriod(row.receivedOn, period) && (scope.kind === 'community' || row.villageId === scope.code);

/**
 * The report facts (shared/reports/report-facts.ts, encoded) of the appeals received in the period in the scope, from
 * the whole register held in memory: no appeal or event is read for a row that has them. A row written before rows
 * had report facts gets them now from its appeal and events, written back so the next report finds them. An appeal
 * whose row is not written yet (a sync is storing it) is counted by the rebuild its row's arrival causes
 * (use-report.ts); rows an interrupted write left out are rebuilt at every start (App.tsx, ensureRegister). Checking
 * here would read all 150,000 appeals whenever the projection is a moment behind a sync.
 */
export async function loadReportFacts(
  db: AppDatabase,
  rows: () => Iterable<RegisterRow>,
  period: Period,
  scope: ReportScope,
): Promise<string[]> {
  const facts: string[] = [];
  const missing: string[] = [];
  for (const row of rows()) {
    if (!inReport(row, period, scope)) continue;
    if (typeof row.report === 'string' && row.report !== '') facts.push(row.report);
    else missing.push(row.id);
  }
  for (let i = 0; i < missing.length; i += BATCH) {
    for (const row of await refreshRows(db, missing.slice(i, i + BATCH))) {
      if (inReport(row, period, scope) && row.report) facts.push(row.report);
    }
  }
  return facts;
}
