/**
 * The register's schema version 1 added report facts to its rows. Rows are derived data: those of version 0 are
 * dropped when the database opens (RxDB's migration would hold the start for minutes at 150,000 rows) and the start's
 * repair rebuilds them with their facts; appeals and events are untouched.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, OPEN_COLLECTIONS, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppDatabase, openDatabase, SEALED_FIELDS } from '../../../renderer/data/database';
import { dropOldRegister } from '../../../renderer/data/idb';
import { ensureRegister, toRegisterRow } from '../../../renderer/data/register-projection';
import { loadReportFacts } from '../../../renderer/data/reports.repository';
import { sealedStorage } from '../../../renderer/data/sealed/sealed-storage';
import { parsePeriod } from '../../../shared/reports/period';
import { APPEAL_SCHEMA } from '../../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../../shared/schema/event.schema';
import { REGISTER_ROW_SCHEMA, type RegisterRow } from '../../../shared/schema/register-row.schema';
import { uniqueDbName } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';
import { APPEALS, EVENTS } from '../../helpers/report-fixture';

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const opened: { close(): Promise<unknown>; closed: boolean }[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => (db.closed ? undefined : db.close())));
  expect(OPEN_COLLECTIONS.size).toBe(0);
});

/** The register's schema as version 0 had it: no `report`. */
function versionZero(): RxJsonSchema<RegisterRow> {
  const { report, ...properties } = REGISTER_ROW_SCHEMA.properties;
  return { ...REGISTER_ROW_SCHEMA, version: 0, properties, encrypted: ['applicant', 'address', 'searchText'] } as never;
}

/** A register written by version 0: appeals, events and rows without report facts. */
async function writtenByVersionZero(name: string): Promise<RegisterRow[]> {
  const db = await createRxDatabase<Record<'appeals' | 'events' | 'register', RxCollection>>({
    name,
    storage: sealedStorage(storage(), await testKey()),
    localDocuments: true,
  });
  await db.addCollections({
    appeals: { schema: { ...APPEAL_SCHEMA, encrypted: [...SEALED_FIELDS.appeals] } as never },
    events: { schema: { ...EVENT_SCHEMA, encrypted: [...SEALED_FIELDS.events] } as never },
    register: { schema: versionZero() },
  });
  await db.appeals.bulkInsert(APPEALS);
  await db.events.bulkInsert(EVENTS);
  const rows = APPEALS.map((a) => {
    const { report, ...row } = rowOf(a);
    return row;
  });
  await db.register.bulkInsert(rows);
  await db.close();
  return rows;
}

async function reopened(name: string): Promise<AppDatabase> {
  await dropOldRegister(indexedDB, name);
  const db = await openDatabase({ name, storage: storage(), key: await testKey() });
  opened.push(db);
  return db;
}

const rowsOf = async (db: AppDatabase) => (await db.register.find().exec()).map((d) => d.toMutableJSON() as RegisterRow);
const byId = (a: RegisterRow, b: RegisterRow) => (a.id < b.id ? -1 : 1);

describe('the register of schema version 0', () => {
  it('is dropped when the database opens, at once, and nothing else is', async () => {
    const name = uniqueDbName();
    await writtenByVersionZero(name);
    const started = Date.now();
    const db = await reopened(name);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await db.register.count().exec()).toBe(0);
    expect(await db.appeals.count().exec()).toBe(APPEALS.length);
    expect(await db.events.count().exec()).toBe(EVENTS.length);
  });

  it('is rebuilt by the start’s repair with the same rows, now with their report facts', async () => {
    const name = uniqueDbName();
    const before = await writtenByVersionZero(name);
    const db = await reopened(name);
    expect(await ensureRegister(db)).toBe(APPEALS.length);
    const after = await rowsOf(db);
    expect(after.map(({ report, ...row }) => row).sort(byId)).toEqual(before.sort(byId));
    expect(after.map((r) => r.report).sort()).toEqual(APPEALS.map((a) => rowOf(a).report).sort());
    const year = parsePeriod('2026');
    if (!year.ok) throw new Error('period');
    const facts = await loadReportFacts(db, () => after, year.period, { kind: 'community' });
    expect(facts.sort()).toEqual(after.map((r) => r.report).sort());
  });
});

const rowOf = (a: (typeof APPEALS)[number]) =>
  toRegisterRow(
    a,
    EVENTS.filter((e) => e.appealId === a.id),
  );
