import type { TransferCodec } from '../../../shared/transfer/format';

async function through(stream: CompressionStream | DecompressionStream, bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  // The cast only bridges the DOM and Node typings of the same stream (this file type-checks in both).
  return new Uint8Array(await new Response(out as ConstructorParameters<typeof Response>[0]).arrayBuffer());
}

/**
 * The codec of the web platform: gzip by CompressionStream / DecompressionStream (which rejects a cut or corrupted
 * stream), SHA-256 by crypto.subtle. The same code runs in Chromium, Electron's renderer and Node 22 tests.
 */
export const webCodec: TransferCodec = {
  gzip: (bytes) => through(new CompressionStream('gzip'), bytes),
  gunzip: (bytes) => through(new DecompressionStream('gzip'), bytes),
  async sha256Hex(bytes) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  },
};
