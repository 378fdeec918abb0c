import { afterEach, describe, expect, it } from 'vitest';
import { prepareFile, sha256Hex } from '../../../renderer/data/files/prepare-file';
import { getFile, localBytes, storeFiles } from '../../../renderer/data/files.repository';
import type { Profile } from '../../../renderer/data/profile.repository';
import { TestDatabases } from '../../helpers/data/test-db';
import { samplePdf, samplePng } from '../../helpers/files/sample-files';

const dbs = new TestDatabases();
afterEach(() => dbs.removeAll());

const starosta: Profile = {
  role: 'starosta',
  villageCode: 'hlyboke',
  villageName: 'Глибоке',
  workstation: 1,
  operatorName: 'Коваль',
};
const named = (name: string, bytes: Uint8Array) => Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name });

/** Files on RxDB's Dexie storage (IndexedDB, here fake-indexeddb): the bytes as an RxDB attachment, queued to be sent. */
describe('storing attached files', () => {
  it('keeps the bytes as the attachment `data` and queues each file in the outbox', async () => {
    const db = await dbs.create('dexie');
    const files = [
      await prepareFile(named('scan.png', samplePng(40, 30)), null),
      await prepareFile(named('a.pdf', samplePdf('x')), null),
    ];
    const prepared = files.flatMap((f) => (f.ok ? [f.file] : []));
    expect(prepared).toHaveLength(2);
    const stored = await storeFiles(db, starosta, { id: '01HAPPEAL', villageId: 'hlyboke' }, prepared, new Date());
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    for (const file of stored.files) {
      const blob = await localBytes(db, file.id);
      expect(blob).not.toBeNull();
      expect(await sha256Hex(new Uint8Array(await (blob as Blob).arrayBuffer()))).toBe(file.sha256);
      expect((await getFile(db, file.id))?.chunkCount).toBe(1);
    }
    expect(await db.outbox.find({ selector: { target: 'files', state: 'waiting' } }).exec()).toHaveLength(2);
  });

  it("a village's PC stores nothing for another village's appeal", async () => {
    const db = await dbs.create('dexie');
    const prepared = await prepareFile(named('scan.png', samplePng(10, 10)), null);
    if (!prepared.ok) throw new Error('not prepared');
    const stored = await storeFiles(db, starosta, { id: '01HAPPEAL', villageId: 'zarichne' }, [prepared.file], new Date());
    expect(stored.ok).toBe(false);
    expect(await db.files.count().exec()).toBe(0);
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
