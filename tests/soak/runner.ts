/**
 * The fault soak (issue 10, item 6): two villages and the council's PC sync through fault proxies with a CouchDB of
 * the soak's own, schedule after schedule (schedule.ts). After each, a heal (faults off, server up, "sync now" until
 * quiet) and the invariants (check.ts). Stops at the first schedule whose invariants break and says which seed and
 * schedule replay it. The CLI (soak.ts) and the CI test (tests/integration/sync/soak.test.ts) both call `runSoak`.
 */
import { startCouchProcess } from '../helpers/couch/couch-process';
import { testCouchOn } from '../helpers/couch/test-couch';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy';
import { PASSWORD, provisionCommunity } from '../helpers/sync/sync-clients';
import { CentralView } from './central';
import { checkCentral, checkPc, type Ledger } from './check';
import { LoginKeeper } from './logins';
import { type Pc, startPc } from './pc';
import { type Faults, type Run, runSchedule } from './run-schedule';
import { drawSchedule, FAULT_KINDS, type FaultKind } from './schedule';

export interface SoakOptions {
  schedules: number;
  seed: number;
  /** A heal longer than this is a violation (the records never arrived, or the status never cleared). */
  healTimeoutMs?: number;
  log?: (line: string) => void;
  /** Let the apps' own warnings through (every failed request logs one). */
  verbose?: boolean;
}

export interface SoakSummary {
  seed: number;
  schedulesRun: number;
  recordsWritten: number;
  faults: Faults;
  /** What the proxies saw: cuts mid-request and mid-response, injected 5xx, refused logins (401). */
  wire: { requests: number; cutMidRequest: number; cutMidResponse: number; injected5xx: number; refused401: number };
  healMs: { p50: number; p95: number; max: number };
  durationMs: number;
  violations: { schedule: number; problems: string[] }[];
}

const HEAL_TIMEOUT_MS = 90_000;

export async function runSoak(options: SoakOptions): Promise<SoakSummary> {
  const log = options.log ?? console.log;
  const started = Date.now();
  const server = await startCouchProcess();
  const proxies: FaultProxy[] = [];
  const pcs: Pc[] = [];
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const summary: SoakSummary = {
    seed: options.seed,
    schedulesRun: 0,
    recordsWritten: 0,
    faults: { ...faults, loginExpirySkipped: 0 },
    wire: { requests: 0, cutMidRequest: 0, cutMidResponse: 0, injected5xx: 0, refused401: 0 },
    healMs: { p50: 0, p95: 0, max: 0 },
    durationMs: 0,
    violations: [],
  };
  const heals: number[] = [];
  try {
    const couch = testCouchOn(server.adminUrl);
    const community = await provisionCommunity(couch);
    const [a, b] = community.villages;
    for (let i = 0; i < 3; i++) {
      // A proxy per PC: each has a link of its own. They live as long as the run.
      proxies.push(await startFaultProxy(couch.url, { seed: options.seed + i + 1, maxLifetimeMs: 24 * 3_600_000 }));
    }
    const base = { password: PASSWORD, community: community.code };
    const setups = [
      { ...base, name: 'soak_village_a', role: 'starosta', villageId: a, username: community.users.a },
      { ...base, name: 'soak_village_b', role: 'starosta', villageId: b, username: community.users.b },
      { ...base, name: 'soak_council', role: 'central', villageId: 'central', username: community.users.central },
    ] as const;
    for (const [i, setup] of setups.entries()) {
      pcs.push(await startPc({ ...setup, serverUrl: (proxies[i] as FaultProxy).url }, { verbose: options.verbose ?? false }));
    }
    const run: Run = {
      server,
      couch,
      community,
      proxies,
      pcs,
      ledger: new Map() as Ledger,
      faults: summary.faults,
      logins: new LoginKeeper(),
      serverUp: Promise.resolve(),
    };
    const central = new CentralView(couch.conn, couch.names.centralDb);
    const villages = [a, b, null];
    const names = ['village A', 'village B', 'council PC'];
    log(`soak: seed ${options.seed}, ${options.schedules} schedules, CouchDB at ${server.url}`);
    for (let n = 0; n < options.schedules; n++) {
      const schedule = drawSchedule(options.seed, n, options.schedules);
      const t0 = Date.now();
      let written = 0;
      let healFrom = Date.now();
      let problems: string[];
      try {
        const played = await runSchedule(run, schedule);
        written = played.written;
        healFrom = Date.now();
        problems = [...played.problems, ...(await heal(run, central, villages, names, options.healTimeoutMs ?? HEAL_TIMEOUT_MS))];
      } catch (error) {
        // Not an invariant, but the run cannot go on: said as loudly, with the seed and schedule.
        problems = [`the soak itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
      }
      const healMs = Date.now() - healFrom;
      heals.push(healMs);
      summary.schedulesRun++;
      summary.recordsWritten += written;
      const faultText = schedule.faults.length ? schedule.faults.join(',') : 'none';
      log(
        `#${n} ${problems.length ? 'FAIL' : 'ok'} faults=${faultText} wrote=${written} total=${run.ledger.size} ` +
          `chaos=${healFrom - t0}ms heal=${healMs}ms`,
      );
      if (problems.length) {
        summary.violations.push({ schedule: n, problems });
        log(
          `INVARIANT VIOLATED — seed ${options.seed}, schedule ${n} (replay: npm run soak -- --seed ${options.seed} --schedules ${n + 1}):`,
        );
        for (const p of problems) log(`  ${p}`);
        break;
      }
    }
  } finally {
    for (const p of proxies) {
      const s = p.stats();
      summary.wire.requests += s.requests;
      summary.wire.cutMidRequest += s.cutMidRequest;
      summary.wire.cutMidResponse += s.cutMidResponse;
      summary.wire.injected5xx += s.failed;
      summary.wire.refused401 += s.statuses[401] ?? 0;
    }
    for (const pc of pcs) await pc.close().catch(() => undefined);
    await Promise.all(proxies.map((p) => p.close()));
    await server.remove().catch(() => undefined);
  }
  const sorted = [...heals].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  summary.healMs = { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
  summary.durationMs = Date.now() - started;
  return summary;
}

/**
 * Faults off, server up, logins renewed; then "sync now" on every PC and the invariants, again and again until they
 * hold ("quiet") or the time is up. Returns the problems left (none when healed).
 */
async function heal(
  run: Run,
  central: CentralView,
  villages: (string | null)[],
  names: string[],
  timeoutMs: number,
): Promise<string[]> {
  for (const p of run.proxies) p.set({ cutFraction: 0, failNext: 0 });
  const loginProblems = await run.logins.settled();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await Promise.all(run.pcs.map((pc) => pc.ask({ op: 'syncNow', timeoutMs: 15_000 })));
    const snaps = await Promise.all(run.pcs.map((pc) => pc.ask({ op: 'snapshot' })));
    await central.refresh();
    const problems = [
      ...snaps.flatMap((snap, i) => checkPc(names[i] ?? `pc ${i}`, run.ledger, snap, villages[i] ?? null)),
      ...checkCentral(run.ledger, central.records),
    ];
    if (problems.length === 0 || Date.now() > deadline) return [...loginProblems, ...problems];
    await new Promise((r) => setTimeout(r, 250));
  }
}
