import { reportToCsv } from '../../../shared/reports/csv';
import type { Report } from '../../../shared/reports/report.types';
import { reportFileName } from '../../../shared/reports/report-text';
import { type ExcelJsModule, reportToXlsx } from '../../../shared/reports/xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands bytes to the browser (or Electron's save dialog) as a file download. */
function saveFile(bytes: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; release ours a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * exceljs (~0.9 MB, 256 kB gzip) is loaded only through here, with a dynamic import, so it is a chunk of its own that
 * the first screen never loads. The Reports screen asks for it when it opens, so in browser mode the service worker
 * has it cached before the link drops.
 */
export async function loadExcel(): Promise<ExcelJsModule> {
  const module = await import('exceljs');
  return (module as unknown as { default?: ExcelJsModule }).default ?? module;
}

/** Downloads the report as .xlsx. Files are always in Ukrainian: they go to the council and upwards. */
export async function downloadXlsx(report: Report, now: Date): Promise<void> {
  const excel = await loadExcel();
  const bytes = await reportToXlsx(report, excel, { lang: 'uk', createdAt: now });
  saveFile(bytes, reportFileName(report, 'xlsx'), XLSX_TYPE);
}

/** Downloads the report as CSV (`;`, UTF-8 with BOM; see shared/reports/csv.ts). */
export function downloadCsv(report: Report): void {
  saveFile(reportToCsv(report, 'uk'), reportFileName(report, 'csv'), 'text/csv;charset=utf-8');
}
