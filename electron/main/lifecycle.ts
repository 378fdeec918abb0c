/**
 * Wires the main process: order matters (scheme before `ready`, lock before anything touches the profile,
 * session guards before the first page loads). Each concern lives in its own module; this file only connects them.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import type { Language, MenuCommand } from '../../shared/ipc/contract';
import { buildCsp } from './content-security-policy';
import { createCredentialsStore, safeStorageBox } from './credentials-store';
import { createAppHandlers } from './ipc/app.ipc';
import { createCredentialsHandlers } from './ipc/credentials.ipc';
import { sendEvent } from './ipc/events';
import { type MainHandlers, registerInvokeHandlers } from './ipc/invoke-handlers';
import { createKeyringHandlers } from './ipc/keyring.ipc';
import { createPrintHandlers } from './ipc/print.ipc';
import { createFileLogger } from './logger';
import { createMainWindow } from './main-window';
import { installMenu } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { loadSettings, saveSettings } from './settings';
import { enforceSingleInstance } from './single-instance';
import { loadWindowState, trackWindowState } from './window-state';

const LANGUAGE_COMMANDS: Partial<Record<MenuCommand, Language>> = { 'set-language-uk': 'uk', 'set-language-en': 'en' };

/** Starts the app. Returns without opening anything when another instance already runs. */
export function startApp(): void {
  registerAppScheme(protocol);
  // Sandbox every renderer, including any created by a future module that forgets its webPreferences.
  app.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  if (!enforceSingleInstance(app, () => mainWindow)) return;

  const userData = app.getPath('userData');
  const log = createFileLogger(join(userData, 'logs'));
  const settingsFile = join(userData, 'settings.json');
  const windowStateFile = join(userData, 'window-state.json');
  const appPath = app.getAppPath();
  let settings = loadSettings(settingsFile);
  log.info('starting', { version: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged });

  // safeStorage is touched only from IPC handlers, i.e. after `ready` (it needs it on Windows and Linux).
  const secretBox = safeStorageBox(safeStorage, process.platform);
  const credentials = createCredentialsStore({ file: join(userData, 'credentials.json'), box: secretBox, log });
  // The page may connect to the saved council server and nowhere else; read once here, then kept by the handlers.
  let serverOrigin = credentials.savedServerOrigin();
  const contentSecurityPolicy = (): string => buildCsp({ serverOrigin });
  const onServerChange = (origin: string | null): void => {
    if (origin !== serverOrigin) log.info('council server changed', { origin });
    serverOrigin = origin;
  };

  app.on('web-contents-created', (_event, contents) => {
    // hardenWebContents calls openExternal only for allow-listed https URLs.
    const openExternal = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: see security.ts
    hardenWebContents(contents, { openExternal, log });
  });

  const applyLanguage = (language: Language): void => {
    if (language !== settings.language) {
      settings = { ...settings, language };
      saveSettings(settingsFile, settings, log);
    }
    installMenu({ language, isPackaged: app.isPackaged, platform: process.platform, onCommand: onMenuCommand });
  };
  // The menu switches its own language at once; the renderer hears the command and switches the UI.
  function onMenuCommand(command: MenuCommand): void {
    const language = LANGUAGE_COMMANDS[command];
    if (language) applyLanguage(language);
    sendEvent(mainWindow?.webContents, 'menu:command', command);
  }

  const handlers: MainHandlers = {
    ...createAppHandlers({
      getInfo: () => ({ version: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged }),
      setLanguage: applyLanguage,
    }),
    ...createCredentialsHandlers({ store: credentials, onServerChange }),
    ...createKeyringHandlers({ box: secretBox, log }),
    ...createPrintHandlers({
      dialog,
      windowOf: (contents) => BrowserWindow.fromWebContents(contents),
      defaultDir: () => app.getPath('documents'),
      language: () => settings.language,
      log,
    }),
  };
  registerInvokeHandlers(ipcMain, handlers, log);

  const openMainWindow = (): void => {
    const primary = screen.getPrimaryDisplay().workArea;
    const workAreas = screen.getAllDisplays().map((d) => d.workArea);
    const win = createMainWindow({
      state: loadWindowState(windowStateFile, workAreas, primary, log),
      preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
      isPackaged: app.isPackaged,
      log,
    });
    trackWindowState(win, windowStateFile, log);
    win.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = win;
  };

  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, log, contentSecurityPolicy);
      serveAppProtocol(protocol, join(appPath, 'dist', 'renderer'), log, contentSecurityPolicy);
      applyLanguage(settings.language);
      openMainWindow();
      // macOS re-opens a window from the dock; elsewhere closing the window quits.
      app.on('activate', () => {
        if (mainWindow === null) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      log.error('startup failed', { error: String(error) });
      app.quit();
    });
}
