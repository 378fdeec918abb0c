/**
 * The one place that knows whether the renderer runs inside Electron (window.api from the preload) or in a plain
 * browser. Everything else calls `platform` and never checks the environment itself.
 */
export type MenuCommandName =
  | 'new-appeal'
  | 'open-register'
  | 'open-overview'
  | 'find'
  | 'set-language-uk'
  | 'set-language-en'
  | 'about';

export interface Platform {
  kind: 'electron' | 'browser';
  /** Tells the desktop shell the UI language so its menu follows. */
  setLanguage(lang: 'uk' | 'en'): Promise<void>;
  /** Subscribes to commands from the native menu; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommandName) => void): () => void;
}

interface PreloadApi {
  setLanguage(lang: 'uk' | 'en'): Promise<unknown>;
  onMenuCommand(cb: (cmd: MenuCommandName) => void): () => void;
}

function electronPlatform(api: PreloadApi): Platform {
  return {
    kind: 'electron',
    async setLanguage(lang) {
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

const api = (globalThis as { api?: PreloadApi }).api;

export const platform: Platform = api ? electronPlatform(api) : browserPlatform;
