import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import type { Period } from '../../shared/reports/period';
import type { ReportScope } from '../../shared/reports/report.types';
import { recencyOf } from '../../shared/schema/register-row.schema';
import type { AppDatabase } from './database';
import { ensureRegister } from './register-projection';

/** The appeals received in a period (by the register's corrected date received) and all their events. */
export interface ReportData {
  appeals: Appeal[];
  events: AppealEvent[];
}

/**
 * Reads what a report of the period needs from the local database: the register projection finds the appeals by its
 * `recency` index (the date received with corrections applied) without reading all 50,000 appeals; their documents and
 * events follow by id. The projection is completed first, so an appeal whose row was never written is not left out.
 */
export async function loadReportData(db: AppDatabase, period: Period, scope: ReportScope): Promise<ReportData> {
  await ensureRegister(db);
  const rows = await db.register
    .find({
      selector: {
        // recency runs backwards: the period's last day has the smallest value.
        recency: { $gte: recencyOf(period.to), $lte: recencyOf(period.from) },
        ...(scope.kind === 'village' ? { villageId: scope.code } : {}),
      },
    })
    .exec();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { appeals: [], events: [] };
  const [appeals, events] = await Promise.all([
    db.appeals.findByIds(ids).exec(),
    db.events.find({ selector: { appealId: { $in: ids } } }).exec(),
  ]);
  return {
    appeals: [...appeals.values()].map((d) => d.toMutableJSON() as Appeal),
    events: events.map((d) => d.toMutableJSON() as AppealEvent),
  };
}
