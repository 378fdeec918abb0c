import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/lib/dates';
import { useAppBrowsers } from '../helpers/app-browsers';
import { registerAppeal, setUpVillage, signIn } from '../helpers/app-page';
import { cardField, cellText, dataRows, fieldError, gbDate, kyivToday, openRegister, uaDate } from '../helpers/app-page-extra';

/** A recent date whose day is above 12, so that dd/mm and mm/dd cannot be mistaken for each other. */
function unambiguousRecentDate(today: string): string {
  for (let back = 0; ; back++) {
    const date = addDays(today, -back);
    if (Number(date.slice(8)) > 12) return date;
  }
}

function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

describe('the interface language', () => {
  const app = useAppBrowsers();
  const freshApp = () => app.fresh();

  it('switches to English with dates in en-GB, remembers it across a reload, and switches back to Ukrainian', async () => {
    const page = await freshApp();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
    await app.context.setOffline(true);

    const receivedOn = unambiguousRecentDate(kyivToday());
    const index = await registerAppeal(page, {
      surname: 'Петренко',
      givenName: 'Ольга',
      address: 'с. Глибоке, вул. Лугова, 4',
      topicCode: '020',
      text: 'Розбита дорога',
      receivedOn,
    });
    await openRegister(page);
    expect(await htmlLang(page)).toBe('uk');
    const ukrainian = page.getByRole('button', { name: 'Українська' });
    const english = page.getByRole('button', { name: 'English' });
    expect(await ukrainian.getAttribute('aria-pressed')).toBe('true');
    expect(await cellText(dataRows(page).first(), 3)).toBe(uaDate(receivedOn));

    await english.click();
    await page.getByRole('heading', { name: 'Register of appeals' }).waitFor();
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await htmlLang(page)).toBe('en');
    for (const link of ['Register', 'New appeal', 'Overview', 'Settings']) {
      expect(await page.getByRole('link', { name: link, exact: true }).count()).toBe(1);
    }
    expect(await page.getByRole('columnheader', { name: /^Received/ }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search' }).count()).toBe(1);
    const row = dataRows(page).first();
    expect(await cellText(row, 2)).toBe('Transport and communications');
    expect(await cellText(row, 3)).toBe(gbDate(receivedOn));
    expect(await cellText(row, 5)).toBe('Registered');
    await page.getByText('1 appeal in the register', { exact: true }).waitFor();

    // Remembered on this PC: a reload comes back in English.
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: 'Register of appeals' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await dataRows(page).first().click();
    await page.getByRole('heading', { name: `Appeal ${index}` }).waitFor();
    expect(await cardField(page, 'Date received').textContent()).toBe(gbDate(receivedOn));
    expect(await cardField(page, 'Subject').textContent()).toBe('Individual');
    await page
      .getByRole('article')
      .getByText(/^Registered · due by \d\d\/\d\d\/\d{4}/)
      .waitFor();
    // The file picker on the card speaks the app's language, not the browser's ("Choose Files").
    const files = page.getByRole('region', { name: 'Files' });
    expect(await files.getByLabel('Add files…').getAttribute('type')).toBe('file');
    await files.getByText('No files chosen', { exact: true }).waitFor();

    // The form and its problems speak English too.
    await page.getByRole('link', { name: 'New appeal', exact: true }).click();
    await page.getByRole('heading', { name: 'Register an appeal' }).waitFor();
    expect(await page.getByLabel('Add files…').getAttribute('accept')).toContain('application/pdf');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Fix \d+ problems?$/).waitFor();
    expect(await fieldError(page.getByRole('textbox', { name: 'Surname', exact: true }))).toBe("Enter the applicant's surname");

    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { name: 'Реєстрація звернення' }).waitFor();
    expect(await htmlLang(page)).toBe('uk');
    await openRegister(page);
    expect(await cellText(dataRows(page).first(), 3)).toBe(uaDate(receivedOn));
    expect(await cellText(dataRows(page).first(), 5)).toBe('Зареєстровано');
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
    expect(await page.getByRole('button', { name: 'Українська' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('can be chosen on the very first screen and stays chosen through the operator, the recovery code and setup', async () => {
    const page = await freshApp();
    await page.getByRole('heading', { name: 'Перший запуск: хто працює на цьому комп’ютері' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'First start: who works at this PC' }).waitFor();
    await page.getByLabel('Your surname and initials').fill('Koval O.');
    await page.getByLabel('Password', { exact: true }).fill('a long password');
    await page.getByLabel('Repeat the password').fill('a long password');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Recovery code' }).waitFor();
    await page.getByLabel('I have written the code down and keep it away from the PC').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Set up this workstation' }).waitFor();
    await page.getByLabel('Role').selectOption('starosta');
    await page.getByLabel('Village code').fill('hlyboke');
    await page.getByLabel('Village (starosta district) name').fill('Hlyboke');
    await page.getByLabel('Workstation number').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Register of appeals' }).waitFor();
    await page.getByText('No appeals found', { exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('en');
  });
});
