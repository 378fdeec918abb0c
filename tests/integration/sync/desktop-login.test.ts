import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The desktop login: main only lets the page connect to the saved server (CSP connect-src), and a page keeps the
 * policy it loaded with. So a login to a new server saves the credentials, reloads, and finishes after the reload.
 * The Electron binary cannot run here: the platform adapter is replaced by a stand-in with the same contract.
 */
vi.mock('../../../renderer/platform/platform', () => import('../../helpers/desktop-platform'));
const { saved } = await import('../../helpers/desktop-platform');

const { SyncService } = await import('../../../renderer/data/sync/sync-service');
const { loadSyncConfig } = await import('../../../renderer/data/sync/sync-config');
const { startTestCouch } = await import('../../helpers/couch/test-couch');
const { TestDatabases } = await import('../../helpers/data/test-db');
const { PASSWORD, provisionCommunity } = await import('../../helpers/sync/sync-clients');

describe('logging in on the desktop', () => {
  let couch: Awaited<ReturnType<typeof startTestCouch>>;
  const dbs = new TestDatabases();
  const store = new Map<string, string>();
  const reload = vi.fn();

  beforeAll(async () => {
    couch = await startTestCouch();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    vi.stubGlobal('location', { reload });
  });
  afterEach(() => dbs.removeAll());
  afterAll(async () => {
    vi.unstubAllGlobals();
    await couch?.stop();
  });

  it('saves the new server, reloads, then finishes the login with the saved password and remembers the village', async () => {
    const community = await provisionCommunity(couch);
    const [a] = community.villages;
    const db = await dbs.create('memory');
    const before = new SyncService(db, 'test');

    const first = await before.login({ serverUrl: `${couch.url}/`, username: community.users.a, password: PASSWORD }, null);
    expect(first.ok).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(saved.value).toEqual({ serverUrl: couch.url, username: community.users.a, password: PASSWORD });
    expect(await loadSyncConfig(db)).toBeNull();

    // After the reload: a new service on the same database finds the pending login and finishes it.
    const after = new SyncService(db, 'test');
    expect(after.hasPendingLogin()).toBe(true);
    const resumed = await after.resumeLogin(null);
    // The account's roles name its community: the login hands its code to the PC (transfer files carry it).
    expect(resumed).toMatchObject({ ok: true, communityCode: couch.community });
    expect(after.hasPendingLogin()).toBe(false);
    expect(await loadSyncConfig(db)).toEqual({
      serverUrl: couch.url,
      username: community.users.a,
      community: couch.community,
      dbName: couch.names.villageDb(a),
      role: 'starosta',
      villageId: a,
    });
    after.controller?.dispose();

    // The same server again: no reload needed, and a wrong password is refused in words.
    const wrong = await after.login({ serverUrl: couch.url, username: community.users.a, password: 'not the password' }, null);
    expect(wrong).toEqual({ ok: false, message: expect.objectContaining({ uk: 'Невірне ім’я користувача або пароль' }) });
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
