/** The Reports screen's data: the appeals of a period found through the register projection, with their events. */
import { OPEN_COLLECTIONS } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { toRegisterRow } from '../../../renderer/data/register-projection';
import { loadReportData } from '../../../renderer/data/reports.repository';
import { foldAppeal } from '../../../shared/domain/events/fold';
import { buildReport } from '../../../shared/reports/build-report';
import { parsePeriod } from '../../../shared/reports/period';
import { TestDatabases } from '../../helpers/data/test-db';
import { APPEALS, AS_OF, EVENTS, fixtureAppealId, TOTALS_Q3, VILLAGES } from '../../helpers/report-fixture';

const dbs = new TestDatabases();

afterEach(async () => {
  await dbs.removeAll();
  expect(OPEN_COLLECTIONS.size).toBe(0);
});

function period(code: string) {
  const p = parsePeriod(code);
  if (!p.ok) throw new Error(code);
  return p.period;
}

async function seeded(withRows: boolean) {
  // Without the projection: these tests decide which rows exist, and loadReportData completes the missing ones itself.
  const db = await dbs.create('dexie', { projection: false });
  await db.appeals.bulkInsert(APPEALS);
  await db.events.bulkInsert(EVENTS);
  if (withRows) {
    await db.register.bulkInsert(
      APPEALS.map((a) =>
        toRegisterRow(
          a,
          foldAppeal(
            a,
            EVENTS.filter((e) => e.appealId === a.id),
          ),
        ),
      ),
    );
  }
  return db;
}

describe('loadReportData', () => {
  it('finds the appeals received in the period by the corrected date, with all their events', async () => {
    const db = await seeded(true);
    const data = await loadReportData(db, period('2026-Q3'), { kind: 'community' });
    // H5 was registered as received on 30 Jun and corrected to 2 Jul; H6 came on 1 Oct.
    expect(data.appeals.map((a) => a.id).sort()).toEqual(
      APPEALS.filter((a) => a.id !== fixtureAppealId('01KRH6', 'hlyboke'))
        .map((a) => a.id)
        .sort(),
    );
    expect(data.events).toHaveLength(EVENTS.length);
    const report = buildReport({
      ...data,
      period: period('2026-Q3'),
      asOf: AS_OF,
      scope: { kind: 'community' },
      villages: VILLAGES,
    });
    expect(report.tables[0]?.rows.at(-1)?.values).toEqual(TOTALS_Q3);
  });

  it('reads one village only when the scope is a village', async () => {
    const db = await seeded(true);
    const data = await loadReportData(db, period('2026-Q3'), { kind: 'village', code: 'zarichne' });
    expect(new Set(data.appeals.map((a) => a.villageId))).toEqual(new Set(['zarichne']));
    expect(data.appeals).toHaveLength(6);
    expect(data.events.every((e) => e.villageId === 'zarichne')).toBe(true);
  });

  it('completes a missing register projection first, so no appeal is left out', async () => {
    const db = await seeded(false);
    const data = await loadReportData(db, period('2026'), { kind: 'community' });
    expect(data.appeals).toHaveLength(APPEALS.length);
  });

  it('returns nothing for a period without appeals', async () => {
    const db = await seeded(true);
    expect(await loadReportData(db, period('2025-Q3'), { kind: 'community' })).toEqual({ appeals: [], events: [] });
  });
});
