/**
 * A hand-written stand-in for the `electron` module: the Electron binary cannot run on these machines, so the
 * main-process modules are tested against this fake (the only mocked boundary). It records what the code under
 * test asked Electron to do. Use with `vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron)`.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<[string, unknown]> = [];
  /** Options of every print / printToPDF call, in order. */
  readonly printCalls: unknown[] = [];
  readonly pdfCalls: unknown[] = [];
  /** Test control: what the system print dialog answers (success, failureReason). */
  printVerdict: [boolean, string] = [true, ''];
  /** Test control: the PDF bytes printToPDF resolves with, or an error it rejects with. */
  pdf: Buffer | Error = Buffer.from('%PDF-1.7 fake');
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  print(options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    const [success, reason] = this.printVerdict;
    setTimeout(() => callback(success, reason), 0);
  }
  printToPDF(options: unknown): Promise<Buffer> {
    this.pdfCalls.push(options);
    return this.pdf instanceof Error ? Promise.reject(this.pdf) : Promise.resolve(this.pdf);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  minimized = false;
  maximized = false;
  shown = false;
  focused = false;
  destroyed = false;
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.normalBounds;
  }
}

// Promise.withResolvers is ES2024; the node tsconfig targets ES2023 lib.
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

class FakeApp extends EventEmitter {
  hasLock = true;
  quitCalls = 0;
  sandboxEnabled = false;
  isPackaged = false;
  userData = '/nonexistent/user-data';
  documents = '/nonexistent/documents';
  appPath = '/nonexistent/app';
  private ready = deferred();
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    if (name === 'documents') return this.documents;
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  whenReady(): Promise<void> {
    return this.ready.promise;
  }
  /** Test control: fires `ready`. */
  becomeReady(): void {
    this.ready.resolve();
  }
  resetReady(): void {
    this.ready = deferred();
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  devicePermissionHandler: Listener | undefined;
  headersListener: Listener | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

/**
 * A stand-in for safeStorage that really changes the bytes (XOR with a per-"key" byte behind a version header), so
 * tests can assert that no plain text reaches the disk and that another key cannot decrypt.
 */
export class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' = 'gnome_libsecret';
  /** The current key; ciphertext made under another key fails to decrypt. */
  key = 0xa5;
  /** Test control: decrypt reports that the OS rotated its key. */
  reportReEncrypt = false;
  readonly calls: string[] = [];
  isAsyncEncryptionAvailable(): Promise<boolean> {
    this.calls.push('isAsyncEncryptionAvailable');
    return Promise.resolve(this.available);
  }
  getSelectedStorageBackend(): FakeSafeStorage['backend'] {
    return this.backend;
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    this.calls.push('encryptStringAsync');
    const body = Buffer.from(plainText, 'utf8').map((b) => b ^ this.key);
    return Promise.resolve(Buffer.concat([Buffer.from([0x76, 0x31, this.key]), body]));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    this.calls.push('decryptStringAsync');
    if (encrypted.length < 3 || encrypted[0] !== 0x76 || encrypted[1] !== 0x31 || encrypted[2] !== this.key) {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
    const body = encrypted.subarray(3).map((b) => b ^ this.key);
    return Promise.resolve({ result: Buffer.from(body).toString('utf8'), shouldReEncrypt: this.reportReEncrypt });
  }
}

const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

function createFake() {
  const handlers = new Map<string, Listener>();
  const rendererListeners = new Map<string, Set<Listener>>();
  const calls = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    menuTemplates: [] as unknown[],
    openedExternal: [] as string[],
    invoked: [] as unknown[][],
    exposed: new Map<string, unknown>(),
    saveDialogs: [] as Array<{ window: unknown; options: { defaultPath?: string; filters?: unknown; title?: string } }>,
  };
  /** Test control: what the next save dialogs answer (a path, or null for Cancel). */
  const saveDialogAnswer = { filePath: null as string | null };
  return {
    calls,
    handlers,
    rendererListeners,
    saveDialogAnswer,
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        const [window, options] = args.length === 2 ? args : [null, args[0]];
        calls.saveDialogs.push({ window, options: options as { defaultPath?: string } });
        const { filePath } = saveDialogAnswer;
        return Promise.resolve(filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath });
      },
    },
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: new FakeSession() },
    safeStorage: new FakeSafeStorage(),
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    shell: {
      openExternal: (url: string) => {
        calls.openedExternal.push(url);
        return Promise.resolve();
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => calls.protocolHandlers.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => calls.menuTemplates.push(menu.template),
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        calls.invoked.push(args);
        return Promise.resolve({ ok: true, value: undefined });
      },
      on: (channel: string, listener: Listener) => {
        const set = rendererListeners.get(channel) ?? new Set();
        set.add(listener);
        rendererListeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => rendererListeners.get(channel)?.delete(listener),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => calls.exposed.set(key, value),
    },
  };
}

export type FakeElectron = ReturnType<typeof createFake>;

/** The shared fake; `resetFakeElectron()` in beforeEach gives every test a fresh one. */
export const fakeElectron: FakeElectron = createFake();

export function resetFakeElectron(): void {
  const fresh = createFake();
  Object.assign(fakeElectron, fresh);
  FakeBrowserWindow.instances = [];
}
