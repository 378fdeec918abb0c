import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCredentialsStore, type SecretBox, safeStorageBox } from '../../../electron/main/credentials-store';
import { createAppHandlers } from '../../../electron/main/ipc/app.ipc';
import { createCredentialsHandlers } from '../../../electron/main/ipc/credentials.ipc';
import { type MainHandlers, registerInvokeHandlers } from '../../../electron/main/ipc/invoke-handlers';
import { createKeyringHandlers, KEYRING_TAG } from '../../../electron/main/ipc/keyring.ipc';
import { createPrintHandlers } from '../../../electron/main/ipc/print.ipc';
import { IPC_ERROR_CODES, KEYRING_ERROR_CODES, KEYRING_LIMITS } from '../../../shared/ipc/contract';
import { INVOKE_GUARDS, parseKeyringText, parseSealedKeyring } from '../../../shared/ipc/guards';
import { FakeSafeStorage, fakeElectron, resetFakeElectron } from './fake-electron';
import { fakePrintDeps } from './print-deps';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
afterAll(removeTempDirs);

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Answer = { ok: true; value: string } | { ok: false; error: { code: string; message: string } };
const APP_FRAME = { senderFrame: { url: 'app://open-village/index.html#/login' } };
const KEYRING = JSON.stringify({
  version: 1,
  operators: [{ name: 'Оксана Петрівна', salt: 'c2FsdC1zYWx0LXNhbHQ=', wrapped: 'd3JhcHBlZC1rZXktYnl0ZXM=' }],
});
const LOGIN = { serverUrl: 'https://rada.example', username: 'starosta', password: 'ДужеТаємний1' };

/** Main's handlers as lifecycle.ts wires them: one safeStorage box shared by the credentials store and the keyring. */
function setup(options: { platform?: NodeJS.Platform; box?: SecretBox } = {}) {
  resetFakeElectron();
  const dir = tempDir('ov-keyring-');
  const file = join(dir, 'credentials.json');
  const safeStorage = new FakeSafeStorage();
  const box = options.box ?? safeStorageBox(safeStorage, options.platform ?? 'linux');
  const log = memoryLogger();
  const handlers: MainHandlers = {
    ...createAppHandlers({
      getInfo: () => ({ version: '0', platform: 'linux', isPackaged: true }),
      setLanguage: () => undefined,
    }),
    ...createCredentialsHandlers({ store: createCredentialsStore({ file, box, log }), onServerChange: () => undefined }),
    ...createKeyringHandlers({ box, log }),
    ...createPrintHandlers({ ...fakePrintDeps(), log }),
  };
  registerInvokeHandlers(fakeElectron.ipcMain, handlers, log);
  const invoke = (channel: string, event: unknown, ...args: unknown[]) =>
    (fakeElectron.handlers.get(channel) as Invoke)(event, ...args) as Promise<Answer>;
  const seal = (text: unknown) => invoke('keyring:seal', APP_FRAME, text);
  const open = (sealed: unknown) => invoke('keyring:open', APP_FRAME, sealed);
  const logged = () => JSON.stringify(log.lines);
  return { dir, file, safeStorage, box, log, invoke, seal, open, logged };
}

function sealedValue(answer: Answer): string {
  if (!answer.ok) throw new Error(`expected a sealed keyring, got ${answer.error.code}`);
  return answer.value;
}

describe('keyring:seal and keyring:open', () => {
  it('round-trips the keyring through the OS encryption, as canonical base64', async () => {
    const { seal, open, safeStorage } = setup();
    const sealed = sealedValue(await seal(KEYRING));
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(sealed, 'base64').toString('base64')).toBe(sealed);
    expect(parseSealedKeyring(sealed).ok).toBe(true);
    expect(await open(sealed)).toEqual({ ok: true, value: KEYRING });
    expect(safeStorage.calls.filter((c) => c !== 'isAsyncEncryptionAvailable')).toEqual([
      'encryptStringAsync',
      'decryptStringAsync',
    ]);
  });

  it('encrypts the tagged text, and the sealed form holds the keyring in no readable spelling', async () => {
    const { seal, safeStorage } = setup();
    const sealed = sealedValue(await seal(KEYRING));
    const bytes = Buffer.from(sealed, 'base64');
    expect((await safeStorage.decryptStringAsync(bytes)).result).toBe(KEYRING_TAG + KEYRING);
    for (const needle of ['Оксана', 'operators', Buffer.from(KEYRING).toString('base64').slice(0, 16)]) {
      expect(sealed).not.toContain(needle);
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
  });

  it('seals the longest allowed texts (ASCII and three-byte characters) and opens what it sealed', async () => {
    const { seal, open } = setup();
    const max = KEYRING_LIMITS.textMaxLength;
    for (const text of ['k'.repeat(max), '€'.repeat(Math.floor(max / 3)), `${'ї'.repeat(max / 2 - 1)}ab`]) {
      const sealed = sealedValue(await seal(text));
      expect(sealed.length).toBeLessThanOrEqual(KEYRING_LIMITS.sealedMaxLength);
      expect(await open(sealed)).toEqual({ ok: true, value: text });
    }
  });

  it('keeps nothing on disk and logs neither the text nor the sealed bytes', async () => {
    const { dir, seal, open, safeStorage, logged } = setup();
    const sealed = sealedValue(await seal(KEYRING));
    await open(sealed);
    safeStorage.key = 0x3c;
    await open(sealed);
    expect(readdirSync(dir)).toEqual([]);
    expect(logged()).not.toContain('Оксана');
    expect(logged()).not.toContain(sealed.slice(0, 12));
  });

  it('turns an OS failure while sealing into ipc/internal, without the text in the log', async () => {
    const failing: SecretBox = {
      isAvailable: async () => true,
      encrypt: async () => {
        throw new Error('the OS key store refused');
      },
      decrypt: async () => ({ text: '', shouldReEncrypt: false }),
    };
    const { seal, logged } = setup({ box: failing });
    expect(await seal(KEYRING)).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.internal } });
    expect(logged()).toContain('the OS key store refused');
    expect(logged()).not.toContain('Оксана');
  });
});

describe('domain separation: keyring:open decrypts keyrings only', () => {
  it("refuses the saved server password's blob from credentials.json", async () => {
    const { invoke, open, file, log, logged } = setup();
    expect(await invoke('credentials:save', APP_FRAME, LOGIN)).toEqual({ ok: true, value: undefined });
    const { password } = JSON.parse(readFileSync(file, 'utf8')) as { password: string };
    const answer = await open(password);
    expect(answer).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unreadable } });
    expect(JSON.stringify(answer)).not.toContain(LOGIN.password);
    expect(log.lines.at(-1)?.message).toBe('keyring not opened: not a sealed keyring');
    expect(logged()).not.toContain(LOGIN.password);
  });

  it.each([
    ['a text without the tag', KEYRING],
    ['the tag without its newline', `${KEYRING_TAG.trimEnd()}${KEYRING}`],
    ['the tag further in', `x${KEYRING_TAG}${KEYRING}`],
    ['another version of the tag', `${KEYRING_TAG.replace('v1', 'v2')}${KEYRING}`],
    ['an upper-cased tag', `${KEYRING_TAG.toUpperCase()}${KEYRING}`],
    ['an empty text', ''],
  ])('refuses a blob that decrypts to %s', async (_name, text) => {
    const { open, box } = setup();
    const blob = (await box.encrypt(text)).toString('base64');
    expect(await open(blob)).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unreadable } });
  });

  it('opens a keyring that is only the tag plus text, however odd the text', async () => {
    const { open, box } = setup();
    const text = `${KEYRING_TAG}\u0000`;
    const blob = (await box.encrypt(KEYRING_TAG + text)).toString('base64');
    expect(await open(blob)).toEqual({ ok: true, value: text });
  });

  it('answers keyring/unreadable (and logs why) for bytes another user, PC or reset key store made', async () => {
    const { seal, open, safeStorage, log } = setup();
    const sealed = sealedValue(await seal(KEYRING));
    safeStorage.key = 0x3c;
    expect(await open(sealed)).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unreadable } });
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', message: 'keyring not opened: cannot decrypt' });
    expect(await open(Buffer.from('not ours at all').toString('base64'))).toMatchObject({
      ok: false,
      error: { code: KEYRING_ERROR_CODES.unreadable },
    });
  });
});

describe('no secure store', () => {
  it('answers keyring/unavailable and encrypts nothing when the OS offers no secure store', async () => {
    const { seal, open, safeStorage } = setup({ platform: 'win32' });
    const sealed = sealedValue(await seal(KEYRING));
    safeStorage.available = false;
    safeStorage.calls.length = 0;
    expect(await seal(KEYRING)).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unavailable } });
    expect(await open(sealed)).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unavailable } });
    expect(safeStorage.calls).toEqual(['isAsyncEncryptionAvailable', 'isAsyncEncryptionAvailable']);
  });

  it.each(['basic_text', 'unknown'] as const)(
    'counts the Linux %s backend as unavailable (a hard-coded key)',
    async (backend) => {
      const { seal, safeStorage } = setup({ platform: 'linux' });
      safeStorage.backend = backend;
      expect(await seal(KEYRING)).toMatchObject({ ok: false, error: { code: KEYRING_ERROR_CODES.unavailable } });
      expect(safeStorage.calls).not.toContain('encryptStringAsync');
    },
  );
});

describe('keyring payload guards', () => {
  const max = KEYRING_LIMITS.textMaxLength;
  const validSealed = Buffer.from('x'.repeat(30)).toString('base64');

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { text: KEYRING }],
    ['an array', [KEYRING]],
    ['a String object', new String(KEYRING)],
    ['an empty text', ''],
    ['a text one character too long', 'k'.repeat(max + 1)],
    ['a text too long in UTF-8 bytes', '€'.repeat(Math.floor(max / 3) + 1)],
  ])('keyring:seal rejects %s with ipc/invalid-payload before touching the OS key store', async (_name, payload) => {
    const { seal, safeStorage } = setup();
    expect(await seal(payload)).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } });
    expect(safeStorage.calls).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['a Buffer', Buffer.from('dGVzdA==')],
    ['an empty string', ''],
    ['plain text', 'plain text!'],
    ['base64url', `${validSealed.slice(0, -4)}-_-_`],
    ['missing padding', 'dGVzdA'],
    ['too much padding', 'dGV==='],
    ['padding inside', 'dG==dGVz'],
    ['non-canonical padding bits', 'dGVzdB=='],
    ['a newline', `${validSealed.slice(0, 8)}\n${validSealed.slice(8)}`],
    ['outer spaces', ` ${validSealed} `],
    ['a data: URL', `data:;base64,${validSealed}`],
    ['a sealed form one quartet too long', 'AAAA'.repeat(KEYRING_LIMITS.sealedMaxLength / 4 + 1)],
  ])('keyring:open rejects %s with ipc/invalid-payload before touching the OS key store', async (_name, payload) => {
    const { open, safeStorage } = setup();
    expect(await open(payload)).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } });
    expect(safeStorage.calls).toEqual([]);
  });

  it('rejects a wrong number of arguments on both channels', async () => {
    const { invoke } = setup();
    const invalid = { ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } };
    expect(await invoke('keyring:seal', APP_FRAME)).toMatchObject(invalid);
    expect(await invoke('keyring:seal', APP_FRAME, KEYRING, KEYRING)).toMatchObject(invalid);
    expect(await invoke('keyring:open', APP_FRAME)).toMatchObject(invalid);
    expect(await invoke('keyring:open', APP_FRAME, validSealed, validSealed)).toMatchObject(invalid);
  });

  it('accepts exactly the limits', () => {
    expect(parseKeyringText('k'.repeat(max))).toEqual({ ok: true, value: 'k'.repeat(max) });
    expect(parseKeyringText('ї'.repeat(max / 2)).ok).toBe(true);
    expect(parseKeyringText(`${'ї'.repeat(max / 2)}k`).ok).toBe(false);
    const longest = 'AAAA'.repeat(KEYRING_LIMITS.sealedMaxLength / 4);
    expect(parseSealedKeyring(longest)).toEqual({ ok: true, value: longest });
    expect(parseSealedKeyring(`${longest.slice(0, -4)}AAA=`).ok).toBe(true);
    expect(parseSealedKeyring(`${longest.slice(0, -4)}AQ==`).ok).toBe(true);
    expect(INVOKE_GUARDS['keyring:open'](['AA=='])).toEqual({ ok: true, value: ['AA=='] });
    expect(INVOKE_GUARDS['keyring:seal'](['{}'])).toEqual({ ok: true, value: ['{}'] });
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://rada.example/' } }],
    ['a look-alike app host', { senderFrame: { url: 'app://open-village.evil/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects both channels from %s', async (_name, event) => {
    const { invoke, safeStorage } = setup();
    const forbidden = { ok: false, error: { code: IPC_ERROR_CODES.forbiddenSender } };
    expect(await invoke('keyring:seal', event, KEYRING)).toMatchObject(forbidden);
    expect(await invoke('keyring:open', event, validSealed)).toMatchObject(forbidden);
    expect(safeStorage.calls).toEqual([]);
  });
});
