import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import type { AttachedFile } from '../../shared/domain/files/file.types';
import { APPEAL_SCHEMA } from '../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../shared/schema/event.schema';
import { FILE_SCHEMA } from '../../shared/schema/file.schema';
import { OUTBOX_SCHEMA, type OutboxRow } from '../../shared/schema/outbox.schema';
import { REGISTER_ROW_SCHEMA, type RegisterRow } from '../../shared/schema/register-row.schema';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBAttachmentsPlugin);

export type AppealCollection = RxCollection<Appeal>;
export type EventCollection = RxCollection<AppealEvent>;
export type RegisterCollection = RxCollection<RegisterRow>;
export type OutboxCollection = RxCollection<OutboxRow>;
export type FileCollection = RxCollection<AttachedFile>;

export interface Collections {
  appeals: AppealCollection;
  events: EventCollection;
  register: RegisterCollection;
  outbox: OutboxCollection;
  /** Attached scans and photos: metadata, with the bytes as the attachment `data` where this PC has them. */
  files: FileCollection;
}

export type AppDatabase = RxDatabase<Collections>;

/** The IndexedDB database name of the app (one per PC profile). */
export const DEFAULT_DB_NAME = 'open-village';

/**
 * Opens (or creates) the local database. In the app this is RxDB on Dexie, i.e. real IndexedDB; tests may pass another
 * storage (RxDB memory storage for volume, Dexie on fake-indexeddb for small cases).
 */
export async function openDatabase(options: { name?: string; storage?: RxStorage<unknown, unknown> } = {}): Promise<AppDatabase> {
  const db = await createRxDatabase<Collections>({
    name: options.name ?? DEFAULT_DB_NAME,
    storage: options.storage ?? getRxStorageDexie(),
    localDocuments: true,
    // One app window per profile (Electron's single-instance lock); in a browser, tabs still share one store safely.
    multiInstance: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    appeals: { schema: APPEAL_SCHEMA as unknown as RxJsonSchema<Appeal> },
    events: { schema: EVENT_SCHEMA as unknown as RxJsonSchema<AppealEvent> },
    register: { schema: REGISTER_ROW_SCHEMA as unknown as RxJsonSchema<RegisterRow> },
    outbox: { schema: OUTBOX_SCHEMA as unknown as RxJsonSchema<OutboxRow> },
    files: { schema: FILE_SCHEMA as unknown as RxJsonSchema<AttachedFile> },
  });
  return db;
}
