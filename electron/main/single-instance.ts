/**
 * One running app per user: two instances would open the same IndexedDB profile and race on it.
 * A second launch (e.g. a double-click on the desktop shortcut) focuses the existing window instead.
 */
import type { App, BrowserWindow } from 'electron';

/**
 * Takes the single-instance lock. Returns false (and asks the app to quit) when another instance holds it;
 * otherwise focuses the current window whenever a second instance starts.
 */
export function enforceSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => BrowserWindow | null,
): boolean {
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
