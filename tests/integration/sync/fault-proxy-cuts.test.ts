import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy';

/**
 * The fault proxy's cut every N bytes (`cutEveryBytes`), which the sync benchmark's "cut every ~300 KB" row relies on:
 * whatever is flowing when the mark is passed is cut, request or response, and the count starts again from there.
 * Against a plain server on loopback: the cut is about bytes on the wire, not about CouchDB.
 */
describe('the fault proxy’s cut every N bytes', () => {
  let server: Server | undefined;
  let proxy: FaultProxy | undefined;
  const received: number[] = []; // body sizes of the POSTs the server read to the end
  afterEach(async () => {
    await proxy?.close();
    server?.closeAllConnections();
    if (server) await new Promise((resolve) => server?.close(resolve));
    received.length = 0;
  });

  async function start(cutEveryBytes: number) {
    server = createServer(async (req, res) => {
      let size = 0;
      for await (const chunk of req) size += (chunk as Buffer).length;
      if (req.method === 'POST') received.push(size);
      const body = req.url === '/big' ? 'x'.repeat(40_000) : 'ok';
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(body.length) }).end(body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    proxy = await startFaultProxy(`http://127.0.0.1:${address.port}`, { settings: { cutEveryBytes } });
    return proxy;
  }
  const get = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();

  it('cuts the response flowing when the mark is passed, then the request flowing at the next mark', async () => {
    const p = await start(10_000);
    // Small exchanges stay below the mark.
    for (let i = 0; i < 3; i++) expect(await get(`${p.url}/small`)).toBe('ok');
    expect(p.stats().cutMidResponse + p.stats().cutMidRequest).toBe(0);
    // A 40 KB answer passes the mark about 10 KB in: the client gets a broken body.
    await expect(get(`${p.url}/big`)).rejects.toThrow();
    expect(p.stats().cutMidResponse).toBe(1);
    // The count starts again after a cut: small exchanges pass again.
    expect(await get(`${p.url}/small`)).toBe('ok');
    // A 40 KB request body is cut on its way up: the server never reads it whole.
    const post = fetch(`${p.url}/upload`, { method: 'POST', body: 'y'.repeat(40_000), signal: AbortSignal.timeout(5_000) });
    await expect(post.then((r) => r.text())).rejects.toThrow();
    expect(p.stats().cutMidRequest).toBe(1);
    expect(received).toEqual([]);
  });

  it('does nothing when 0, and can be switched on at run time', async () => {
    const p = await start(0);
    for (let i = 0; i < 3; i++) expect((await get(`${p.url}/big`)).length).toBe(40_000);
    expect(p.stats().cutMidResponse).toBe(0);
    // The count starts when the cut is switched on: what went by before (120 KB) does not count.
    p.set({ cutEveryBytes: 50_000 });
    expect((await get(`${p.url}/big`)).length).toBe(40_000);
    await expect(get(`${p.url}/big`)).rejects.toThrow();
    expect(p.stats().cutMidResponse).toBe(1);
  });
});
