import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enforceSingleInstance } from '../../../electron/main/single-instance';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

beforeEach(() => resetFakeElectron());

describe('single instance', () => {
  it('quits when another instance holds the lock', () => {
    fakeElectron.app.hasLock = false;
    expect(enforceSingleInstance(fakeElectron.app, () => null)).toBe(false);
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running with the lock and focuses the restored window on a second launch', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    expect(enforceSingleInstance(fakeElectron.app, () => win as unknown as BrowserWindow)).toBe(true);
    expect(fakeElectron.app.quitCalls).toBe(0);
    fakeElectron.app.emit('second-instance', {}, ['open-village'], '/');
    expect(win.minimized).toBe(false);
    expect(win.shown).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('ignores a second launch before the window exists or after it was destroyed', () => {
    const win = new FakeBrowserWindow({});
    win.destroyed = true;
    let current: FakeBrowserWindow | null = null;
    enforceSingleInstance(fakeElectron.app, () => current as unknown as BrowserWindow | null);
    expect(() => fakeElectron.app.emit('second-instance')).not.toThrow();
    current = win;
    fakeElectron.app.emit('second-instance');
    expect(win.focused).toBe(false);
  });
});
