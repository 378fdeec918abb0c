import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type MainHandlers, registerInvokeHandlers } from '../../../electron/main/ipc/invoke-handlers';
import { createPrintHandlers, PDF_OPTIONS } from '../../../electron/main/ipc/print.ipc';
import { IPC_ERROR_CODES, PRINT_ERROR_CODES } from '../../../shared/ipc/contract';
import { FILE_STEM_MAX, safeFileName } from '../../../shared/ipc/file-name';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './fake-electron';
import { fakePrintDeps } from './print-deps';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
afterAll(removeTempDirs);

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PRINT_URL = 'app://open-village/index.html#/print/receipt/01HZX3K8Q2M4N6P8R0S2T4V6W8';

/** The print handlers registered as lifecycle.ts wires them, a window showing the print page, Documents in a temp dir. */
function setup() {
  resetFakeElectron();
  const documents = tempDir('ov-print-docs-');
  const log = memoryLogger();
  const handlers = createPrintHandlers({ ...fakePrintDeps(documents), log }) as MainHandlers;
  registerInvokeHandlers(fakeElectron.ipcMain, handlers, log);
  const win = new FakeBrowserWindow({});
  const event = { senderFrame: { url: PRINT_URL }, sender: win.webContents };
  const invoke = (channel: string, ...args: unknown[]) =>
    (fakeElectron.handlers.get(channel) as Invoke)(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  return { documents, log, win, contents: win.webContents, invoke, event };
}

describe('safeFileName', () => {
  it.each([
    ['HLYBOKE.1-Б-17-receipt', 'HLYBOKE.1-Б-17-receipt.pdf'],
    ['CENTRAL.12-КО-1234-card.pdf', 'CENTRAL.12-КО-1234-card.pdf'],
    ['report.PDF', 'report.pdf'],
    ['../../etc/passwd', 'etc_passwd.pdf'],
    ['..\\..\\Windows\\win.ini', 'Windows_win.ini.pdf'],
    ['C:\\Users\\starosta\\x', 'C_Users_starosta_x.pdf'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h.pdf'],
    ['two  words\tand\nlines', 'two_words_and_lines.pdf'],
    ['.bashrc', 'bashrc.pdf'],
    ['trailing dots...', 'trailing_dots.pdf'],
    ['CON', '_CON.pdf'],
    ['nul.txt', '_nul.txt.pdf'],
    ['LPT9', '_LPT9.pdf'],
    ['COM10', 'COM10.pdf'],
    ['console', 'console.pdf'],
    ['...', 'document.pdf'],
    ['///', 'document.pdf'],
    ['.pdf', 'document.pdf'],
    ['invoice\u202Efdp.exe', 'invoice_fdp.exe.pdf'],
    ['lone\uD800surrogate', 'lone_surrogate.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps at most 120 characters of the stem, counting a Cyrillic or astral letter as one', () => {
    expect(safeFileName('Б'.repeat(300))).toBe(`${'Б'.repeat(FILE_STEM_MAX)}.pdf`);
    expect(Array.from(safeFileName('😀'.repeat(200)))).toHaveLength(FILE_STEM_MAX + 4);
  });

  it('always gives one safe, visible, non-device name that a second pass leaves as it is', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'Б', '.', '/', '\\', ' ', ':', '\u0000', '\u202E', 'C', 'O', 'N', '😀'),
          maxLength: 300,
        }),
        (input) => {
          const name = safeFileName(input);
          expect(name).toMatch(/^[^/\\<>:"|?*\p{Cc}\p{Cf}\s.][^/\\<>:"|?*\p{Cc}\p{Cf}\s]*\.pdf$/u);
          expect(Array.from(name).length).toBeLessThanOrEqual(FILE_STEM_MAX + 4);
          expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i);
          expect(safeFileName(name)).toBe(name);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('print:save-pdf', () => {
  it('renders A4 with backgrounds, suggests the sanitised name in Documents, and writes the PDF where chosen', async () => {
    const { invoke, contents, documents, win } = setup();
    const target = join(documents, 'chosen.pdf');
    fakeElectron.saveDialogAnswer.filePath = target;
    contents.pdf = Buffer.from('%PDF-1.7 receipt HLYBOKE.1-Б-17');

    const result = await invoke('print:save-pdf', { fileName: 'HLYBOKE.1-Б-17-receipt' });

    expect(result).toEqual({ ok: true, value: { filePath: target } });
    expect(contents.pdfCalls).toEqual([{ ...PDF_OPTIONS }]);
    expect(contents.pdfCalls[0]).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(readFileSync(target).equals(contents.pdf as Buffer)).toBe(true);
    const [dialog] = fakeElectron.calls.saveDialogs;
    expect(fakeElectron.calls.saveDialogs).toHaveLength(1);
    expect(dialog?.window).toBe(win);
    expect(dialog?.options.defaultPath).toBe(join(documents, 'HLYBOKE.1-Б-17-receipt.pdf'));
    expect(dialog?.options.title).toBe('Зберегти як PDF');
    expect(dialog?.options.filters).toEqual([{ name: 'Документ PDF', extensions: ['pdf'] }]);
  });

  it('keeps a path-like suggestion inside the Documents folder', async () => {
    const { invoke, documents } = setup();
    await invoke('print:save-pdf', { fileName: '../../.ssh/authorized_keys' });
    expect(fakeElectron.calls.saveDialogs[0]?.options.defaultPath).toBe(join(documents, 'ssh_authorized_keys.pdf'));
  });

  it('answers a null path and writes nothing when the person cancels the dialog', async () => {
    const { invoke, documents } = setup();
    fakeElectron.saveDialogAnswer.filePath = null;
    expect(await invoke('print:save-pdf', { fileName: 'x' })).toEqual({ ok: true, value: { filePath: null } });
    expect(existsSync(join(documents, 'x.pdf'))).toBe(false);
  });

  it('reports a rendering failure as print/failed without opening the dialog', async () => {
    const { invoke, contents } = setup();
    contents.pdf = new Error('renderer gone');
    expect(await invoke('print:save-pdf', { fileName: 'x' })).toEqual({
      ok: false,
      error: { code: PRINT_ERROR_CODES.failed, message: 'renderer gone' },
    });
    expect(fakeElectron.calls.saveDialogs).toEqual([]);
  });

  it('reports a file that cannot be written as print/write-failed', async () => {
    const { invoke, documents, log } = setup();
    fakeElectron.saveDialogAnswer.filePath = join(documents, 'no-such-folder', 'x.pdf');
    expect(await invoke('print:save-pdf', { fileName: 'x' })).toMatchObject({
      ok: false,
      error: { code: PRINT_ERROR_CODES.writeFailed },
    });
    // The chosen path may hold a resident's name: it is not logged.
    expect(JSON.stringify(log.lines)).not.toContain('no-such-folder');
  });

  it.each([
    ['no argument', []],
    ['two arguments', [{ fileName: 'a' }, 'b']],
    ['a bare string', ['a.pdf']],
    ['null', [null]],
    ['an array', [['a']]],
    ['no fileName', [{}]],
    ['an extra key', [{ fileName: 'a', path: '/etc' }]],
    ['an empty name', [{ fileName: '' }]],
    ['a name over 200 characters', [{ fileName: 'a'.repeat(201) }]],
    ['a control character', [{ fileName: 'a\u0000b' }]],
    ['a number', [{ fileName: 42 }]],
    ['an inherited fileName', [Object.create({ fileName: 'a' })]],
  ])('rejects %s before rendering anything', async (_name, args) => {
    const { invoke, contents } = setup();
    expect(await invoke('print:save-pdf', ...args)).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.invalidPayload } });
    expect(contents.pdfCalls).toEqual([]);
    expect(fakeElectron.calls.saveDialogs).toEqual([]);
  });

  it('refuses a sender that is not the app page', async () => {
    const { contents } = setup();
    const handler = fakeElectron.handlers.get('print:save-pdf') as Invoke;
    const result = await handler({ senderFrame: { url: 'https://evil.example/' }, sender: contents }, { fileName: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.forbiddenSender } });
    expect(contents.pdfCalls).toEqual([]);
  });
});

describe('print:page', () => {
  it('opens the system print dialog for A4 and reports the job printed', async () => {
    const { invoke, contents } = setup();
    expect(await invoke('print:page')).toEqual({ ok: true, value: 'printed' });
    expect(contents.printCalls).toEqual([{ silent: false, printBackground: true, pageSize: 'A4', landscape: false }]);
  });

  it.each(['cancelled', 'Print job canceled'])('treats %j as the person closing the dialog, not an error', async (reason) => {
    const { invoke, contents } = setup();
    contents.printVerdict = [false, reason];
    expect(await invoke('print:page')).toEqual({ ok: true, value: 'cancelled' });
  });

  it('reports a failed job with its reason', async () => {
    const { invoke, contents, log } = setup();
    contents.printVerdict = [false, 'Print job failed'];
    expect(await invoke('print:page')).toEqual({
      ok: false,
      error: { code: PRINT_ERROR_CODES.failed, message: 'Print job failed' },
    });
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', message: 'print failed' });
  });

  it('takes no arguments', async () => {
    const { invoke, contents } = setup();
    expect(await invoke('print:page', { silent: true })).toMatchObject({
      ok: false,
      error: { code: IPC_ERROR_CODES.invalidPayload },
    });
    expect(contents.printCalls).toEqual([]);
  });
});
