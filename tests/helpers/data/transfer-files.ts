/** Helpers for backup and transfer tests: a picked file from bytes, a comparable dump of a database, a version 1 file. */
import type { AppDatabase } from '../../../renderer/data/database';
import type { PickedFile } from '../../../renderer/data/transfer/transfer-service';
import type { TransferBody, TransferCodec, TransferMeta } from '../../../shared/transfer/format';

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

/**
 * A file of format version 1, as app versions before encryption wrote it (gzip of header line and body, an unkeyed
 * SHA-256 of the body): the app no longer writes them, but must still read them.
 */
export async function encodeV1File(meta: TransferMeta, body: TransferBody, codec: TransferCodec): Promise<Uint8Array> {
  const bodyBytes = new TextEncoder().encode(JSON.stringify(body));
  const collections = Object.fromEntries(
    Object.entries(body.collections).map(([name, docs]) => [
      name,
      { schemaVersion: meta.schemaVersions[name] ?? 0, count: docs.length },
    ]),
  );
  const { schemaVersions: _, ...said } = meta;
  const header = {
    format: 'open-village-transfer',
    formatVersion: 1,
    ...said,
    collections,
    bodyBytes: bodyBytes.length,
    bodySha256: await codec.sha256Hex(bodyBytes),
  };
  const headerBytes = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const all = new Uint8Array(headerBytes.length + bodyBytes.length);
  all.set(headerBytes, 0);
  all.set(bodyBytes, headerBytes.length);
  return codec.gzip(all);
}
