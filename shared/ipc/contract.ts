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
  'lock',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The council server login this PC remembers (issue 3). `serverUrl` is always an origin (`https://host[:port]`,
 * no path): main normalises it on save and allows exactly that origin in the page's CSP `connect-src`.
 */
export interface ServerCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

/** Bounds main enforces on `credentials:save` (the renderer may reuse them to validate its form). */
export const CREDENTIALS_LIMITS = {
  serverUrlMaxLength: 2048,
  usernameMaxLength: 200,
  passwordMaxLength: 1000,
} as const;

/** What `print:page` reports: printed (sent to the printer), or the person closed the system dialog. */
export type PrintOutcome = 'printed' | 'cancelled';

/** `print:save-pdf` takes the file name to suggest in the save dialog; main sanitises it (shared/ipc/file-name.ts). */
export interface SavePdfRequest {
  fileName: string;
}

/** Where the PDF was written, or null when the person cancelled the save dialog. */
export interface SavePdfOutcome {
  filePath: string | null;
}

/** Bounds main enforces on `print:save-pdf`. */
export const PRINT_LIMITS = {
  fileNameMaxLength: 200,
} as const;

/**
 * Bounds main enforces on `keyring:*`. The keyring (operator names, salts, wrapped keys) is a few KB; the text must
 * also fit in `textMaxLength` UTF-8 bytes, so that its sealed form (tag, OS overhead, base64) always stays under
 * `sealedMaxLength` and `keyring:open` accepts whatever `keyring:seal` returned.
 */
export const KEYRING_LIMITS = {
  textMaxLength: 65_536,
  sealedMaxLength: 131_072,
} as const;

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeContract {
  'app:get-info': { args: []; value: AppInfo };
  'app:set-language': { args: [lang: Language]; value: undefined };
  'credentials:save': { args: [credentials: ServerCredentials]; value: undefined };
  'credentials:load': { args: []; value: ServerCredentials | null };
  'credentials:clear': { args: []; value: undefined };
  'keyring:seal': { args: [text: string]; value: string };
  'keyring:open': { args: [sealed: string]; value: string };
  'print:page': { args: []; value: PrintOutcome };
  'print:save-pdf': { args: [request: SavePdfRequest]; value: SavePdfOutcome };
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
  /**
   * Remembers the login, the password encrypted by the OS (safeStorage). Fails with `credentials/unavailable` when the
   * OS offers no secure store (then only the server and user name are kept, never the password), and with
   * `ipc/invalid-payload` for a bad URL (not http/https, credentials, path, query…) or over-long fields.
   * The new server is allowed in `connect-src` from the next page load on: reload the page after a change of server.
   */
  saveCredentials(credentials: ServerCredentials): Promise<Result<void>>;
  /** The remembered login, or null when none is saved or it cannot be decrypted any more (ask for the password). */
  loadCredentials(): Promise<Result<ServerCredentials | null>>;
  /** Forgets the login and removes the server from `connect-src` (from the next page load on). */
  clearCredentials(): Promise<Result<void>>;
  /**
   * Encrypts the operators' keyring with the OS key store (safeStorage) as an outer layer; answers the bytes as
   * base64. Main keeps nothing. Fails with `keyring/unavailable` when the OS offers no secure store (Linux without a
   * secret service), and with `ipc/invalid-payload` for an empty text or one over `KEYRING_LIMITS.textMaxLength`.
   */
  sealKeyring(text: string): Promise<Result<string>>;
  /**
   * The keyring text back from `sealKeyring`'s base64. Fails with `keyring/unreadable` when the bytes cannot be
   * decrypted here (another user or PC, a reset key store) or are not a sealed keyring (any other safeStorage blob),
   * with `keyring/unavailable` when the OS store is unavailable now, and with `ipc/invalid-payload` for bad base64.
   */
  openKeyring(sealed: string): Promise<Result<string>>;
  /** Prints the calling page (its print styles) through the system print dialog. */
  printPage(): Promise<Result<PrintOutcome>>;
  /** Renders the calling page to an A4 PDF and writes it where the person chooses in a save dialog. */
  savePdf(request: SavePdfRequest): Promise<Result<SavePdfOutcome>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(cb: (cmd: MenuCommand) => void): () => void;
}

/** API method → invoke channel; the preload builds `window.api` from this table. */
export const API_INVOKE_CHANNELS = {
  getAppInfo: 'app:get-info',
  setLanguage: 'app:set-language',
  saveCredentials: 'credentials:save',
  loadCredentials: 'credentials:load',
  clearCredentials: 'credentials:clear',
  sealKeyring: 'keyring:seal',
  openKeyring: 'keyring:open',
  printPage: 'print:page',
  savePdf: 'print:save-pdf',
} as const satisfies Partial<Record<keyof OpenVillageApi, InvokeChannel>>;

/** API method → event channel. */
export const API_EVENT_CHANNELS = {
  onMenuCommand: 'menu:command',
} as const satisfies Partial<Record<keyof OpenVillageApi, EventChannel>>;

/** Every key of `window.api`, in a stable order (tests check the preload exposes exactly these). */
export const API_KEYS = [
  'getAppInfo',
  'setLanguage',
  'saveCredentials',
  'loadCredentials',
  'clearCredentials',
  'sealKeyring',
  'openKeyring',
  'printPage',
  'savePdf',
  'onMenuCommand',
] as const satisfies readonly (keyof OpenVillageApi)[];

/** Error codes the IPC layer itself returns (handlers may add their own). */
export const IPC_ERROR_CODES = {
  invalidPayload: 'ipc/invalid-payload',
  forbiddenSender: 'ipc/forbidden-sender',
  internal: 'ipc/internal',
} as const;

/** Error codes of the `credentials:*` channels. */
export const CREDENTIALS_ERROR_CODES = {
  /** The OS has no secure store (Linux without a keyring): the password was not remembered; ask for it at each start. */
  unavailable: 'credentials/unavailable',
} as const;

/** Error codes of the `keyring:*` channels. */
export const KEYRING_ERROR_CODES = {
  /** The OS has no secure store (Linux without a secret service, `basic_text`): no outer layer on this PC. */
  unavailable: 'keyring/unavailable',
  /** The bytes cannot be decrypted here (another user or PC, a reset key store) or are not a sealed keyring. */
  unreadable: 'keyring/unreadable',
} as const;

/** Error codes of the `print:*` channels. */
export const PRINT_ERROR_CODES = {
  /** The page could not be printed or rendered to PDF (no printer, renderer gone…); the reason is in the message. */
  failed: 'print/failed',
  /** The PDF was rendered but could not be written where the person chose (read-only folder, disk full…). */
  writeFailed: 'print/write-failed',
} as const;
