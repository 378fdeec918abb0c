import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenVillageApi } from '../../../shared/ipc/contract';

type Globals = { api?: Partial<OpenVillageApi>; print?: () => void };
const globals = globalThis as Globals;

/** The platform adapter as a page would load it, with `window.api` (desktop) or without it (browser). */
async function loadPlatform(api?: Partial<OpenVillageApi>) {
  vi.resetModules();
  globals.api = api;
  return (await import('../../../renderer/platform/platform')).platform;
}

afterEach(() => {
  delete globals.api;
  delete globals.print;
});

describe('printing through the platform adapter', () => {
  it('on the desktop, goes through IPC and tells printed, cancelled, saved and failed apart', async () => {
    const calls: unknown[] = [];
    const printAnswers = [
      { ok: true, value: 'printed' },
      { ok: true, value: 'cancelled' },
      { ok: false, error: { code: 'print/failed', message: 'No printer' } },
    ] as const;
    const saveAnswers = [
      { ok: true, value: { filePath: '/home/starosta/Documents/HLYBOKE.1-Б-17-receipt.pdf' } },
      { ok: true, value: { filePath: null } },
      { ok: false, error: { code: 'print/write-failed', message: 'EACCES' } },
    ] as const;
    const platform = await loadPlatform({
      printPage: async () => {
        calls.push('printPage');
        return printAnswers[calls.filter((c) => c === 'printPage').length - 1] as never;
      },
      savePdf: async (request) => {
        calls.push(request);
        return saveAnswers[calls.filter((c) => c !== 'printPage').length - 1] as never;
      },
      onMenuCommand: () => () => undefined,
    });
    globals.print = () => calls.push('window.print');

    expect(platform.kind).toBe('electron');
    expect(platform.canSavePdf).toBe(true);
    expect(await platform.printPage()).toEqual({ outcome: 'printed' });
    expect(await platform.printPage()).toEqual({ outcome: 'cancelled' });
    expect(await platform.printPage()).toEqual({ outcome: 'failed', reason: 'No printer' });
    expect(await platform.savePdf('HLYBOKE.1-Б-17-receipt')).toEqual({
      outcome: 'saved',
      filePath: '/home/starosta/Documents/HLYBOKE.1-Б-17-receipt.pdf',
    });
    expect(await platform.savePdf('x')).toEqual({ outcome: 'cancelled' });
    expect(await platform.savePdf('x')).toEqual({ outcome: 'failed', reason: 'EACCES' });
    expect(calls).toEqual([
      'printPage',
      'printPage',
      'printPage',
      { fileName: 'HLYBOKE.1-Б-17-receipt' },
      { fileName: 'x' },
      { fileName: 'x' },
    ]);
  });

  it("in a browser, opens the page's print dialog for both print and save (its Save as PDF writes the file)", async () => {
    const platform = await loadPlatform();
    let dialogs = 0;
    globals.print = () => {
      dialogs += 1;
    };
    expect(platform.kind).toBe('browser');
    expect(platform.canSavePdf).toBe(false);
    expect(await platform.printPage()).toEqual({ outcome: 'dialog-shown' });
    expect(await platform.savePdf('HLYBOKE.1-Б-17-receipt')).toEqual({ outcome: 'dialog-shown' });
    expect(dialogs).toBe(2);
  });
});
