/**
 * The preload: builds `window.api` from the shared IPC contract and nothing else. It runs sandboxed, so it is
 * bundled into one file that requires only `electron`. No generic invoke/send/on is exposed: the page can reach
 * exactly the channels the contract names.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  API_EVENT_CHANNELS,
  API_INVOKE_CHANNELS,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
  type MenuCommand,
  type OpenVillageApi,
} from '../../shared/ipc/contract';
import { isMenuCommand } from '../../shared/ipc/guards';

function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>;
}

export const api = {
  getAppInfo: () => invoke(API_INVOKE_CHANNELS.getAppInfo),
  setLanguage: (lang) => invoke(API_INVOKE_CHANNELS.setLanguage, lang),
  saveCredentials: (credentials) => invoke(API_INVOKE_CHANNELS.saveCredentials, credentials),
  loadCredentials: () => invoke(API_INVOKE_CHANNELS.loadCredentials),
  clearCredentials: () => invoke(API_INVOKE_CHANNELS.clearCredentials),
  sealKeyring: (text) => invoke(API_INVOKE_CHANNELS.sealKeyring, text),
  openKeyring: (sealed) => invoke(API_INVOKE_CHANNELS.openKeyring, sealed),
  printPage: () => invoke(API_INVOKE_CHANNELS.printPage),
  savePdf: (request) => invoke(API_INVOKE_CHANNELS.savePdf, request),
  onMenuCommand: (cb: (cmd: MenuCommand) => void) => {
    // The IPC event object never reaches the page (it would expose `sender`); unknown commands are dropped.
    const listener = (_event: IpcRendererEvent, cmd: unknown): void => {
      if (isMenuCommand(cmd)) cb(cmd);
    };
    ipcRenderer.on(API_EVENT_CHANNELS.onMenuCommand, listener);
    return () => {
      ipcRenderer.removeListener(API_EVENT_CHANNELS.onMenuCommand, listener);
    };
  },
} satisfies OpenVillageApi;

contextBridge.exposeInMainWorld('api', api);
