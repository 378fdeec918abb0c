/**
 * The report as an Excel workbook: one sheet per table, each with a title row (the report's title), a line with the
 * scope and the cut-off date, the table's title, a header row (the classifier section, the villages, the total), the
 * counts as numbers, and the table's note. The `exceljs` module is passed in rather than imported, so shared/ stays
 * free of it at run time: the server imports it directly, the renderer loads it lazily only when a file is asked for.
 */
import type * as ExcelJS from 'exceljs';
import type { Language } from '../lib/i18n-text';
import type { Report, ReportTable } from './report.types';
import { reportSubtitle } from './report-text';

/** What the writer needs of the exceljs module (its namespace or its default export). */
export type ExcelJsModule = Pick<typeof ExcelJS, 'Workbook'>;

/** Row numbers of a sheet's parts (1-based), exported for tests and readers. */
export const SHEET_LAYOUT = { title: 1, subtitle: 2, tableTitle: 3, header: 5, firstRow: 6 } as const;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Characters Excel refuses in a sheet name, and its 31-character limit. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

function addTableSheet(workbook: ExcelJS.Workbook, report: Report, table: ReportTable, lang: Language): void {
  const width = report.columns.length + 1;
  const sheet = workbook.addWorksheet(sheetName(table.sheetName[lang]), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: SHEET_LAYOUT.header }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell(SHEET_LAYOUT.title, 1).value = report.title[lang];
  sheet.getCell(SHEET_LAYOUT.title, 1).font = { bold: true, size: 14 };
  sheet.getCell(SHEET_LAYOUT.subtitle, 1).value = reportSubtitle(report, lang);
  sheet.getCell(SHEET_LAYOUT.tableTitle, 1).value = table.title[lang];
  sheet.getCell(SHEET_LAYOUT.tableTitle, 1).font = { bold: true, size: 12 };

  const header = sheet.getRow(SHEET_LAYOUT.header);
  header.values = [table.rowHeader[lang], ...report.columns.map((c) => c.label[lang])];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (let col = 1; col <= width; col++) {
    const cell = header.getCell(col);
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    if (col > 1) cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  table.rows.forEach((row, i) => {
    const r = sheet.getRow(SHEET_LAYOUT.firstRow + i);
    r.values = [row.label[lang], ...row.values];
    if (row.kind === 'total') r.font = { bold: true };
    if (row.kind === 'memo') r.font = { italic: true };
    for (let col = 1; col <= width; col++) {
      const cell = r.getCell(col);
      cell.border = BORDER;
      if (col > 1) cell.numFmt = '0';
      if (col === 1) cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });

  if (table.note) {
    const noteRow = SHEET_LAYOUT.firstRow + table.rows.length + 1;
    sheet.mergeCells(noteRow, 1, noteRow, width);
    const cell = sheet.getCell(noteRow, 1);
    cell.value = table.note[lang];
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { italic: true };
    sheet.getRow(noteRow).height = 45;
  }

  const labelWidth = Math.max(table.rowHeader[lang].length, ...table.rows.map((r) => r.label[lang].length));
  sheet.getColumn(1).width = Math.min(Math.max(labelWidth + 2, 30), 60);
  report.columns.forEach((c, i) => {
    sheet.getColumn(i + 2).width = Math.min(Math.max(c.label[lang].length + 2, 12), 30);
  });
}

/** The report as .xlsx bytes: one sheet per table in report order (see the file comment). */
export async function reportToXlsx(
  report: Report,
  excel: ExcelJsModule,
  options: { lang?: Language; createdAt?: Date } = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'uk';
  const workbook = new excel.Workbook();
  workbook.creator = 'Відкрите село';
  if (options.createdAt) {
    workbook.created = options.createdAt;
    workbook.modified = options.createdAt;
  }
  workbook.title = `${report.title[lang]}. ${reportSubtitle(report, lang)}`;
  for (const table of report.tables) addTableSheet(workbook, report, table, lang);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
