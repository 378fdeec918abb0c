import { describe, expect, it } from 'vitest';
import { PullProgress, seqPosition } from '../../../renderer/data/sync/pull-progress';

const seq = (n: number) => `${n}-g1AAAACbeJzLYWBgYMpgTmEQTM4vTc5ISXIwNDLXMwBCwxyQVCJDUv3`;

describe('pull progress from CouchDB sequences and pending', () => {
  it('reads the position before the dash; a plain number is its own position; anything else none', () => {
    expect(seqPosition(seq(1234))).toBe(1234);
    expect(seqPosition(17)).toBe(17);
    expect(seqPosition('now')).toBeNull();
  });

  it('counts the feed once although both pulls read it: the slower pull decides what is done, and the time left', () => {
    let now = 0;
    const progress = new PullProgress(() => now);
    // A new PC: both pulls start at 0; the feed holds 3,000 changes.
    expect(progress.update('appeals', 0, seq(200), 2800)).toEqual({ done: 200, total: 3000, etaSeconds: null });
    now = 10_000;
    // Events is behind at 100: 100 done in 10 s, 2,900 left: 290 s.
    expect(progress.update('events', 0, seq(100), 2900)).toEqual({ done: 100, total: 3000, etaSeconds: 290 });
    now = 20_000;
    expect(progress.update('events', seq(100), seq(1000), 2000)).toEqual({ done: 200, total: 3000, etaSeconds: 280 });
  });

  it('counts from where this run began, not from the start of the feed', () => {
    const progress = new PullProgress(() => 0);
    expect(progress.update('appeals', seq(5000), seq(5200), 800)).toMatchObject({ done: 200, total: 1000 });
  });

  it('shows nothing for a short pull, nothing once all is read, and nothing without pending (pouchdb-server)', () => {
    expect(new PullProgress(() => 0).update('appeals', 0, seq(10), 120)).toBeNull();
    const long = new PullProgress(() => 0);
    expect(long.update('appeals', 0, seq(200), 700)).not.toBeNull();
    expect(long.update('appeals', seq(200), seq(900), 0)).toBeNull();
    expect(new PullProgress().update('appeals', 0, 42, undefined)).toBeNull();
  });
});
