/**
 * Backup through the UI (issue 4, format v2): the backup screen asks for a passphrase twice (at least 8 characters),
 * the browser downloads an encrypted file with no personal data in the clear; on a fresh PC the restore shows what
 * the file is before asking for the passphrase, refuses a wrong passphrase, a copy with one changed byte (body or
 * header) and a cut copy in words with the register unchanged, and restores the real one with the same register.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SHOTS, useAppBrowsers } from '../helpers/app-browsers';
import { createOperator, registerAppeal, setUpVillage } from '../helpers/app-page';
import { dataRows, openRegister, rowByIndex, storedAppealCount } from '../helpers/app-page-extra';

const card = { givenName: 'Іван', address: 'с. Глибоке, вул. Садова, 3', phone: '+380671234567', topicCode: '090' };
const RESTORE_LABEL = 'Відновити з резервної копії (файл .ovbackup)';
const PASSPHRASE = 'Садок вишневий 1841';

const alertText = (page: Page) => page.getByRole('alert').first().textContent();

/** A copy of the file with one byte changed (the lowest bit flipped). */
function withFlippedByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

/**
 * Starts keeping every state the progress line shows (its words and its bar), as a MutationObserver sees the DOM
 * change: the line lives only while the work runs, far too briefly for two appeals to poll for it.
 */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const line of document.querySelectorAll('[data-testid="backup-progress"]')) {
        const bar = line.querySelector('progress');
        const state = `${(line.textContent ?? '').trim()} [${bar ? `${bar.getAttribute('value') ?? '…'}/${bar.getAttribute('max') ?? '…'}` : 'no bar'}]`;
        if (seen.at(-1) !== state) seen.push(state);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);

/** Picks a backup on the restore input and, once its header is shown, types the passphrase and confirms. */
async function restoreWith(page: Page, file: string, passphrase: string) {
  await page.getByLabel(RESTORE_LABEL).setInputFiles(file);
  await page.getByTestId('file-summary').waitFor();
  await page.getByLabel('Пароль, з яким файл створено').fill(passphrase);
  await page.getByRole('button', { name: 'Відновити з цього файлу' }).click();
}

describe('backup and restore in the browser', () => {
  const browsers = useAppBrowsers();
  const dir = mkdtempSync(join(tmpdir(), 'ov-backup-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up encrypted by download, refuses changed, cut and wrong-passphrase copies, restores the real one', async () => {
    let page = await browsers.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 2, operator: 'Коваль О. П.' });
    const indexes = [
      await registerAppeal(page, { ...card, surname: 'Бондар', text: 'Не працює освітлення' }),
      await registerAppeal(page, { ...card, surname: 'Шевчишина', text: 'Яма на дорозі' }),
    ];
    expect(indexes).toEqual(['HLYBOKE.2-Б-1', 'HLYBOKE.2-Ш-2']);

    // Appeals and no backup yet: the status bar reminds and leads to the backup screen.
    const reminder = page.getByTestId('backup-reminder');
    await expect.poll(() => reminder.textContent()).toContain('Резервної копії ще немає');
    await reminder.getByRole('link', { name: 'Зробити копію' }).click();
    await page.getByRole('heading', { name: 'Резервна копія і файли перенесення' }).waitFor();
    const section = page.getByRole('region', { name: 'Резервна копія', exact: true });
    const make = section.getByRole('button', { name: 'Зробити резервну копію' });
    await expect.poll(() => section.textContent()).toContain('Щонайменше 8 символів');

    // Too short, then typed differently twice: said in words, no file.
    await section.getByLabel('Пароль до файлу').fill('коротко');
    await section.getByLabel('Повторіть пароль').fill('коротко');
    await make.click();
    await expect.poll(() => section.getByRole('alert').first().textContent()).toContain('щонайменше 8 символів');
    await section.getByLabel('Пароль до файлу').fill(PASSPHRASE);
    await section.getByLabel('Повторіть пароль').fill(`${PASSPHRASE}!`);
    await make.click();
    await expect.poll(() => section.getByRole('alert').first().textContent()).toContain('Паролі не збігаються');
    await section.getByLabel('Повторіть пароль').fill(PASSPHRASE);
    expect(await section.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/backup-passphrase.png`, fullPage: true });

    await recordProgress(page);
    const downloading = page.waitForEvent('download');
    await make.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^open-village-hlyboke-\d{4}-\d{2}-\d{2}-\d{4}\.ovbackup$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('backup-outcome').first().textContent()).toContain('звернень — 2');
    await expect.poll(() => reminder.count()).toBe(0);
    // The progress was shown in words and as a bar: every record read (the 2 appeals), then encrypting.
    const made = await progressSeen(page);
    expect(made[0]).toMatch(/^Зчитано [0-2] з 2 записів… \[[0-2]\/2\]$/);
    expect(made.at(-1)).toBe('Шифрування файлу… […/…]');
    expect(await page.getByTestId('backup-progress').count()).toBe(0);
    // The passphrase is not kept in the form once the file is made.
    expect(await section.getByLabel('Пароль до файлу').inputValue()).toBe('');
    await browsers.context.close();

    // What the USB stick holds: a readable header with nothing personal, and no personal data anywhere in the clear.
    const bytes = readFileSync(file);
    const headerEnd = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8'));
    expect(header).toMatchObject({
      formatVersion: 2,
      kind: 'backup',
      from: 'hlyboke',
      encryption: { alg: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000 },
    });
    for (const personal of ['Бондар', 'Шевчишина', 'Садова', 'освітлення', '380671234567', 'Коваль']) {
      expect(bytes.includes(Buffer.from(personal, 'utf8')), personal).toBe(false);
      expect(bytes.includes(Buffer.from(personal, 'utf16le')), personal).toBe(false);
    }

    // The old PC died. A new one, an empty profile: the setup screen offers the restore.
    page = await browsers.fresh();
    await createOperator(page, 'Коваль О. П.');
    // Our own words on a button-looking label; the native input (the browser's language) is out of sight.
    await page.locator('label.file-button', { hasText: RESTORE_LABEL }).waitFor({ state: 'visible' });
    expect((await page.getByLabel(RESTORE_LABEL).boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);

    const changedBody = join(dir, 'changed-body.ovbackup');
    writeFileSync(changedBody, withFlippedByte(bytes, headerEnd + 40));
    await restoreWith(page, changedBody, PASSPHRASE);
    await expect.poll(() => alertText(page)).toContain('Файл пошкоджений, неповний або змінений');
    expect(await storedAppealCount(page)).toBe(0);

    // One byte of the readable header: "count":2 → "count":3. The header shown says 3, and the file is refused.
    const countAt = bytes.indexOf('"count":2') + '"count":'.length;
    const changedHeader = join(dir, 'changed-header.ovbackup');
    writeFileSync(changedHeader, withFlippedByte(bytes, countAt));
    await restoreWith(page, changedHeader, PASSPHRASE);
    await expect.poll(() => alertText(page)).toContain('Файл пошкоджений, неповний або змінений');
    expect(await storedAppealCount(page)).toBe(0);

    const cut = join(dir, 'cut.ovbackup');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await restoreWith(page, cut, PASSPHRASE);
    await expect.poll(() => alertText(page)).toContain('Файл пошкоджений, неповний або змінений');
    expect(await storedAppealCount(page)).toBe(0);

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Бондар;Гнатюк');
    await page.getByLabel(RESTORE_LABEL).setInputFiles(notes);
    await expect.poll(() => alertText(page)).toContain('розширенням .ovbackup');
    expect(await storedAppealCount(page)).toBe(0);

    // The real file: its header in words first, then a wrong passphrase, then the right one.
    await page.getByLabel(RESTORE_LABEL).setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('file-summary').textContent())
      .toMatch(/Резервна копія робочого місця hlyboke.*звернень — 2/);
    await page.screenshot({ path: `${SHOTS}/backup-restore-preview.png`, fullPage: true });
    await page.getByLabel('Пароль, з яким файл створено').fill('Садок вишневий 1842');
    await page.getByRole('button', { name: 'Відновити з цього файлу' }).click();
    await expect.poll(() => alertText(page)).toContain('Неправильний пароль');
    expect(await storedAppealCount(page)).toBe(0);
    await page.getByLabel('Пароль, з яким файл створено').fill(PASSPHRASE);
    await recordProgress(page);
    await page.getByRole('button', { name: 'Відновити з цього файлу' }).click();
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
    // Decrypting, then checking (which two records may pass between two frames), then writing up to every record.
    const restored = await progressSeen(page);
    expect(restored[0]).toBe('Перевірка пароля й розшифрування файлу… […/…]');
    expect(restored.at(-1)).toBe('Записано 2 з 2 записів… [2/2]');
    const phaseOf = (state: string) => ['Перевірка', 'Перевірено', 'Записано'].findIndex((w) => state.startsWith(w));
    expect(restored.map(phaseOf)).toEqual(restored.map(phaseOf).sort());
    await openRegister(page);
    await expect.poll(() => dataRows(page).count()).toBe(2);
    for (const index of indexes) expect(await rowByIndex(page, index).count()).toBe(1);
    // The restored workstation numbers on from where the old one stopped.
    expect(await registerAppeal(page, { ...card, surname: 'Дорош', text: 'Третє' })).toBe('HLYBOKE.2-Д-3');
  });
});
