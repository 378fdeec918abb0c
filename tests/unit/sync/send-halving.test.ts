import { describe, expect, it } from 'vitest';
import { sendHalving } from '../../../renderer/data/sync/collection-replication';
import type { BulkRow, CouchClient } from '../../../renderer/data/sync/couch-client';
import type { CouchDoc } from '../../../renderer/data/sync/couch-docs';
import { classifyError, classifyStatus, SyncError } from '../../../renderer/data/sync/sync-failure';

/** A server that refuses bodies of more than `maxDocs` documents with 413, as CouchDB does over max_http_request_size. */
function serverLimitedTo(maxDocs: number, tooBig: Set<string> = new Set()) {
  const calls: number[] = [];
  const client = {
    async bulkDocs(_db: string, docs: CouchDoc[]): Promise<BulkRow[]> {
      calls.push(docs.length);
      if (docs.length > maxDocs || docs.some((d) => tooBig.has(d._id))) {
        throw new SyncError(classifyStatus(413, 'too_large'));
      }
      return docs.map((d) => ({ id: d._id, ok: true, rev: '1-x' }));
    },
  } as unknown as CouchClient;
  return { client, calls };
}

const docs = (n: number): CouchDoc[] => Array.from({ length: n }, (_, i) => ({ _id: `appeal:${String(i).padStart(3, '0')}` }));

describe('a batch the server finds too large (HTTP 413)', () => {
  it('is halved until the parts fit, and every document is sent once, in order', async () => {
    const { client, calls } = serverLimitedTo(25);
    const rows = await sendHalving(client, 'ov_v_x', docs(100));
    expect(rows.map((r) => r.id)).toEqual(docs(100).map((d) => d._id));
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(calls).toEqual([100, 50, 25, 25, 50, 25, 25]);
  });

  it('reports a single document that is still too large as rejected instead of blocking the rest', async () => {
    const { client } = serverLimitedTo(100, new Set(['appeal:002']));
    const rows = await sendHalving(client, 'ov_v_x', docs(4));
    expect(rows.find((r) => r.id === 'appeal:002')?.error).toBe('too_large');
    expect(rows.filter((r) => r.ok).map((r) => r.id)).toEqual(['appeal:000', 'appeal:001', 'appeal:003']);
  });

  it('passes any other failure on unchanged', async () => {
    const client = {
      bulkDocs: async () => {
        throw new SyncError(classifyStatus(503, 'down'));
      },
    } as unknown as CouchClient;
    await expect(sendHalving(client, 'ov_v_x', docs(3))).rejects.toThrow('server');
  });
});

describe('failures are classified for the status bar', () => {
  it.each([
    [401, 'login'],
    [403, 'denied'],
    [413, 'invalid'],
    [400, 'invalid'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i → %s', (status, kind) => {
    expect(classifyStatus(status, '').kind).toBe(kind);
  });

  it('no network and our own timeout are "offline"', () => {
    expect(classifyError(new TypeError('fetch failed')).kind).toBe('offline');
    expect(classifyError(new DOMException('timed out', 'TimeoutError')).kind).toBe('offline');
    expect(classifyError(new Error('boom')).kind).toBe('server');
  });
});
