/**
 * The generic path for a collection whose schema has attachments (the coming `files` collection keeps each scan's bytes
 * as the attachment `data`): they travel base64 in the file and land with their record in one write, byte for byte.
 */
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, expect, test } from 'vitest';
import { insertNew, readRecords, schemaVersions } from '../../../renderer/data/transfer/transfer.repository';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { decodeTransferFile, encodeTransferFile } from '../../../shared/transfer/format';
import { uniqueDbName } from '../../helpers/data/test-db';

/** The passphrase the test's files are made and opened with. */
const PASSPHRASE = 'Глибоке-2026 весна';

addRxPlugin(RxDBAttachmentsPlugin);

const SCANS_SCHEMA = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    villageId: { type: 'string', maxLength: 20 },
    name: { type: 'string' },
  },
  required: ['id', 'villageId', 'name'],
  attachments: {},
} as const;

const open: RxDatabase[] = [];
async function scansDb(): Promise<RxDatabase> {
  const db = await createRxDatabase({ name: uniqueDbName('scans'), storage: getRxStorageMemory() });
  await db.addCollections({ scans: { schema: SCANS_SCHEMA } });
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.remove();
});

test('records with attachments: export → file → import gives the same bytes; a second import adds nothing', async () => {
  const source = await scansDb();
  const jpeg = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) % 256);
  const doc = await source.collections.scans?.insert({ id: '01SCAN', villageId: 'hlyboke', name: 'заява.jpg' });
  await doc?.putAttachment({ id: 'data', type: 'image/jpeg', data: new Blob([jpeg], { type: 'image/jpeg' }) });
  await source.collections.scans?.insert({ id: '02NOFILE', villageId: 'hlyboke', name: 'без файлу' });
  await source.collections.scans?.insert({ id: '03OTHER', villageId: 'zarichne', name: 'інше село' });

  const records = await readRecords(source, ['scans'], 'hlyboke');
  expect(records.scans?.map((d) => d.id)).toEqual(['01SCAN', '02NOFILE']);
  expect(Object.keys(records.scans?.[0]?._attachments ?? {})).toEqual(['data']);
  const bytes = await encodeTransferFile(
    {
      appVersion: '0.1.0',
      kind: 'backup',
      createdAt: new Date().toISOString(),
      community: null,
      from: 'hlyboke',
      to: null,
      schemaVersions: schemaVersions(source, ['scans']),
    },
    { collections: records, profile: null },
    PASSPHRASE,
    webCodec,
  );
  const decoded = await decodeTransferFile(bytes, { appVersion: '0.1.0', schemaVersions: { scans: 0 } }, webCodec, PASSPHRASE);
  if (!decoded.ok) throw new Error(decoded.error.message.en);

  const target = await scansDb();
  const docs = decoded.value.body.collections.scans ?? [];
  expect((await insertNew(target, 'scans', docs)).length).toBe(2);
  expect((await insertNew(target, 'scans', docs)).length).toBe(0);
  const restored = await target.collections.scans?.findOne('01SCAN').exec();
  const attachment = restored?.getAttachment('data');
  if (!attachment) throw new Error('the attachment did not arrive');
  expect(attachment.type).toBe('image/jpeg');
  const back = new Uint8Array(await (await attachment.getData()).arrayBuffer());
  expect(back).toEqual(jpeg);
  expect((await target.collections.scans?.findOne('02NOFILE').exec())?.allAttachments()).toEqual([]);
});
