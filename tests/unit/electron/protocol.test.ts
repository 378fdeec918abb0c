import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  resolveRendererFile,
  serveAppProtocol,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { fakeElectron, resetFakeElectron } from './fake-electron';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const root = join(tmpdir(), 'ov-renderer-root');
let dir: string;

beforeAll(() => {
  const base = tempDir('ov-protocol-');
  dir = join(base, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  // A secret next to the renderer folder: traversal must never reach it.
  writeFileSync(join(base, 'secret.txt'), 'secret');
});
afterAll(removeTempDirs);
beforeEach(() => resetFakeElectron());

describe('resolveAppPath', () => {
  it.each([
    ['app://open-village/', 'index.html'],
    ['app://open-village/index.html', 'index.html'],
    ['app://open-village/assets/index-abc.js', join('assets', 'index-abc.js')],
    ['app://open-village/assets/a%20b.css?v=1#x', join('assets', 'a b.css')],
    // WHATWG parsing (Node and Chromium alike) collapses dot segments, plain or %2e-encoded, at the root:
    // these stay inside the renderer folder.
    ['app://open-village/../../etc/passwd', join('etc', 'passwd')],
    ['app://open-village/%2e%2e/%2e%2e/etc/passwd', join('etc', 'passwd')],
    ['app://open-village/assets/%2E%2E/%2e/index.html', 'index.html'],
  ])('maps %s inside the renderer folder', (url, rel) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, value: join(root, rel) });
  });

  it.each([
    'app://open-village/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://open-village/..%2f..%2fetc%2fpasswd',
    'app://open-village/..%5c..%5cwindows%5cwin.ini',
    'app://open-village/assets%5c..%5c..%5csecret.txt',
    'app://open-village/index.html%00.png',
  ])('refuses traversal in %s', (url) => {
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('protocol/traversal');
  });

  it.each(['../../etc/passwd', '/assets/../../secret.txt', '/./index.html', '/..', 'C:\\Windows\\win.ini'])(
    'refuses the raw path %s even if the URL parser let it through',
    (pathname) => {
      expect(resolveRendererFile(root, pathname)).toMatchObject({ ok: false, error: { code: 'protocol/traversal' } });
    },
  );

  it.each([
    ['app://other-host/index.html', 'protocol/wrong-origin'],
    ['https://open-village/index.html', 'protocol/wrong-origin'],
    ['app://open-village/%E0%A4%A', 'protocol/bad-url'],
    ['not a url', 'protocol/bad-url'],
  ])('refuses %s', (url, code) => {
    expect(resolveAppPath(root, url)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('app protocol handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(dir, memoryLogger())(new Request(url, { method }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const res = await get('app://open-village/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ok</title>');
  });

  it('asks for the current policy on every response', async () => {
    let policy = "default-src 'self'; connect-src 'self' https://a.example";
    const handler = createAppProtocolHandler(dir, memoryLogger(), { policy: () => policy });
    expect((await handler(new Request('app://open-village/'))).headers.get('content-security-policy')).toBe(policy);
    policy = "default-src 'self'; connect-src 'self'";
    expect((await handler(new Request('app://open-village/'))).headers.get('content-security-policy')).toBe(policy);
  });

  it('serves scripts as JavaScript', async () => {
    const res = await get('app://open-village/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('never serves the file next to the renderer folder', async () => {
    const encodedSlash = await get('app://open-village/..%2fsecret.txt');
    expect(encodedSlash.status).toBe(403);
    expect(await encodedSlash.text()).toBe('');
    // %2e%2e is collapsed by the URL parser, so this asks for <root>/secret.txt, which does not exist.
    const encodedDots = await get('app://open-village/%2e%2e/secret.txt');
    expect(encodedDots.status).toBe(404);
    expect(await encodedDots.text()).toBe('');
  });

  it('answers 404 to a missing file and 405 to a POST', async () => {
    expect((await get('app://open-village/missing.js')).status).toBe(404);
    expect((await get('app://open-village/index.html', 'POST')).status).toBe(405);
  });

  it('registers a standard, secure, fetch- and CORS-enabled scheme and serves it', () => {
    registerAppScheme(fakeElectron.protocol);
    expect(fakeElectron.calls.privilegedSchemes).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true });
    serveAppProtocol(fakeElectron.protocol, dir, memoryLogger());
    expect(fakeElectron.calls.protocolHandlers.has('app')).toBe(true);
  });
});
