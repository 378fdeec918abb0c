/**
 * The one place that knows whether the renderer runs inside Electron (window.api from the preload) or in a plain
 * browser. Everything else calls `platform` and never checks the environment itself.
 */
import { KEYRING_ERROR_CODES, type Language, type MenuCommand, type OpenVillageApi } from '../../shared/ipc/contract';
import { AppError } from '../../shared/lib/result';

export type { MenuCommand } from '../../shared/ipc/contract';

/** A saved login of the desktop app: the password is encrypted by the OS key store (Electron safeStorage) in main. */
export interface SavedCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

/** The OS key store wrapped around the operators' keyring (desktop: Electron safeStorage in main, which keeps nothing). */
export interface KeyringBox {
  /**
   * The text encrypted by the OS for this user, as base64; null when the OS offers no secure store right now.
   * Rejects on any other failure (an empty or over-long text, an OS error).
   */
  seal(text: string): Promise<string | null>;
  /** The text back; throws an Error when the bytes cannot be decrypted here (another user or PC, a reset key store) or are not a keyring. */
  open(sealed: string): Promise<string>;
}

export interface Platform {
  kind: 'electron' | 'browser';
  /**
   * Remembers the login securely where the platform can (desktop: safeStorage). The browser keeps no password at all:
   * it relies on CouchDB's HttpOnly session cookie, so `canStoreCredentials` is false there.
   */
  canStoreCredentials: boolean;
  saveCredentials(credentials: SavedCredentials): Promise<boolean>;
  loadCredentials(): Promise<SavedCredentials | null>;
  clearCredentials(): Promise<void>;
  /** Tells the desktop shell the UI language so its menu follows. */
  setLanguage(lang: Language): Promise<void>;
  /** Subscribes to commands from the native menu; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
  /**
   * True when "save as PDF" writes a file itself (desktop: Chromium renders A4 and a save dialog asks where). In a
   * browser both print and save open the browser's print dialog, whose printer list has "Save as PDF".
   */
  canSavePdf: boolean;
  /** Prints the current page with its print styles. */
  printPage(): Promise<PrintResult>;
  /** Saves the current page as an A4 PDF, suggesting this file name. */
  savePdf(fileName: string): Promise<PrintResult>;
  /** The OS key store as an outer layer of the operators' keyring (desktop: safeStorage); null in a browser. */
  keyringBox: KeyringBox | null;
}

/** What a print or save request came to; `failed` carries the reason in words from the system. */
export type PrintResult =
  | { outcome: 'printed' }
  | { outcome: 'saved'; filePath: string }
  | { outcome: 'cancelled' }
  | { outcome: 'dialog-shown' }
  | { outcome: 'failed'; reason: string };

/** The credential methods the preload adds (typed here until every build has them). */
interface CredentialsApi {
  saveCredentials?(c: SavedCredentials): Promise<{ ok: boolean }>;
  loadCredentials?(): Promise<{ ok: true; value: SavedCredentials | null } | { ok: false }>;
  clearCredentials?(): Promise<unknown>;
}

/** The keyring methods the preload adds (absent from a preload built before them: then no outer layer). */
type KeyringApi = Partial<Pick<OpenVillageApi, 'sealKeyring' | 'openKeyring'>>;

function electronKeyringBox(api: Required<KeyringApi>): KeyringBox {
  return {
    async seal(text) {
      const result = await api.sealKeyring(text);
      if (result.ok) return result.value;
      if (result.error.code === KEYRING_ERROR_CODES.unavailable) return null;
      // An AppError carrying the IPC code (`keyring/unreadable`, `keyring/unavailable`, `ipc/…`).
      throw new AppError(result.error.code, result.error.message);
    },
    async open(sealed) {
      const result = await api.openKeyring(sealed);
      if (result.ok) return result.value;
      throw new AppError(result.error.code, result.error.message);
    },
  };
}

function electronPlatform(api: Omit<OpenVillageApi, keyof KeyringApi> & KeyringApi & CredentialsApi): Platform {
  const { sealKeyring, openKeyring } = api;
  return {
    kind: 'electron',
    canStoreCredentials: typeof api.saveCredentials === 'function',
    async saveCredentials(credentials) {
      return (await api.saveCredentials?.(credentials))?.ok === true;
    },
    async loadCredentials() {
      const result = await api.loadCredentials?.();
      return result?.ok ? result.value : null;
    },
    async clearCredentials() {
      await api.clearCredentials?.();
    },
    async setLanguage(lang) {
      // A failure only leaves the native menu in the other language; the page itself has switched already.
      await api.setLanguage(lang);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    canSavePdf: true,
    async printPage() {
      const result = await api.printPage();
      if (!result.ok) return { outcome: 'failed', reason: result.error.message };
      return { outcome: result.value };
    },
    async savePdf(fileName) {
      const result = await api.savePdf({ fileName });
      if (!result.ok) return { outcome: 'failed', reason: result.error.message };
      return result.value.filePath === null ? { outcome: 'cancelled' } : { outcome: 'saved', filePath: result.value.filePath };
    },
    keyringBox:
      typeof sealKeyring === 'function' && typeof openKeyring === 'function'
        ? electronKeyringBox({ sealKeyring, openKeyring })
        : null,
  };
}

// The page's print dialog; absent where there is no window (Node tests).
const pagePrint = (): void => (globalThis as { print?: () => void }).print?.();

const browserPlatform: Platform = {
  kind: 'browser',
  canStoreCredentials: false,
  saveCredentials: async () => false,
  loadCredentials: async () => null,
  async clearCredentials() {
    // Nothing stored: the session cookie ends with logout.
  },
  async setLanguage() {
    // A browser has no native menu to translate.
  },
  onMenuCommand: () => () => undefined,
  canSavePdf: false,
  async printPage() {
    pagePrint();
    return { outcome: 'dialog-shown' };
  },
  async savePdf() {
    // A page cannot write files: the print dialog's "Save as PDF" destination does it (the screen says so).
    pagePrint();
    return { outcome: 'dialog-shown' };
  },
  // No OS key store reachable from a page: the password wraps alone protect the keyring.
  keyringBox: null,
};

// `window.api` exists only in Electron's page (the preload); globalThis is the window in a page and typechecks in Node.
const api = (globalThis as { api?: OpenVillageApi }).api;

export const platform: Platform = api ? electronPlatform(api) : browserPlatform;
