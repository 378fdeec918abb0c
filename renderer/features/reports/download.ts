import { reportToCsv } from '../../../shared/reports/csv';
import type { Report } from '../../../shared/reports/report.types';
import { reportFileName } from '../../../shared/reports/report-text';
import { type ExcelJsModule, reportToXlsx } from '../../../shared/reports/xlsx';
import { saveFile } from '../../ui/save-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  saveFile(reportFileName(report, 'xlsx'), bytes, XLSX_TYPE);
}

/** Downloads the report as CSV (`;`, UTF-8 with BOM; see shared/reports/csv.ts). */
export function downloadCsv(report: Report): void {
  saveFile(reportFileName(report, 'csv'), reportToCsv(report, 'uk'), 'text/csv;charset=utf-8');
}
