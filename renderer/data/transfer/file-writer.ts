/**
 * Makes a backup or transfer file from the local database page by page (transfer.repository.ts readPages into
 * shared/transfer/body-writer.ts), so that neither the records nor their JSON are ever held whole: what the body holds
 * is compressed as it is read, then encrypted once (format.ts sealTransferFile).
 */
import type { Profile } from '../../../shared/domain/profile';
import { startBody } from '../../../shared/transfer/body-writer';
import { sealTransferFile, type TransferMeta } from '../../../shared/transfer/format';
import { isPassphraseLongEnough } from '../../../shared/transfer/passphrase';
import type { AppDatabase } from '../database';
import { type OnProgress, progressTo } from './progress';
import { countRecords, DATA_COLLECTIONS, readPages, schemaVersions } from './transfer.repository';
import { webCodec } from './web-codec';

export interface WrittenFile {
  bytes: Uint8Array;
  counts: Record<string, number>;
}

/**
 * The file of the data collections' records that `keep` accepts (all when null) and the profile (backups), encrypted
 * with the passphrase. Throws for a passphrase shorter than the rule before reading anything.
 */
export async function writeFile(
  db: AppDatabase,
  meta: Omit<TransferMeta, 'schemaVersions'>,
  profile: Profile | null,
  keep: ((doc: Record<string, unknown>) => boolean) | null,
  passphrase: string,
  onProgress?: OnProgress,
): Promise<WrittenFile> {
  if (!isPassphraseLongEnough(passphrase)) throw new RangeError('passphrase too short');
  const report = progressTo(onProgress);
  const total = await countRecords(db, DATA_COLLECTIONS);
  let done = 0;
  report({ phase: 'reading', done, total });
  const body = startBody(profile, webCodec);
  for (const name of DATA_COLLECTIONS) {
    await body.collection(name);
    for await (const page of readPages(db, name, keep)) {
      await body.add(page.docs);
      done += page.read;
      report({ phase: 'reading', done, total: Math.max(total, done) });
    }
  }
  const { packed, counts } = await body.finish();
  report({ phase: 'encrypting', done: 0, total: 0 });
  const full = { ...meta, schemaVersions: schemaVersions(db, DATA_COLLECTIONS) };
  return { bytes: await sealTransferFile(full, counts, packed, passphrase, webCodec), counts };
}
