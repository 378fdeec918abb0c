import type { IsoDate } from '../lib/dates';
import type { LocalizedText } from '../lib/i18n-text';
import type { Period } from './period';

/** Which appeals a report counts: the whole community (the central office) or one village. */
export type ReportScope = { kind: 'community' } | { kind: 'village'; code: string };

/** A village known by name (the central registry's `village:<code>` documents, or the PC's own profile). */
export interface KnownVillage {
  code: string;
  name: string;
}

/** One column of counts: a village (by `villageId`) or the total of all columns before it. */
export interface ReportColumn {
  key: string;
  label: LocalizedText;
  isTotal: boolean;
}

/**
 * One row of a table: `item` — a classifier value (its code in `code`); `total` — all appeals counted; `memo` — a
 * figure for reference that is not part of the total (e.g. how many had their term extended).
 */
export interface ReportRow {
  kind: 'item' | 'total' | 'memo';
  code: string;
  label: LocalizedText;
  /** One count per report column, total column included. */
  values: number[];
}

/** The stable ids of the report's tables, in the order they are shown and exported. */
export const TABLE_IDS = [
  'receiptForm',
  'type',
  'receiptSign',
  'subject',
  'sex',
  'categories',
  'socialStatus',
  'topic',
  'timeliness',
] as const;

export type TableId = (typeof TABLE_IDS)[number];

/** One count table: a classifier section or timeliness, with its title, short sheet name and an optional note. */
export interface ReportTable {
  id: TableId;
  title: LocalizedText;
  /** At most 31 characters: an Excel sheet name. */
  sheetName: LocalizedText;
  /** The first column's header (the classifier section's name). */
  rowHeader: LocalizedText;
  note: LocalizedText | null;
  rows: ReportRow[];
}

/** The count tables of one period and scope. */
export interface Report {
  period: Period;
  /** The day statuses are taken at: the period's last day, or `asOf` when that is earlier. */
  cutoff: IsoDate;
  scope: ReportScope;
  title: LocalizedText;
  scopeLabel: LocalizedText;
  columns: ReportColumn[];
  appealCount: number;
  tables: ReportTable[];
}
