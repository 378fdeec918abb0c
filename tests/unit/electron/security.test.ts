import { readFileSync } from 'node:fs';
import type { Session, WebContents } from 'electron';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isCspSafeOrigin } from '../../../electron/main/content-security-policy';
import { createMainWindow } from '../../../electron/main/main-window';
import {
  buildCsp,
  CONTENT_SECURITY_POLICY,
  createSecureBrowserWindow,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  withContentSecurityPolicy,
} from '../../../electron/main/security';
import { DEFAULT_WINDOW_STATE } from '../../../electron/main/window-state';
import { normaliseServerUrl } from '../../../shared/ipc/guards';
import { FakeBrowserWindow, FakeSession, FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

beforeEach(() => resetFakeElectron());

describe('BrowserWindow security options', () => {
  it('creates the main window isolated, sandboxed, without Node and with web security', () => {
    createMainWindow({
      state: DEFAULT_WINDOW_STATE,
      preloadPath: '/app/dist/electron/preload.cjs',
      isPackaged: true,
      log: memoryLogger(),
    });
    const win = FakeBrowserWindow.instances[0];
    const prefs = win?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(win?.loadedUrl).toBe('app://open-village/index.html');
    expect(win?.options.show).toBe(false);
  });

  it('keeps devtools for unpackaged development builds only', () => {
    createSecureBrowserWindow({}, { preloadPath: '/p.cjs', isPackaged: false });
    createSecureBrowserWindow({}, { preloadPath: '/p.cjs', isPackaged: true });
    const devTools = FakeBrowserWindow.instances.map((w) => (w.options.webPreferences as { devTools: boolean }).devTools);
    expect(devTools).toEqual([true, false]);
  });

  it('does not let callers smuggle webPreferences in through the window options', () => {
    const sneaky = { webPreferences: { nodeIntegration: true } } as unknown as Parameters<typeof createSecureBrowserWindow>[0];
    createSecureBrowserWindow(sneaky, { preloadPath: '/p.cjs', isPackaged: true });
    expect(FakeBrowserWindow.instances[0]?.options.webPreferences).toMatchObject({ nodeIntegration: false, sandbox: true });
  });

  it('shows the window maximized when it was closed maximized', () => {
    createMainWindow({
      state: { ...DEFAULT_WINDOW_STATE, isMaximized: true },
      preloadPath: '/p.cjs',
      isPackaged: true,
      log: memoryLogger(),
    });
    const win = FakeBrowserWindow.instances[0];
    win?.emit('ready-to-show');
    expect(win?.maximized).toBe(true);
    expect(win?.shown).toBe(true);
  });
});

describe('navigation and new windows', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const log = memoryLogger();
    hardenWebContents(contents as unknown as WebContents, { openExternal: fakeElectron.shell.openExternal, log });
    return { contents, log };
  }
  function navigate(contents: FakeWebContents, event: string, url: string): boolean {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  }

  it.each([
    'https://evil.example/phish',
    'http://zakon.rada.gov.ua/laws',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'javascript:alert(1)',
  ])('denies navigation to %s and does not open it', (url) => {
    const { contents } = guarded();
    expect(navigate(contents, 'will-navigate', url)).toBe(true);
    expect(navigate(contents, 'will-redirect', url)).toBe(true);
    expect(fakeElectron.calls.openedExternal).toEqual([]);
  });

  it('reads the target from event.url when Electron provides it', () => {
    const { contents } = guarded();
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault, url: 'https://evil.example/' }, 'app://open-village/index.html');
    expect(preventDefault).toHaveBeenCalled();
  });

  it('allows navigation inside the app origin', () => {
    const { contents } = guarded();
    expect(navigate(contents, 'will-navigate', 'app://open-village/index.html#/overview')).toBe(false);
  });

  it('opens allow-listed https links in the system browser, never in the app', () => {
    const { contents } = guarded();
    const url = 'https://zakon.rada.gov.ua/laws/show/393/96-вр';
    expect(navigate(contents, 'will-navigate', url)).toBe(true);
    expect(fakeElectron.calls.openedExternal).toEqual([url]);
  });

  it('denies every window.open, opening only allow-listed links externally', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://open-village/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://zakon.rada.gov.ua/' })).toEqual({ action: 'deny' });
    expect(fakeElectron.calls.openedExternal).toEqual(['https://zakon.rada.gov.ua/']);
  });

  it('refuses to attach a webview', () => {
    const { contents } = guarded();
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });

  it('treats credentials-in-URL and look-alike hosts as not allow-listed', () => {
    expect(isAllowedExternalUrl('https://user@zakon.rada.gov.ua/')).toBe(false);
    expect(isAllowedExternalUrl('https://zakon.rada.gov.ua.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});

describe('session hardening', () => {
  function hardened() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session, memoryLogger());
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])(
    'denies the %s permission request and check',
    (permission) => {
      const session = hardened();
      const callback = vi.fn();
      (session.permissionRequestHandler as (...a: unknown[]) => void)(null, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((session.permissionCheckHandler as (...a: unknown[]) => boolean)(null, permission, 'app://open-village', {})).toBe(
        false,
      );
    },
  );

  it('denies device access (USB, HID, serial)', () => {
    expect((hardened().devicePermissionHandler as () => boolean)()).toBe(false);
  });

  it('adds the strict CSP to the app pages, replacing any CSP the response had', () => {
    const session = hardened();
    const callback = vi.fn();
    (session.headersListener as (...a: unknown[]) => void)(
      {
        url: 'app://open-village/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Test': ['1'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('leaves responses of other origins unchanged', () => {
    const session = hardened();
    const callback = vi.fn();
    (session.headersListener as (...a: unknown[]) => void)({ url: 'https://example.org/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('keeps the policy strict: no inline or remote scripts, no objects, no framing, no forms', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; worker-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|frame-src/);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('gives the browser build the same policy in its meta tag, but for the network and framing', () => {
    // A meta CSP cannot carry frame-ancestors; in a browser the server address is typed at run time, so
    // connect-src allows http(s) there (Electron narrows it to the saved server).
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    const differs = (d: string) => d.startsWith('connect-src ') || d.startsWith('frame-ancestors ');
    expect(meta.split('; ').filter((d) => !differs(d))).toEqual(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !differs(d)));
    expect(meta).toContain("worker-src 'self'");
  });
});

describe('buildCsp', () => {
  const directives = (policy: string) => policy.split('; ');

  it('adds exactly the saved server to connect-src and changes nothing else', () => {
    const policy = buildCsp({ serverOrigin: 'https://rada.example:6984' });
    const strict = directives(CONTENT_SECURITY_POLICY);
    expect(directives(policy)).toEqual(
      strict.map((d) => (d === "connect-src 'self'" ? "connect-src 'self' https://rada.example:6984" : d)),
    );
    expect(buildCsp({ serverOrigin: 'http://192.168.1.20:5984' })).toContain("connect-src 'self' http://192.168.1.20:5984;");
    expect(buildCsp({ serverOrigin: null })).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'https://evil.example; script-src *',
    "https://evil.example 'unsafe-eval'",
    'https://a;b',
    "https://a'b",
    'https://a"b',
    'https://a,b',
    'https://evil.example https://other.example',
    'https://rada.example\r\nSet-Cookie: x=1',
    '*',
    'https://*.example',
    'https:',
    'https://rada.example/',
    'https://rada.example/path',
    'https://user@rada.example',
    'HTTPS://RADA.EXAMPLE',
    'javascript:alert(1)',
    'data:',
    "'self'",
    "'unsafe-inline'",
    'ws://rada.example',
    'https://[::1]:5984',
    'https://rada.example:0',
    '',
  ])('leaves out the hostile or malformed origin %j', (origin) => {
    expect(isCspSafeOrigin(origin)).toBe(false);
    expect(buildCsp({ serverOrigin: origin })).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never lets any string add a directive or a second server (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webUrl().map((u) => new URL(u).origin),
        ),
        (origin) => {
          const policy = directives(buildCsp({ serverOrigin: origin }));
          expect(policy).toHaveLength(10);
          const strict = directives(CONTENT_SECURITY_POLICY);
          policy.forEach((d, i) => {
            if (!d.startsWith('connect-src ')) expect(d).toBe(strict[i]);
          });
          const sources = policy[4]?.split(' ').slice(1) ?? [];
          expect(sources[0]).toBe("'self'");
          expect(sources.length).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts every server address the credentials guard accepts (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const origin = normaliseServerUrl(url);
        if (origin !== null) expect(isCspSafeOrigin(origin)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
