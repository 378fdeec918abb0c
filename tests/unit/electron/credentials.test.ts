import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildCsp, CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';
import { createCredentialsStore, safeStorageBox } from '../../../electron/main/credentials-store';
import { createAppHandlers } from '../../../electron/main/ipc/app.ipc';
import { createCredentialsHandlers } from '../../../electron/main/ipc/credentials.ipc';
import { type MainHandlers, registerInvokeHandlers } from '../../../electron/main/ipc/invoke-handlers';
import { createKeyringHandlers } from '../../../electron/main/ipc/keyring.ipc';
import { createPrintHandlers } from '../../../electron/main/ipc/print.ipc';
import { CREDENTIALS_ERROR_CODES, IPC_ERROR_CODES } from '../../../shared/ipc/contract';
import { FakeSafeStorage, fakeElectron, resetFakeElectron } from './fake-electron';
import { fakePrintDeps } from './print-deps';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
afterAll(removeTempDirs);

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const APP_FRAME = { senderFrame: { url: 'app://open-village/index.html#/settings' } };
const LOGIN = { serverUrl: 'https://rada.example:6984', username: 'starosta.lypky', password: 'Пароль-з-кирилицею 42!' };

/** Main's credentials handlers on a temp userData, the CSP following them as lifecycle.ts wires it. */
function setup(options: { platform?: NodeJS.Platform } = {}) {
  resetFakeElectron();
  const dir = tempDir('ov-credentials-');
  const file = join(dir, 'credentials.json');
  const safeStorage = new FakeSafeStorage();
  const log = memoryLogger();
  const box = safeStorageBox(safeStorage, options.platform ?? 'linux');
  const store = createCredentialsStore({ file, box, log });
  let serverOrigin = store.savedServerOrigin();
  const handlers: MainHandlers = {
    ...createAppHandlers({
      getInfo: () => ({ version: '0', platform: 'linux', isPackaged: true }),
      setLanguage: () => undefined,
    }),
    ...createCredentialsHandlers({
      store,
      onServerChange: (origin) => {
        serverOrigin = origin;
      },
    }),
    ...createKeyringHandlers({ box, log }),
    ...createPrintHandlers({ ...fakePrintDeps(), log }),
  };
  registerInvokeHandlers(fakeElectron.ipcMain, handlers, log);
  const invoke = (channel: string, event: unknown, ...args: unknown[]) =>
    (fakeElectron.handlers.get(channel) as Invoke)(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  const csp = () => buildCsp({ serverOrigin });
  return { dir, file, safeStorage, log, store, invoke, csp };
}

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src '));

describe('credentials:save and credentials:load', () => {
  it('round-trips the login through the OS encryption', async () => {
    const { invoke, safeStorage } = setup();
    expect(await invoke('credentials:save', APP_FRAME, LOGIN)).toEqual({ ok: true, value: undefined });
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: LOGIN });
    expect(safeStorage.calls).toContain('encryptStringAsync');
    expect(safeStorage.calls).toContain('decryptStringAsync');
  });

  it('never writes the password in plain text (nor base64, hex or UTF-16 of it)', async () => {
    const { invoke, file } = setup();
    await invoke('credentials:save', APP_FRAME, LOGIN);
    const bytes = readFileSync(file);
    const plain = Buffer.from(LOGIN.password, 'utf8');
    for (const needle of [
      plain,
      Buffer.from(plain.toString('base64')),
      Buffer.from(plain.toString('base64url')),
      Buffer.from(plain.toString('hex')),
      Buffer.from(LOGIN.password, 'utf16le'),
      Buffer.from('42!'),
    ]) {
      expect(bytes.includes(needle)).toBe(false);
    }
    const stored = JSON.parse(bytes.toString('utf8')) as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual(['password', 'serverUrl', 'username']);
    expect(stored).toMatchObject({ serverUrl: LOGIN.serverUrl, username: LOGIN.username });
    expect(Buffer.from(stored.password ?? '', 'base64').equals(plain)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('writes the file with mode 0600 and leaves no temp file', async () => {
    const { invoke, file } = setup();
    // A looser file from an earlier version is replaced, not reused.
    writeFileSync(file, '{}', { mode: 0o644 });
    await invoke('credentials:save', APP_FRAME, LOGIN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('normalises the server address to its origin', async () => {
    const { invoke } = setup();
    await invoke('credentials:save', APP_FRAME, { ...LOGIN, serverUrl: 'HTTPS://Rada.Example:443/' });
    expect(await invoke('credentials:load', APP_FRAME)).toMatchObject({ value: { serverUrl: 'https://rada.example' } });
    await invoke('credentials:save', APP_FRAME, { ...LOGIN, serverUrl: 'https://рада.укр' });
    expect(await invoke('credentials:load', APP_FRAME)).toMatchObject({ value: { serverUrl: 'https://xn--80aal0c.xn--j1amh' } });
  });

  it('accepts the longest allowed fields and any characters in a password', async () => {
    const { invoke } = setup();
    const login = { serverUrl: 'http://192.168.1.20:5984', username: 'О'.repeat(200), password: `\t${'п'.repeat(998)} ` };
    expect(await invoke('credentials:save', APP_FRAME, login)).toEqual({ ok: true, value: undefined });
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: login });
  });

  it('answers null when nothing is saved, without touching the OS key store', async () => {
    const { invoke, safeStorage } = setup();
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    expect(safeStorage.calls).toEqual([]);
  });

  it('stores the password again when the OS rotated its key', async () => {
    const { invoke, file, safeStorage } = setup();
    await invoke('credentials:save', APP_FRAME, LOGIN);
    const before = readFileSync(file, 'utf8');
    safeStorage.reportReEncrypt = true;
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: LOGIN });
    expect(safeStorage.calls.filter((c) => c === 'encryptStringAsync')).toHaveLength(2);
    expect(readFileSync(file, 'utf8')).toBe(before); // the fake's key did not change, so neither do the bytes
  });
});

describe('no secure storage', () => {
  it('refuses to remember the password when encryption is unavailable, keeping only server and user', async () => {
    const { invoke, file, safeStorage, csp } = setup();
    safeStorage.available = false;
    expect(await invoke('credentials:save', APP_FRAME, LOGIN)).toMatchObject({
      ok: false,
      error: { code: CREDENTIALS_ERROR_CODES.unavailable },
    });
    expect(safeStorage.calls).not.toContain('encryptStringAsync');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ serverUrl: LOGIN.serverUrl, username: LOGIN.username });
    expect(text).not.toContain('Пароль');
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    // The page must still reach the server to log in with the password typed at each start.
    expect(connectSrc(csp())).toBe(`connect-src 'self' ${LOGIN.serverUrl}`);
  });

  it("treats Linux's hard-coded-key backend (basic_text) and an unknown backend as unavailable", async () => {
    const safeStorage = new FakeSafeStorage();
    for (const [backend, platform, expected] of [
      ['basic_text', 'linux', false],
      ['unknown', 'linux', false],
      ['gnome_libsecret', 'linux', true],
      ['kwallet6', 'linux', true],
      ['basic_text', 'win32', true],
      ['unknown', 'darwin', true],
    ] as const) {
      safeStorage.backend = backend;
      expect(await safeStorageBox(safeStorage, platform).isAvailable(), `${backend} on ${platform}`).toBe(expected);
    }
    safeStorage.available = false;
    expect(await safeStorageBox(safeStorage, 'win32').isAvailable()).toBe(false);
  });

  it('answers null (and logs) when a saved password can no longer be decrypted, leaving the file for diagnosis', async () => {
    const { invoke, file, safeStorage, log } = setup();
    await invoke('credentials:save', APP_FRAME, LOGIN);
    const before = readFileSync(file, 'utf8');
    safeStorage.key = 0x3c; // another Windows user, a reset keyring…
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    expect(log.lines.map((l) => l.message)).toContain('saved login ignored: cannot decrypt');
    expect(readFileSync(file, 'utf8')).toBe(before);
    safeStorage.available = false;
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    expect(log.lines.at(-1)?.message).toBe('saved login ignored: secure storage unavailable');
  });

  it.each([
    ['not JSON', '{"serverUrl": "https://rada.exa'],
    ['not an object', '"https://rada.example"'],
    ['a hostile server address', '{"serverUrl":"https://a;b","username":"u","password":"dGVzdA=="}'],
    ['a password that is not base64', '{"serverUrl":"https://rada.example","username":"u","password":"plain text!"}'],
    ['a username that is not a string', '{"serverUrl":"https://rada.example","username":1,"password":"dGVzdA=="}'],
  ])('answers null for a file holding %s, logs it and keeps the file', async (_name, content) => {
    const { invoke, file, log, store } = setup();
    writeFileSync(file, content);
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    expect(log.lines.map((l) => l.message)).toContain('saved login ignored: unreadable file');
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(store.savedServerOrigin()).toBeNull();
  });
});

describe('credentials payload validation', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each([
    ['a javascript: URL', { ...LOGIN, serverUrl: 'javascript:alert(1)' }],
    ['a file: URL', { ...LOGIN, serverUrl: 'file:///etc/passwd' }],
    ['an ftp: URL', { ...LOGIN, serverUrl: 'ftp://rada.example' }],
    ['a data: URL', { ...LOGIN, serverUrl: 'data:text/html,<script>1</script>' }],
    ['embedded user:pass@', { ...LOGIN, serverUrl: 'https://admin:secret@rada.example' }],
    ['an embedded user@', { ...LOGIN, serverUrl: 'https://admin@rada.example' }],
    ['a path', { ...LOGIN, serverUrl: 'https://rada.example/couchdb' }],
    ['a database path', { ...LOGIN, serverUrl: 'https://rada.example/ov_v_lypky/' }],
    ['a query', { ...LOGIN, serverUrl: 'https://rada.example/?x=1' }],
    ['an empty query', { ...LOGIN, serverUrl: 'https://rada.example?' }],
    ['a fragment', { ...LOGIN, serverUrl: 'https://rada.example/#x' }],
    ['a relative URL', { ...LOGIN, serverUrl: '/couchdb' }],
    ['a bare host', { ...LOGIN, serverUrl: 'rada.example' }],
    ['outer spaces', { ...LOGIN, serverUrl: ' https://rada.example ' }],
    ['an inner newline', { ...LOGIN, serverUrl: 'https://rada.\nexample' }],
    ['a CSP-breaking host', { ...LOGIN, serverUrl: "https://a;script-src 'unsafe-eval'" }],
    ['a semicolon host', { ...LOGIN, serverUrl: 'https://a;b' }],
    ['a quoted host', { ...LOGIN, serverUrl: "https://a'b" }],
    ['a wildcard host', { ...LOGIN, serverUrl: 'https://*.example' }],
    ['a comma host', { ...LOGIN, serverUrl: 'https://a.example,b.example' }],
    ['an underscore host', { ...LOGIN, serverUrl: 'https://my_server.example' }],
    ['an IPv6 literal (no CSP syntax for it)', { ...LOGIN, serverUrl: 'http://[::1]:5984' }],
    ['an overlong URL', { ...LOGIN, serverUrl: `https://${long(60)}.${long(2048)}` }],
    ['an empty URL', { ...LOGIN, serverUrl: '' }],
    ['an empty username', { ...LOGIN, username: '' }],
    ['a 201-character username', { ...LOGIN, username: long(201) }],
    ['a username with a newline', { ...LOGIN, username: 'starosta\nadmin' }],
    ['a username with NUL', { ...LOGIN, username: 'starosta\u0000' }],
    ['a username with a C1 control', { ...LOGIN, username: 'starosta\u0085' }],
    ['an empty password', { ...LOGIN, password: '' }],
    ['a 1001-character password', { ...LOGIN, password: long(1001) }],
    ['a numeric password', { ...LOGIN, password: 1234 }],
    ['a null username', { ...LOGIN, username: null }],
    ['a URL object', { ...LOGIN, serverUrl: { href: 'https://rada.example' } }],
    ['an extra key', { ...LOGIN, remember: true }],
    ['a __proto__ key', JSON.parse(`{"serverUrl":"https://rada.example","username":"u","password":"p","__proto__":{"x":1}}`)],
    ['a missing password', { serverUrl: LOGIN.serverUrl, username: LOGIN.username }],
    ['an array', [LOGIN.serverUrl, LOGIN.username, LOGIN.password]],
    ['a string', 'https://rada.example'],
    ['null', null],
    ['a Date', new Date()],
  ])('rejects %s with ipc/invalid-payload and stores nothing', async (_name, payload) => {
    const { invoke, file, safeStorage, csp } = setup();
    expect(await invoke('credentials:save', APP_FRAME, payload)).toMatchObject({
      ok: false,
      error: { code: IPC_ERROR_CODES.invalidPayload },
    });
    expect(existsSync(file)).toBe(false);
    expect(safeStorage.calls).toEqual([]);
    expect(csp()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('rejects a wrong number of arguments on every credentials channel', async () => {
    const { invoke } = setup();
    const invalid = { ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } };
    expect(await invoke('credentials:save', APP_FRAME)).toMatchObject(invalid);
    expect(await invoke('credentials:save', APP_FRAME, LOGIN, LOGIN)).toMatchObject(invalid);
    expect(await invoke('credentials:load', APP_FRAME, 'x')).toMatchObject(invalid);
    expect(await invoke('credentials:clear', APP_FRAME, true)).toMatchObject(invalid);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://rada.example/' } }],
    ['a look-alike app host', { senderFrame: { url: 'app://open-village.evil/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects every credentials call from %s', async (_name, event) => {
    const { invoke, file, store } = setup();
    await store.save(LOGIN);
    const forbidden = { ok: false, error: { code: IPC_ERROR_CODES.forbiddenSender } };
    expect(await invoke('credentials:load', event)).toMatchObject(forbidden);
    expect(await invoke('credentials:save', event, { ...LOGIN, serverUrl: 'https://evil.example' })).toMatchObject(forbidden);
    expect(await invoke('credentials:clear', event)).toMatchObject(forbidden);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ serverUrl: LOGIN.serverUrl });
  });
});

describe('credentials:clear and the CSP', () => {
  it('removes the file and the server from connect-src', async () => {
    const { invoke, file, csp } = setup();
    expect(csp()).toBe(CONTENT_SECURITY_POLICY);
    await invoke('credentials:save', APP_FRAME, LOGIN);
    expect(connectSrc(csp())).toBe("connect-src 'self' https://rada.example:6984");
    expect(await invoke('credentials:clear', APP_FRAME)).toEqual({ ok: true, value: undefined });
    expect(existsSync(file)).toBe(false);
    expect(csp()).toBe(CONTENT_SECURITY_POLICY);
    expect(await invoke('credentials:load', APP_FRAME)).toEqual({ ok: true, value: null });
    // Clearing twice is fine.
    expect(await invoke('credentials:clear', APP_FRAME)).toEqual({ ok: true, value: undefined });
  });

  it('allows only the latest saved server', async () => {
    const { invoke, csp } = setup();
    await invoke('credentials:save', APP_FRAME, LOGIN);
    await invoke('credentials:save', APP_FRAME, { ...LOGIN, serverUrl: 'http://10.0.0.5:5984' });
    expect(connectSrc(csp())).toBe("connect-src 'self' http://10.0.0.5:5984");
  });

  it('reads the saved server at start-up without decrypting', async () => {
    const first = setup();
    await first.store.save(LOGIN);
    const again = createCredentialsStore({
      file: first.file,
      box: safeStorageBox(new FakeSafeStorage(), 'linux'),
      log: memoryLogger(),
    });
    expect(again.savedServerOrigin()).toBe(LOGIN.serverUrl);
  });
});
