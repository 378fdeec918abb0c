// The benchmark's unsealed baseline, and nothing else: the app's database as it was before encryption at rest (the
// same collections and the original schemas from shared/schema/*, no `encrypted` lists, RxDB on plain Dexie without
// the sealing wrapper). It exists only so `npm run bench` can print the sealed figures beside unsealed ones measured
// in the same run; the app has no unsealed way to open its database (renderer/data/database.ts) and must not get one.

import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { AppDatabase, Collections } from '../../../renderer/data/database';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { APPEAL_SCHEMA } from '../../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../../shared/schema/event.schema';
import { FILE_SCHEMA } from '../../../shared/schema/file.schema';
import { OUTBOX_SCHEMA, type OutboxRow } from '../../../shared/schema/outbox.schema';
import { REGISTER_ROW_SCHEMA, type RegisterRow } from '../../../shared/schema/register-row.schema';

// The same plugins as database.ts (adding a plugin twice is a no-op).
addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBAttachmentsPlugin);

/** Mirrors `openDatabase` in renderer/data/database.ts without the sealing wrapper (benchmark baseline only). */
export async function openPlainDatabase(name: string): Promise<AppDatabase> {
  const db = await createRxDatabase<Collections>({
    name,
    storage: getRxStorageDexie(),
    localDocuments: true,
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
