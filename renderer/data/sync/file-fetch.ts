import { chunkDocId } from '../../../shared/couch/names';
import { planChunks } from '../../../shared/domain/files/chunks';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import type { CouchClient } from './couch-client';

/** Chunk requests in flight at once: round trips, not bandwidth, limit a file of many small chunks. */
const PARALLEL = 4;

/** A file's bytes put together from its chunk documents' attachments on the server, raw GETs, a few at a time. */
export async function fetchFileBytes(client: CouchClient, dbName: string, file: AttachedFile): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const plans = planChunks(file.size, file.chunkSize);
  let next = 0;
  const worker = async () => {
    for (let plan = plans[next++]; plan; plan = plans[next++]) {
      const bytes = new Uint8Array(await client.attachment(dbName, chunkDocId(file.id, plan.n), 'data'));
      if (bytes.byteLength !== plan.end - plan.start) throw new Error(`chunk ${plan.n} has ${bytes.byteLength} bytes`);
      out.set(bytes, plan.start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, plans.length) }, worker));
  return out;
}
