/** The soak's closing report, as lines of text. */
import type { SoakSummary } from './runner';

export function summaryLines(s: SoakSummary): string[] {
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const { loginExpirySkipped, ...faults } = s.faults;
  const perSchedule = s.schedulesRun ? s.durationMs / s.schedulesRun : 0;
  return [
    '',
    `soak summary — seed ${s.seed}`,
    `  schedules run: ${s.schedulesRun} (${sec(perSchedule)} each on average)`,
    `  records written: ${s.recordsWritten}`,
    `  faults injected: ${Object.entries(faults)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (login expiries skipped for the lockout: ${loginExpirySkipped})`,
    `  on the wire: ${s.wire.requests} requests, ${s.wire.cutMidRequest} cut mid-request, ${s.wire.cutMidResponse} cut mid-response, ` +
      `${s.wire.injected5xx} 5xx injected, ${s.wire.refused401} refused logins (401)`,
    `  heal time: p50 ${sec(s.healMs.p50)}, p95 ${sec(s.healMs.p95)}, max ${sec(s.healMs.max)}`,
    `  total duration: ${sec(s.durationMs)}`,
    `  invariant violations: ${s.violations.length}`,
    ...s.violations.flatMap((v) => [`    schedule ${v.schedule}:`, ...v.problems.map((p) => `      ${p}`)]),
  ];
}
