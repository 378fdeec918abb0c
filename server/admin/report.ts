/**
 * `report`: the classifier count tables of a quarter, half-year or year for the whole community (or one village), built
 * by shared/reports from the appeals and events in the community's central database and written as .xlsx or CSV, so the council can produce
 * its quarterly report from a scheduled job. Reads only; the server's data is never changed.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { ID_PREFIX } from '../../shared/couch/names';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import type { IsoDate } from '../../shared/lib/dates';
import { buildReport } from '../../shared/reports/build-report';
import { reportToCsv } from '../../shared/reports/csv';
import { parsePeriod } from '../../shared/reports/period';
import type { Report, ReportScope } from '../../shared/reports/report.types';
import { reportToXlsx } from '../../shared/reports/xlsx';
import { type CouchConnection, docsByPrefix } from './couch-client';
import { errors } from './errors';
import { listVillages, namesOf } from './provision';

/** File formats of the report. */
export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What to report and where to write it. */
export interface ReportRequest {
  period: string;
  format: ReportFormat;
  out: string;
  village?: string;
  community: string;
  /** Today on the admin's machine: statuses are taken at the earlier of this and the period's last day. */
  today: IsoDate;
  now: Date;
}

/** The RxDB document inside a CouchDB one: without CouchDB's `_` fields (an appeal's own `type` stays: proposal, …). */
function plain<T>(doc: Record<string, unknown>): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) copy[key] = value;
  return copy as T;
}

/** Checks the command line's period and format before anything touches the network. */
export function checkReportArgs(period: string, format: string): void {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw errors.usage(parsed.problem.message.uk, parsed.problem.message.en);
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw errors.usage(`--format має бути xlsx або csv, а не ${format}`, `--format must be xlsx or csv, not ${format}`);
  }
}

/** Reads the community's central database, builds the report and writes the file; returns the report for the command's summary line. */
export async function writeReport(conn: CouchConnection, req: ReportRequest): Promise<Report> {
  const parsed = parsePeriod(req.period);
  if (!parsed.ok) throw errors.usage(parsed.problem.message.uk, parsed.problem.message.en);
  const { centralDb } = namesOf(req.community);
  const villages = (await listVillages(conn, req.community)).map((v) => ({ code: v.code, name: v.name }));
  if (req.village !== undefined && !villages.some((v) => v.code === req.village)) throw errors.unknownVillage(req.village);
  const scope: ReportScope = req.village === undefined ? { kind: 'community' } : { kind: 'village', code: req.village };
  const [appeals, events] = await Promise.all([
    docsByPrefix<Record<string, unknown>>(conn, centralDb, ID_PREFIX.appeal),
    docsByPrefix<Record<string, unknown>>(conn, centralDb, ID_PREFIX.event),
  ]);
  const report = buildReport({
    appeals: appeals.map((d) => plain<Appeal>(d)),
    events: events.map((d) => plain<AppealEvent>(d)),
    period: parsed.period,
    asOf: req.today,
    scope,
    villages,
  });
  const bytes =
    req.format === 'xlsx'
      ? await reportToXlsx(report, ExcelJS, { lang: 'uk', createdAt: req.now })
      : new TextEncoder().encode(reportToCsv(report, 'uk'));
  try {
    await writeFile(req.out, bytes);
  } catch (error) {
    throw errors.writeFailed(req.out, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  return report;
}
