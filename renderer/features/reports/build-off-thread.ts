import { buildReportFromFacts, type FactsReportInput } from '../../../shared/reports/build-report';
import type { Report } from '../../../shared/reports/report.types';
import { decodeFacts, type ReportFacts } from '../../../shared/reports/report-facts';
import type { WorkerAnswer, WorkerMessage } from './report-worker-messages';

/** Facts per message: a copy of 5,000 short strings takes the screen's thread about a millisecond. */
const PART = 5_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds the report of the encoded facts in a Web Worker (report.worker.ts), sending the facts in parts with a pause
 * for input between them; `signal` ends the worker at once (the screen asked for another report). Where there are no
 * workers (a test's DOM) the report is built here.
 */
export async function buildReportOffThread(
  facts: readonly string[],
  input: Omit<FactsReportInput, 'facts'>,
  signal?: AbortSignal,
): Promise<Report> {
  if (typeof Worker === 'undefined') {
    const decoded = facts.map((text) => decodeFacts(text)).filter((f): f is ReportFacts => f !== null);
    // As the worker does: facts that do not read are a fault, never skipped.
    if (decoded.length < facts.length) throw new Error(`report facts of ${facts.length - decoded.length} appeals cannot be read`);
    return buildReportFromFacts({ ...input, facts: decoded });
  }
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'report' });
  const send = (message: WorkerMessage) => worker.postMessage(message);
  try {
    const answer = new Promise<Report>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) =>
        event.data.ok ? resolve(event.data.report) : reject(new Error(event.data.error));
      worker.onerror = (event) => reject(new Error(event.message || 'the report worker failed'));
      signal?.addEventListener('abort', () => reject(new DOMException('report cancelled', 'AbortError')), { once: true });
    });
    // Handled by the `await` below; this only keeps a cancellation during the sending from counting as unhandled.
    answer.catch(() => undefined);
    for (let i = 0; i < facts.length; i += PART) {
      if (signal?.aborted) break;
      send({ kind: 'facts', facts: facts.slice(i, i + PART) });
      await nextTask();
    }
    send({ kind: 'build', input });
    return await answer;
  } finally {
    worker.terminate();
  }
}
