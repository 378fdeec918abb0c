import { reportToCsv } from '../../../shared/reports/csv';
import type { Report } from '../../../shared/reports/report.types';
import { reportFileName } from '../../../shared/reports/report-text';
import { reportToXlsx } from '../../../shared/reports/xlsx';

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
 * Downloads the report as .xlsx. exceljs (~1 MB) is loaded only here, with a dynamic import, so it is a chunk of its
 * own that the first screen never loads. Files are always in Ukrainian: they go to the council and upwards.
 */
export async function downloadXlsx(report: Report, now: Date): Promise<void> {
  const module = await import('exceljs');
  const excel = (module as unknown as { default?: typeof module }).default ?? module;
  const bytes = await reportToXlsx(report, excel, { lang: 'uk', createdAt: now });
  saveFile(bytes, reportFileName(report, 'xlsx'), XLSX_TYPE);
}

/** Downloads the report as CSV (`;`, UTF-8 with BOM; see shared/reports/csv.ts). */
export function downloadCsv(report: Report): void {
  saveFile(reportToCsv(report, 'uk'), reportFileName(report, 'csv'), 'text/csv;charset=utf-8');
}
