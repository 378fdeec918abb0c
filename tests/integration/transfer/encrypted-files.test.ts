/**
 * Encrypted backup and transfer files (format v2) through the app's data layer: each refusal — a wrong passphrase, one
 * changed byte in the header or the body, a cut file, a file of another community (also one whose header was edited
 * to look like this community's), a newer app's file, a downgraded key derivation — writes nothing; a version 1 file
 * still restores and imports, reported as unencrypted; the header is previewed before any passphrase.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { loadProfile, type Profile, saveProfile } from '../../../renderer/data/profile.repository';
import { DATA_COLLECTIONS, readRecords, schemaVersions } from '../../../renderer/data/transfer/transfer.repository';
import {
  importTransfer,
  makeBackup,
  makeTransfer,
  type PickedFile,
  previewFile,
  restoreBackup,
} from '../../../renderer/data/transfer/transfer-service';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { CLOCK, draftOf, profileOf, TODAY } from '../../helpers/data/fixtures';
import { counts, TestDatabases } from '../../helpers/data/test-db';
import { dump, encodeV1File, pickedFile } from '../../helpers/data/transfer-files';

const PASSPHRASE = 'Глибоке-2026 весна';
const VERSION = '0.1.0';
const SURNAME = 'Шевчишина';
const village: Profile = profileOf({ communityCode: 'hlybotska' });
const council: Profile = profileOf({ villageCode: 'central', role: 'central', communityCode: 'hlybotska' });
const NOTHING = { appeals: 0, events: 0, register: 0, outbox: 0 };

async function withAppeals(db: AppDatabase, n: number): Promise<void> {
  await saveProfile(db, village);
  for (let i = 0; i < n; i++) {
    const r = await registerAppeal(db, village, draftOf({ surname: `${SURNAME}${i}`, receivedOn: TODAY }), CLOCK);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
}

/** The file with its header line rewritten, the ciphertext kept byte for byte. */
function editHeader(bytes: Uint8Array, edit: (header: string) => string): Uint8Array {
  const at = bytes.indexOf(0x0a);
  const head = new TextEncoder().encode(edit(new TextDecoder().decode(bytes.subarray(0, at))));
  const out = new Uint8Array(head.length + bytes.length - at);
  out.set(head, 0);
  out.set(bytes.subarray(at), head.length);
  return out;
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('encrypted files through the data layer', () => {
  const dbs = new TestDatabases();
  afterEach(() => dbs.removeAll());

  test('a backup: previewed without the passphrase; every refusal writes nothing; the right passphrase restores it', async () => {
    const old = await dbs.create();
    await withAppeals(old, 2);
    const made = await makeBackup(old, village, VERSION, CLOCK.now, PASSPHRASE);
    expect(Buffer.from(made.bytes).includes(Buffer.from(SURNAME))).toBe(false);

    const fresh = await dbs.create();
    const restore = async (bytes: Uint8Array, passphrase = PASSPHRASE, onto: Profile | null = null) => {
      const r = await restoreBackup(fresh, pickedFile(made.fileName, bytes), onto, VERSION, new Date(), passphrase);
      return r.ok ? 'ok' : r.error.code;
    };
    const preview = await previewFile(fresh, pickedFile(made.fileName, made.bytes), 'backup', null, VERSION);
    expect(preview.ok && preview.value).toMatchObject({
      isEncrypted: true,
      header: { kind: 'backup', from: 'hlyboke', community: 'hlybotska', collections: { appeals: { count: 2 } } },
    });

    const headerEnd = made.bytes.indexOf(0x0a);
    expect(await restore(made.bytes, 'Глибоке-2026 осінь')).toBe('wrong-passphrase');
    expect(await restore(flipped(made.bytes, headerEnd + 40))).toBe('damaged');
    expect(await restore(flipped(made.bytes, made.bytes.length - 1))).toBe('damaged');
    expect(await restore(editHeader(made.bytes, (h) => h.replace('"count":2', '"count":1')))).toBe('damaged');
    expect(await restore(made.bytes.slice(0, made.bytes.length - 100))).toBe('damaged');
    expect(await restore(editHeader(made.bytes, (h) => h.replace('"iterations":600000', '"iterations":5000')))).toBe(
      'weak-protection',
    );
    expect(await restore(editHeader(made.bytes, (h) => h.replace(`"appVersion":"${VERSION}"`, '"appVersion":"9.0.0"')))).toBe(
      'newer-version',
    );
    expect(await restore(made.bytes, PASSPHRASE, profileOf({ villageCode: 'zarichne', communityCode: 'hlybotska' }))).toBe(
      'wrong-village',
    );
    expect(await counts(fresh)).toEqual(NOTHING);
    expect(await loadProfile(fresh)).toBeNull();

    const r = await restoreBackup(fresh, pickedFile(made.fileName, made.bytes), null, VERSION, new Date(), PASSPHRASE);
    expect(r.ok && r.value).toMatchObject({ inserted: { appeals: 2 }, wasEncrypted: true, restoredProfile: village });
    expect(await dump(fresh)).toEqual(await dump(old));
  });

  test('a transfer file of another community: refused before the passphrase, and after it on the authenticated header', async () => {
    const pc = await dbs.create();
    await withAppeals(pc, 1);
    const made = await makeTransfer(pc, village, 'central', VERSION, CLOCK.now, PASSPHRASE);
    if (!made.ok) throw new Error(made.error.message.en);
    await pc.close();
    const office = await dbs.create();
    const other: Profile = { ...council, communityCode: 'inshska' };
    const file = (bytes: Uint8Array): PickedFile => pickedFile(made.value.fileName, bytes);
    const codeOf = async (bytes: Uint8Array, profile: Profile, passphrase = PASSPHRASE) => {
      const r = await importTransfer(office, file(bytes), profile, VERSION, new Date(), passphrase);
      return r.ok ? 'ok' : r.error.code;
    };

    const early = await previewFile(office, file(made.value.bytes), 'transfer', other, VERSION);
    expect(early.ok ? null : early.error).toMatchObject({
      code: 'wrong-community',
      message: { uk: expect.stringContaining('іншій громаді') },
    });
    expect(await codeOf(made.value.bytes, other)).toBe('wrong-community');
    // The header edited to name the importing PC's community passes the preview, but not authentication.
    const relabelled = editHeader(made.value.bytes, (h) => h.replace('"community":"hlybotska"', '"community":"inshska"'));
    expect((await previewFile(office, file(relabelled), 'transfer', other, VERSION)).ok).toBe(true);
    expect(await codeOf(relabelled, other)).toBe('damaged');
    // Redirected to another village by hand: the same.
    const redirected = editHeader(made.value.bytes, (h) => h.replace('"from":"hlyboke"', '"from":"zarichne"'));
    expect(await codeOf(redirected, council)).toBe('damaged');
    expect(await codeOf(made.value.bytes, council, 'не той пароль')).toBe('wrong-passphrase');
    expect(await counts(office)).toEqual(NOTHING);

    const imported = await importTransfer(office, file(made.value.bytes), council, VERSION, new Date(), PASSPHRASE);
    expect(imported.ok && imported.value).toMatchObject({ inserted: { appeals: 1 }, wasEncrypted: true });
  });

  test('version 1 files (unencrypted) still restore and import, reported as unencrypted', async () => {
    const old = await dbs.create();
    await withAppeals(old, 2);
    const collections = await readRecords(old, DATA_COLLECTIONS, null);
    const meta = {
      appVersion: VERSION,
      createdAt: CLOCK.now.toISOString(),
      community: 'hlybotska',
      from: 'hlyboke',
      schemaVersions: schemaVersions(old, DATA_COLLECTIONS),
    };
    const backup = await encodeV1File({ ...meta, kind: 'backup', to: null }, { collections, profile: village }, webCodec);
    const transfer = await encodeV1File({ ...meta, kind: 'transfer', to: 'central' }, { collections, profile: null }, webCodec);
    const before = await dump(old);
    await old.remove();

    const fresh = await dbs.create();
    const preview = await previewFile(fresh, pickedFile('old.ovbackup', backup), 'backup', null, VERSION);
    expect(preview.ok && preview.value.isEncrypted).toBe(false);
    // No passphrase was ever set on such a file: whatever is typed (or nothing) is ignored.
    const restored = await restoreBackup(fresh, pickedFile('old.ovbackup', backup), null, VERSION, new Date(), '');
    expect(restored.ok && restored.value).toMatchObject({ inserted: { appeals: 2 }, wasEncrypted: false });
    expect(await dump(fresh)).toEqual(before);
    await fresh.remove();

    const office = await dbs.create();
    const imported = await importTransfer(office, pickedFile('old.ovtransfer', transfer), council, VERSION, new Date(), '');
    expect(imported.ok && imported.value).toMatchObject({ inserted: { appeals: 2 }, wasEncrypted: false });
  });
});
