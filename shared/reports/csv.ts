/**
 * The report as one CSV file for Ukrainian Excel and LibreOffice: every table one after another (its title line, the
 * header, the rows, its note), separated by an empty line.
 *
 * Format decisions: `;` as the delimiter, because Excel with Ukrainian regional settings uses the list separator `;`
 * (the comma is the decimal separator there) and would put a comma-separated file in one column; a UTF-8 byte order
 * mark, without which Excel reads the file as Windows-1251/ANSI and garbles Cyrillic; CRLF line ends and RFC 4180 quoting
 * (a field with `;`, `"` or a line break is quoted, quotes doubled). A text that starts with = + - @ gets a leading
 * apostrophe so a spreadsheet never runs it as a formula (CSV injection); counts are plain integers.
 */
import type { Language } from '../lib/i18n-text';
import type { Report } from './report.types';
import { reportSubtitle } from './report-text';

/** The delimiter of the report's CSV (see the file comment). */
export const CSV_DELIMITER = ';';
/** UTF-8 byte order mark: makes Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function line(values: readonly (string | number)[]): string {
  return values.map(field).join(CSV_DELIMITER);
}

/** The whole report as CSV text, byte order mark included (see the file comment for the format). */
export function reportToCsv(report: Report, lang: Language = 'uk'): string {
  const lines: string[] = [line([report.title[lang]]), line([reportSubtitle(report, lang)])];
  for (const table of report.tables) {
    lines.push('', line([table.title[lang]]));
    lines.push(line([table.rowHeader[lang], ...report.columns.map((c) => c.label[lang])]));
    for (const row of table.rows) lines.push(line([row.label[lang], ...row.values]));
    if (table.note) lines.push(line([table.note[lang]]));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
