// What every browser benchmark's driver does with its page: serve the built pages, call the page's API, reload it,
// and read the renderer's JS heap through CDP. Benchmark only; never shipped with the app.
import type { BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';

/**
 * Serves a benchmark build (its vite config's outDir) on loopback, on a free port unless `port` is given (a kept
 * browser profile needs the same origin again to find its IndexedDB); the origin to open pages on.
 */
export async function servePages(configFile: string, port = 0): Promise<{ origin: string; close(): Promise<void> }> {
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export interface BenchPage {
  page: Page;
  /** Calls `globalThis[api][name](...args)` in the page and returns its (awaited) result. */
  call<T>(name: string, ...args: unknown[]): Promise<T>;
  /** A fresh page: nothing of the previous page's JS, RxDB or Dexie state survives. */
  reload(): Promise<void>;
  /** The JS heap after a forced GC, MB. */
  heapMb(): Promise<number>;
  /**
   * The highest JS heap (no GC forced) while `work` runs, sampled every 100 ms, and the highest JS heap together with
   * the array buffers' backing stores (sealed parts and file bytes are ArrayBuffers, outside the JS heap proper), MB.
   */
  peakDuring<T>(work: Promise<T>): Promise<{ value: T; heapMb: number; withBuffersMb: number }>;
}

/** Opens `url` in the context's first page and waits until the page says `ready`; its API is `globalThis[api]`. */
export async function openBenchPage(context: BrowserContext, url: string, api: string): Promise<BenchPage> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const ready = async () => {
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  };
  await page.goto(url);
  await ready();
  const cdp = await context.newCDPSession(page);
  return {
    page,
    call: <T>(name: string, ...args: unknown[]) =>
      page.evaluate(
        ([g, n, a]) => {
          const bench = (globalThis as unknown as Record<string, Record<string, (...x: never[]) => unknown>>)[g];
          return bench?.[n]?.(...(a as never[]));
        },
        [api, name, args] as const,
      ) as Promise<T>,
    reload: async () => {
      await page.reload();
      await ready();
    },
    heapMb: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    },
    peakDuring: async <T>(work: Promise<T>) => {
      let heap = 0;
      let withBuffers = 0;
      let done = false;
      const poll = (async () => {
        while (!done) {
          const u = await cdp.send('Runtime.getHeapUsage').catch(() => null);
          if (u) {
            heap = Math.max(heap, u.usedSize);
            withBuffers = Math.max(withBuffers, u.usedSize + (u.backingStorageSize ?? 0));
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      try {
        return { value: await work, heapMb: heap / 2 ** 20, withBuffersMb: withBuffers / 2 ** 20 };
      } finally {
        done = true;
        await poll;
      }
    },
  };
}
