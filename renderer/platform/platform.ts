/**
 * The one place that knows whether the renderer runs inside Electron (window.api from the preload) or in a plain
 * browser. Everything else calls `platform` and never checks the environment itself.
 */
import type { Language, MenuCommand, OpenVillageApi } from '../../shared/ipc/contract';

export type { MenuCommand } from '../../shared/ipc/contract';

export interface Platform {
  kind: 'electron' | 'browser';
  /** Tells the desktop shell the UI language so its menu follows. */
  setLanguage(lang: Language): Promise<void>;
  /** Subscribes to commands from the native menu; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}

function electronPlatform(api: OpenVillageApi): Platform {
  return {
    kind: 'electron',
    async setLanguage(lang) {
      // A failure only leaves the native menu in the other language; the page itself has switched already.
      await api.setLanguage(lang);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}

const browserPlatform: Platform = {
  kind: 'browser',
  async setLanguage() {
    // A browser has no native menu to translate.
  },
  onMenuCommand: () => () => undefined,
};

const api = typeof window === 'undefined' ? undefined : window.api;

export const platform: Platform = api ? electronPlatform(api) : browserPlatform;
