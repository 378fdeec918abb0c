import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/lib/dates';
import { combobox, registerAppeal, setUpVillage, signIn, textbox } from '../helpers/app-page';
import { kyivToday, storedAppealCount } from '../helpers/app-page-extra';
import { launchWithProfile, newProfileDir, removeProfile } from '../helpers/browser';
import { serveRenderer, type WebServer } from '../helpers/web-server';

const SHOTS = 'test-results/screenshots';

function uaDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The normal term computed here on its own: the earlier of one calendar month and 30 days after receipt. */
function normalDue(receivedOn: string): string {
  const byMonth = addMonths(receivedOn, 1);
  const byDays = addDays(receivedOn, 30);
  return [byMonth, byDays].sort()[0] as string;
}

async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return page;
}

async function search(page: Page, text: string) {
  await page.getByRole('link', { name: 'Реєстр' }).click();
  const box = page.getByRole('searchbox', { name: 'Пошук' });
  await box.fill(text);
}

/**
 * Searches and waits until the list shows exactly the appeals with these indexes. Waiting for a row count alone would
 * pass too early when the previous search also showed one row (the list updates a moment after typing).
 */
async function expectSearch(page: Page, text: string, indexes: string[]) {
  await search(page, text);
  await expect
    .poll(async () => {
      const texts = await (await visibleRows(page)).allTextContents();
      return texts.map((t) => /HLYBOKE\.1-[^-]+-\d+/.exec(t)?.[0] ?? t).sort();
    })
    .toEqual([...indexes].sort());
}

async function visibleRows(page: Page) {
  // Data rows only: the header row holds column headers, not cells.
  return page.locator('[role="row"]:has([role="cell"])');
}

describe('the village register works with no network at all', () => {
  let server: WebServer;
  let profileDir: string;
  const today = kyivToday();
  const oldDate = addDays(today, -31);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveRenderer();
    profileDir = newProfileDir();
  });

  afterAll(async () => {
    await server?.close();
    removeProfile(profileDir);
  });

  it('registers offline, survives reload and a browser restart, finds by search and marks the overdue one', async () => {
    let context = await launchWithProfile(profileDir);
    let page = await openApp(context, server.url);
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    // The app shell must be cached before the network goes away.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
    await context.setOffline(true);

    const first = await registerAppeal(page, {
      surname: 'Мʼякий',
      givenName: 'Остап',
      address: 'с. Глибоке, вул. Шевченка, 1',
      phone: '067 123 45 67',
      topicCode: '020',
      text: 'Немає води в колодязі на вулиці Шевченка',
    });
    const collective = await registerAppeal(page, {
      surname: 'Бондар',
      givenName: 'Ганна',
      subject: 'collective',
      collectiveName: 'Мешканці вулиці Садової',
      address: 'с. Глибоке, вул. Садова',
      topicCode: '030',
      text: 'Просимо відремонтувати дорогу',
    });
    const old = await registerAppeal(page, {
      surname: 'Іваненко',
      givenName: 'Марія',
      address: 'с. Глибоке, вул. Миру, 5',
      topicCode: '010',
      text: 'Межа земельної ділянки',
      receivedOn: oldDate,
    });
    expect(first).toBe('HLYBOKE.1-М-1');
    expect(collective).toBe('HLYBOKE.1-КО-2');
    expect(old).toBe('HLYBOKE.1-І-3');

    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: 'Звернення зареєстровано' }).waitFor();
    await page.getByRole('link', { name: 'Реєстр' }).click();
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
    await expect.poll(async () => (await visibleRows(page)).count()).toBe(3);
    await context.close();

    // A new browser process on the same profile, still with no network.
    context = await launchWithProfile(profileDir);
    await context.setOffline(true);
    page = await openApp(context, server.url);
    await signIn(page);
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
    await expect.poll(async () => (await visibleRows(page)).count()).toBe(3);

    // A name typed with a different apostrophe (U+0027 instead of U+02BC) still finds it.
    await expectSearch(page, "м'який", [first]);
    const row = (await visibleRows(page)).first();
    expect(await row.textContent()).toContain(first);
    expect(await row.textContent()).toContain(uaDate(normalDue(today)));

    await expectSearch(page, 'САДОВОЇ', [collective]);

    await expectSearch(page, 'іваненко', [old]);
    const overdue = (await visibleRows(page)).first();
    expect(await overdue.textContent()).toContain(uaDate(normalDue(oldDate)));
    expect(await overdue.textContent()).toContain('Прострочено');
    expect(await overdue.getAttribute('class')).toContain('overdue');

    await expectSearch(page, '', [first, collective, old]);
    await page.screenshot({ path: `${SHOTS}/register.png` });

    // A form with the required fields missing: errors in words, nothing saved.
    await page.getByRole('link', { name: 'Нове звернення' }).click();
    await textbox(page, 'Суть звернення').fill('   ');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/Виправте \d+ помил/).waitFor();
    expect(await textbox(page, 'Прізвище').getAttribute('aria-invalid')).toBe('true');
    expect(await textbox(page, 'Адреса (місце проживання)').getAttribute('aria-invalid')).toBe('true');
    expect(await combobox(page, 'Основне питання (класифікатор)').getAttribute('aria-invalid')).toBe('true');
    expect(await textbox(page, 'Суть звернення').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/form-errors.png`, fullPage: true });
    // What IndexedDB holds, read past the app: still 3 appeals.
    const stored = await storedAppealCount(page);
    expect(stored).toBe(3);
    await page.getByRole('link', { name: 'Реєстр' }).click();
    await expect.poll(async () => (await visibleRows(page)).count()).toBe(3);
    await context.close();
  });
});
