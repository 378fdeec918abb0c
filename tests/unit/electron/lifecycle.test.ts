import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../electron/main/lifecycle';
import { buildCsp, CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
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

  it('prints and saves as PDF the page that asks, the save dialog on its window, in Documents, in the menu language', async () => {
    const win = await started();
    fakeElectron.app.documents = tempDir('ov-documents-');
    const target = join(fakeElectron.app.documents, 'Розписка.pdf');
    fakeElectron.saveDialogAnswer.filePath = target;
    const event = { senderFrame: { url: 'app://open-village/index.html#/print/card/01J' }, sender: win.webContents };
    const handler = (channel: string) => fakeElectron.handlers.get(channel) as (...a: unknown[]) => Promise<unknown>;

    expect(await handler('print:page')(event)).toEqual({ ok: true, value: 'printed' });
    expect(win.webContents.printCalls).toHaveLength(1);
    expect(await handler('print:save-pdf')(event, { fileName: 'HLYBOKE.1-Б-17-card' })).toEqual({
      ok: true,
      value: { filePath: target },
    });
    expect(readFileSync(target).equals(win.webContents.pdf as Buffer)).toBe(true);
    clickMenu('language-en');
    await handler('print:save-pdf')(event, { fileName: 'HLYBOKE.1-Б-17-card' });
    const [uk, en] = fakeElectron.calls.saveDialogs;
    expect(uk?.window).toBe(win);
    expect(uk?.options).toMatchObject({
      title: 'Зберегти як PDF',
      defaultPath: join(fakeElectron.app.documents, 'HLYBOKE.1-Б-17-card.pdf'),
    });
    expect(en?.options.title).toBe('Save as PDF');
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

describe('CSP and the saved council server', () => {
  const frame = { senderFrame: { url: 'app://open-village/index.html' } };
  const invoke = (channel: string, ...args: unknown[]) =>
    (fakeElectron.handlers.get(channel) as (...a: unknown[]) => Promise<unknown>)(frame, ...args);
  async function policies(): Promise<[string | undefined, string | null]> {
    const headers = vi.fn();
    (fakeElectron.session.defaultSession.headersListener as (...a: unknown[]) => void)(
      { url: 'app://open-village/index.html', responseHeaders: {} },
      headers,
    );
    const answer = headers.mock.calls[0]?.[0] as { responseHeaders?: Record<string, string[]> } | undefined;
    const fromSession = answer?.responseHeaders?.['Content-Security-Policy']?.[0];
    const serve = fakeElectron.calls.protocolHandlers.get('app') as (r: Request) => Promise<Response>;
    const fromProtocol = (await serve(new Request('app://open-village/index.html'))).headers.get('content-security-policy');
    return [fromSession, fromProtocol];
  }

  it('allows the server saved in an earlier run, follows saves and clears, and keeps the password off the disk', async () => {
    writeFileSync(
      join(fakeElectron.app.userData, 'credentials.json'),
      JSON.stringify({ serverUrl: 'https://rada.example', username: 'u', password: 'dGVzdA==' }),
    );
    await started();
    const withSaved = buildCsp({ serverOrigin: 'https://rada.example' });
    expect((await policies())[0]).toBe(withSaved);

    const login = { serverUrl: 'http://10.0.0.5:5984/', username: 'starosta', password: 'ДужеТаємний1' };
    expect(await invoke('credentials:save', login)).toEqual({ ok: true, value: undefined });
    expect((await policies())[0]).toBe(buildCsp({ serverOrigin: 'http://10.0.0.5:5984' }));
    expect(readFileSync(join(fakeElectron.app.userData, 'credentials.json'), 'utf8')).not.toContain('ДужеТаємний1');
    expect(await invoke('credentials:load')).toEqual({ ok: true, value: { ...login, serverUrl: 'http://10.0.0.5:5984' } });

    expect(await invoke('credentials:clear')).toEqual({ ok: true, value: undefined });
    expect((await policies())[0]).toBe(CONTENT_SECURITY_POLICY);
    expect(readFileSync(join(fakeElectron.app.userData, 'logs', 'main.log'), 'utf8')).toContain('council server changed');
  });

  it('serves app pages with the same policy as the session adds', async () => {
    fakeElectron.app.appPath = tempDir('ov-app-');
    mkdirSync(join(fakeElectron.app.appPath, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(fakeElectron.app.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    writeFileSync(
      join(fakeElectron.app.userData, 'credentials.json'),
      JSON.stringify({ serverUrl: 'https://rada.example', username: 'u' }),
    );
    await started();
    const [fromSession, fromProtocol] = await policies();
    expect(fromProtocol).toBe(fromSession);
    expect(fromSession).toContain("connect-src 'self' https://rada.example;");
  });
});
