/** Helpers for backup and transfer tests: a picked file from bytes, and a comparable dump of a database. */
import type { AppDatabase } from '../../../renderer/data/database';
import type { PickedFile } from '../../../renderer/data/transfer/transfer-service';

/** What an `<input type=file>` would hand over for these bytes. */
export function pickedFile(name: string, bytes: Uint8Array): PickedFile {
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
  };
}

/** Every appeal and event of a database, sorted by id, without RxDB's bookkeeping. */
export async function dump(db: AppDatabase): Promise<{ appeals: unknown[]; events: unknown[] }> {
  const all = async (c: AppDatabase['appeals'] | AppDatabase['events']) =>
    (await c.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
  return { appeals: await all(db.appeals), events: await all(db.events) };
}
