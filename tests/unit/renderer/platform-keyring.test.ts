import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_ERROR_CODES, KEYRING_ERROR_CODES, type OpenVillageApi } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/lib/result';

type Globals = { api?: Partial<OpenVillageApi> };
const globals = globalThis as Globals;

/** The platform adapter as a page would load it, with `window.api` (desktop) or without it (browser). */
async function loadPlatform(api?: Partial<OpenVillageApi>) {
  vi.resetModules();
  globals.api = api;
  return (await import('../../../renderer/platform/platform')).platform;
}

afterEach(() => {
  delete globals.api;
});

/** A preload stand-in whose keyring calls answer from the queues, recording what was asked. */
function fakeApi(sealAnswers: Result<string>[], openAnswers: Result<string>[]) {
  const calls: unknown[][] = [];
  const api: Partial<OpenVillageApi> = {
    onMenuCommand: () => () => undefined,
    sealKeyring: async (text) => {
      calls.push(['sealKeyring', text]);
      return sealAnswers.shift() ?? err({ code: 'test/exhausted', message: 'no answer queued' });
    },
    openKeyring: async (sealed) => {
      calls.push(['openKeyring', sealed]);
      return openAnswers.shift() ?? err({ code: 'test/exhausted', message: 'no answer queued' });
    },
  };
  return { api, calls };
}

describe('the keyring box of the platform adapter', () => {
  it('on the desktop, seals and opens through IPC', async () => {
    const { api, calls } = fakeApi([ok('c2VhbGVk')], [ok('{"operators":[]}')]);
    const { keyringBox } = await loadPlatform(api);
    expect(keyringBox).not.toBeNull();
    expect(await keyringBox?.seal('{"operators":[]}')).toBe('c2VhbGVk');
    expect(await keyringBox?.open('c2VhbGVk')).toBe('{"operators":[]}');
    expect(calls).toEqual([
      ['sealKeyring', '{"operators":[]}'],
      ['openKeyring', 'c2VhbGVk'],
    ]);
  });

  it('answers null from seal when the OS has no secure store, and rejects on any other failure', async () => {
    const { api } = fakeApi(
      [
        err({ code: KEYRING_ERROR_CODES.unavailable, message: 'no secure storage' }),
        err({ code: IPC_ERROR_CODES.invalidPayload, message: 'too long' }),
        err({ code: IPC_ERROR_CODES.internal, message: 'Internal error in the main process' }),
      ],
      [],
    );
    const { keyringBox } = await loadPlatform(api);
    expect(await keyringBox?.seal('x')).toBeNull();
    await expect(keyringBox?.seal('x')).rejects.toMatchObject({ code: IPC_ERROR_CODES.invalidPayload, message: 'too long' });
    // An AppError (the adapter is loaded afresh per test, so compare by name, not class).
    await expect(keyringBox?.seal('x')).rejects.toMatchObject({ name: 'AppError', code: IPC_ERROR_CODES.internal });
  });

  it('throws an Error carrying the code whenever open fails, unavailable store included', async () => {
    const { api } = fakeApi(
      [],
      [
        err({ code: KEYRING_ERROR_CODES.unreadable, message: 'The keyring cannot be opened on this computer' }),
        err({ code: KEYRING_ERROR_CODES.unavailable, message: 'no secure storage' }),
        err({ code: IPC_ERROR_CODES.invalidPayload, message: 'not base64' }),
      ],
    );
    const { keyringBox } = await loadPlatform(api);
    await expect(keyringBox?.open('AAAA')).rejects.toThrow(Error);
    await expect(keyringBox?.open('AAAA')).rejects.toMatchObject({ code: KEYRING_ERROR_CODES.unavailable });
    await expect(keyringBox?.open('AAAA')).rejects.toMatchObject({ code: IPC_ERROR_CODES.invalidPayload });
  });

  it('has no keyring box in a browser, nor with a preload that lacks the keyring methods', async () => {
    expect((await loadPlatform()).keyringBox).toBeNull();
    expect((await loadPlatform({ onMenuCommand: () => () => undefined })).keyringBox).toBeNull();
  });
});
