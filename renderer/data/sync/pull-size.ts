/**
 * How many changes the next pull request asks for: about TARGET_MS of the link at the pace the last full batch came
 * in, between MIN and MAX. CouchDB never compresses its answers, so a batch's size is what a cut mid-answer can waste:
 * on a 256 kbit/s village link ~100 changes (a few seconds), while a council PC on a fast link takes 1,000 a request
 * and spends far fewer 300 ms round trips on a first sync of 81,000 documents.
 */
export const PULL_MIN = 100;
export const PULL_MAX = 1000;
const TARGET_MS = 2000;

export class PullSizer {
  private size: number;

  constructor(initial = PULL_MIN * 2) {
    this.size = initial;
  }

  get next(): number {
    return this.size;
  }

  /** A request asked for `asked` changes and got `count` in `ms`. A short answer (the feed's end) says nothing of the link. */
  record(asked: number, count: number, ms: number): void {
    if (count < asked || count === 0) return;
    const paced = (count * TARGET_MS) / Math.max(ms, 1);
    // Halfway towards the new pace: one slow or fast answer does not swing the size.
    const size = Math.round((this.size + paced) / 2);
    this.size = Math.min(PULL_MAX, Math.max(PULL_MIN, size));
  }
}
