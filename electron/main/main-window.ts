/** Creates the one main window with the security baseline and the remembered bounds. */
import type { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import type { Logger } from './logger';
import { createSecureBrowserWindow } from './security';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowState } from './window-state';

export interface MainWindowOptions {
  state: WindowState;
  preloadPath: string;
  isPackaged: boolean;
  log: Logger;
}

/** Creates the window hidden, shows it once painted (no white flash), and loads the app page. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  const win = createSecureBrowserWindow(
    {
      width: state.width,
      height: state.height,
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      minWidth: MIN_WINDOW_WIDTH,
      minHeight: MIN_WINDOW_HEIGHT,
      show: false,
      backgroundColor: '#ffffff',
    },
    { preloadPath: options.preloadPath, isPackaged: options.isPackaged },
  );
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.log.error('app page failed to load', { error: String(error) }));
  return win;
}
