/**
 * The passphrase that protects a backup or transfer file (format v2, shared/transfer/format.ts). The app never stores
 * it: the operator types it when making a file and again when opening one, so a lost USB stick gives nothing away.
 */

/** The shortest passphrase accepted: below this, guessing it offline against a found file takes too little time. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * The bytes a passphrase stands for. Unicode NFC first: the same Ukrainian letters typed on two keyboards (й as one
 * code point, or и plus a combining breve) must open the same file.
 */
export function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

/** True when the passphrase is long enough (counted in characters as people count them, after NFC). */
export function isPassphraseLongEnough(passphrase: string): boolean {
  return [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH;
}
