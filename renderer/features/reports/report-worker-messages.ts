import type { FactsReportInput } from '../../../shared/reports/build-report';
import type { Report } from '../../../shared/reports/report.types';

/** What the screen sends report.worker.ts: parts of the encoded facts, then the period, scope and villages. */
export type WorkerMessage =
  | { kind: 'facts'; facts: readonly string[] }
  | { kind: 'build'; input: Omit<FactsReportInput, 'facts'> };

export type WorkerAnswer = { ok: true; report: Report } | { ok: false; error: string };
