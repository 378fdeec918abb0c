/**
 * `report`: the classifier count tables of a quarter, half-year or year for the whole community (or one village), built
 * by shared/reports from the appeals and events in `ov_central` and written as .xlsx or CSV, so the council can produce
 * its quarterly report from a scheduled job. Reads only; the server's data is never changed.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CENTRAL_DB, ID_PREFIX } from '../../shared/couch/names';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../shared/domain/events/event.types';
import type { IsoDate } from '../../shared/lib/dates';
import { buildReport } from '../../shared/reports/build-report';
import { reportToCsv } from '../../shared/reports/csv';
import { parsePeriod } from '../../shared/reports/period';
import type { Report, ReportScope } from '../../shared/reports/report.types';
import { reportToXlsx } from '../../shared/reports/xlsx';
import { type CouchConnection, pathOf, request } from './couch-client';
import { errors } from './errors';
import { listVillages } from './provision';

/** File formats of the report. */
export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What to report and where to write it. */
export interface ReportRequest {
  period: string;
  format: ReportFormat;
  out: string;
  village?: string;
  /** Today on the admin's machine: statuses are taken at the earlier of this and the period's last day. */
  today: IsoDate;
  now: Date;
}

/** Rows per `_all_docs` request: small enough for a slow proxy, large enough for 50,000 appeals in ~50 requests. */
const PAGE_SIZE = 1000;

/** Every document whose `_id` starts with `prefix`, page by page (`startkey`/`endkey`, then `skip=1` past the last key). */
export async function docsByPrefix<T>(conn: CouchConnection, db: string, prefix: string, pageSize = PAGE_SIZE): Promise<T[]> {
  const docs: T[] = [];
  let startkey = prefix;
  let skip = 0;
  for (;;) {
    const query = new URLSearchParams({
      startkey: JSON.stringify(startkey),
      endkey: JSON.stringify(`${prefix}\ufff0`),
      include_docs: 'true',
      limit: String(pageSize),
      skip: String(skip),
    });
    const res = await request<{ rows?: { id: string; doc?: T }[] }>(conn, 'GET', `${pathOf(db)}/_all_docs?${query}`);
    if (res.status !== 200) throw errors.serverError(`GET ${db}/_all_docs`, res.status, `reading ${prefix} documents`);
    const rows = res.body.rows ?? [];
    for (const row of rows) if (row.doc) docs.push(row.doc);
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return docs;
    startkey = last.id;
    skip = 1;
  }
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

/** Reads `ov_central`, builds the report and writes the file; returns the report for the command's summary line. */
export async function writeReport(conn: CouchConnection, req: ReportRequest): Promise<Report> {
  const parsed = parsePeriod(req.period);
  if (!parsed.ok) throw errors.usage(parsed.problem.message.uk, parsed.problem.message.en);
  const villages = (await listVillages(conn)).map((v) => ({ code: v.code, name: v.name }));
  if (req.village !== undefined && !villages.some((v) => v.code === req.village)) throw errors.unknownVillage(req.village);
  const scope: ReportScope = req.village === undefined ? { kind: 'community' } : { kind: 'village', code: req.village };
  const [appeals, events] = await Promise.all([
    docsByPrefix<Record<string, unknown>>(conn, CENTRAL_DB, ID_PREFIX.appeal),
    docsByPrefix<Record<string, unknown>>(conn, CENTRAL_DB, ID_PREFIX.event),
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
