/**
 * One running app per user: two instances would open the same IndexedDB profile and race on it.
 * A second launch (e.g. a double-click on the desktop shortcut) focuses the existing window instead.
 */
import type { BrowserWindow } from 'electron';

/** The slice of `app` this module needs (narrow, so tests can pass a fake). */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Takes the single-instance lock. Returns false (and asks the app to quit) when another instance holds it;
 * otherwise focuses the current window whenever a second instance starts.
 */
export function enforceSingleInstance(app: SingleInstanceApp, getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
