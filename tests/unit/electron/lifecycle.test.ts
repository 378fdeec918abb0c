import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../electron/main/lifecycle';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';
import { removeTempDirs, tempDir } from './temp-dir';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

afterAll(removeTempDirs);
beforeEach(() => {
  resetFakeElectron();
  fakeElectron.app.userData = tempDir('ov-user-data-');
  fakeElectron.app.appPath = '/opt/open-village/resources/app.asar';
});

async function started() {
  startApp();
  fakeElectron.app.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
}
const topLabels = (template: unknown) => (template as MenuItemConstructorOptions[]).map((i) => i.label?.replace('&', ''));
function clickMenu(id: string): void {
  const search = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined =>
    items.map((i) => (i.id === id ? i : search((i.submenu ?? []) as MenuItemConstructorOptions[]))).find(Boolean);
  const item = search(fakeElectron.calls.menuTemplates.at(-1) as MenuItemConstructorOptions[]);
  if (!item) throw new Error(`menu item ${id} not found`);
  (item.click as () => void)();
}

describe('main process wiring', () => {
  it('registers the privileged scheme and sandboxing before ready, and quits without the lock', () => {
    fakeElectron.app.hasLock = false;
    startApp();
    expect(fakeElectron.calls.privilegedSchemes).toHaveLength(1);
    expect(fakeElectron.app.sandboxEnabled).toBe(true);
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(fakeElectron.handlers.size).toBe(0);
  });

  it('opens one secure window on the app origin with the preload from the package', async () => {
    const win = await started();
    expect(win.loadedUrl).toBe('app://open-village/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join('/opt/open-village/resources/app.asar', 'dist', 'electron', 'preload.cjs'),
    });
    expect(fakeElectron.calls.protocolHandlers.has('app')).toBe(true);
  });

  it('hardens the session and every web contents before the page loads', async () => {
    await started();
    const session = fakeElectron.session.defaultSession;
    const callback = vi.fn();
    (session.permissionRequestHandler as (...a: unknown[]) => void)(null, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const headers = vi.fn();
    (session.headersListener as (...a: unknown[]) => void)(
      { url: 'app://open-village/index.html', responseHeaders: {} },
      headers,
    );
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('starts with the Ukrainian menu, switches to English from the menu, remembers it, and tells the page', async () => {
    const win = await started();
    expect(topLabels(fakeElectron.calls.menuTemplates.at(-1))).toEqual(['Файл', 'Вигляд', 'Довідка']);
    clickMenu('language-en');
    expect(topLabels(fakeElectron.calls.menuTemplates.at(-1))).toEqual(['File', 'View', 'Help']);
    expect(win.webContents.sent).toEqual([['menu:command', 'set-language-en']]);
    expect(JSON.parse(readFileSync(join(fakeElectron.app.userData, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
    clickMenu('new-appeal');
    expect(win.webContents.sent.at(-1)).toEqual(['menu:command', 'new-appeal']);
  });

  it('restores the remembered language and switches it through app:set-language', async () => {
    writeFileSync(join(fakeElectron.app.userData, 'settings.json'), '{"language":"en"}');
    await started();
    expect(topLabels(fakeElectron.calls.menuTemplates.at(-1))).toEqual(['File', 'View', 'Help']);
    const setLanguage = fakeElectron.handlers.get('app:set-language') as (...a: unknown[]) => Promise<unknown>;
    const frame = { senderFrame: { url: 'app://open-village/index.html' } };
    expect(await setLanguage(frame, 'uk')).toEqual({ ok: true, value: undefined });
    expect(topLabels(fakeElectron.calls.menuTemplates.at(-1))).toEqual(['Файл', 'Вигляд', 'Довідка']);
  });

  it('remembers the window bounds on close and writes its log under userData/logs', async () => {
    const win = await started();
    win.emit('close');
    expect(JSON.parse(readFileSync(join(fakeElectron.app.userData, 'window-state.json'), 'utf8'))).toMatchObject({
      width: 1000,
      height: 700,
    });
    expect(readFileSync(join(fakeElectron.app.userData, 'logs', 'main.log'), 'utf8')).toContain('INFO starting');
  });
});
