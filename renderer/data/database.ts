import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import type { AttachedFile } from '../../shared/domain/files/file.types';
import { APPEAL_SCHEMA } from '../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../shared/schema/event.schema';
import { FILE_SCHEMA } from '../../shared/schema/file.schema';
import { OUTBOX_SCHEMA, type OutboxRow } from '../../shared/schema/outbox.schema';
import { REGISTER_ROW_SCHEMA, type RegisterRow } from '../../shared/schema/register-row.schema';
import { sealedStorage } from './sealed/sealed-storage';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

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

/**
 * The IndexedDB database name of the app (one per PC profile). `open-village` was the name of the unsealed database
 * of versions before encryption at rest (see unsealed-import.ts).
 */
export const DEFAULT_DB_NAME = 'open-village-sealed';

/**
 * What each collection keeps sealed at rest (sealed-storage.ts): the resident's name, contacts and texts, and
 * everything derived from them. Ids, codes, dates, status and the staff's own names stay plain: the indexes, the
 * register's filters and the reports need them. Local documents and attachment bytes are sealed whole.
 */
export const SEALED_FIELDS = {
  appeals: ['surname', 'givenName', 'patronymic', 'collectiveName', 'address', 'phone', 'email', 'categories', 'issues', 'note'],
  events: ['payload'],
  // `report` holds the applicant's categories, sex and social status.
  register: ['applicant', 'address', 'searchText', 'report'],
  files: ['name'],
  outbox: [],
} as const satisfies Record<keyof Collections, readonly string[]>;

const sealed = <T>(schema: T, fields: readonly string[]): RxJsonSchema<never> =>
  (fields.length > 0 ? { ...schema, encrypted: [...fields] } : schema) as unknown as RxJsonSchema<never>;

/**
 * Opens (or creates) the local database, sealed with the PC's data key (the keyring gives it after sign-in). In the
 * app this is RxDB on Dexie, i.e. real IndexedDB; tests may pass another storage (RxDB memory storage for volume,
 * Dexie on fake-indexeddb for small cases). There is no unsealed way to open it: RxDB's storages refuse a schema with
 * `encrypted` fields unless a wrapper like ours handles them.
 */
export async function openDatabase(options: {
  key: CryptoKey;
  name?: string;
  storage?: RxStorage<unknown, unknown>;
}): Promise<AppDatabase> {
  const db = await createRxDatabase<Collections>({
    name: options.name ?? DEFAULT_DB_NAME,
    storage: sealedStorage(options.storage ?? getRxStorageDexie(), options.key),
    localDocuments: true,
    // One app window per profile (Electron's single-instance lock); in a browser, tabs still share one store safely.
    multiInstance: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    appeals: { schema: sealed(APPEAL_SCHEMA, SEALED_FIELDS.appeals) as RxJsonSchema<Appeal> },
    events: { schema: sealed(EVENT_SCHEMA, SEALED_FIELDS.events) as RxJsonSchema<AppealEvent> },
    register: {
      schema: sealed(REGISTER_ROW_SCHEMA, SEALED_FIELDS.register) as RxJsonSchema<RegisterRow>,
      // Never runs on rows: the app deletes the old rows' store before it opens (dropOldRegister).
      migrationStrategies: { 1: (row: RegisterRow) => row },
    },
    outbox: { schema: sealed(OUTBOX_SCHEMA, SEALED_FIELDS.outbox) as RxJsonSchema<OutboxRow> },
    files: { schema: sealed(FILE_SCHEMA, SEALED_FIELDS.files) as RxJsonSchema<AttachedFile> },
  });
  return db;
}
