/**
 * Writes a file's body (format.ts) in pieces, compressing each as it comes, so a backup of a whole register is never
 * held as one JSON string (~250 MB for 150,000 appeals: near V8's longest string, and several copies of it on an old
 * office PC). The text is the same JSON the whole-body JSON.stringify gave, `{"profile": …, "collections": {…}}`, with
 * the profile first so a fresh PC finds it before the records (body-reader.ts reads either order): files made this
 * way open in app versions that parse the body whole, and theirs open here.
 */
import type { Profile } from '../domain/profile';
import type { TransferCodec, TransferDoc } from './file-types';

export interface BodyWriter {
  /** Starts the next collection (each once, in the order they are to be read back). */
  collection(name: string): Promise<void>;
  /** Adds records to the current collection. */
  add(docs: readonly TransferDoc[]): Promise<void>;
  /** Closes the body: the compressed bytes and the count of records per collection. */
  finish(): Promise<{ packed: Uint8Array; counts: Record<string, number> }>;
}

/** A body writer that gzips through the codec as it goes. */
export function startBody(profile: Profile | null, codec: TransferCodec): BodyWriter {
  const gzip = codec.gzipStream();
  const encoder = new TextEncoder();
  const counts: Record<string, number> = {};
  let current: string | null = null;
  let head = `{"profile":${JSON.stringify(profile)},"collections":{`;
  const write = (text: string) => gzip.write(encoder.encode(text));
  return {
    async collection(name) {
      if (name in counts) throw new Error(`collection ${name} written twice`);
      // The opening text waits for the first collection, so an empty body costs one write.
      const text = `${head}${current === null ? '' : '],'}${JSON.stringify(name)}:[`;
      head = '';
      current = name;
      counts[name] = 0;
      await write(text);
    },
    async add(docs) {
      if (current === null) throw new Error('no collection started');
      if (docs.length === 0) return;
      const text = docs.map((d) => JSON.stringify(d)).join(',');
      await write(counts[current] === 0 ? text : `,${text}`);
      counts[current] = (counts[current] ?? 0) + docs.length;
    },
    async finish() {
      await write(`${head}${current === null ? '' : ']'}}}`);
      return { packed: await gzip.end(), counts };
    },
  };
}
