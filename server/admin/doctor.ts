/**
 * `doctor`: checks a council's CouchDB from the outside, as the app and a village's link see it, and the community's
 * databases and replications from the admin's side; prints each finding in Ukrainian and English with the command that
 * fixes it. It never writes anything. Probing is in doctor-probe.ts, the conclusions in doctor-findings*.ts.
 */
import type { CouchConnection } from './couch-client';
import { doctorExitCode, findingsOf } from './doctor-findings';
import { observe } from './doctor-probe';
import type { Finding, FindingLevel } from './doctor-types';

export { doctorExitCode } from './doctor-findings';
export type { Finding, FindingLevel } from './doctor-types';

/** What `doctor` checks: the community, and the web origins the council serves the app from. */
export interface DoctorSpec {
  community: string;
  webOrigins: readonly string[];
}

/** Probes the server and returns the findings, in the order of the checks. */
export async function runDoctor(conn: CouchConnection, spec: DoctorSpec): Promise<Finding[]> {
  const ctx = { base: conn.base, community: spec.community, webOrigins: spec.webOrigins };
  return findingsOf(ctx, await observe(conn, ctx));
}

const LABEL: Record<FindingLevel, string> = {
  error: 'ПОМИЛКА / ERROR',
  warning: 'УВАГА / WARNING',
  ok: 'ГАРАЗД / OK',
  info: 'ДОВІДКА / INFO',
};

/** The findings as text for a terminal: a label line, the Ukrainian and the English sentence, the fix; then a summary. */
export function formatFindings(findings: readonly Finding[]): string {
  const blocks = findings.map((f) =>
    [`${LABEL[f.level]}  ${f.code}`, `  ${f.uk}`, `  ${f.en}`, ...(f.fix ? [`  → ${f.fix}`] : [])].join('\n'),
  );
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  const verdict =
    doctorExitCode(findings) === 0
      ? ['програма може працювати з цим сервером', 'the app can work with this server']
      : [
          'програма не працюватиме як слід, доки помилки не виправлено',
          'the app cannot work as it should until the errors are fixed',
        ];
  blocks.push(
    `Підсумок: помилок ${errors}, попереджень ${warnings}: ${verdict[0]}\nSummary: errors ${errors}, warnings ${warnings}: ${verdict[1]}`,
  );
  return blocks.join('\n\n');
}
