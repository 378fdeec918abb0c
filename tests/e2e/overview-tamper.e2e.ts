/**
 * Tamper evidence on the council's overview in Chromium: a server admin grafts a second, changed branch of a village's
 * appeal into the central database (`_bulk_docs` with `new_edits: false`, a made-up branch of two revisions that wins
 * over the record's 1-ff…ff), the council office logs in, and its overview lists the appeal's id under its village as
 * found on the server, with what to do; offline it says the server could not be asked.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../server/admin/couch-client';
import { addUser, addVillage } from '../../server/admin/provision';
import { communityNames } from '../../shared/couch/names';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';
import { appealDoc } from '../helpers/couch/fixtures';
import { WRITTEN, withRecordRevision } from '../helpers/couch/records';

const SHOTS = 'test-results/screenshots';
const VILLAGE = 'hlyboke';
const appeal = appealDoc(VILLAGE);

describe('tamper evidence on the council’s overview', () => {
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, VILLAGE, 'Глибоке');
    await addUser(conn, community, { name: 'rada', password: PASSWORD, role: 'central' });
    const db = communityNames(community).centralDb;
    const write = (doc: object) => request<unknown[]>(conn, 'POST', `/${db}/_bulk_docs`, { docs: [doc], new_edits: false });
    // The appeal as the app writes it (the record revision), then a longer branch of its own that wins over it.
    expect(await write(withRecordRevision(appeal))).toEqual(WRITTEN);
    const [top, root] = ['a'.repeat(32), 'b'.repeat(32)];
    const forged = { ...appeal, surname: 'Підробленко', _rev: `2-${top}`, _revisions: { start: 2, ids: [top, root] } };
    expect(await write(forged)).toEqual(WRITTEN);
  });

  it('lists the forged appeal under its village, found on the server', async () => {
    const context = await server.launch();
    try {
      const page = await logIn(context, server, 'rada');
      await page.getByRole('link', { name: 'Огляд' }).click();
      const section = page.getByTestId('tamper');
      await section.getByRole('heading', { name: 'Можлива підробка записів' }).waitFor();
      const row = section.getByTestId('tamper-row');
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
      expect(await row.locator('th, td').allTextContents()).toEqual([VILLAGE, appeal._id, 'сервер']);
      expect(await section.textContent()).toContain('npm run admin -- status --community');
      await page.setViewportSize({ width: 1366, height: 1000 });
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/overview-tamper.png`, fullPage: true });
      await section.screenshot({ path: `${SHOTS}/overview-tamper-section.png` });

      // Offline, the overview says the server could not be asked instead of "none" or a stale list.
      await context.setOffline(true);
      await page.getByRole('link', { name: 'Реєстр' }).click();
      await page.getByRole('link', { name: 'Огляд' }).click();
      await expect
        .poll(() => page.getByTestId('tamper').textContent(), { timeout: 30_000 })
        .toContain('Не вдалося запитати сервер про підробку записів');
      await page.getByTestId('tamper').screenshot({ path: `${SHOTS}/overview-tamper-offline.png` });
    } finally {
      await context.close();
    }
  });
});
