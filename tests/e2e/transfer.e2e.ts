/**
 * A transfer file through the UI (issue 4): a village without signal makes a file for the council; the council imports
 * it, the appeal shows in its register, a second import adds nothing, and a cut file is refused in words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useAppBrowsers } from '../helpers/app-browsers';
import { registerAppeal, setUpVillage } from '../helpers/app-page';
import { openRegister, rowByIndex, setUpCentral, storedAppealCount } from '../helpers/app-page-extra';

const IMPORT_LABEL = 'Імпортувати файл перенесення (файл .ovtransfer)';

async function openBackupScreen(page: Page, community: string) {
  await page.getByRole('link', { name: 'Резервна копія', exact: true }).click();
  await page.getByRole('heading', { name: 'Резервна копія і файли перенесення' }).waitFor();
  await page.getByLabel('Код громади').fill(community);
  await page.getByRole('button', { name: 'Зберегти код громади' }).click();
  await page.getByText(`Громада: ${community}`).waitFor();
}

const outcome = (page: Page) => page.getByTestId('backup-outcome').last();

describe('transfer file village → council in the browser', () => {
  const browsers = useAppBrowsers();
  const dir = mkdtempSync(join(tmpdir(), 'ov-transfer-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the council imports the village file once; a cut file is refused and writes nothing', async () => {
    let page = await browsers.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    const index = await registerAppeal(page, {
      surname: 'Бондар',
      givenName: 'Іван',
      address: 'с. Глибоке, вул. Садова, 3',
      topicCode: '090',
      text: 'Не працює освітлення',
    });
    await openBackupScreen(page, 'hlybotska');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Створити файл для ради' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^open-village-hlyboke-to-central-.*\.ovtransfer$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await browsers.context.close();

    page = await browsers.fresh();
    await setUpCentral(page, { workstation: 1, operator: 'Петренко А. А.' });
    await openBackupScreen(page, 'hlybotska');
    const cut = join(dir, 'cut.ovtransfer');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    await page.getByLabel(IMPORT_LABEL).setInputFiles(cut);
    await expect.poll(() => outcome(page).textContent()).toContain('Файл пошкоджений або неповний');
    expect(await storedAppealCount(page)).toBe(0);

    await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
    await expect
      .poll(() => outcome(page).textContent())
      .toContain('Імпортовано: звернень — 1, подій — 0; уже були на цьому комп’ютері — 0');
    await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
    await expect.poll(() => outcome(page).textContent()).toContain('звернень — 0, подій — 0; уже були на цьому комп’ютері — 1');
    await openRegister(page);
    await expect.poll(() => rowByIndex(page, index).count()).toBe(1);
  });
});
