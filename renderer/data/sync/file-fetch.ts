import { chunkDocId } from '../../../shared/couch/names';
import { planChunks } from '../../../shared/domain/files/chunks';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import type { CouchClient } from './couch-client';

/** A file's bytes put together from its chunk documents' attachments on the server, one raw GET per chunk. */
export async function fetchFileBytes(client: CouchClient, dbName: string, file: AttachedFile): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  for (const plan of planChunks(file.size, file.chunkSize)) {
    const bytes = new Uint8Array(await client.attachment(dbName, chunkDocId(file.id, plan.n), 'data'));
    if (bytes.byteLength !== plan.end - plan.start) throw new Error(`chunk ${plan.n} has ${bytes.byteLength} bytes`);
    out.set(bytes, plan.start);
  }
  return out;
}
