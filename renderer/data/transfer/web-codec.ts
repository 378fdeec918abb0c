import type { FileKey, GzipStream, TransferCodec } from '../../../shared/transfer/format';

// The casts only bridge the DOM and Node typings of the same streams and buffers (this file type-checks in both).
const buf = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

async function through(stream: CompressionStream | DecompressionStream, bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([buf(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out as ConstructorParameters<typeof Response>[0]).arrayBuffer());
}

/** Collects a stream's pieces into one buffer (the compressed body: a fraction of the JSON it holds). */
async function collect(readable: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Gzip fed in pieces: the compressed output is read while the input is written, so neither side waits on the other. */
function gzipStream(): GzipStream {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const output = collect(stream.readable as ReadableStream<Uint8Array>);
  // Should a write fail, `end` reports it; the output's own rejection must not go unhandled meanwhile.
  output.catch(() => undefined);
  return {
    write: (bytes) => writer.write(buf(bytes)),
    async end() {
      await writer.close();
      return output;
    },
  };
}

/** Gunzips in pieces as the decompressor gives them; stopping the iteration early cancels the rest. */
async function* gunzipPieces(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  const reader = new Blob([buf(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader() as ReadableStreamDefaultReader<Uint8Array>;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** HKDF labels: one PBKDF2 output gives two independent values, so the stored check reveals nothing of the key. */
const KEY_INFO = new TextEncoder().encode('open-village file key v2');
const CHECK_INFO = new TextEncoder().encode('open-village key check v2');

/**
 * PBKDF2-HMAC-SHA256 to a 256-bit secret (one block: the full iteration count buys one derivation, not two as asking
 * PBKDF2 for 512 bits would), then HKDF-SHA256 splits it into the AES-256-GCM key (non-extractable) and the key check.
 */
async function deriveFileKey(passphrase: Uint8Array, salt: Uint8Array, iterations: number): Promise<FileKey> {
  const subtle = crypto.subtle;
  const base = await subtle.importKey('raw', buf(passphrase), 'PBKDF2', false, ['deriveBits']);
  const secret = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, base, 256);
  const hkdf = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const hkdfParams = (info: Uint8Array) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: buf(info) });
  const key = await subtle.deriveKey(hkdfParams(KEY_INFO), hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(await subtle.deriveBits(hkdfParams(CHECK_INFO), hkdf, 128));
  const gcm = (iv: Uint8Array, additionalData: Uint8Array) => ({
    name: 'AES-GCM',
    iv: buf(iv),
    additionalData: buf(additionalData),
    tagLength: 128,
  });
  return {
    check,
    seal: async (iv, plain, aad) => new Uint8Array(await subtle.encrypt(gcm(iv, aad), key, buf(plain))),
    open: async (iv, sealed, aad) => new Uint8Array(await subtle.decrypt(gcm(iv, aad), key, buf(sealed))),
  };
}

/**
 * The codec of the web platform: gzip by CompressionStream / DecompressionStream (which rejects a cut or corrupted
 * stream), SHA-256, randomness and encryption by crypto.subtle. The same code runs in Chromium, Electron's renderer
 * and Node 22 tests.
 */
export const webCodec: TransferCodec = {
  gzip: (bytes) => through(new CompressionStream('gzip'), bytes),
  gunzip: (bytes) => through(new DecompressionStream('gzip'), bytes),
  gzipStream,
  gunzipPieces,
  async sha256Hex(bytes) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf(bytes)));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  },
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  deriveFileKey,
};
