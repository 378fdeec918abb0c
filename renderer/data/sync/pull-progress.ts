/** How far a long pull is (a new PC's first sync): changes read and left, and the time left at the pace so far. */
export interface DownloadProgress {
  done: number;
  total: number;
  /** Null until there is a pace to go by. */
  etaSeconds: number | null;
}

/** Below this many changes a pull takes seconds: the status bar shows no progress for it. */
const WORTH_SHOWING = 500;

/**
 * The position of a CouchDB sequence in its feed: the number before the dash counts the changes up to it (summed
 * over the shards), which with CouchDB's `pending` gives done and total without any extra request. pouchdb-server's
 * sequences are plain numbers and it sends no `pending`: no progress there.
 */
export function seqPosition(seq: string | number): number | null {
  if (typeof seq === 'number') return seq;
  const n = Number.parseInt(seq, 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * The progress of one sync run's pulls. Appeals and events each read the whole feed (each keeps what it needs), so
 * the feed's length since the run began is the total, and the changes BOTH pulls have read are done: the slower pull
 * decides. The time left is the remaining changes at the pace of that pull since the run's first batch.
 */
export class PullProgress {
  private readonly feeds = new Map<string, { start: number; at: number; pending: number }>();
  private firstBatchAt: number | null = null;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /**
   * One batch of one pull arrived (read from `since` up to `seq`, `pending` changes after it); returns the progress to
   * show, or null when there is nothing worth showing.
   */
  update(feed: string, since: string | number, seq: string | number, pending: number | undefined): DownloadProgress | null {
    const from = seqPosition(since);
    const at = seqPosition(seq);
    if (from === null || at === null || pending === undefined) return null;
    const known = this.feeds.get(feed);
    this.feeds.set(feed, { start: known?.start ?? from, at, pending });
    this.firstBatchAt ??= this.now();
    const feeds = [...this.feeds.values()];
    const total = Math.max(...feeds.map((f) => f.at + f.pending - f.start));
    const done = Math.min(...feeds.map((f) => f.at - f.start));
    if (done >= total || total < WORTH_SHOWING) return null;
    const elapsed = (this.now() - this.firstBatchAt) / 1000;
    const etaSeconds = done > 0 && elapsed > 0 ? Math.ceil(((total - done) * elapsed) / done) : null;
    return { done, total, etaSeconds };
  }
}
