/**
 * The data key of test databases: fixed bytes, so a test that closes a database and opens it again (a restart) gets
 * the same key back, as the app does after sign-in. Not extractable, as in the app.
 */
const TEST_KEY_BYTES = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

let key: Promise<CryptoKey> | null = null;

export function testKey(): Promise<CryptoKey> {
  key ??= crypto.subtle.importKey('raw', TEST_KEY_BYTES, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return key;
}
