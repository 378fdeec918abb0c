/**
 * The `encryption` entry of a version 2 header (format.ts) and its checks. The parameters are read from the file, so
 * they are attacker-controlled: a header asking for fewer key-derivation iterations than MIN_ITERATIONS is refused
 * (otherwise a forged file could make the app accept a cheap-to-guess derivation), and one asking for more than
 * MAX_ITERATIONS too (otherwise a file could keep an old office PC busy for hours).
 */
import { isObject } from './file-checks';

/** Key derivation rounds written into new files (OWASP 2023 guidance for PBKDF2-HMAC-SHA256); ~0.3–1 s once per file. */
export const ITERATIONS = 600_000;
/** The fewest rounds a file may ask for when read. */
export const MIN_ITERATIONS = 100_000;
/** The most rounds a file may ask for when read (~20× today's, room for later versions to raise ITERATIONS). */
export const MAX_ITERATIONS = 12_000_000;

export const SALT_BYTES = 16;
/** 96 bits, the IV length AES-GCM is specified for; random per file, and each key (salt) encrypts one file only. */
export const IV_BYTES = 12;
export const KEY_CHECK_BYTES = 16;

export interface FileEncryption {
  alg: 'AES-256-GCM';
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  /** base64, 12 random bytes. */
  iv: string;
  /**
   * base64, 16 bytes derived from the passphrase alongside the key but independent of it (HKDF with another label):
   * a mismatch means the passphrase is wrong, so a wrong passphrase is told apart from a damaged file. It lets nobody
   * test guesses faster than the authentication tag already would (each guess still costs the full derivation).
   */
  keyCheck: string;
}

export function toBase64(bytes: Uint8Array): string {
  // 32 KB at a time: one call per byte is slow for scans of several MB, one call for all of them overflows the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

/** The bytes of a base64 string, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The decoded parameters, ready for the codec. */
export interface EncryptionParams {
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  keyCheck: Uint8Array;
}

/**
 * Why an `encryption` entry cannot be used: 'shape' (missing, or not an algorithm, salt, IV or check this app writes)
 * or 'iterations' (outside MIN_ITERATIONS..MAX_ITERATIONS); else its decoded parameters.
 */
export function readEncryption(v: unknown): EncryptionParams | 'shape' | 'iterations' {
  if (!isObject(v) || v.alg !== 'AES-256-GCM' || v.kdf !== 'PBKDF2-SHA256') return 'shape';
  if (typeof v.iterations !== 'number' || !Number.isInteger(v.iterations)) return 'shape';
  if (v.iterations < MIN_ITERATIONS || v.iterations > MAX_ITERATIONS) return 'iterations';
  const [salt, iv, keyCheck] = [v.salt, v.iv, v.keyCheck].map((s) => (typeof s === 'string' ? fromBase64(s) : null));
  if (salt?.length !== SALT_BYTES || iv?.length !== IV_BYTES || keyCheck?.length !== KEY_CHECK_BYTES) return 'shape';
  return { iterations: v.iterations, salt, iv, keyCheck };
}

/** Byte equality without an early exit (the check value is not secret, but there is no reason to leak timing). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
