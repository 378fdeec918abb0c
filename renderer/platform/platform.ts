/**
 * The one place that knows whether the renderer runs inside Electron (window.api from the preload) or in a plain
 * browser. Everything else calls `platform` and never checks the environment itself.
 */
import type { Language, MenuCommand, OpenVillageApi } from '../../shared/ipc/contract';

export type { MenuCommand } from '../../shared/ipc/contract';

/** A saved login of the desktop app: the password is encrypted by the OS key store (Electron safeStorage) in main. */
export interface SavedCredentials {
  serverUrl: string;
  username: string;
  password: string;
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
}

/** The credential methods the preload adds (typed here until every build has them). */
interface CredentialsApi {
  saveCredentials?(c: SavedCredentials): Promise<{ ok: boolean }>;
  loadCredentials?(): Promise<{ ok: true; value: SavedCredentials | null } | { ok: false }>;
  clearCredentials?(): Promise<unknown>;
}

function electronPlatform(api: OpenVillageApi & CredentialsApi): Platform {
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
  };
}

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
};

// `window.api` exists only in Electron's page (the preload); globalThis is the window in a page and typechecks in Node.
const api = (globalThis as { api?: OpenVillageApi }).api;

export const platform: Platform = api ? electronPlatform(api) : browserPlatform;
