import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEYS, type MenuCommand, type OpenVillageApi } from '../../../shared/ipc/contract';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let api: OpenVillageApi;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../electron/preload/index');
  api = fakeElectron.calls.exposed.get('api') as OpenVillageApi;
});

describe('preload', () => {
  it('exposes one object, window.api, with exactly the contract keys', () => {
    expect([...fakeElectron.calls.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...API_KEYS].sort());
    for (const key of API_KEYS) expect(typeof api[key]).toBe('function');
  });

  it('exposes no generic IPC escape hatch', () => {
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(key);
  });

  it('invokes only the named channels', async () => {
    fakeElectron.calls.invoked.length = 0;
    await api.getAppInfo();
    await api.setLanguage('en');
    const login = { serverUrl: 'https://rada.example', username: 'starosta', password: 'secret' };
    await api.saveCredentials(login);
    await api.loadCredentials();
    await api.clearCredentials();
    await api.sealKeyring('{"operators":[]}');
    await api.openKeyring('dGVzdA==');
    await api.printPage();
    await api.savePdf({ fileName: 'HLYBOKE.1-Б-17-receipt' });
    expect(fakeElectron.calls.invoked).toEqual([
      ['app:get-info'],
      ['app:set-language', 'en'],
      ['credentials:save', login],
      ['credentials:load'],
      ['credentials:clear'],
      ['keyring:seal', '{"operators":[]}'],
      ['keyring:open', 'dGVzdA=='],
      ['print:page'],
      ['print:save-pdf', { fileName: 'HLYBOKE.1-Б-17-receipt' }],
    ]);
  });

  it('delivers menu commands without the IPC event, drops unknown ones, and unsubscribes', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((cmd) => received.push(cmd));
    const listeners = fakeElectron.rendererListeners.get('menu:command');
    expect(listeners?.size).toBe(1);
    const event = { sender: { secret: true } };
    for (const listener of listeners ?? []) {
      (listener as (...a: unknown[]) => void)(event, 'new-appeal');
      (listener as (...a: unknown[]) => void)(event, 'format-disk');
    }
    expect(received).toEqual(['new-appeal']);
    unsubscribe();
    expect(listeners?.size).toBe(0);
  });
});
