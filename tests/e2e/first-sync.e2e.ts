import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/data/database';
import { addUser, addVillage } from '../../server/admin/provision';
import { SHOTS } from '../helpers/app-browsers';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';
import { testKey } from '../helpers/data/test-key';
import { startFaultProxy } from '../helpers/fault-proxy';
import { clientSetup, startSync, statusWhere } from '../helpers/sync/sync-clients';
import { registerMany } from '../helpers/sync/volume';

const APPEALS = 600;

/**
 * A replaced village PC (the old one broke or was stolen): a fresh browser profile logs in as the village's starosta
 * over a 256 kbit/s link and pulls the village's register. The status bar shows how far it is, of how much, and the
 * time left, then the whole register is there.
 */
describe("a replaced village PC's first sync", () => {
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, 'hlyboke', 'Глибоке');
    await addUser(conn, community, { name: 'starosta.hlyboke', password: PASSWORD, role: 'starosta', village: 'hlyboke' });
  });

  it('shows done of total and the time left, then the whole register', async () => {
    // The old PC's work: registered and pushed by the app's own code.
    const setup = clientSetup(server.couch.url, 'starosta.hlyboke', 'starosta', 'hlyboke', server.couch.community);
    const old = await openDatabase({
      name: `old_pc_${Date.now()}`,
      storage: getRxStorageMemory() as never,
      key: await testKey(),
    });
    await registerMany(old, setup.profile, APPEALS, () => 1);
    const oldSync = startSync(old, setup.config);
    await statusWhere(oldSync, 'the old PC sent everything', (s) => s.waiting === 0 && s.lastSyncAt !== null, 120_000);
    oldSync.dispose();
    await old.remove();

    const proxy = await startFaultProxy(server.couch.url, { settings: { latencyMs: 150, bytesPerSecond: 32_000 } });
    const browser = await server.launch();
    try {
      const page = await logIn(browser, server, 'starosta.hlyboke', { villageName: 'Глибоке', serverUrl: proxy.url });
      const progress = page.getByTestId('sync-download');
      await progress.waitFor({ timeout: 60_000 });
      await expect
        .poll(() => progress.textContent(), { timeout: 60_000 })
        .toMatch(/^Отримано [\d\s ]+ з [\d\s ]+ змін з сервера, залишилось ≈ \d+ (с|хв)$/u);
      await page.screenshot({ path: `${SHOTS}/first-sync-progress.png` });
      const total = Number((await progress.textContent())?.match(/з ([\d\s ]+) змін/u)?.[1]?.replace(/\D/g, ''));
      expect(total).toBeGreaterThanOrEqual(2 * APPEALS);
      await progress.waitFor({ state: 'detached', timeout: 120_000 });
      await expect
        .poll(() => page.getByTestId('status-bar').textContent(), { timeout: 30_000 })
        .toContain(`У реєстрі ${APPEALS} звернень`);
    } finally {
      await browser.close();
      await proxy.close();
    }
  });
});
