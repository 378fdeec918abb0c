/**
 * The hooks every Node sync suite repeats: one test CouchDB for the suite, and after each test the sync controllers
 * stopped, the fault proxies closed and the app databases removed (RxDB allows 13 collections per process).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SyncController } from '../../../renderer/data/sync/sync-controller';
import { startTestCouch, type TestCouch } from '../couch/test-couch';
import { TestDatabases } from '../data/test-db';
import type { FaultProxy } from '../fault-proxy';

export interface SyncSuite {
  readonly couch: TestCouch;
  readonly dbs: TestDatabases;
  /** Stopped after each test. */
  readonly controllers: SyncController[];
  /** Closed after each test. */
  readonly proxies: FaultProxy[];
}

export function useSyncSuite(): SyncSuite {
  let couch: TestCouch | undefined;
  const dbs = new TestDatabases();
  const controllers: SyncController[] = [];
  const proxies: FaultProxy[] = [];
  beforeAll(async () => {
    couch = await startTestCouch();
  });
  afterEach(async () => {
    for (const c of controllers.splice(0)) c.dispose();
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    await dbs.removeAll();
  });
  afterAll(async () => {
    await couch?.stop();
  });
  return {
    get couch() {
      if (!couch) throw new Error('the test CouchDB starts in beforeAll');
      return couch;
    },
    dbs,
    controllers,
    proxies,
  };
}
