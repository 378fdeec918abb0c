/**
 * The Reports screen's data: the report facts of a period from the register rows, completed from the appeals and
 * events where a row has none (rows of the register's schema version 0, an appeal whose row was never written).
 */
import { OPEN_COLLECTIONS } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../renderer/data/database';
import { toRegisterRow } from '../../../renderer/data/register-projection';
import { loadReportFacts } from '../../../renderer/data/reports.repository';
import { buildReport, buildReportFromFacts } from '../../../shared/reports/build-report';
import { parsePeriod } from '../../../shared/reports/period';
import type { ReportScope } from '../../../shared/reports/report.types';
import { decodeFacts, type ReportFacts } from '../../../shared/reports/report-facts';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { TestDatabases } from '../../helpers/data/test-db';
import { APPEALS, AS_OF, EVENTS, EXPECTED_Q3, TOTALS_Q3, VILLAGES } from '../../helpers/report-fixture';

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

const rowOf = (a: (typeof APPEALS)[number]) =>
  toRegisterRow(
    a,
    EVENTS.filter((e) => e.appealId === a.id),
  );

/** `rows`: every row with its facts, rows without them (as schema version 0 wrote them), or none at all. */
async function seeded(rows: 'facts' | 'no facts' | 'none') {
  // Without the projection: these tests decide which rows exist, and loadReportFacts completes the missing ones itself.
  const db = await dbs.create('dexie', { projection: false });
  await db.appeals.bulkInsert(APPEALS);
  await db.events.bulkInsert(EVENTS);
  if (rows === 'facts') await db.register.bulkInsert(APPEALS.map(rowOf));
  if (rows === 'no facts') {
    await db.register.bulkInsert(
      APPEALS.map((a) => {
        const { report, ...row } = rowOf(a);
        return row;
      }),
    );
  }
  return db;
}

const storedRows = async (db: AppDatabase) => (await db.register.find().exec()).map((d) => d.toMutableJSON() as RegisterRow);

async function facts(db: AppDatabase, rows: RegisterRow[], code: string, scope: ReportScope = { kind: 'community' }) {
  const texts = await loadReportFacts(db, () => rows, period(code), scope);
  return texts.map((t) => decodeFacts(t) as ReportFacts);
}

describe('loadReportFacts', () => {
  it('gives the facts of the appeals received in the period by the corrected date: the same report as before', async () => {
    const db = await seeded('facts');
    const found = await facts(db, await storedRows(db), '2026-Q3');
    // H5 was registered as received on 30 Jun and corrected to 2 Jul; H6 came on 1 Oct.
    expect(found).toHaveLength(APPEALS.length - 1);
    const input = { period: period('2026-Q3'), asOf: AS_OF, scope: { kind: 'community' as const }, villages: VILLAGES };
    const report = buildReportFromFacts({ ...input, facts: found });
    expect(report).toEqual(buildReport({ ...input, appeals: APPEALS, events: EVENTS }));
    expect(report.tables[0]?.rows.at(-1)?.values).toEqual(TOTALS_Q3);
    expect(report.tables.find((t) => t.id === 'timeliness')?.rows[0]?.values).toEqual(
      EXPECTED_Q3.timeliness?.['answered-on-time'],
    );
  });

  it('gives one village only when the scope is a village', async () => {
    const db = await seeded('facts');
    const found = await facts(db, await storedRows(db), '2026-Q3', { kind: 'village', code: 'zarichne' });
    expect(found).toHaveLength(6);
    expect(new Set(found.map((f) => f.villageId))).toEqual(new Set(['zarichne']));
  });

  it('completes rows written without facts from their appeals and events, and stores them for the next report', async () => {
    const db = await seeded('no facts');
    const rows = await storedRows(db);
    expect(rows.every((r) => r.report === undefined)).toBe(true);
    const found = await facts(db, rows, '2026');
    expect(found).toHaveLength(APPEALS.length);
    const after = await storedRows(db);
    expect(after.map((r) => r.report).sort()).toEqual(APPEALS.map((a) => rowOf(a).report).sort());
  });

  it('counts what the register holds: an appeal whose row is not written yet waits for it', async () => {
    const db = await seeded('none');
    expect(await facts(db, [], '2026')).toEqual([]);
    // Reading nothing from appeals: the projection (or the start's repair) writes the rows, and the screen rebuilds.
    expect(await db.register.count().exec()).toBe(0);
  });

  it('gives nothing for a period without appeals', async () => {
    const db = await seeded('facts');
    expect(await facts(db, await storedRows(db), '2025-Q3')).toEqual([]);
  });
});
