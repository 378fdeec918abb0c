/**
 * A fault-injecting HTTP proxy on 127.0.0.1 for sync tests and the sync benchmark: a village's weak link between the
 * app and the council's CouchDB. Settings change at run time: latency added in each direction, a bandwidth cap shared
 * by all connections (token-bucket pacing of every byte, headers included), a fraction of requests cut mid-request or
 * mid-response, a cut every N bytes of traffic, and bursts of 5xx answered without forwarding. Counts the bytes on the
 * wire in both directions.
 *
 * node:http rather than node:net: 5xx bursts and cuts mid-request/mid-response need request boundaries, which a TCP
 * relay would re-parse (keep-alive, chunked bodies). Byte counts still come from the client sockets: exact wire bytes.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface FaultSettings {
  /** Added before a request is forwarded and again before its response starts (a round trip gains twice this). */
  latencyMs: number;
  /** Bytes per second in each direction, shared by all connections; 0 means no cap. */
  bytesPerSecond: number;
  /** Fraction (0–1) of requests cut: half of them mid-request (the server sees a broken body), half mid-response. */
  cutFraction: number;
  /**
   * Once this many bytes (both directions, heads included) went through since the last such cut, the connection whose
   * body is flowing is destroyed, mid-request or mid-response: a link that drops every N bytes, whatever the client
   * sends, so a client that restarts a big request from scratch never finishes. 0 means off. Counted as the cuts above.
   */
  cutEveryBytes: number;
  /** The next N requests are answered with `failStatus` and never reach the server. */
  failNext: number;
  failStatus: number;
}

export interface FaultStats {
  /** Wire bytes from the client towards the server, and back. */
  toServer: number;
  fromServer: number;
  requests: number;
  cutMidRequest: number;
  cutMidResponse: number;
  failed: number;
  /** Complete answers by HTTP status (injected failures included). */
  statuses: Record<number, number>;
}

export interface FaultProxy {
  url: string;
  settings: FaultSettings;
  set(patch: Partial<FaultSettings>): void; // at run time
  stats(): FaultStats;
  resetStats(): void; // between two measured runs
  close(): Promise<void>;
}

const SLICE = 1024;
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** One direction of the link: bytes leave one after another at the set rate (a virtual clock shared by connections). */
type Link = (bytes: number) => Promise<void>;
function link(rate: () => number): Link {
  let freeAt = 0;
  return (bytes) => {
    if (rate() <= 0) return Promise.resolve();
    const now = Date.now();
    freeAt = Math.max(now, freeAt) + (bytes * 1000) / rate();
    return sleep(freeAt - now);
  };
}

/** A seeded PRNG (Park–Miller), so that a run's cuts can be reproduced. */
function random(seed: number): () => number {
  let a = seed % 2147483647 || 1;
  return () => {
    a = (a * 48271) % 2147483647;
    return a / 2147483647;
  };
}

/** The size of a head: its first line, `Name: value` lines and the blank line (latin-1 header values assumed). */
const headerBytes = (first: string, raw: string[]) => first.length + raw.reduce((n, s) => n + s.length + 2, 0) + 4;

/** Resolves when the stream can take more, or when it closed (a client that went away must not hang the pump). */
const writable = (to: NodeJS.WritableStream) => Promise.race([once(to, 'drain'), once(to, 'close')]).catch(() => {});

/**
 * Streams a body through the link; stops (returning false) after `cutAfter` bytes when set, or as soon as `tripped`
 * says the link drops now (checked after every slice, so a byte-count cut lands within a slice of its mark).
 */
async function pump(
  from: AsyncIterable<Buffer>,
  to: NodeJS.WritableStream & { destroyed: boolean },
  pass: Link,
  cutAfter: number | null,
  tripped: () => boolean = () => false,
) {
  let sent = 0;
  for await (const chunk of from) {
    for (let i = 0; i < chunk.length; i += SLICE) {
      let slice = chunk.subarray(i, i + SLICE);
      if (cutAfter !== null && sent + slice.length > cutAfter) slice = slice.subarray(0, cutAfter - sent);
      await pass(slice.length);
      if (to.destroyed) throw new Error('the other side went away');
      if (slice.length > 0 && !to.write(slice)) await writable(to);
      sent += slice.length;
      if (cutAfter !== null && sent >= cutAfter) return false;
      if (tripped()) return false;
    }
  }
  return true;
}

/** Starts a proxy on a free port of 127.0.0.1 in front of `target` (which must be on loopback too). */
export async function startFaultProxy(
  target: string,
  options: { settings?: Partial<FaultSettings>; seed?: number; maxLifetimeMs?: number } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  if (!['127.0.0.1', 'localhost'].includes(upstream.hostname)) throw new Error(`only loopback targets: ${target}`);
  const settings: FaultSettings = {
    latencyMs: 0,
    bytesPerSecond: 0,
    cutFraction: 0,
    cutEveryBytes: 0,
    failNext: 0,
    failStatus: 503,
  };
  Object.assign(settings, options.settings);
  // Bytes through the link in both directions since the last byte-count cut (every paced byte passes one of these
  // two), counted only while the cut is on, and from 0 after resetStats, so that each measured run sees its first
  // cut after the same number of bytes.
  let sinceCut = 0;
  const counted =
    (pass: Link): Link =>
    (bytes) => {
      if (settings.cutEveryBytes > 0) sinceCut += bytes;
      return pass(bytes);
    };
  const up = counted(link(() => settings.bytesPerSecond));
  const down = counted(link(() => settings.bytesPerSecond));
  /** True once when the byte mark is passed: the body flowing at that moment is the one cut (one cut per mark). */
  const tripped = () => {
    if (settings.cutEveryBytes <= 0 || sinceCut < settings.cutEveryBytes) return false;
    sinceCut = 0;
    return true;
  };
  const rnd = random(options.seed ?? 1);
  const counts = { requests: 0, cutMidRequest: 0, cutMidResponse: 0, failed: 0, statuses: {} as Record<number, number> };
  const sockets = new Set<Socket>();
  const closed = { toServer: 0, fromServer: 0 }; // bytes of closed sockets (minus open ones' at the last reset)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counts.requests++;
    const socket = req.socket; // detached from req and res once they end or break
    res.once('finish', () => {
      counts.statuses[res.statusCode] = (counts.statuses[res.statusCode] ?? 0) + 1;
    });
    await up(headerBytes(`${req.method} ${req.url} HTTP/1.1`, req.rawHeaders));
    await sleep(settings.latencyMs);
    if (settings.failNext > 0) {
      settings.failNext--;
      counts.failed++;
      req.resume();
      await sleep(settings.latencyMs);
      res.writeHead(settings.failStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'unavailable', reason: 'fault proxy: injected failure' }));
      return;
    }
    const cut = rnd() < settings.cutFraction ? (rnd() < 0.5 ? 'request' : 'response') : null;
    const headers = { ...req.headers, host: upstream.host };
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers });
    const answered = once(out, 'response') as Promise<[IncomingMessage]>;
    answered.catch(() => {}); // awaited below unless the request is cut first
    // The client went away (its own timeout, or a cut): the server's side goes too.
    res.once('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    const length = Number(req.headers['content-length'] ?? 0);
    const sent = await pump(req, out, up, cut === 'request' ? Math.floor(length / 2) : null, tripped);
    if (cut === 'request' || !sent) {
      counts.cutMidRequest++;
      out.destroy();
      socket.destroy();
      return;
    }
    out.end();
    const [answer] = await answered;
    await sleep(settings.latencyMs);
    await down(headerBytes(`HTTP/1.1 ${answer.statusCode}`, answer.rawHeaders));
    res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
    // Half of a body of known length; after the first byte of a chunked (compressed) one.
    const half = Math.max(1, Math.floor(Number(answer.headers['content-length'] ?? 2) / 2));
    const whole = await pump(answer, res, down, cut === 'response' ? half : null, tripped);
    if (whole) return void res.end();
    counts.cutMidResponse++;
    answer.destroy();
    socket.destroySoon(); // what was written goes out first: the client sees the head and half the body, then the end
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The server went away or the client gave up: the client sees a broken connection or a 502, as on a real link.
      if (!res.headersSent) res.writeHead(502).end();
      else res.socket?.destroy();
    });
  });
  server.maxConnections = 256;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      closed.toServer += socket.bytesRead;
      closed.fromServer += socket.bytesWritten;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fault proxy: no address');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    return closing;
  };
  // Never outlives a forgotten test: it stops by itself.
  const lifetime = setTimeout(() => void close(), options.maxLifetimeMs ?? 15 * 60_000);
  lifetime.unref();

  return {
    url: `http://127.0.0.1:${address.port}`,
    settings,
    set: (patch) => Object.assign(settings, patch),
    stats: () => {
      let { toServer, fromServer } = closed;
      for (const s of sockets) {
        toServer += s.bytesRead;
        fromServer += s.bytesWritten;
      }
      return { toServer, fromServer, ...counts, statuses: { ...counts.statuses } };
    },
    resetStats: () => {
      sinceCut = 0;
      Object.assign(closed, { toServer: 0, fromServer: 0 });
      for (const s of sockets) {
        closed.toServer -= s.bytesRead;
        closed.fromServer -= s.bytesWritten;
      }
      Object.assign(counts, { requests: 0, cutMidRequest: 0, cutMidResponse: 0, failed: 0, statuses: {} });
    },
    close,
  };
}
