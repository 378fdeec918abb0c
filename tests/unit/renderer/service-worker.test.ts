import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * renderer/public/sw.js run in a bare context with an in-memory Cache Storage and a fake server holding one
 * build: what the install caches and what the activation drops.
 */
const SCOPE = 'http://app.test/';
const SW_SOURCE = readFileSync(new URL('../../../renderer/public/sw.js', import.meta.url), 'utf8');

type Key = { url: string };
const urlOf = (request: string | Key) => new URL(typeof request === 'string' ? request : request.url, SCOPE).href;

class MemoryCache {
  readonly entries = new Map<string, Response>();
  constructor(private readonly fetcher: (url: string) => Promise<Response>) {}
  async put(request: string | Key, response: Response) {
    this.entries.set(urlOf(request), response);
  }
  async match(request: string | Key) {
    return this.entries.get(urlOf(request))?.clone();
  }
  async keys(): Promise<Key[]> {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async delete(request: string | Key) {
    return this.entries.delete(urlOf(request));
  }
  async addAll(requests: string[]) {
    for (const r of requests) {
      const response = await this.fetcher(urlOf(r));
      if (!response.ok) throw new TypeError(`addAll: ${r} answered ${response.status}`);
      this.entries.set(urlOf(r), response);
    }
  }
}

function serviceWorker(files: Record<string, string>) {
  const fetched: string[] = [];
  const fetcher = async (url: string) => {
    fetched.push(url);
    const path = new URL(url).pathname.slice(1) || 'index.html';
    const body = files[path];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
  };
  const stores = new Map<string, MemoryCache>();
  const caches = {
    open: async (name: string) => stores.get(name) ?? stores.set(name, new MemoryCache(fetcher)).get(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    location: { origin: new URL(SCOPE).origin },
    registration: { scope: SCOPE },
    clients: { claim: async () => {} },
    skipWaiting: async () => {},
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const caches_ = caches;
  // The same origin may serve CouchDB behind a proxy path (couchdb/…): what it answers is personal data.
  files['couchdb/_session'] = '{"ok":true,"userCtx":{"name":"hlyboke-starosta"}}';
  files['couchdb/ov-hlyb-hlyboke/appeal%3Ax'] = '{"surname":"Шевчук","address":"вул. Садова, 3"}';
  runInNewContext(SW_SOURCE, {
    self,
    caches,
    fetch: (request: string, _init?: unknown) => fetcher(urlOf(request)),
    Response,
    URL,
    Set,
    Array,
    JSON,
    Promise,
  });
  const dispatch = async (type: string) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)?.({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  const cached = async () => [...((await caches.open('open-village-shell-v1')) as MemoryCache).entries.keys()].sort();
  /** A page's GET: resolves with whether the worker answered it (false: the browser goes to the network itself). */
  const get = async (url: string, mode = 'cors') => {
    let answer: Promise<Response> | null = null;
    listeners.get('fetch')?.({ request: { method: 'GET', url, mode }, respondWith: (p: Promise<Response>) => (answer = p) });
    if (answer) await answer;
    // The copy is put in the cache after the answer; let that settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return answer !== null;
  };
  return { dispatch, cached, caches: caches_, fetched, get };
}

const BUILD = {
  'index.html':
    '<script type="module" crossorigin src="./assets/index-NEW.js"></script><link rel="stylesheet" href="./assets/index-NEW.css">',
  'assets/index-NEW.js': 'main',
  'assets/index-NEW.css': 'css',
  'assets/pdf-document-NEW.js': 'pdf.js',
  'assets/pdf.worker.min-NEW.mjs': 'worker',
  'pdfjs/openjpeg_nowasm_fallback.js': 'openjpeg',
  'precache.json': JSON.stringify([
    'assets/index-NEW.css',
    'assets/index-NEW.js',
    'assets/pdf-document-NEW.js',
    'assets/pdf.worker.min-NEW.mjs',
    'pdfjs/openjpeg_nowasm_fallback.js',
  ]),
};

describe('service worker (browser mode)', () => {
  it('caches at install the lazily loaded PDF viewer, its worker and decoders, not only what index.html links', async () => {
    const sw = serviceWorker(BUILD);
    await sw.dispatch('install');
    expect(await sw.cached()).toEqual(
      expect.arrayContaining([
        `${SCOPE}`,
        `${SCOPE}index.html`,
        `${SCOPE}assets/index-NEW.js`,
        `${SCOPE}assets/pdf-document-NEW.js`,
        `${SCOPE}assets/pdf.worker.min-NEW.mjs`,
        `${SCOPE}pdfjs/openjpeg_nowasm_fallback.js`,
      ]),
    );
  });

  it('still installs the shell from a build without precache.json', async () => {
    const { 'precache.json': _, ...older } = BUILD;
    const sw = serviceWorker(older);
    await sw.dispatch('install');
    expect(await sw.cached()).toContain(`${SCOPE}assets/index-NEW.js`);
    expect(await sw.cached()).not.toContain(`${SCOPE}assets/pdf-document-NEW.js`);
  });

  it("drops an older build's hashed files on activation and keeps this build's and the shell", async () => {
    const sw = serviceWorker(BUILD);
    const cache = (await sw.caches.open('open-village-shell-v1')) as MemoryCache;
    await cache.put('./assets/index-OLD.js', new Response('old main'));
    await cache.put('./assets/pdf.worker.min-OLD.mjs', new Response('old worker'));
    await cache.put('./assets/appeal-OLD.json?x=1', new Response('old'));
    await sw.dispatch('install');
    await sw.dispatch('activate');
    const kept = await sw.cached();
    expect(kept.filter((u) => u.includes('OLD'))).toEqual([]);
    expect(kept).toEqual(
      expect.arrayContaining([
        `${SCOPE}index.html`,
        `${SCOPE}assets/pdf.worker.min-NEW.mjs`,
        `${SCOPE}pdfjs/openjpeg_nowasm_fallback.js`,
      ]),
    );
  });

  it('caches what the page fetches of the shell, never a same-origin CouchDB answer (personal data)', async () => {
    const sw = serviceWorker({ ...BUILD });
    expect(await sw.get(`${SCOPE}assets/index-NEW.js`)).toBe(true);
    expect(await sw.get(`${SCOPE}couchdb/_session`)).toBe(false);
    expect(await sw.get(`${SCOPE}couchdb/ov-hlyb-hlyboke/appeal%3Ax?attachments=true`)).toBe(false);
    expect(await sw.get(`${SCOPE}couchdb/_utils/`, 'navigate')).toBe(true);
    const cached = await sw.cached();
    expect(cached).toEqual([`${SCOPE}assets/index-NEW.js`]);
    expect(cached.filter((u) => u.includes('couchdb'))).toEqual([]);
  });
});
