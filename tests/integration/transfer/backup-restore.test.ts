/**
 * Backup → wipe → restore with the app's own data layer (Dexie on fake-indexeddb): identical records, the profile back on
 * a fresh PC so indexes continue, a second import changes nothing, and a damaged or foreign file writes nothing.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { recordEvent } from '../../../renderer/data/events.repository';
import { prepareFile, sha256Hex } from '../../../renderer/data/files/prepare-file';
import { localBytes, storeFiles } from '../../../renderer/data/files.repository';
import { loadProfile, type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { loadLastBackupAt } from '../../../renderer/data/transfer/backup-state';
import { DATA_COLLECTIONS, readRecords, schemaVersions } from '../../../renderer/data/transfer/transfer.repository';
import { importTransfer, makeBackup, makeTransfer, restoreBackup } from '../../../renderer/data/transfer/transfer-service';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { encodeTransferFile } from '../../../shared/transfer/format';
import { CLOCK, draftOf, profileOf, TODAY } from '../../helpers/data/fixtures';
import { counts, TestDatabases } from '../../helpers/data/test-db';
import { dump, pickedFile } from '../../helpers/data/transfer-files';
import { samplePdf } from '../../helpers/files/sample-files';
import { registerMany } from '../../helpers/sync/volume';

/** The passphrase the test's files are made and opened with. */
const PASSPHRASE = 'Глибоке-2026 весна';

const VERSION = '0.1.0';
const profile: Profile = profileOf({ communityCode: 'hlybotska' });

async function village(db: AppDatabase, n: number): Promise<void> {
  await saveProfile(db, profile);
  for (let i = 0; i < n; i++) {
    const r = await registerAppeal(db, profile, draftOf({ surname: `Бондар${i}`, receivedOn: TODAY }), CLOCK);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const e = await recordEvent(db, profile, r.appeal, 'comment', { text: `Дзвонив ${i}` }, CLOCK);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
  }
}

describe('backup and restore', () => {
  const dbs = new TestDatabases();
  afterEach(() => dbs.removeAll());

  test('backup → fresh PC → restore gives identical records, the profile, and indexes that continue', async () => {
    const old = await dbs.create();
    await village(old, 3);
    // A scan attached to the first appeal: the backup carries its bytes.
    const [firstAppeal] = await old.appeals.find({ sort: [{ id: 'asc' }], limit: 1 }).exec();
    const pdf = await prepareFile(
      Object.assign(new Blob([samplePdf('скан заяви') as Uint8Array<ArrayBuffer>]), { name: 'zaiava.pdf' }),
      null,
    );
    if (!pdf.ok || !firstAppeal) throw new Error('fixture');
    const stored = await storeFiles(old, profile, firstAppeal.toJSON(), [pdf.file], new Date());
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const [scan] = stored.files;
    const made = await makeBackup(old, profile, VERSION, new Date('2026-11-27T10:00:00.000Z'), PASSPHRASE);
    expect(made.fileName).toMatch(/^open-village-hlyboke-2026-11-27-1000\.ovbackup$/);
    expect(made.counts).toEqual({ appeals: 3, events: 3, files: 1 });
    expect(await loadLastBackupAt(old)).toBe('2026-11-27T10:00:00.000Z');

    const fresh = await dbs.create();
    const r = await restoreBackup(fresh, pickedFile(made.fileName, made.bytes), null, VERSION, new Date(), PASSPHRASE);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value).toMatchObject({ inserted: { appeals: 3, events: 3, files: 1 }, present: 0, restoredProfile: profile });
    expect(await loadProfile(fresh)).toEqual(profile);
    expect(await dump(fresh)).toEqual(await dump(old));
    const restoredScan = await localBytes(fresh, scan?.id ?? '');
    expect(restoredScan && (await sha256Hex(new Uint8Array(await restoredScan.arrayBuffer())))).toBe(scan?.sha256);
    expect((await counts(fresh)).register).toBe(3);
    const [first] = (await dump(old)).appeals as { id: string }[];
    const row = await fresh.register.findOne(first?.id ?? '').exec();
    expect(row?.applicant).toContain('Бондар0');

    // The restored PC numbers on from where the old one stopped.
    const next = await registerAppeal(fresh, profile, draftOf({ receivedOn: TODAY }), CLOCK);
    expect(next.ok && next.appeal.regSeq).toBe(4);
  });

  test('a village of 1,000 appeals with two events each: the backup restores whole (file size printed)', async () => {
    const old = await dbs.create('memory');
    await saveProfile(old, profile);
    await registerMany(old, profile, 1000, () => 2);
    const made = await makeBackup(old, profile, VERSION, new Date(), PASSPHRASE);
    const transfer = await makeTransfer(old, profile, 'central', VERSION, new Date(), PASSPHRASE);
    const plain = JSON.stringify(await readRecords(old, DATA_COLLECTIONS, null)).length;
    console.log(
      `1,000 appeals + 2,000 events: backup ${made.bytes.length} bytes (${plain} of JSON before gzip and encryption), transfer ${transfer.ok ? transfer.value.bytes.length : '?'} bytes`,
    );
    const fresh = await dbs.create('memory');
    const r = await restoreBackup(fresh, pickedFile(made.fileName, made.bytes), null, VERSION, new Date(), PASSPHRASE);
    expect(r.ok && r.value.inserted).toEqual({ appeals: 1000, events: 2000, files: 0 });
    expect(await counts(fresh)).toEqual({ appeals: 1000, events: 2000, register: 1000, outbox: 3000 });
    expect(await dump(fresh)).toEqual(await dump(old));
  });

  test('importing the same backup twice changes nothing the second time', async () => {
    const old = await dbs.create();
    await village(old, 2);
    const made = await makeBackup(old, profile, VERSION, new Date(), PASSPHRASE);
    const pc = await dbs.create();
    const first = await restoreBackup(pc, pickedFile(made.fileName, made.bytes), null, VERSION, new Date(), PASSPHRASE);
    expect(first.ok).toBe(true);
    const before = { ...(await counts(pc)), data: await dump(pc) };
    const second = await restoreBackup(pc, pickedFile(made.fileName, made.bytes), profile, VERSION, new Date(), PASSPHRASE);
    if (!second.ok) throw new Error(second.error.message.en);
    expect(second.value).toMatchObject({ inserted: { appeals: 0, events: 0 }, present: 4, restoredProfile: null });
    expect({ ...(await counts(pc)), data: await dump(pc) }).toEqual(before);
  });

  test('one invalid or foreign record anywhere in a file: refused, and none of the valid ones before it is written', async () => {
    const old = await dbs.create();
    await village(old, 3);
    const collections = await readRecords(old, DATA_COLLECTIONS, null);
    const encode = (kind: 'backup' | 'transfer', body: typeof collections) =>
      encodeTransferFile(
        {
          appVersion: VERSION,
          kind,
          createdAt: new Date().toISOString(),
          community: 'hlybotska',
          from: 'hlyboke',
          to: kind === 'transfer' ? 'central' : null,
          schemaVersions: schemaVersions(old, DATA_COLLECTIONS),
        },
        { collections: body, profile: kind === 'backup' ? profile : null },
        PASSPHRASE,
        webCodec,
      );
    const events = collections.events ?? [];
    const badKind = { ...collections, events: [...events.slice(0, -1), { ...events[events.length - 1], kind: 'deleted' }] };
    const fresh = await dbs.create();
    const refusedBackup = await restoreBackup(
      fresh,
      pickedFile('x.ovbackup', await encode('backup', badKind as never)),
      null,
      VERSION,
      new Date(),
      PASSPHRASE,
    );
    expect(refusedBackup.ok ? null : refusedBackup.error).toMatchObject({
      code: 'invalid-document',
      message: { en: expect.stringContaining('events/') },
    });
    expect(await counts(fresh)).toEqual({ appeals: 0, events: 0, register: 0, outbox: 0 });
    expect(await loadProfile(fresh)).toBeNull();
    // RxDB's free build opens at most 13 collections per process: three databases of five would exceed it.
    await fresh.close();

    const appeals = collections.appeals ?? [];
    const foreign = { ...collections, appeals: [...appeals, { ...appeals[0], id: '01FOREIGN', villageId: 'zarichne' }] };
    const council = await dbs.create();
    const councilProfile = profileOf({ villageCode: 'central', role: 'central', communityCode: 'hlybotska' });
    const refusedTransfer = await importTransfer(
      council,
      pickedFile('x.ovtransfer', await encode('transfer', foreign as never)),
      councilProfile,
      VERSION,
      new Date(),
      PASSPHRASE,
    );
    expect(refusedTransfer.ok ? null : refusedTransfer.error.code).toBe('foreign-document');
    expect(await counts(council)).toEqual({ appeals: 0, events: 0, register: 0, outbox: 0 });
  });

  test('a set-up PC restores the records its own backup has and it lacks', async () => {
    const pc = await dbs.create();
    await village(pc, 2);
    const made = await makeBackup(pc, profile, VERSION, new Date(), PASSPHRASE);
    const lost = await pc.appeals.find({ sort: [{ id: 'asc' }], limit: 1 }).exec();
    // A lost record (say, a damaged disk): write-once data is never removed by the app, so the test removes it itself.
    await pc.appeals.bulkRemove(lost.map((d) => d.id));
    const r = await restoreBackup(pc, pickedFile(made.fileName, made.bytes), profile, VERSION, new Date(), PASSPHRASE);
    expect(r.ok && r.value).toMatchObject({ inserted: { appeals: 1, events: 0, files: 0 }, present: 3 });
  });

  test('refused, with nothing written: truncated at several points, wrong extension, another village, a transfer file', async () => {
    const old = await dbs.create();
    await village(old, 2);
    const made = await makeBackup(old, profile, VERSION, new Date(), PASSPHRASE);
    const fresh = await dbs.create();
    const empty = await counts(fresh);
    const codeOf = async (name: string, bytes: Uint8Array, pcProfile: Profile | null = null) => {
      const r = await restoreBackup(fresh, pickedFile(name, bytes), pcProfile, VERSION, new Date(), PASSPHRASE);
      return r.ok ? 'ok' : r.error.code;
    };
    for (const cut of [100, Math.floor(made.bytes.length / 2), made.bytes.length - 3]) {
      expect(await codeOf(made.fileName, made.bytes.slice(0, cut)), `cut at ${cut}`).toBe('damaged');
    }
    expect(await codeOf('backup.zip', made.bytes)).toBe('wrong-extension');
    // 200 MB declared: refused on the size alone, the bytes are never read.
    const huge = { name: 'huge.ovbackup', size: 200 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) };
    const tooLarge = await restoreBackup(fresh, huge, null, VERSION, new Date(), PASSPHRASE);
    expect(tooLarge.ok ? null : tooLarge.error.code).toBe('too-large');
    expect(await codeOf(made.fileName, new Uint8Array())).toBe('empty');
    expect(await codeOf(made.fileName, made.bytes, profileOf({ villageCode: 'zarichne', communityCode: 'hlybotska' }))).toBe(
      'wrong-village',
    );
    const transfer = await makeTransfer(old, profile, 'central', VERSION, new Date(), PASSPHRASE);
    if (!transfer.ok) throw new Error(transfer.error.message.en);
    expect(await codeOf('t.ovbackup', transfer.value.bytes)).toBe('wrong-kind');
    const newer = await makeBackup(old, profile, '9.0.0', new Date(), PASSPHRASE);
    expect(await codeOf(newer.fileName, newer.bytes)).toBe('newer-version');
    expect(await counts(fresh)).toEqual(empty);
    expect(await loadProfile(fresh)).toBeNull();
  });
});
