/**
 * Remembers the council server login (issue 3) in `userData/credentials.json`: the server and user name in clear
 * (not secrets: the renderer's sync settings hold them too), the password only as the bytes the OS encrypted for
 * this user (safeStorage; base64). Never plain text: without a secure store the password is not kept at all.
 */
import { rmSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import { CREDENTIALS_ERROR_CODES, type ServerCredentials } from '../../shared/ipc/contract';
import { normaliseServerUrl, parseServerCredentials } from '../../shared/ipc/guards';
import { err, ok, type Result } from '../../shared/lib/result';
import { readJsonFile, writeJsonFile } from './json-file';
import type { Logger } from './logger';

/** The OS encryption the store relies on (Electron's safeStorage in the app, a fake in tests). */
export interface SecretBox {
  /** True when the OS can encrypt for this user with a real secret (DPAPI, Keychain, a Linux keyring). */
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  /** Throws when the bytes cannot be decrypted (another user or machine, a reset keyring, corruption). */
  decrypt(encrypted: Buffer): Promise<{ text: string; shouldReEncrypt: boolean }>;
}

export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * Adapts Electron's safeStorage. Uses the async API: the sync one is deprecated in Electron 45 and removed in 46
 * (its ciphertext stays readable by `decryptStringAsync`). On Linux without a secret service Chromium "encrypts"
 * with a hard-coded key (backend `basic_text`): that is plain text in disguise, so it counts as unavailable, and so
 * does `unknown` (no backend chosen), failing safe.
 */
export function safeStorageBox(safeStorage: SafeStorageApi, platform: NodeJS.Platform): SecretBox {
  return {
    async isAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend();
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    async decrypt(encrypted) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { text: result, shouldReEncrypt };
    },
  };
}

/** What credentials.json holds. `password` is absent when the OS had no secure store at save time. */
interface StoredCredentials {
  serverUrl: string;
  username: string;
  password?: string;
}

const FILE_MODE = 0o600;
// Strict base64 of at most ~6 KB: safeStorage output for a 1,000-character password is far below that.
const BASE64 = /^(?=.{4,8192}$)(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function parseStored(value: unknown): StoredCredentials | null {
  if (typeof value !== 'object' || value === null) return null;
  const { serverUrl, username, password } = value as Record<string, unknown>;
  const origin = normaliseServerUrl(serverUrl);
  if (origin === null || typeof username !== 'string') return null;
  if (password === undefined) return { serverUrl: origin, username };
  if (typeof password !== 'string' || !BASE64.test(password)) return null;
  return { serverUrl: origin, username, password };
}

export interface CredentialsStore {
  /**
   * Encrypts and writes the login (already validated by the IPC guard). Without a secure store it keeps only the
   * server and user name (so the CSP still lets the page reach the server) and fails with `credentials/unavailable`.
   */
  save(credentials: ServerCredentials): Promise<Result<undefined>>;
  /** The saved login, or null when there is none or it cannot be read or decrypted (reason logged). */
  load(): Promise<ServerCredentials | null>;
  /** Forgets the login (removes the file). */
  clear(): void;
  /** The saved server's origin, read without touching the OS key store (for the CSP at start-up). */
  savedServerOrigin(): string | null;
}

export interface CredentialsStoreDeps {
  file: string;
  box: SecretBox;
  log: Logger;
}

/**
 * A corrupt or undecryptable file is reported as "nothing saved" and left in place: decryption often fails for a
 * passing reason (a Linux keyring not unlocked yet), deleting it would lose the password for good, it holds no
 * plain-text secret, and the next save replaces it atomically (or clear removes it).
 */
export function createCredentialsStore(deps: CredentialsStoreDeps): CredentialsStore {
  const { file, box, log } = deps;
  const write = (record: StoredCredentials): void => writeJsonFile(file, record, { mode: FILE_MODE });

  const readStored = (): StoredCredentials | null | 'corrupt' => {
    const read = readJsonFile(file);
    if (read.status === 'missing') return null;
    return (read.status === 'ok' ? parseStored(read.value) : null) ?? 'corrupt';
  };

  return {
    async save(credentials) {
      const { serverUrl, username, password } = credentials;
      if (!(await box.isAvailable())) {
        write({ serverUrl, username });
        log.warn('password not remembered: no secure storage on this system');
        return err({
          code: CREDENTIALS_ERROR_CODES.unavailable,
          message: 'This system offers no secure storage: the password cannot be remembered',
        });
      }
      const encrypted = await box.encrypt(password);
      write({ serverUrl, username, password: encrypted.toString('base64') });
      return ok(undefined);
    },

    async load() {
      const stored = readStored();
      if (stored === null) return null;
      if (stored === 'corrupt') {
        log.warn('saved login ignored: unreadable file');
        return null;
      }
      // Saved while the OS had no secure store: the renderer asks for the password.
      if (stored.password === undefined) return null;
      if (!(await box.isAvailable())) {
        log.warn('saved login ignored: secure storage unavailable');
        return null;
      }
      let decrypted: { text: string; shouldReEncrypt: boolean };
      try {
        decrypted = await box.decrypt(Buffer.from(stored.password, 'base64'));
      } catch (error) {
        log.warn('saved login ignored: cannot decrypt', { reason: error instanceof Error ? error.message : String(error) });
        return null;
      }
      const parsed = parseServerCredentials({ serverUrl: stored.serverUrl, username: stored.username, password: decrypted.text });
      if (!parsed.ok) {
        log.warn('saved login ignored: invalid content');
        return null;
      }
      if (decrypted.shouldReEncrypt) {
        // The OS rotated its key: store the password under the new one. Failing only delays that to the next start.
        try {
          write({ ...stored, password: (await box.encrypt(decrypted.text)).toString('base64') });
        } catch (error) {
          log.warn('saved login not re-encrypted', { reason: error instanceof Error ? error.message : String(error) });
        }
      }
      return parsed.value;
    },

    clear() {
      rmSync(file, { force: true });
      rmSync(`${file}.tmp`, { force: true });
    },

    savedServerOrigin() {
      const stored = readStored();
      return stored === null || stored === 'corrupt' ? null : stored.serverUrl;
    },
  };
}
