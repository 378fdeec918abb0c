/**
 * The register snapshot: after a full load the index saves its rows sealed, the next start reads them in parts and
 * only the rows changed since from the database, and a snapshot it cannot use (another key, damaged) is ignored.
 */
import 'fake-indexeddb/auto';
import { indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { inStore } from '../../../renderer/data/idb';
import { RegisterIndex } from '../../../renderer/data/register-index';
import { SealedSnapshots } from '../../../renderer/data/register-snapshot';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { CLOCK, draftOf, profileOf } from '../../helpers/data/fixtures';
import { settled, TestDatabases } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';

const dbs = new TestDatabases();
const indexes: RegisterIndex[] = [];
afterEach(async () => {
  for (const index of indexes.splice(0)) index.dispose();
  await dbs.removeAll();
  vi.useRealTimers();
});

async function registerMany(db: AppDatabase, n: number, surname: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const result = await registerAppeal(db, profileOf(), draftOf({ surname: `${surname}${i}` }), CLOCK);
    if (!result.ok) throw new Error('registration refused');
  }
  await settled(db);
}

const sorted = (rows: Iterable<RegisterRow>) => [...rows].map((r) => `${r.id}:${r.applicant}`).sort();

describe('the register snapshot', () => {
  it('is written after a full load and read back with the rows changed since, equal to a load row by row', async () => {
    const db = await dbs.create('dexie');
    const store = new SealedSnapshots(await testKey(), db.name, indexedDB);
    await registerMany(db, 12, 'Перший');

    const first = new RegisterIndex(db, store);
    indexes.push(first);
    const writes = vi.spyOn(store, 'write');
    await first.load();
    expect(first.size).toBe(12);
    // Written a moment after the load, not during it.
    expect(writes).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await writes.mock.results[0]?.value;
    first.dispose();

    const saved = await store.read();
    expect(saved?.rows).toHaveLength(12);

    // Three more appeals after the snapshot: the next start takes them from the database.
    await registerMany(db, 3, 'Пізніший');
    const reads = vi.spyOn(store, 'read');
    const second = new RegisterIndex(db, store);
    indexes.push(second);
    await second.load();
    expect(reads).toHaveBeenCalledTimes(1);
    const plain = new RegisterIndex(db);
    indexes.push(plain);
    await plain.load();
    expect(second.size).toBe(15);
    expect(sorted(second.all())).toEqual(sorted(plain.all()));
  }, 30_000);

  it('is ignored when it does not open with this key, and the register loads row by row', async () => {
    const db = await dbs.create('dexie');
    await registerMany(db, 4, 'Інший');
    const store = new SealedSnapshots(await testKey(), db.name, indexedDB);
    await store.write([{ id: 'ghost', applicant: 'Привид' } as RegisterRow], { id: 'ghost', lwt: Date.now() + 1e9 });
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect(await new SealedSnapshots(other, db.name, indexedDB).read()).toBeNull();
    const index = new RegisterIndex(db, new SealedSnapshots(other, db.name, indexedDB));
    indexes.push(index);
    await index.load();
    expect(index.size).toBe(4);
    expect([...index.all()].some((r) => r.id === 'ghost')).toBe(false);
  });

  it('keeps whole parts only: a register of 12,000 rows comes back in three parts, and a missing part voids it', async () => {
    const db = await dbs.create('dexie');
    const store = new SealedSnapshots(await testKey(), db.name, indexedDB);
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => ({ id: `r${String(i).padStart(5, '0')}`, applicant: `А${i}` }) as RegisterRow,
    );
    await store.write(rows, { id: 'r11999', lwt: 5 });
    const back = await store.read();
    expect(back?.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(back?.checkpoint).toEqual({ id: 'r11999', lwt: 5 });
    // A part gone (a damaged store, a writing caught half-way by the reader): the snapshot is not used at all.
    const middle = `register-snapshot/1/${db.name}/000001`;
    const kept = await inStore(indexedDB, 'open-village-snapshot', 'readonly', (s) => s.get(middle));
    await inStore(indexedDB, 'open-village-snapshot', 'readwrite', (s) => s.delete(middle));
    expect(await store.read()).toBeNull();
    await inStore(indexedDB, 'open-village-snapshot', 'readwrite', (s) => s.put(kept, middle));
    expect((await store.read())?.rows).toHaveLength(12_000);
    // A smaller register written over it leaves no part of the bigger one behind.
    await store.write(rows.slice(0, 10), { id: 'r00009', lwt: 6 });
    expect((await store.read())?.rows).toHaveLength(10);
  });
});
