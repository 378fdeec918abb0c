/**
 * Versions before encryption at rest kept the register unsealed in the IndexedDB database `open-village`. After the
 * first sign-in of this version, its records are copied into the sealed database and the old one is deleted. The copy
 * is idempotent (a record already there is skipped), and the old database is deleted only once every record of it is
 * in the new one, so a cut at any point leaves the old one to copy again at the next sign-in.
 *
 * Deleting the old database does not wipe what Chromium's LevelDB files still hold of it until they are compacted:
 * full-disk encryption (BitLocker) is what covers that (docs/encryption-at-rest.md).
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { APPEAL_SCHEMA } from '../../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../../shared/schema/event.schema';
import { FILE_SCHEMA } from '../../../shared/schema/file.schema';
import { OUTBOX_SCHEMA } from '../../../shared/schema/outbox.schema';
import type { AppDatabase } from '../database';
import { deleteDatabase } from '../idb';

addRxPlugin(RxDBLocalDocumentsPlugin);

/** The database name of the unsealed versions. */
export const UNSEALED_DB_NAME = 'open-village';
/** RxDB's Dexie storage names one IndexedDB database per collection: `rxdb-dexie-<name>--<version>--<collection>`. */
const PREFIX = `rxdb-dexie-${UNSEALED_DB_NAME}--`;
/** Everything the app keeps as local documents, except what is derived or per session. */
const LOCAL_IDS = ['profile', 'ingest-set-aside', 'sync-pc', 'sync-config', 'sync-state', 'backup-state'];
const PAGE = 1000;

type Copied = 'appeals' | 'events' | 'files' | 'outbox';
const PRIMARY: Record<Copied, string> = { appeals: 'id', events: 'id', files: 'id', outbox: 'key' };

/** True when this profile still holds the unsealed register of an earlier version. */
export async function hasUnsealedRegister(factory: IDBFactory = indexedDB): Promise<boolean> {
  const names = await factory.databases();
  return names.some((d) => d.name?.startsWith(PREFIX));
}

type OldDatabase = RxDatabase<Record<Copied, RxCollection>>;

async function openOld(storage: Parameters<typeof createRxDatabase>[0]['storage']): Promise<OldDatabase> {
  const db = await createRxDatabase<Record<Copied, RxCollection>>({
    name: UNSEALED_DB_NAME,
    storage,
    localDocuments: true,
    multiInstance: false,
  });
  await db.addCollections({
    appeals: { schema: APPEAL_SCHEMA as unknown as RxJsonSchema<unknown> },
    events: { schema: EVENT_SCHEMA as unknown as RxJsonSchema<unknown> },
    outbox: { schema: OUTBOX_SCHEMA as unknown as RxJsonSchema<unknown> },
    files: { schema: FILE_SCHEMA as unknown as RxJsonSchema<unknown> },
  });
  return db;
}

/** Copies one collection page by page; a file's bytes follow its metadata. Returns how many the old one had. */
async function copyCollection(old: OldDatabase, target: AppDatabase, name: Copied): Promise<number> {
  const key = PRIMARY[name];
  let after = '';
  let total = 0;
  for (;;) {
    const docs = await old[name].find({ selector: { [key]: { $gt: after } }, sort: [{ [key]: 'asc' }], limit: PAGE }).exec();
    if (docs.length === 0) return total;
    total += docs.length;
    const rows = docs.map((d) => {
      const { _attachments: _, ...plain } = d.toMutableJSON(true) as Record<string, unknown>;
      return plain;
    });
    // A record already copied (an earlier, cut import) is reported as a conflict and skipped.
    await (target[name] as RxCollection).bulkInsert(rows);
    if (name === 'files') {
      for (const doc of docs) {
        for (const attachment of doc.allAttachments()) {
          const copy = await target.files.findOne(doc.primary).exec();
          if (!copy || copy.getAttachment(attachment.id)) continue;
          await copy.putAttachment({ id: attachment.id, type: attachment.type, data: await attachment.getData() });
        }
      }
    }
    after = String(docs[docs.length - 1]?.primary ?? after);
  }
}

/**
 * Copies the unsealed register into `target` and deletes it. Returns the number of appeals copied, or null when
 * there was nothing to import.
 */
export async function importUnsealed(
  target: AppDatabase,
  storage: Parameters<typeof createRxDatabase>[0]['storage'] = getRxStorageDexie(),
  factory: IDBFactory = indexedDB,
): Promise<number | null> {
  if (!(await hasUnsealedRegister(factory))) return null;
  const old = await openOld(storage);
  const counts: Partial<Record<Copied, number>> = {};
  for (const name of ['appeals', 'events', 'files', 'outbox'] as const) counts[name] = await copyCollection(old, target, name);
  for (const id of LOCAL_IDS) {
    const doc = await old.getLocal(id);
    if (doc && !(await target.getLocal(id))) await target.upsertLocal(id, doc.toJSON().data as Record<string, unknown>);
  }
  for (const name of ['appeals', 'events', 'files', 'outbox'] as const) {
    const have = await (target[name] as RxCollection).count().exec();
    if (have < (counts[name] ?? 0)) {
      await old.close();
      throw new Error(`the earlier register was not copied whole (${name}: ${have} of ${counts[name]}); it is kept`);
    }
  }
  await old.remove();
  // RxDB removes the collections' stores but leaves its own bookkeeping and the local documents (the profile).
  for (const { name } of await factory.databases()) {
    if (name?.startsWith(PREFIX)) await deleteDatabase(factory, name);
  }
  return counts.appeals ?? 0;
}
