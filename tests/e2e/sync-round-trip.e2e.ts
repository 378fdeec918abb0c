import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addUser, addVillage } from '../../server/admin/provision';
import { registerAppeal, textbox } from '../helpers/app-page';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';

const SHOTS = 'test-results/screenshots';

function statusBar(page: Page) {
  return page.getByTestId('status-bar');
}

/**
 * Issue 3's story in two real browsers with their own profiles against a real CouchDB-compatible server: a starosta
 * registers with no network, the link comes back, the council sees the appeal and answers it, and the starosta sees
 * the answer and records the handover, which the council then sees.
 */
describe('a starosta and the council office, each in their own browser', () => {
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, 'hlyboke', 'Глибоке');
    await addUser(conn, community, { name: 'starosta.hlyboke', password: PASSWORD, role: 'starosta', village: 'hlyboke' });
    await addUser(conn, community, { name: 'rada', password: PASSWORD, role: 'central' });
  });

  it('registers offline, syncs when online, the council answers, the village hands the answer over', async () => {
    const village = await server.launch();
    const council = await server.launch();
    try {
      const vPage = await logIn(village, server, 'starosta.hlyboke', { operator: 'Коваль О. П.', villageName: 'Глибоке' });
      // The village comes from the account's role: this PC is now Hlyboke's.
      expect(await vPage.getByRole('banner').textContent()).toContain('Глибоке · Староста: Коваль О. П.');
      // The server told the PC its community: transfer files need no code typed by hand.
      await vPage.getByRole('link', { name: 'Резервна копія' }).click();
      await vPage.getByText(`Громада: ${server.couch.community}`).waitFor();
      await vPage.getByRole('link', { name: 'Реєстр' }).click();
      await vPage.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
      const cPage = await logIn(council, server, 'rada');
      await expect.poll(() => statusBar(vPage).textContent()).toContain('Остання синхронізація');

      // No network: the appeal waits on the PC, and the status bar says so.
      await village.setOffline(true);
      const index = await registerAppeal(vPage, {
        surname: 'Петренко',
        givenName: 'Олена',
        address: 'с. Глибоке, вул. Лісова, 2',
        topicCode: '020',
        text: 'Не ходить автобус до райцентру',
      });
      expect(index).toBe('HLYBOKE.1-П-1');
      await expect.poll(() => statusBar(vPage).textContent()).toContain('Очікує надсилання: 1');

      // Back online: it goes to the council; «sync now» reports what happened.
      await village.setOffline(false);
      await statusBar(vPage).getByRole('button', { name: 'Синхронізувати зараз' }).click();
      await expect.poll(() => statusBar(vPage).textContent(), { timeout: 60_000 }).toContain('Очікують надсилання: 0');

      // The council sees it (after its own live pull) and answers.
      await cPage.getByRole('link', { name: 'Реєстр' }).click();
      const councilRow = cPage.locator('[role="row"]', { hasText: index });
      await councilRow.waitFor({ timeout: 60_000 });
      expect(await councilRow.textContent()).toContain('Петренко Олена');
      await councilRow.click();
      await cPage.getByRole('button', { name: 'Внести відповідь' }).click();
      await textbox(cPage, 'Текст відповіді').fill('Рейс відновлено з понеділка.');
      await textbox(cPage, 'Вихідний номер відповіді').fill('В-101');
      await cPage.getByRole('button', { name: 'Зберегти' }).click();
      await cPage.getByText('Надано відповідь — вручіть її заявнику').waitFor();

      // The village sees the answer, marked for handover, and records it.
      await vPage.getByRole('link', { name: 'Реєстр' }).click();
      const villageRow = vPage.locator('[role="row"]', { hasText: index });
      await villageRow.getByText('Вручити заявнику').waitFor({ timeout: 60_000 });
      await villageRow.click();
      await vPage.getByText('Надано відповідь — вручіть її заявнику').waitFor();
      expect(await vPage.getByRole('article').textContent()).toContain('Рейс відновлено з понеділка.');
      await vPage.screenshot({ path: `${SHOTS}/village-answer.png`, fullPage: true });
      await vPage.getByRole('button', { name: 'Відповідь вручено заявнику' }).click();
      await vPage.getByRole('button', { name: 'Зберегти' }).click();
      await expect.poll(() => vPage.getByTestId('card-status').textContent()).toBe('Відповідь вручено');

      // The handover reaches the council.
      await expect.poll(() => cPage.getByTestId('card-status').textContent(), { timeout: 60_000 }).toBe('Відповідь вручено');
      await cPage.getByRole('link', { name: 'Огляд' }).click();
      await cPage.getByRole('heading', { name: 'Строки по селах' }).waitFor();
      // The register row of the appeal followed the handover that arrived by sync: nothing left to hand over.
      await expect.poll(() => cPage.getByTestId('tile-toHandOver').textContent()).toContain('0');
      const hlyboke = cPage.getByRole('row', { name: /hlyboke/ });
      // The village's own report of its last sync reached the council.
      await expect.poll(() => hlyboke.textContent(), { timeout: 60_000 }).toContain('днів тому');
      // No write-once record of the round trip has a second branch on the server: one quiet line says so.
      await expect
        .poll(() => cPage.getByTestId('tamper').textContent(), { timeout: 30_000 })
        .toContain('Конфліктів незмінних записів немає');
      await cPage.screenshot({ path: `${SHOTS}/council-overview.png`, fullPage: true });
    } finally {
      await village.close();
      await council.close();
    }
  });
});
