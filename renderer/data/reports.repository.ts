import { isInPeriod, type Period } from '../../shared/reports/period';
import type { ReportScope } from '../../shared/reports/report.types';
import { type RegisterRow, recencyOf } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';
import { ensureRegister, refreshRows } from './register-projection';

/** How many rows without report facts are completed from their appeals and events at a time. */
const BATCH = 500;

const inReport = (row: RegisterRow, period: Period, scope: ReportScope): boolean =>
  isInPeriod(row.receivedOn, period) && (scope.kind === 'community' || row.villageId === scope.code);

/**
 * The report facts (shared/reports/report-facts.ts, encoded) of the appeals received in the period in the scope, from
 * the whole register held in memory: no appeal or event is read for a row that has them. A row written before rows
 * had report facts gets them now from its appeal and events, written back so the next report finds them; an appeal
 * whose row was never written gets its row first (ensureRegister), so none is left out.
 */
export async function loadReportFacts(
  db: AppDatabase,
  rows: () => Iterable<RegisterRow>,
  period: Period,
  scope: ReportScope,
): Promise<string[]> {
  const rebuilt = await ensureRegister(db);
  const facts: string[] = [];
  const missing: string[] = [];
  for (const row of rows()) {
    if (!inReport(row, period, scope)) continue;
    if (typeof row.report === 'string' && row.report !== '') facts.push(row.report);
    else missing.push(row.id);
  }
  // Rows ensureRegister just wrote may not have reached the caller's rows yet: read them from the database.
  if (rebuilt > 0) return factsFromDatabase(db, period, scope);
  for (let i = 0; i < missing.length; i += BATCH) {
    for (const row of await refreshRows(db, missing.slice(i, i + BATCH))) {
      if (inReport(row, period, scope) && row.report) facts.push(row.report);
    }
  }
  return facts;
}

/** The same from the register collection itself, by its `recency` index. */
async function factsFromDatabase(db: AppDatabase, period: Period, scope: ReportScope): Promise<string[]> {
  // recency runs backwards: the period's last day has the smallest value.
  const selector = { recency: { $gte: recencyOf(period.to), $lte: recencyOf(period.from) } };
  const docs = await db.register.find({ selector }).exec();
  const rows = docs.map((d) => d.toMutableJSON() as RegisterRow);
  return loadReportFacts(db, () => rows, period, scope);
}
