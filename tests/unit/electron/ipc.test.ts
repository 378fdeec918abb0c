import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCredentialsStore, safeStorageBox } from '../../../electron/main/credentials-store';
import { createAppHandlers } from '../../../electron/main/ipc/app.ipc';
import { createCredentialsHandlers } from '../../../electron/main/ipc/credentials.ipc';
import { sendEvent } from '../../../electron/main/ipc/events';
import { type MainHandlers, registerInvokeHandlers } from '../../../electron/main/ipc/invoke-handlers';
import { createKeyringHandlers } from '../../../electron/main/ipc/keyring.ipc';
import { createPrintHandlers } from '../../../electron/main/ipc/print.ipc';
import { IPC_ERROR_CODES, type Language } from '../../../shared/ipc/contract';
import { INVOKE_GUARDS, isLanguage, isMenuCommand } from '../../../shared/ipc/guards';
import { FakeSafeStorage, FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';
import { fakePrintDeps } from './print-deps';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
afterAll(removeTempDirs);

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const APP_FRAME = { senderFrame: { url: 'app://open-village/index.html#/register' } };

function setup(overrides: Partial<MainHandlers> = {}) {
  resetFakeElectron();
  const languages: Language[] = [];
  const log = memoryLogger();
  const handlers: MainHandlers = {
    ...createAppHandlers({
      getInfo: () => ({ version: '0.1.0', platform: 'linux', isPackaged: true }),
      setLanguage: (lang) => languages.push(lang),
    }),
    ...createCredentialsHandlers({
      store: createCredentialsStore({
        file: join(tempDir('ov-ipc-'), 'credentials.json'),
        box: safeStorageBox(new FakeSafeStorage(), 'linux'),
        log,
      }),
      onServerChange: () => undefined,
    }),
    ...createKeyringHandlers({ box: safeStorageBox(new FakeSafeStorage(), 'linux'), log }),
    ...createPrintHandlers({ ...fakePrintDeps(), log }),
    ...overrides,
  };
  const unregister = registerInvokeHandlers(fakeElectron.ipcMain, handlers, log);
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = fakeElectron.handlers.get(channel) as Invoke | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { invoke, languages, log, unregister };
}

describe('IPC handlers in main', () => {
  it('registers exactly the contract channels and can remove them', () => {
    const { unregister } = setup();
    expect([...fakeElectron.handlers.keys()].sort()).toEqual(Object.keys(INVOKE_GUARDS).sort());
    unregister();
    expect(fakeElectron.handlers.size).toBe(0);
  });

  it('answers app:get-info from the app page', async () => {
    const { invoke } = setup();
    expect(await invoke('app:get-info', APP_FRAME)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'linux', isPackaged: true },
    });
  });

  it('switches the language for a valid payload', async () => {
    const { invoke, languages } = setup();
    expect(await invoke('app:set-language', APP_FRAME, 'en')).toEqual({ ok: true, value: undefined });
    expect(languages).toEqual(['en']);
  });

  it.each([
    ['an unknown language', ['de']],
    ['a wrongly cased language', ['EN']],
    ['an object', [{ lang: 'en' }]],
    ['no argument', []],
    ['extra arguments', ['en', 'uk']],
    ['a prototype-polluting string', ['__proto__']],
  ])('rejects %s with a Result error, not a throw', async (_name, args) => {
    const { invoke, languages, log } = setup();
    const result = await invoke('app:set-language', APP_FRAME, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } });
    expect(languages).toEqual([]);
    expect(log.lines.map((l) => l.message)).toEqual(['ipc payload rejected']);
  });

  it('rejects arguments to app:get-info', async () => {
    const { invoke } = setup();
    expect(await invoke('app:get-info', APP_FRAME, 'x')).toMatchObject({
      ok: false,
      error: { code: IPC_ERROR_CODES.invalidPayload },
    });
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a look-alike app host', { senderFrame: { url: 'app://open-village.evil/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects a sender from %s', async (_name, event) => {
    const { invoke, languages } = setup();
    expect(await invoke('app:set-language', event, 'en')).toMatchObject({
      ok: false,
      error: { code: IPC_ERROR_CODES.forbiddenSender },
    });
    expect(languages).toEqual([]);
  });

  it('turns a throwing handler into an internal-error Result without leaking the message', async () => {
    const { invoke, log } = setup({
      'app:get-info': () => {
        throw new Error('disk on fire at C:\\Users\\starosta');
      },
    });
    const result = await invoke('app:get-info', APP_FRAME);
    expect(result).toEqual({
      ok: false,
      error: { code: IPC_ERROR_CODES.internal, message: 'Internal error in the main process' },
    });
    expect(log.lines.at(-1)?.level).toBe('error');
  });
});

describe('guards and events', () => {
  it('recognises languages and menu commands only', () => {
    expect(['uk', 'en'].every(isLanguage)).toBe(true);
    expect([undefined, null, 1, 'ru', 'uk ', {}].some(isLanguage)).toBe(false);
    expect(isMenuCommand('new-appeal')).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
  });

  it('sends menu commands to a live page only', () => {
    const contents = new FakeWebContents();
    sendEvent(contents as never, 'menu:command', 'find');
    contents.destroyed = true;
    sendEvent(contents as never, 'menu:command', 'about');
    sendEvent(undefined, 'menu:command', 'about');
    expect(contents.sent).toEqual([['menu:command', 'find']]);
  });
});
