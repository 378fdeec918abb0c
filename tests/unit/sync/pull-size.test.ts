import { describe, expect, it } from 'vitest';
import { PULL_MAX, PULL_MIN, PullSizer } from '../../../renderer/data/sync/pull-size';

describe('the pull batch follows the link', () => {
  it('grows towards ~2 s of a fast link, up to the most a request asks for', () => {
    const sizer = new PullSizer(200);
    // 200 changes in 0.4 s: 1,000 would take 2 s.
    sizer.record(200, 200, 400);
    expect(sizer.next).toBe(600);
    sizer.record(600, 600, 400);
    expect(sizer.next).toBe(PULL_MAX);
  });

  it('shrinks on a slow link (a cut then wastes at most a few seconds), down to the least', () => {
    const sizer = new PullSizer(200);
    // 200 changes in 8 s at 256 kbit/s: 50 would take 2 s.
    sizer.record(200, 200, 8000);
    expect(sizer.next).toBe(125);
    sizer.record(125, 125, 5000);
    expect(sizer.next).toBe(PULL_MIN);
  });

  it("takes no pace from the feed's end (a short answer) or an empty one", () => {
    const sizer = new PullSizer(200);
    sizer.record(200, 3, 10);
    sizer.record(200, 0, 10);
    expect(sizer.next).toBe(200);
  });
});
