/**
 * A schedule: a few seconds of a community's life under faults, drawn from a seeded PRNG. Villages register appeals
 * with events and the council records events on what it holds, while links are cut, the server fails or is
 * restarted, an app is closed and reopened, a PC's clock is days off, or a password changes on the server.
 */
import { type Prng, prng } from './prng';

export const FAULT_KINDS = ['cut', 'burst5xx', 'couchRestart', 'appRestart', 'clockSkew', 'loginExpiry'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** PCs by index: 0 and 1 are the villages, 2 the council. */
export const COUNCIL = 2;
const PCS = [0, 1, 2];

export type Step =
  | { at: number; kind: 'write'; pc: number; appeals: number; eventsPer: number[] }
  | { at: number; kind: 'councilEvents'; count: number; pickSeed: number }
  | { at: number; kind: 'cut'; pc: number; fraction: number; untilMs: number }
  | { at: number; kind: 'burst5xx'; pc: number; count: number; status: number }
  | { at: number; kind: 'couchRestart'; downMs: number }
  | { at: number; kind: 'appRestart'; pc: number }
  | { at: number; kind: 'loginExpiry'; pc: number };

export interface Schedule {
  n: number;
  durationMs: number;
  /** Added latency on each PC's link for this schedule (not a fault: it lets faults land mid-sync). */
  latencyMs: number[];
  /** Days each PC's clock is off during this schedule (0: right). */
  clockOffsetDays: number[];
  steps: Step[];
  /** The fault kinds this schedule injects. */
  faults: FaultKind[];
}

/** How likely each fault kind is in a schedule (a CouchDB restart and a login expiry cost the most time). */
const CHANCE: Record<FaultKind, number> = {
  cut: 0.45,
  burst5xx: 0.4,
  couchRestart: 0.06,
  appRestart: 0.25,
  clockSkew: 0.25,
  loginExpiry: 0.05,
};

/**
 * Schedule `n` of a run of `total` with this seed. Each kind is forced once in the first schedules (kind k in
 * schedule k mod total), so that even a short run injects every kind.
 */
export function drawSchedule(seed: number, n: number, total: number): Schedule {
  const rnd = prng((seed * 1_000_003 + n * 7919) >>> 0);
  const durationMs = rnd.int(1200, 2400);
  const at = () => rnd.int(0, durationMs - 200);
  const forced = FAULT_KINDS.filter((_, k) => n < FAULT_KINDS.length && k % Math.min(total, FAULT_KINDS.length) === n);
  const faults = FAULT_KINDS.filter((kind) => forced.includes(kind) || rnd.chance(CHANCE[kind]));
  const steps: Step[] = [];
  for (const pc of [0, 1]) {
    for (let w = rnd.int(1, 3); w > 0; w--) {
      const appeals = rnd.int(1, 2);
      steps.push({ at: at(), kind: 'write', pc, appeals, eventsPer: Array.from({ length: appeals }, () => rnd.int(0, 2)) });
    }
  }
  for (let w = rnd.int(0, 2); w > 0; w--)
    steps.push({ at: at(), kind: 'councilEvents', count: rnd.int(1, 2), pickSeed: rnd.int(1, 1e9) });
  const clockOffsetDays = [0, 0, 0];
  for (const kind of faults) faultSteps(kind, rnd, at, durationMs, steps, clockOffsetDays, forced.includes(kind));
  steps.sort((x, y) => x.at - y.at);
  return { n, durationMs, latencyMs: PCS.map(() => rnd.int(0, 60)), clockOffsetDays, steps, faults };
}

function faultSteps(
  kind: FaultKind,
  rnd: Prng,
  at: () => number,
  durationMs: number,
  steps: Step[],
  clock: number[],
  forced: boolean,
) {
  switch (kind) {
    case 'cut': {
      // One link or all of them lose a share of their requests for a while.
      // A forced cut (a short run's only one) spans every link from the start, so that it surely meets requests.
      const pcs = forced || rnd.chance(0.3) ? PCS : [rnd.pick(PCS)];
      const start = forced ? 0 : at();
      for (const pc of pcs)
        steps.push({
          at: start,
          kind,
          pc,
          fraction: forced ? 0.5 : rnd.int(10, 60) / 100,
          untilMs: forced ? durationMs : rnd.int(start + 200, durationMs),
        });
      return;
    }
    case 'burst5xx':
      steps.push({ at: at(), kind, pc: rnd.pick(PCS), count: rnd.int(1, 8), status: rnd.pick([500, 502, 503, 504]) });
      return;
    case 'couchRestart':
      steps.push({ at: at(), kind, downMs: rnd.int(200, 1500) });
      return;
    case 'appRestart':
      steps.push({ at: at(), kind, pc: rnd.pick(PCS) });
      return;
    case 'clockSkew': {
      const pc = rnd.pick(PCS);
      clock[pc] = (rnd.chance(0.5) ? 1 : -1) * rnd.int(1, 40);
      return;
    }
    case 'loginExpiry':
      steps.push({ at: at(), kind, pc: rnd.pick(PCS) });
      return;
  }
}
