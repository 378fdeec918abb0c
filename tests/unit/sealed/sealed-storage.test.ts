import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { SealError } from '../../../renderer/data/sealed/seal';
import { uniqueDbName } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';
import { appealOf } from '../shared/fixtures';

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const otherKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/** Every row of every object store of an IndexedDB database, as the storage underneath keeps them. */
async function rawRows(dbName: string): Promise<unknown[]> {
  const names = (await indexedDB.databases())
    .map((d: { name?: string }) => d.name ?? '')
    .filter((n: string) => n.includes(dbName));
  const rows: unknown[] = [];
  for (const name of names) {
    const idb = await new Promise<ReturnType<typeof indexedDB.open>['result']>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of [...idb.objectStoreNames]) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const req = idb.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
      rows.push(...all);
    }
    idb.close();
  }
  return rows;
}

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => (db.closed ? undefined : db.close())));
});

async function openSealed(name: string, key?: CryptoKey): Promise<AppDatabase> {
  const db = await openDatabase({ name, storage: storage(), key: key ?? (await testKey()) });
  open.push(db);
  return db;
}

describe('the sealed storage', () => {
  it('keeps a record unchanged through a write and a read, and plain fields still query by index', async () => {
    const db = await openSealed(uniqueDbName());
    const appeal = appealOf({ surname: 'Зюзькевичівна', phone: '+380501234567' });
    await db.appeals.insert(appeal);
    const back = await db.appeals.findOne(appeal.id).exec();
    expect(back?.toMutableJSON()).toEqual(appeal);
    const bySeq = await db.appeals.find({ selector: { villageId: appeal.villageId, deviceTag: appeal.deviceTag } }).exec();
    expect(bySeq.map((d) => d.id)).toEqual([appeal.id]);
  });

  it('stores no resident field in the clear: not the name, not the phone, not the text (a scan of the raw rows)', async () => {
    const name = uniqueDbName();
    const db = await openSealed(name);
    const appeal = appealOf({ surname: 'Зюзькевичівна', phone: '+380501234567' });
    await db.appeals.insert(appeal);
    await db.upsertLocal('set-aside-probe', { record: { surname: 'Зюзькевичівна' } });
    const raw = JSON.stringify(await rawRows(name));
    // Positive control: the plain fields are there, so the scan reads the rows it should.
    expect(raw).toContain(appeal.regIndex);
    expect(raw).not.toContain('Зюзькевичівна');
    expect(raw).not.toContain('+380501234567');
    expect(raw).not.toContain((appeal.issues[0] as { text: string }).text);
  });

  it('fails loudly with another key instead of showing a record with its fields missing', async () => {
    const name = uniqueDbName();
    const db = await openSealed(name);
    const appeal = appealOf();
    await db.appeals.insert(appeal);
    await db.close();
    const wrong = await openSealed(name, await otherKey());
    await expect(wrong.appeals.findOne(appeal.id).exec()).rejects.toBeInstanceOf(SealError);
  });

  it('seals attachment bytes and gives them back unchanged', async () => {
    const name = uniqueDbName();
    const db = await openSealed(name);
    const bytes = new TextEncoder().encode('scan of a passport: Зюзькевичівна');
    const file = await db.files.insert({
      id: 'f1',
      appealId: 'a1',
      villageId: 'hlyboke',
      name: 'Зюзькевичівна-паспорт.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      sha256: '0'.repeat(64),
      addedAt: '2026-11-30T10:00:00.000Z',
      by: 'Мельник І. В.',
      role: 'starosta',
      chunkSize: 1024 * 64,
      chunkCount: 1,
    });
    await file.putAttachment({ id: 'data', type: 'application/pdf', data: new Blob([bytes]) });
    const back = await (await db.files.findOne('f1').exec())?.getAttachment('data')?.getData();
    expect(new Uint8Array(await (back as Blob).arrayBuffer())).toEqual(bytes);
    const raw = await rawRows(name);
    const text = JSON.stringify(raw);
    expect(text).not.toContain('Зюзькевичівна');
    const blobs = raw.flatMap((r) => Object.values(r as object)).filter((v): v is Blob => v instanceof Blob);
    expect(blobs.length).toBeGreaterThan(0);
    for (const b of blobs) expect(new TextDecoder().decode(await b.arrayBuffer())).not.toContain('passport');
  });
});
