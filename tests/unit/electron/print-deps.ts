import { FakeBrowserWindow, fakeElectron } from './fake-electron';

/** The print handlers' dependencies on the fake Electron (its dialog and windows), Documents in a given folder. */
export function fakePrintDeps(documentsDir = '/nonexistent/documents') {
  return {
    dialog: fakeElectron.dialog as never,
    windowOf: (contents: unknown) => FakeBrowserWindow.fromWebContents(contents) as never,
    defaultDir: () => documentsDir,
    language: () => 'uk' as const,
  };
}
