/** Plays one schedule: its writes and faults at their times, then waits for everything it started. */
import type { CouchProcess } from '../helpers/couch/couch-process';
import type { TestCouch } from '../helpers/couch/test-couch';
import type { FaultProxy } from '../helpers/fault-proxy';
import type { Community } from '../helpers/sync/sync-clients';
import type { Ledger } from './check';
import { LoginKeeper } from './logins';
import type { Pc } from './pc';
import type { RecordView } from './pc-protocol';
import { COUNCIL, type FaultKind, type Schedule, type Step } from './schedule';

export { LoginKeeper };

/** Faults injected, by kind; login expiries skipped to stay clear of CouchDB's lockout. */
export type Faults = Record<FaultKind, number> & { loginExpirySkipped: number };

/** What a run keeps from one schedule to the next. */
export interface Run {
  server: CouchProcess;
  couch: TestCouch;
  community: Community;
  proxies: FaultProxy[];
  pcs: Pc[];
  ledger: Ledger;
  faults: Faults;
  logins: LoginKeeper;
  /** Resolves when CouchDB is up (the admin changes a password only then). */
  serverUp: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Runs the schedule's steps; returns how many records were written and what already broke (an app that lost data). */
export async function runSchedule(run: Run, schedule: Schedule): Promise<{ written: number; problems: string[] }> {
  run.proxies.forEach((p, i) => {
    p.set({ latencyMs: schedule.latencyMs[i] ?? 0 });
  });
  if (schedule.faults.includes('clockSkew')) run.faults.clockSkew++;
  const result = { written: 0, problems: [] as string[] };
  const tasks: Promise<void>[] = [];
  const t0 = Date.now();
  for (const step of schedule.steps) {
    await sleep(t0 + step.at - Date.now());
    tasks.push(play(run, schedule, step, result));
  }
  await sleep(t0 + schedule.durationMs - Date.now());
  await Promise.all(tasks);
  return result;
}

function pcOf(run: Run, index: number): Pc {
  const pc = run.pcs[index];
  if (!pc) throw new Error(`no PC ${index}`);
  return pc;
}

function proxyOf(run: Run, index: number): FaultProxy {
  const proxy = run.proxies[index];
  if (!proxy) throw new Error(`no proxy ${index}`);
  return proxy;
}

async function play(run: Run, schedule: Schedule, step: Step, result: { written: number; problems: string[] }) {
  const wrote = (records: RecordView[]) => {
    for (const r of records) run.ledger.set(`${r.collection}:${r.id}`, r);
    result.written += records.length;
  };
  switch (step.kind) {
    case 'write': {
      const offsetDays = schedule.clockOffsetDays[step.pc] ?? 0;
      wrote(await pcOf(run, step.pc).ask({ op: 'register', appeals: step.appeals, eventsPer: step.eventsPer, offsetDays }));
      return;
    }
    case 'councilEvents': {
      const offsetDays = schedule.clockOffsetDays[COUNCIL] ?? 0;
      wrote(await pcOf(run, COUNCIL).ask({ op: 'comment', count: step.count, offsetDays, pickSeed: step.pickSeed }));
      return;
    }
    case 'cut':
      run.faults.cut++;
      proxyOf(run, step.pc).set({ cutFraction: step.fraction });
      await sleep(step.untilMs - step.at);
      proxyOf(run, step.pc).set({ cutFraction: 0 });
      return;
    case 'burst5xx':
      run.faults.burst5xx++;
      proxyOf(run, step.pc).set({ failNext: step.count, failStatus: step.status });
      return;
    case 'couchRestart':
      run.faults.couchRestart++;
      {
        let up = () => {};
        run.serverUp = new Promise((resolve) => {
          up = resolve;
        });
        try {
          await run.server.kill();
          await sleep(step.downMs);
          await run.server.start();
        } finally {
          up();
        }
        return;
      }
    case 'appRestart': {
      run.faults.appRestart++;
      const counts = await pcOf(run, step.pc).ask({ op: 'restart' });
      if (counts.after !== counts.before) {
        result.problems.push(`PC ${step.pc}: ${counts.before} records before the app closed, ${counts.after} after it reopened`);
      }
      return;
    }
    case 'loginExpiry':
      if (run.logins.expire(run, step.pc)) run.faults.loginExpiry++;
      else run.faults.loginExpirySkipped++;
      return;
  }
}
