import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../shared/reports/build-report';
import { CSV_BOM, reportToCsv } from '../../../../shared/reports/csv';
import { parsePeriod } from '../../../../shared/reports/period';
import { reportFileName } from '../../../../shared/reports/report-text';
import { reportToXlsx, SHEET_LAYOUT } from '../../../../shared/reports/xlsx';
import { APPEALS, AS_OF, COLUMNS, EVENTS, EXPECTED_Q3, PERIOD_CODE, TOTALS_Q3, VILLAGES } from '../../../helpers/report-fixture';

const parsed = parsePeriod(PERIOD_CODE);
if (!parsed.ok) throw new Error('period');
const report = buildReport({
  appeals: APPEALS,
  events: EVENTS,
  period: parsed.period,
  asOf: AS_OF,
  scope: { kind: 'community' },
  villages: VILLAGES,
});

const SHEETS = [
  'Форма надходження',
  'Вид',
  'Ознака надходження',
  'Суб’єкт',
  'Стать автора',
  'Категорія автора',
  'Соціальний стан',
  'Тематика',
  'Строки розгляду',
];

describe('the .xlsx export, read back with exceljs', async () => {
  const bytes = await reportToXlsx(report, ExcelJS, { createdAt: new Date('2026-10-15T10:00:00Z') });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

  it('is a zip (an .xlsx file) with one sheet per table, named in Ukrainian', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS);
  });

  it('carries the title with the period and the scope with the cut-off on every sheet', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.getCell(SHEET_LAYOUT.title, 1).value).toBe('Звернення громадян за III квартал 2026 року');
      expect(sheet.getCell(SHEET_LAYOUT.subtitle, 1).value).toBe('Громада загалом · стан на 30.09.2026');
    }
    expect(book.getWorksheet('Вид')?.getCell(SHEET_LAYOUT.tableTitle, 1).value).toBe('Звернення за видом');
  });

  it('has Ukrainian headers: the section, the villages, the community', () => {
    const sheet = book.getWorksheet('Тематика');
    const header = [1, 2, 3, 4, 5, 6].map((c) => sheet?.getCell(SHEET_LAYOUT.header, c).value);
    expect(header).toEqual(['Тематика основного питання', ...COLUMNS]);
  });

  it('holds every count as a number, cell by cell, and the total row', () => {
    report.tables.forEach((table, t) => {
      const sheet = book.worksheets[t];
      const expected = EXPECTED_Q3[table.id] ?? {};
      table.rows.forEach((row, i) => {
        const r = SHEET_LAYOUT.firstRow + i;
        expect(sheet?.getCell(r, 1).value).toBe(row.label.uk);
        const cells = COLUMNS.map((_, c) => sheet?.getCell(r, c + 2).value);
        const want =
          row.kind === 'total' ? TOTALS_Q3 : row.kind === 'memo' ? row.values : (expected[row.code] ?? [0, 0, 0, 0, 0]);
        expect([table.id, row.code, cells]).toEqual([table.id, row.code, want]);
      });
    });
  });

  it('spot-checks cells a person would read: complaints in Глибоке, overdue in the community', () => {
    const type = book.getWorksheet('Вид');
    expect(type?.getCell(SHEET_LAYOUT.firstRow + 2, 1).value).toBe('Скарга');
    expect(type?.getCell(SHEET_LAYOUT.firstRow + 2, 2).value).toBe(2);
    const timeliness = book.getWorksheet('Строки розгляду');
    expect(timeliness?.getCell(SHEET_LAYOUT.firstRow + 4, 1).value).toBe('На розгляді, строк порушено');
    expect(timeliness?.getCell(SHEET_LAYOUT.firstRow + 4, 6).value).toBe(2);
  });

  it('sets column widths so labels are readable', () => {
    const sheet = book.getWorksheet('Категорія автора');
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(12);
  });
});

describe('the CSV export', () => {
  const text = reportToCsv(report);

  it('starts with a UTF-8 byte order mark and uses CRLF line ends', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(80);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('parses back (exceljs CSV reader, `;` delimiter) to the same counts', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = await book.csv.read(Readable.from([text.slice(1)]), { parserOptions: { delimiter: ';' } });
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual(['Звернення громадян за III квартал 2026 року']);
    const titleAt = rows.findIndex((r) => r[0] === 'Звернення за тематикою основного питання');
    expect(rows[titleAt + 1]).toEqual(['Тематика основного питання', ...COLUMNS]);
    const topic090 = rows.find((r) => r[0] === '090 Комунальне господарство');
    expect(topic090?.slice(1)).toEqual(EXPECTED_Q3.topic?.['090']);
    const overdue = rows.find((r) => r[0] === 'На розгляді, строк порушено');
    expect(overdue?.slice(1)).toEqual(EXPECTED_Q3.timeliness?.['open-overdue']);
  });

  it('quotes a field with the delimiter and defuses a formula-like text', () => {
    const odd = {
      ...report,
      title: { uk: 'Звіт; перший', en: '' },
      scopeLabel: { uk: '=HYPERLINK("x")', en: '' },
    };
    const lines = reportToCsv(odd).slice(1).split('\r\n');
    expect(lines[0]).toBe('"Звіт; перший"');
    expect(lines[1]?.startsWith('"\'=HYPERLINK(""x"")')).toBe(true);
  });

  it('names files without spaces or Cyrillic', () => {
    expect(reportFileName(report, 'xlsx')).toBe('zvernennia-2026-Q3-hromada.xlsx');
  });
});
