/**
 * The doctor's HTTP: raw requests through node:http(s), so it sees what fetch hides from a caller (the bytes on the
 * wire before decompression, every CORS header, the TLS failure's own code) and sends exactly the headers a browser
 * would, `Origin` included.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** An answer as received: status, headers and the body's bytes exactly as they came (still compressed, if they were). */
export interface RawAnswer {
  ok: true;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request that got no HTTP answer: the network or TLS error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, `TIMEOUT`, …). */
export interface RawFailure {
  ok: false;
  code: string;
}

/** How to send one request. */
export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A JSON body to send. */
  body?: unknown;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Sends one request to `base` + `path` and collects the whole answer; never throws for network failures. */
export function rawRequest(base: string, path: string, options: RawOptions = {}): Promise<RawAnswer | RawFailure> {
  const url = new URL(`${base}${path}`);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve) => {
    const req = send(
      url,
      { method: options.method ?? 'GET', headers, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, code: error.code ?? error.message }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, code: error.code ?? error.message }));
    req.end(payload);
  });
}

/** The answer's body as JSON, or null when it is not JSON (an HTML error page of a proxy, an empty body). */
export function jsonOf<T>(answer: RawAnswer): T | null {
  try {
    return JSON.parse(answer.body.toString('utf8')) as T;
  } catch {
    return null;
  }
}

/** One header's value as a single string (CouchDB sends each CORS header once). */
export function headerOf(answer: RawAnswer, name: string): string | null {
  const value = answer.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
