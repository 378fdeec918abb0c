/**
 * Builds a report off the screen's thread: a year of a whole community is 150,000 appeals' facts to decode and count,
 * seconds of work that would otherwise freeze typing and scrolling. Receives the encoded facts in parts (so the
 * screen's thread never copies them all in one go), then the rest of the input; answers with the report or an error.
 */
import { buildReportFromFacts, type FactsReportInput } from '../../../shared/reports/build-report';
import { decodeFacts, type ReportFacts } from '../../../shared/reports/report-facts';
import type { WorkerAnswer, WorkerMessage } from './report-worker-messages';

const facts: ReportFacts[] = [];
let unreadable = 0;

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.kind === 'facts') {
    for (const text of message.facts) {
      const decoded = decodeFacts(text);
      if (decoded) facts.push(decoded);
      else unreadable++;
    }
    return;
  }
  let answer: WorkerAnswer;
  try {
    // Facts are written by encodeFacts only and sealed with the row: one that does not read is a fault, never skipped.
    if (unreadable > 0) throw new Error(`report facts of ${unreadable} appeals cannot be read`);
    const input: FactsReportInput = { ...message.input, facts };
    answer = { ok: true, report: buildReportFromFacts(input) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
