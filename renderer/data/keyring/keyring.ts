/**
 * The operators' keyring of one PC: the random data key that seals the local database (sealed-storage.ts), wrapped
 * once per operator under a key derived from their password, and once under a recovery code printed at setup. The
 * data key never exists unwrapped outside memory. Pure WebCrypto: PBKDF2-SHA256 (600,000 rounds, the same as the
 * encrypted backup files) gives an AES-KW key; AES-KW checks integrity on unwrap, so a wrong password simply fails to
 * unwrap. Changing a password re-wraps 40 bytes; no record is sealed again.
 */
import {
  fromBase64,
  ITERATIONS,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  SALT_BYTES,
  toBase64,
} from '../../../shared/transfer/encryption';

/** One wrapped copy of the data key. */
export interface Wrap {
  salt: string;
  iterations: number;
  /** AES-KW of the 256-bit data key: 40 bytes, base64. */
  wrapped: string;
}

export interface OperatorEntry extends Wrap {
  /** As the operator signs records: surname and initials. Staff, not residents: shown on the lock screen. */
  name: string;
}

export interface Keyring {
  version: 1;
  operators: OperatorEntry[];
  recovery: Wrap;
  /** Lock after this many minutes without input (0: never). */
  idleMinutes: number;
  /** Wrong passwords since the last sign-in, to slow guessing down at this PC and to show the count. */
  failures: number;
  lastFailureAt: string | null;
}

export const DEFAULT_IDLE_MINUTES = 10;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_OPERATORS = 20;

const encoder = new TextEncoder();
const normalise = (secret: string) => secret.normalize('NFC');

async function passwordKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(normalise(secret)), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, secret: string): Promise<Wrap> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kek = await passwordKey(secret, salt, ITERATIONS);
  const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW'));
  return { salt: toBase64(salt), iterations: ITERATIONS, wrapped: toBase64(wrapped) };
}

/** The data key under this wrap, or null when the secret is wrong (or the wrap is damaged). */
async function unwrap(entry: Wrap, secret: string, extractable = false): Promise<CryptoKey | null> {
  const salt = fromBase64(entry.salt);
  const wrapped = fromBase64(entry.wrapped);
  if (!salt || !wrapped || entry.iterations < MIN_ITERATIONS || entry.iterations > MAX_ITERATIONS) return null;
  const kek = await passwordKey(secret, salt as Uint8Array<ArrayBuffer>, entry.iterations);
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped as Uint8Array<ArrayBuffer>, kek, 'AES-KW', 'AES-GCM', extractable, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return null;
  }
}

/** Recovery codes: 20 random bytes as 32 letters and digits in groups of four (no 0/O, 1/I/L to misread). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newRecoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return (chars.match(/.{4}/g) ?? []).join('-');
}

/** A typed recovery code in the form it was issued (case, spaces and dashes do not matter). */
export function normaliseRecoveryCode(typed: string): string {
  const chars = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return (chars.match(/.{1,4}/g) ?? []).join('-');
}

export const findOperator = (keyring: Keyring, name: string) =>
  keyring.operators.find((o) => o.name.toLocaleLowerCase('uk') === name.trim().toLocaleLowerCase('uk'));

/** A new keyring with its first operator: a fresh data key, its wraps, and the recovery code to print once. */
export async function createKeyring(
  name: string,
  password: string,
): Promise<{ keyring: Keyring; dataKey: CryptoKey; recoveryCode: string }> {
  const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const recoveryCode = newRecoveryCode();
  const [operator, recovery] = await Promise.all([wrap(extractable, password), wrap(extractable, recoveryCode)]);
  const keyring: Keyring = {
    version: 1,
    operators: [{ name: name.trim(), ...operator }],
    recovery,
    idleMinutes: DEFAULT_IDLE_MINUTES,
    failures: 0,
    lastFailureAt: null,
  };
  // The key the session uses cannot be read out by script; the extractable one is dropped here.
  const dataKey = (await unwrap(operator, password)) as CryptoKey;
  return { keyring, dataKey, recoveryCode };
}

/** The data key for this operator and password, or null when either is wrong. */
export async function unlock(keyring: Keyring, name: string, password: string): Promise<CryptoKey | null> {
  const entry = findOperator(keyring, name);
  return entry ? unwrap(entry, password) : null;
}

/** The data key for the recovery code, or null when it is wrong. */
export function unlockWithRecovery(keyring: Keyring, code: string): Promise<CryptoKey | null> {
  return unwrap(keyring.recovery, normaliseRecoveryCode(code));
}

/**
 * Adds an operator, or sets a new password for one who exists (a forgotten password: another operator or the recovery
 * code vouches). `proof` is the signed-in operator's password or the recovery code; returns null when it is wrong.
 */
export async function setOperator(
  keyring: Keyring,
  proof: { operator: string; password: string } | { recoveryCode: string },
  name: string,
  password: string,
): Promise<Keyring | null> {
  const extractable =
    'recoveryCode' in proof
      ? await unwrap(keyring.recovery, normaliseRecoveryCode(proof.recoveryCode), true)
      : await (async () => {
          const entry = findOperator(keyring, proof.operator);
          return entry ? unwrap(entry, proof.password, true) : null;
        })();
  if (!extractable) return null;
  const entry: OperatorEntry = { name: name.trim(), ...(await wrap(extractable, password)) };
  const others = keyring.operators.filter((o) => o !== findOperator(keyring, name));
  return { ...keyring, operators: [...others, entry] };
}

/** Removes an operator (never the last one). */
export function removeOperator(keyring: Keyring, name: string): Keyring {
  const entry = findOperator(keyring, name);
  if (!entry || keyring.operators.length <= 1) return keyring;
  return { ...keyring, operators: keyring.operators.filter((o) => o !== entry) };
}

/**
 * How long the lock screen makes the next attempt wait after `failures` wrong passwords in a row: none for the first
 * three (typos), then 2, 4, 8… seconds up to 5 minutes. It slows a person at the PC; someone with a copy of the files
 * still pays the 600,000 rounds per guess.
 */
export function retryDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300_000, 1000 * 2 ** (failures - 2));
}

/** When the next attempt may start (ISO), or null when at once. */
export function nextAttemptAt(keyring: Keyring): number | null {
  const delay = retryDelayMs(keyring.failures);
  if (delay === 0 || !keyring.lastFailureAt) return null;
  return Date.parse(keyring.lastFailureAt) + delay;
}

/** Checks a keyring read from storage; null when it is not one this version wrote. */
export function parseKeyring(value: unknown): Keyring | null {
  if (typeof value !== 'object' || value === null) return null;
  const k = value as Partial<Keyring>;
  const isWrap = (w: unknown): w is Wrap =>
    typeof w === 'object' &&
    w !== null &&
    typeof (w as Wrap).salt === 'string' &&
    typeof (w as Wrap).wrapped === 'string' &&
    Number.isInteger((w as Wrap).iterations);
  if (k.version !== 1 || !Array.isArray(k.operators) || k.operators.length === 0 || !isWrap(k.recovery)) return null;
  if (!k.operators.every((o) => isWrap(o) && typeof o.name === 'string' && o.name.length > 0)) return null;
  return {
    version: 1,
    operators: k.operators,
    recovery: k.recovery,
    idleMinutes:
      Number.isInteger(k.idleMinutes) && (k.idleMinutes as number) >= 0 ? (k.idleMinutes as number) : DEFAULT_IDLE_MINUTES,
    failures: Number.isInteger(k.failures) && (k.failures as number) >= 0 ? (k.failures as number) : 0,
    lastFailureAt: typeof k.lastFailureAt === 'string' ? k.lastFailureAt : null,
  };
}
