/**
 * Backup through the UI (issue 4): the browser's download of a backup, a fresh profile restored through the file input,
 * the same appeals in the register and indexes that continue; a cut file is refused in words and nothing is imported.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useAppBrowsers } from '../helpers/app-browsers';
import { registerAppeal, setUpVillage } from '../helpers/app-page';
import { dataRows, openRegister, rowByIndex, storedAppealCount } from '../helpers/app-page-extra';

const card = { givenName: 'Іван', address: 'с. Глибоке, вул. Садова, 3', topicCode: '090' };
const RESTORE_LABEL = 'Відновити з резервної копії (файл .ovbackup)';

describe('backup and restore in the browser', () => {
  const browsers = useAppBrowsers();
  const dir = mkdtempSync(join(tmpdir(), 'ov-backup-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up by download, refuses a cut copy on a fresh PC, restores the real one with the same register', async () => {
    let page = await browsers.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 2, operator: 'Коваль О. П.' });
    const indexes = [
      await registerAppeal(page, { ...card, surname: 'Бондар', text: 'Не працює освітлення' }),
      await registerAppeal(page, { ...card, surname: 'Гнатюк', text: 'Яма на дорозі' }),
    ];
    expect(indexes).toEqual(['HLYBOKE.2-Б-1', 'HLYBOKE.2-Г-2']);

    // Appeals and no backup yet: the status bar reminds and leads to the backup screen.
    const reminder = page.getByTestId('backup-reminder');
    await expect.poll(() => reminder.textContent()).toContain('Резервної копії ще немає');
    await reminder.getByRole('link', { name: 'Зробити копію' }).click();
    await page.getByRole('heading', { name: 'Резервна копія і файли перенесення' }).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Зробити резервну копію' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^open-village-hlyboke-\d{4}-\d{2}-\d{2}-\d{4}\.ovbackup$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('backup-outcome').textContent()).toContain('звернень — 2');
    await expect.poll(() => reminder.count()).toBe(0);
    await browsers.context.close();

    // The old PC died. A new one, an empty profile: the setup screen offers the restore.
    page = await browsers.fresh();
    const bytes = readFileSync(file);
    const cut = join(dir, 'cut.ovbackup');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Our own words on a button-looking label; the native input (the browser's language) is out of sight.
    await page.locator('label.file-button', { hasText: RESTORE_LABEL }).waitFor({ state: 'visible' });
    expect((await page.getByLabel(RESTORE_LABEL).boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await page.getByLabel(RESTORE_LABEL).setInputFiles(cut);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Файл пошкоджений або неповний');
    expect(await storedAppealCount(page)).toBe(0);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Бондар;Гнатюк');
    await page.getByLabel(RESTORE_LABEL).setInputFiles(notes);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('розширенням .ovbackup');
    expect(await storedAppealCount(page)).toBe(0);

    await page.getByLabel(RESTORE_LABEL).setInputFiles(file);
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
    await openRegister(page);
    await expect.poll(() => dataRows(page).count()).toBe(2);
    for (const index of indexes) expect(await rowByIndex(page, index).count()).toBe(1);
    // The restored workstation numbers on from where the old one stopped.
    expect(await registerAppeal(page, { ...card, surname: 'Дорош', text: 'Третє' })).toBe('HLYBOKE.2-Д-3');
  });
});
