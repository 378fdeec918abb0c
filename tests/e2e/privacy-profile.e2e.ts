import { describe, expect, it } from 'vitest';
import { addUser, addVillage } from '../../server/admin/provision';
import { fillAppealForm, openRegister, rowByIndex, saveAppealForm, snapshotParts } from '../helpers/app-page-extra';
import { launchWithProfile, newProfileDir, removeProfile } from '../helpers/browser';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';
import { profileFilesContaining } from '../helpers/profile-files';

/** A surname no other file of a fresh profile could hold by chance. */
const SURNAME = 'Приватнюк';
const TEXT = 'Прошу перевірити стан криниці біля ставу';
const ADDRESS = 'с. Зарічне, вул. Ставкова, 7';
const PHONE = '+380 50 765 43 21';

/**
 * Browser storage outside the register, named for the message when one holds personal data: web storage, the service
 * worker with its Cache Storage, the HTTP and code caches, and session restore (Chromium keeps form fields there).
 */
const OUTSIDE_THE_REGISTER = ['Local Storage', 'Session Storage', 'Service Worker', 'Cache', 'Code Cache', 'Sessions'];

/**
 * What a browser profile keeps of an appeal, in real Chromium with the app served over http://127.0.0.1 (a secure
 * context, so the service worker and its Cache Storage are in play) and logged in to the council's CouchDB, so the
 * replication's own copies of the records are written too. The register itself (IndexedDB) is sealed at rest.
 */
describe('personal data in the browser profile', () => {
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, 'zarichne', 'Зарічне');
    await addUser(conn, community, { name: `privacy.${community}`, password: PASSWORD, role: 'starosta', village: 'zarichne' });
  });

  it('keeps no surname, address, phone or appeal text in any file of the profile, IndexedDB included', async () => {
    const profile = newProfileDir();
    let index = '';
    try {
      const context = await launchWithProfile(profile);
      try {
        const page = await logIn(context, server, `privacy.${server.couch.community}`);
        await fillAppealForm(page, {
          surname: SURNAME,
          givenName: 'Оксана',
          address: ADDRESS,
          phone: PHONE,
          topicCode: '020',
          text: TEXT,
        });
        index = await saveAppealForm(page);
        // The card and its print view: the window title (and so a saved PDF's name) is never the surname.
        await openRegister(page);
        // A search string is personal data too.
        await page.getByRole('searchbox', { name: 'Пошук' }).fill(SURNAME);
        await rowByIndex(page, index).click();
        await page.getByRole('heading', { name: `Звернення ${index}` }).waitFor();
        expect(await page.title()).not.toContain(SURNAME);
        await page.getByRole('navigation', { name: 'Друк' }).getByRole('link', { name: 'Картка (РКК)' }).click();
        await page.getByRole('article', { name: 'Реєстраційно-контрольна картка' }).waitFor();
        expect(await page.title()).toBe(`${index}-card`);
        expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.active)))).toBe(true);
        expect(
          await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
        ).not.toMatch(SURNAME);
        // The register's snapshot (every row, search text included) is written a few seconds after the load: wait
        // for it, so that the scan below reads it too.
        await expect.poll(() => snapshotParts(page), { timeout: 20_000 }).toBeGreaterThan(0);
      } finally {
        // Closing flushes every store to disk; the scan reads what a person's PC would keep.
        await context.close();
      }
      const searchForm = SURNAME.toLocaleLowerCase('uk');
      for (const text of [SURNAME, searchForm, TEXT, ADDRESS, PHONE, PHONE.replace(/\s/g, '')]) {
        const hits = profileFilesContaining(profile, text);
        const folders = [...new Set(hits.map((h) => h.file.split('/').slice(0, 2).join('/')))];
        for (const folder of OUTSIDE_THE_REGISTER) expect(folders, `${text} in ${folder}`).not.toContain(`Default/${folder}`);
        // Nor anywhere else (History, Preferences, Web Data…), nor in the register itself.
        expect(folders, text).toEqual([]);
      }
      // Positive control: the scan does read the register's files. The registration index is kept plain (it is the
      // number on the paper card), and Chromium writes it as UTF-16LE like any text with a Cyrillic letter.
      const control = profileFilesContaining(profile, index).map((h) => h.file.split('/').slice(0, 2).join('/'));
      expect(control).toContain('Default/IndexedDB');
    } finally {
      removeProfile(profile);
    }
  });
});
