import { describe, expect, it } from 'vitest';
import { pollSelector, pullSelector } from '../../../renderer/data/sync/pull-filter';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';

/** A tiny evaluator of the Mango operators the selectors use, to pin their meaning without a server. */
function matches(doc: Record<string, unknown>, selector: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([key, cond]) => {
    if (key === '$or') return (cond as Record<string, unknown>[]).some((s) => matches(doc, s));
    const c = cond as { $regex?: string; $ne?: unknown; $exists?: boolean };
    const value = doc[key];
    if (c.$regex !== undefined) return typeof value === 'string' && new RegExp(c.$regex).test(value);
    if (c.$ne !== undefined) return value !== undefined && value !== c.$ne;
    if (c.$exists !== undefined) return (value !== undefined) === c.$exists;
    return false;
  });
}

describe('the pull selectors', () => {
  const mine = { pc: 'PC1', _rev: RECORD_REVISION };
  it('leave out what this PC pushed, and keep what others pushed, what has no pc, and a forged longer branch', () => {
    const s = pullSelector('appeals', 'PC1');
    expect(matches({ _id: 'appeal:X', ...mine }, s)).toBe(false);
    expect(matches({ _id: 'appeal:X', pc: 'PC2', _rev: RECORD_REVISION }, s)).toBe(true);
    expect(matches({ _id: 'appeal:X', _rev: RECORD_REVISION }, s)).toBe(true);
    expect(matches({ _id: 'appeal:X', pc: 'PC1', _rev: '2-abc' }, s)).toBe(true);
  });

  it('give each pull its own kinds, and the poll all of them', () => {
    const other = { pc: 'PC2', _rev: RECORD_REVISION };
    expect(matches({ _id: 'event:E', ...other }, pullSelector('appeals', 'PC1'))).toBe(false);
    expect(matches({ _id: 'event:E', ...other }, pullSelector('events', 'PC1'))).toBe(true);
    expect(matches({ _id: 'file:F', ...other }, pullSelector('events', 'PC1'))).toBe(true);
    expect(matches({ _id: 'chunk:F:0', ...other }, pullSelector('events', 'PC1'))).toBe(false);
    expect(matches({ _id: 'status:a', ...other }, pollSelector('PC1'))).toBe(false);
    for (const id of ['appeal:A', 'event:E', 'file:F']) expect(matches({ _id: id, ...other }, pollSelector('PC1'))).toBe(true);
  });
});
