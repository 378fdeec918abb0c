import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/data/database';
import { hasUnsealedRegister, importUnsealed, UNSEALED_DB_NAME } from '../../../renderer/data/sealed/unsealed-import';
import { APPEAL_SCHEMA } from '../../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../../shared/schema/event.schema';
import { FILE_SCHEMA } from '../../../shared/schema/file.schema';
import { OUTBOX_SCHEMA } from '../../../shared/schema/outbox.schema';
import { REGISTER_ROW_SCHEMA } from '../../../shared/schema/register-row.schema';
import { uniqueDbName } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';
import { appealOf, eventOf } from '../shared/fixtures';

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const schema = (s: unknown) => ({ schema: s as RxJsonSchema<unknown> });

/** The database as versions before encryption at rest wrote it: same name, plain schemas. */
async function writeUnsealed(): Promise<void> {
  const db = await createRxDatabase<Record<string, RxCollection>>({
    name: UNSEALED_DB_NAME,
    storage: storage(),
    localDocuments: true,
    multiInstance: false,
  });
  await db.addCollections({
    appeals: schema(APPEAL_SCHEMA),
    events: schema(EVENT_SCHEMA),
    register: schema(REGISTER_ROW_SCHEMA),
    outbox: schema(OUTBOX_SCHEMA),
    files: schema(FILE_SCHEMA),
  });
  const appeal = appealOf({ surname: 'Давнійчук' });
  await db.appeals?.insert(appeal);
  await db.events?.insert(eventOf('comment', { appealId: appeal.id }));
  await db.outbox?.insert({ key: `appeals:${appeal.id}`, target: 'appeals', docId: appeal.id, state: 'waiting', at: 'x' });
  const file = await db.files?.insert({
    id: 'f1',
    appealId: appeal.id,
    villageId: appeal.villageId,
    name: 'скан.pdf',
    mime: 'application/pdf',
    size: 5,
    sha256: '0'.repeat(64),
    addedAt: '2026-11-30T10:00:00.000Z',
    by: 'Коваль О. П.',
    role: 'starosta',
    chunkSize: 65536,
    chunkCount: 1,
  });
  await file?.putAttachment({ id: 'data', type: 'application/pdf', data: new Blob(['%PDF-']) });
  await db.upsertLocal('profile', {
    role: 'starosta',
    villageCode: 'hlb',
    villageName: 'Глибоке',
    workstation: 1,
    operatorName: 'Коваль О. П.',
  });
  await db.close();
}

describe('the register of an earlier, unsealed version', () => {
  it('moves into the sealed database once, bytes and profile included, and the unsealed one is deleted', async () => {
    await writeUnsealed();
    expect(await hasUnsealedRegister(indexedDB)).toBe(true);
    const db = await openDatabase({ name: uniqueDbName(), storage: storage(), key: await testKey() });
    try {
      expect(await importUnsealed(db, storage(), indexedDB)).toBe(1);
      expect((await db.appeals.find().exec()).map((d) => d.surname)).toEqual(['Давнійчук']);
      expect(await db.events.count().exec()).toBe(1);
      expect(await db.outbox.count({ selector: { state: 'waiting' } }).exec()).toBe(1);
      const bytes = await (await db.files.findOne('f1').exec())?.getAttachment('data')?.getData();
      expect(await (bytes as Blob).text()).toBe('%PDF-');
      expect((await db.getLocal<{ villageName: string }>('profile'))?.toJSON().data.villageName).toBe('Глибоке');
      expect(await hasUnsealedRegister(indexedDB)).toBe(false);
      // Nothing left to import: a second sign-in does nothing.
      expect(await importUnsealed(db, storage(), indexedDB)).toBeNull();
    } finally {
      await db.close();
    }
  });
});
