/**
 * A transfer file through the UI (issue 4, format v2): a village without signal makes an encrypted file for the council
 * (passphrase typed twice); the council sees what the file is before typing the passphrase, imports it, the appeal
 * shows in its register, a second import adds nothing, a cut file is refused in words; a version 1 (unencrypted) file
 * of an older app version still imports, with a visible warning.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { webCodec } from '../../renderer/data/transfer/web-codec';
import { decodeTransferFile } from '../../shared/transfer/format';
import { useAppBrowsers } from '../helpers/app-browsers';
import { registerAppeal, setUpVillage } from '../helpers/app-page';
import { openRegister, rowByIndex, setUpCentral, storedAppealCount } from '../helpers/app-page-extra';
import { encodeV1File } from '../helpers/data/transfer-files';

const IMPORT_LABEL = 'Імпортувати файл перенесення (файл .ovtransfer)';
const PASSPHRASE = 'Глибоке-рада 2026';

async function openBackupScreen(page: Page, community: string) {
  await page.getByRole('link', { name: 'Резервна копія', exact: true }).click();
  await page.getByRole('heading', { name: 'Резервна копія і файли перенесення' }).waitFor();
  await page.getByLabel('Код громади').fill(community);
  await page.getByRole('button', { name: 'Зберегти код громади' }).click();
  await page.getByText(`Громада: ${community}`).waitFor();
}

const outcome = (page: Page) => page.getByTestId('backup-outcome').last();
const transferSection = (page: Page) => page.getByRole('region', { name: 'Файл перенесення (коли немає зв’язку)' });

/** Picks a transfer file and waits for its header in words. */
async function pick(page: Page, file: string) {
  await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
  await page.getByTestId('file-summary').waitFor();
}

async function importWith(page: Page, file: string, passphrase: string) {
  await pick(page, file);
  await page.getByLabel('Пароль, з яким файл створено').fill(passphrase);
  await page.getByRole('button', { name: 'Імпортувати цей файл' }).click();
}

/** The same records as a version 1 file, as an older app version would have written them. */
async function asVersion1(bytes: Uint8Array): Promise<Uint8Array> {
  const app = { appVersion: '99.0.0', schemaVersions: { appeals: 99, events: 99, files: 99 } };
  const decoded = await decodeTransferFile(bytes, app, webCodec, PASSPHRASE);
  if (!decoded.ok) throw new Error(decoded.error.message.en);
  const { header, body } = decoded.value;
  const { appVersion, kind, createdAt, community, from, to } = header;
  const schemaVersions = Object.fromEntries(Object.entries(header.collections).map(([n, c]) => [n, c.schemaVersion]));
  return encodeV1File({ appVersion, kind, createdAt, community, from, to, schemaVersions }, body, webCodec);
}

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
    const section = transferSection(page);
    await section.getByLabel('Пароль до файлу').fill(PASSPHRASE);
    await section.getByLabel('Повторіть пароль').fill(PASSPHRASE);
    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Створити файл для ради' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^open-village-hlyboke-to-central-.*\.ovtransfer$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await browsers.context.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Бондар'))).toBe(false);

    page = await browsers.fresh();
    await setUpCentral(page, { workstation: 1, operator: 'Петренко А. А.' });
    await openBackupScreen(page, 'hlybotska');
    const cut = join(dir, 'cut.ovtransfer');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    await importWith(page, cut, PASSPHRASE);
    await expect.poll(() => outcome(page).textContent()).toContain('Файл пошкоджений, неповний або змінений');
    expect(await storedAppealCount(page)).toBe(0);

    // An older app's unencrypted file: said before and after the import.
    const old = join(dir, 'old.ovtransfer');
    writeFileSync(old, await asVersion1(bytes));
    await pick(page, old);
    await expect.poll(() => page.getByTestId('file-summary').textContent()).toContain('Файл перенесення від hlyboke для ради');
    await expect.poll(() => page.getByTestId('unencrypted-warning').textContent()).toContain('не зашифровано');
    expect(await page.getByLabel('Пароль, з яким файл створено').count()).toBe(0);
    await page.getByRole('button', { name: 'Імпортувати цей файл' }).click();
    await expect
      .poll(() => outcome(page).textContent())
      .toContain('Імпортовано: звернень — 1, подій — 0; уже були на цьому комп’ютері — 0');
    await expect.poll(() => page.getByTestId('unencrypted-warning').textContent()).toContain('Зробіть нову резервну копію');

    await importWith(page, file, 'Глибоке-рада 2025');
    await expect.poll(() => outcome(page).textContent()).toContain('Неправильний пароль');
    await page.getByLabel('Пароль, з яким файл створено').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Імпортувати цей файл' }).click();
    await expect.poll(() => outcome(page).textContent()).toContain('звернень — 0, подій — 0; уже були на цьому комп’ютері — 1');
    expect(await page.getByTestId('unencrypted-warning').count()).toBe(0);
    await openRegister(page);
    await expect.poll(() => rowByIndex(page, index).count()).toBe(1);
  });
});
