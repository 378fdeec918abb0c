/** The runner's handle on one PC's thread (pc-worker.ts): each call is a request answered by the thread. */
import { Worker } from 'node:worker_threads';
import type { PcAnswers, PcRequest, PcSetup } from './pc-protocol';

export interface Pc {
  readonly setup: PcSetup;
  /** The password this PC's user logs in with now (changed by a login-expiry fault). */
  password: string;
  ask<K extends PcRequest['op']>(request: Extract<PcRequest, { op: K }>): Promise<PcAnswers[K]>;
  /** Closes the app and ends the thread; returns how many warnings the app logged. */
  close(): Promise<{ warnings: number; lastWarnings?: string[] }>;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Starts a PC's thread, opens its database and starts its sync. */
export async function startPc(setup: PcSetup, options: { verbose?: boolean } = {}): Promise<Pc> {
  const worker = new Worker(new URL('./pc-worker.ts', import.meta.url), {
    workerData: { verbose: options.verbose ?? false },
    // The thread is plain Node (type stripping and node-hooks.ts): no flags of the parent's test runner.
    execArgv: [],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: Answer | { ready: true }) => {
      if ('ready' in message) return resolve();
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(`${setup.username}: ${message.error}`));
    });
  });
  worker.on('error', (error: Error) => {
    failed = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  await ready;
  const ask = <K extends PcRequest['op']>(request: Extract<PcRequest, { op: K }>) => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<PcAnswers[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  };
  await ask({ op: 'init', setup });
  return {
    setup,
    password: setup.password,
    ask,
    close: async () => {
      const result = await ask({ op: 'close' }).catch(() => ({ warnings: -1 }));
      await worker.terminate();
      return result;
    },
  };
}
