/**
 * The typed IPC contract between the Electron main process and the renderer (through the preload).
 * Pure types and constants: imported by electron/main, electron/preload and renderer/platform alike.
 * Channel names follow `area:verb-noun`. Every invoke returns a Result; handlers never throw across IPC
 * because thrown errors lose their fields when Electron serialises them.
 */
import type { Language } from '../lib/i18n-text';
import type { Result } from '../lib/result';

export type { Language } from '../lib/i18n-text';

/** What the app reports about itself (About dialog, diagnostics). */
export interface AppInfo {
  version: string;
  platform: string;
  isPackaged: boolean;
}

/** Commands the application menu sends to the renderer, which owns the screens. */
export const MENU_COMMANDS = [
  'new-appeal',
  'open-register',
  'open-overview',
  'find',
  'set-language-uk',
  'set-language-en',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeContract {
  'app:get-info': { args: []; value: AppInfo };
  'app:set-language': { args: [lang: Language]; value: undefined };
}
export type InvokeChannel = keyof InvokeContract;
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args'];
export type InvokeResult<C extends InvokeChannel> = Result<InvokeContract[C]['value']>;

/** One-way events (main → renderer only, `webContents.send` / `ipcRenderer.on`). */
export interface EventContract {
  'menu:command': MenuCommand;
}
export type EventChannel = keyof EventContract;

/**
 * The one handler map main must implement: a missing channel, an unknown channel, a wrong argument
 * or a wrong result type fails to compile. Arguments reach a handler only after the channel's guard
 * (shared/ipc/guards.ts) accepted them.
 */
export type InvokeHandlerMap<Ctx> = {
  [C in InvokeChannel]: (ctx: Ctx, ...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
};

/** What `window.api` exposes in Electron (absent in a plain browser). */
export interface OpenVillageApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  setLanguage(lang: Language): Promise<Result<void>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(cb: (cmd: MenuCommand) => void): () => void;
}

/** API method → invoke channel; the preload builds `window.api` from this table. */
export const API_INVOKE_CHANNELS = {
  getAppInfo: 'app:get-info',
  setLanguage: 'app:set-language',
} as const satisfies Partial<Record<keyof OpenVillageApi, InvokeChannel>>;

/** API method → event channel. */
export const API_EVENT_CHANNELS = {
  onMenuCommand: 'menu:command',
} as const satisfies Partial<Record<keyof OpenVillageApi, EventChannel>>;

/** Every key of `window.api`, in a stable order (tests check the preload exposes exactly these). */
export const API_KEYS = ['getAppInfo', 'setLanguage', 'onMenuCommand'] as const satisfies readonly (keyof OpenVillageApi)[];

/** Error codes the IPC layer itself returns (handlers may add their own). */
export const IPC_ERROR_CODES = {
  invalidPayload: 'ipc/invalid-payload',
  forbiddenSender: 'ipc/forbidden-sender',
  internal: 'ipc/internal',
} as const;
