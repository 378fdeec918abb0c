/**
 * AES-256-GCM over WebCrypto for what the local database keeps: a random 96-bit IV per seal, the IV in front of the
 * ciphertext, base64 as the stored form. The additional data binds a blob to where it belongs (collection and document
 * id), so a blob copied onto another record fails to open instead of showing the other record's data.
 */
import { fromBase64, toBase64 } from '../../../shared/transfer/encryption';

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A sealed value that does not open: another key, another place, or changed bytes. */
export class SealError extends Error {
  readonly where: string;
  constructor(where: string) {
    super(`sealed data does not open (${where}): wrong key or damaged storage`);
    this.name = 'SealError';
    this.where = where;
  }
}

/** Encrypts the text for `where` (the additional authenticated data). */
export async function sealText(key: CryptoKey, where: string, text: string): Promise<string> {
  return toBase64(await sealBytes(key, where, encoder.encode(text)));
}

/** The text sealed for `where`; throws SealError when it does not open. */
export async function openText(key: CryptoKey, where: string, sealed: string): Promise<string> {
  const bytes = fromBase64(sealed);
  if (!bytes) throw new SealError(where);
  return decoder.decode(await openBytes(key, where, bytes as Uint8Array<ArrayBuffer>));
}

/** Encrypts bytes for `where`: the IV, then the ciphertext with its tag. */
export async function sealBytes(key: CryptoKey, where: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(where) }, key, bytes);
  const out = new Uint8Array(IV_BYTES + body.byteLength);
  out.set(iv);
  out.set(new Uint8Array(body), IV_BYTES);
  return out;
}

/** The bytes sealed for `where`; throws SealError when they do not open. */
export async function openBytes(key: CryptoKey, where: string, sealed: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  if (sealed.length < IV_BYTES + 16) throw new SealError(where);
  try {
    return await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: encoder.encode(where) },
      key,
      sealed.subarray(IV_BYTES),
    );
  } catch {
    throw new SealError(where);
  }
}
