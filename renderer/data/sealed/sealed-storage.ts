/**
 * An RxDB storage wrapper that keeps residents' data sealed (AES-256-GCM, seal.ts) in the storage underneath:
 * - the fields a collection schema lists in `encrypted`, as one blob per document in the stored field `sealed`;
 * - the `data` of local documents (the profile, records set aside, sync state);
 * - attachment bytes (scans and photos).
 * Everything else stays plain, so indexes and queries on ids, codes, dates and status work as before. RxDB gives the
 * replication's own copy of each document (its meta instance) the `encrypted: ['docData']` list when the collection
 * has one, so that copy is sealed too. Reads open the blobs again; a blob that does not open fails the read loudly
 * (SealError) rather than showing a record with its fields missing.
 */
import {
  getPrimaryFieldOfPrimaryKey,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { openBytes, openText, sealBytes, sealText } from './seal';
import { wrapSealed } from './sealed-instance';

type Doc = Record<string, unknown>;
type Attachments = Record<string, { data?: unknown; type?: string }>;

/** Where RxDB keeps local documents: one instance per database and per collection. */
const LOCAL_DOCUMENTS = 'plugin-local-documents-';
/** The stored field holding a document's sealed part. */
export const SEALED_FIELD = 'sealed';

/** What an instance seals: its schema's `encrypted` list, or `data` for local documents. */
function sealedFields(params: RxStorageInstanceCreationParams<unknown, unknown>): string[] {
  if (params.collectionName.startsWith(LOCAL_DOCUMENTS)) return ['data'];
  return [...((params.schema as { encrypted?: readonly string[] }).encrypted ?? [])];
}

/** The schema the storage underneath sees: no `encrypted` list, the sealed fields replaced by `sealed`. */
function storedSchema(schema: RxJsonSchema<unknown>, fields: string[]): RxJsonSchema<unknown> {
  const inner = structuredClone(schema) as unknown as Doc & { properties: Doc; required?: string[]; encrypted?: string[] };
  delete inner.encrypted;
  for (const f of fields) delete inner.properties[f];
  inner.properties[SEALED_FIELD] = { type: 'string' };
  inner.required = (inner.required ?? []).filter((r) => !fields.includes(r));
  return inner as unknown as RxJsonSchema<unknown>;
}

async function sealBlob(key: CryptoKey, where: string, blob: Blob): Promise<Blob> {
  return new Blob([await sealBytes(key, where, new Uint8Array(await blob.arrayBuffer()))], { type: blob.type });
}

/** Wraps `storage` so that every instance it creates seals with `key`. */
export function sealedStorage<I, O>(storage: RxStorage<I, O>, key: CryptoKey): RxStorage<I, O> {
  return {
    ...storage,
    name: `sealed-${storage.name}`,
    async createStorageInstance<R>(params: RxStorageInstanceCreationParams<R, O>): Promise<RxStorageInstance<R, I, O>> {
      const fields = sealedFields(params as RxStorageInstanceCreationParams<unknown, unknown>);
      const hasAttachments = Boolean(params.schema.attachments);
      if (fields.length === 0 && !hasAttachments) return storage.createStorageInstance(params);
      const schema = params.schema as RxJsonSchema<unknown>;
      const instance = await storage.createStorageInstance({ ...params, schema: storedSchema(schema, fields) as never });
      const primary = getPrimaryFieldOfPrimaryKey(schema.primaryKey as never) as string;
      const where = (id: unknown) => `${params.collectionName}/${String(id)}`;

      const toStorage = async (doc: Doc): Promise<Doc> => {
        const out: Doc = { ...doc };
        const secret: Doc = {};
        for (const f of fields) {
          if (f in out) secret[f] = out[f];
          delete out[f];
        }
        const id = out[primary];
        if (fields.length > 0) out[SEALED_FIELD] = await sealText(key, where(id), JSON.stringify(secret));
        const attachments = out._attachments as Attachments | undefined;
        if (attachments) {
          const sealed: Attachments = {};
          await Promise.all(
            Object.entries(attachments).map(async ([name, a]) => {
              sealed[name] = a.data instanceof Blob ? { ...a, data: await sealBlob(key, `${where(id)}/${name}`, a.data) } : a;
            }),
          );
          out._attachments = sealed;
        }
        return out;
      };

      const fromStorage = async (doc: Doc): Promise<Doc> => {
        const sealed = doc[SEALED_FIELD];
        if (typeof sealed !== 'string') return doc;
        const { [SEALED_FIELD]: _, ...rest } = doc;
        return { ...rest, ...(JSON.parse(await openText(key, where(rest[primary]), sealed)) as Doc) };
      };

      const wrapped = wrapSealed(schema, instance as never, toStorage, fromStorage);
      // The wrapper's own attachment hook does not say whose bytes it reads; the additional data needs that.
      wrapped.getAttachmentData = async (documentId: string, attachmentId: string, digest: string) => {
        const blob = await instance.getAttachmentData(documentId, attachmentId, digest);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        return new Blob([await openBytes(key, `${where(documentId)}/${attachmentId}`, bytes)], { type: blob.type });
      };
      return wrapped as unknown as RxStorageInstance<R, I, O>;
    },
  };
}
