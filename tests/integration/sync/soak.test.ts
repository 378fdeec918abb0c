import { describe, expect, it } from 'vitest';
import { runSoak } from '../../soak/runner';
import { FAULT_KINDS } from '../../soak/schedule';
import { summaryLines } from '../../soak/summary';

/**
 * The fault soak in short (issue 10, item 6; the long run is `npm run soak`): three schedules of two villages and the
 * council's PC syncing through cuts, 5xx bursts, a CouchDB restart, an app closed mid-sync, a clock days off and a
 * password changed on the server. The first schedules of any run force every fault kind once, so three suffice.
 * A CouchDB of the soak's own, since it is killed.
 */
describe('fault soak', () => {
  it('three schedules with every fault kind: after each heal every record is everywhere once, nothing set aside, the status true', async () => {
    const lines: string[] = [];
    // A heal shorter than the long run's, so that a broken invariant is reported before the test times out.
    const summary = await runSoak({ schedules: 3, seed: 20261130, healTimeoutMs: 40_000, log: (line) => lines.push(line) });
    const report = [...lines, ...summaryLines(summary)].join('\n');
    expect(summary.violations, report).toEqual([]);
    expect(summary.schedulesRun, report).toBe(3);
    for (const kind of FAULT_KINDS) expect(summary.faults[kind], `${kind}\n${report}`).toBeGreaterThan(0);
    // The faults reached the wire: requests cut and 5xx answered, the changed password refused.
    expect(summary.wire.cutMidRequest + summary.wire.cutMidResponse, report).toBeGreaterThan(0);
    expect(summary.wire.injected5xx, report).toBeGreaterThan(0);
    expect(summary.wire.refused401, report).toBeGreaterThan(0);
    expect(summary.recordsWritten, report).toBeGreaterThan(0);
  }, 120_000);
});
