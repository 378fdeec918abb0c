/**
 * Handlers of the `print:*` channels (issue 4): print the calling page through the system dialog, or render it to an A4
 * PDF and write it where the person chooses. The page's own print styles (`@page`, `@media print`) lay the paper out;
 * main only drives Chromium's printing. The file name arrives sanitised by the guard (shared/ipc/file-name.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, PrintToPDFOptions, WebContents, WebContentsPrintOptions } from 'electron';
import { type InvokeChannel, type Language, PRINT_ERROR_CODES, type PrintOutcome } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/lib/result';
import type { Logger } from '../logger';
import type { MainHandlers } from './invoke-handlers';

/**
 * A4 portrait from the page's CSS: the page sets `@page { size: A4; margin: … }`, so Chromium's own default margins
 * (1 cm) are turned off here, or they would add to the CSS ones and differ from what the browser version prints.
 */
export const PDF_OPTIONS: Readonly<PrintToPDFOptions> = Object.freeze({
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  landscape: false,
  margins: Object.freeze({ top: 0, bottom: 0, left: 0, right: 0 }),
});

/** The system print dialog (never silent: the person picks the printer and the copies). */
export const PRINT_OPTIONS: Readonly<WebContentsPrintOptions> = Object.freeze({
  silent: false,
  printBackground: true,
  pageSize: 'A4',
  landscape: false,
});

/** Texts of the save dialog, in the language of the menu (Ukrainian first). */
export const SAVE_DIALOG_LABELS: Readonly<Record<Language, { title: string; pdfFilter: string }>> = {
  uk: { title: 'Зберегти як PDF', pdfFilter: 'Документ PDF' },
  en: { title: 'Save as PDF', pdfFilter: 'PDF document' },
};

export interface PrintIpcDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window that shows a page (the save dialog is modal to it). */
  windowOf(contents: WebContents): BrowserWindow | null;
  /** The folder the save dialog opens in (the user's Documents). */
  defaultDir(): string;
  /** The language the menu speaks (the dialog follows it). */
  language(): Language;
  log: Logger;
}

type PrintChannel = Extract<InvokeChannel, `print:${string}`>;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Prints a page and waits for the system dialog's verdict. */
export function printContents(contents: WebContents, log: Logger): Promise<Result<PrintOutcome>> {
  return new Promise((resolve) => {
    contents.print(PRINT_OPTIONS, (success, failureReason) => {
      if (success) {
        resolve(ok('printed'));
        return;
      }
      // Electron reports a closed dialog as a failure whose reason names the cancellation ("cancelled",
      // "Print job canceled" depending on the version): that is the person's choice, not an error.
      if (/cancel/i.test(failureReason)) {
        resolve(ok('cancelled'));
        return;
      }
      log.warn('print failed', { reason: failureReason });
      resolve(err({ code: PRINT_ERROR_CODES.failed, message: failureReason || 'Printing failed' }));
    });
  });
}

/** Builds the print:* part of the handler map. */
export function createPrintHandlers(deps: PrintIpcDeps): Pick<MainHandlers, PrintChannel> {
  return {
    'print:page': (ctx) => printContents(ctx.sender, deps.log),
    'print:save-pdf': async (ctx, request) => {
      // Render first: the PDF shows the page as it was when the person pressed the button.
      let pdf: Buffer;
      try {
        pdf = await ctx.sender.printToPDF({ ...PDF_OPTIONS });
      } catch (error) {
        deps.log.warn('printToPDF failed', { reason: reasonOf(error) });
        return err({ code: PRINT_ERROR_CODES.failed, message: reasonOf(error) });
      }
      const { title, pdfFilter } = SAVE_DIALOG_LABELS[deps.language()];
      const options = {
        title,
        defaultPath: join(deps.defaultDir(), request.fileName),
        filters: [{ name: pdfFilter, extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const win = deps.windowOf(ctx.sender);
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return ok({ filePath: null });
      try {
        await writeFile(choice.filePath, pdf);
      } catch (error) {
        // Node's message holds the path, which may carry a resident's name: log only the error code (ENOENT, EACCES…).
        deps.log.warn('pdf not written', { code: String((error as NodeJS.ErrnoException).code ?? 'unknown') });
        return err({ code: PRINT_ERROR_CODES.writeFailed, message: reasonOf(error) });
      }
      deps.log.info('pdf saved', { bytes: pdf.length });
      return ok({ filePath: choice.filePath });
    },
  };
}
