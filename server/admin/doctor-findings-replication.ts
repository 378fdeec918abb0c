/**
 * `doctor`'s conclusions about the villages' replications, from `_scheduler/docs`. Pure.
 */
import { addVillageFix } from './doctor-fixes';
import { type DoctorContext, type Finding, finding, type ReplicationObservation } from './doctor-types';

const DIRECTION = {
  'to-central': { uk: 'село → рада', en: 'village → council' },
  'to-village': { uk: 'рада → село', en: 'council → village' },
} as const;

/** Each village's two jobs: there, running, and with no document refused by the target. */
export function replicationFindings(ctx: DoctorContext, jobs: readonly ReplicationObservation[]): Finding[] {
  const out: Finding[] = [];
  const noFigures: string[] = [];
  for (const job of jobs) {
    const v = job.village;
    const who = {
      uk: `Реплікація села «${v.name}» (${job.id}, ${DIRECTION[job.direction].uk})`,
      en: `The replication of the village "${v.name}" (${job.id}, ${DIRECTION[job.direction].en})`,
    };
    if (job.state === 'missing') {
      out.push(
        finding(
          'error',
          'replication-missing',
          `${who.uk}: немає в _replicator, записи не передаються`,
          `${who.en}: not in _replicator, nothing is copied`,
          addVillageFix(ctx, v),
        ),
      );
      continue;
    }
    if (job.state === 'initializing') {
      // A job written a moment ago, or any job just after the server started, until the scheduler runs it.
      out.push(
        finding('info', 'replication-starting', `${who.uk}: запускається (initializing)`, `${who.en}: starting (initializing)`),
      );
      // Its figures come once it runs: "no figures yet" would only repeat this.
      continue;
    } else if (job.state === 'pending') {
      out.push(
        finding(
          'warning',
          'replication-pending',
          `${who.uk}: чекає черги (pending) — сервер запускає обмежену кількість завдань одночасно ([replicator] max_jobs)`,
          `${who.en}: waiting its turn (pending): the server runs a limited number of jobs at once ([replicator] max_jobs)`,
        ),
      );
    } else if (job.state !== 'running') {
      const error = job.info?.error ? `: ${job.info.error}` : '';
      out.push(
        finding(
          'error',
          'replication-failing',
          `${who.uk}: стан ${job.state}${error}`,
          `${who.en}: state ${job.state}${error}`,
          addVillageFix(ctx, v),
        ),
      );
    }
    if (job.info === null) {
      noFigures.push(job.id);
      continue;
    }
    const failures = job.info.docWriteFailures ?? 0;
    if (failures > 0) {
      // The replicator skips a document the target's validate_doc_update refuses and goes on: nothing else shows it.
      out.push(
        finding(
          'error',
          'replication-write-failures',
          `${who.uk}: ${failures} документів відхилено базою-отримувачем і пропущено мовчки; шукайте «forbidden» у журналі CouchDB`,
          `${who.en}: ${failures} documents were refused by the target and skipped silently; look for "forbidden" in the CouchDB log`,
        ),
      );
    }
  }
  if (noFigures.length > 0) {
    out.push(
      finding(
        'info',
        'replication-no-figures',
        `Реплікації ще без даних (до першої контрольної точки): ${noFigures.join(', ')}`,
        `Replications with no figures yet (before their first checkpoint): ${noFigures.join(', ')}`,
      ),
    );
  }
  if (jobs.length > 0 && jobs.every((j) => j.state === 'running') && !out.some((f) => f.level === 'error')) {
    out.push(finding('ok', 'replications', `Реплікації працюють (${jobs.length})`, `Replications running (${jobs.length})`));
  }
  return out;
}
