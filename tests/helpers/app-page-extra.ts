import type { BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, addMonths } from '../../shared/lib/dates';
import { combobox, createOperator, textbox } from './app-page';

/** Today as the browser sees it: the e2e browser runs in Europe/Kyiv whatever the zone of the test process. */
export function kyivToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());
}

/** An ISO date as the Ukrainian UI shows it: 2026-11-27 → 27.11.2026. */
export function uaDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** An ISO date as the English UI (en-GB) shows it: 2026-11-27 → 27/11/2026. */
export function gbDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The normal term computed on its own: the earlier of one calendar month and 30 days after receipt. */
export function normalDue(receivedOn: string): string {
  return [addMonths(receivedOn, 1), addDays(receivedOn, 30)].sort()[0] as string;
}

/** The first page of a browser context, opened at the app's address. */
export async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return page;
}

/** Completes the first start as the council's central office (its village code is always `central`). */
export async function setUpCentral(page: Page, opts: { workstation: number; operator: string }) {
  await createOperator(page, opts.operator);
  await page.getByLabel('Роль').selectOption('central');
  await page.getByLabel('Номер робочого місця').fill(String(opts.workstation));
  await page.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the register from the navigation and waits for its heading. */
export async function openRegister(page: Page) {
  await page.getByRole('link', { name: 'Реєстр', exact: true }).click();
  await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
}

/** Data rows of the register (the header row holds column headers, not cells). */
export function dataRows(page: Page): Locator {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

/** The register row whose index cell holds exactly this registration index. */
export function rowByIndex(page: Page, regIndex: string): Locator {
  return dataRows(page).filter({ has: page.getByRole('cell', { name: regIndex, exact: true }) });
}

/**
 * A filter of the register by its label. The label wraps the select, so the accessible name also carries the chosen
 * option ("Строк Усі"); match its start.
 */
export function registerFilter(page: Page, label: string): Locator {
  return page.getByRole('search').getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}(\\s|$)`) });
}

/** The text of one cell of a register row: 0 index, 1 applicant, 2 topic, 3 received, 4 due, 5 status. */
export async function cellText(row: Locator, column: number): Promise<string> {
  return (await row.getByRole('cell').nth(column).textContent()) ?? '';
}

/** The value shown on the appeal card next to a field label (the card's description list). */
export function cardField(page: Page, label: string): Locator {
  const term = page
    .getByRole('article')
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  return term.locator('xpath=following-sibling::dd[1]');
}

/** The card's status line: the status, and while the term runs "· строк до <date>" with its badges. */
export function cardStatusLine(page: Page): Locator {
  return page.getByTestId('card-status');
}

/** The items of the card's timeline («Хід розгляду»), oldest first. */
export function timelineItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Хід розгляду' }).getByRole('listitem');
}

/** A control by its label text, whether or not the label carries the required-field asterisk. */
export function labelled(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
}

/** Opens an action form on the card by its button, fills its fields by label and saves it. */
export async function recordAction(page: Page, action: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  await form.waitFor();
  for (const [label, value] of Object.entries(fields)) {
    const control = labelled(form, label);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  await form.getByRole('button', { name: 'Зберегти' }).click();
  return form;
}

/** The number on an overview tile (`open`, `dueThisWeek`, `overdue`, `toHandOver`), once the register has loaded. */
export async function tileValue(page: Page, tile: 'open' | 'dueThisWeek' | 'overdue' | 'toHandOver'): Promise<number> {
  const text = (await page.getByTestId(`tile-${tile}`).textContent()) ?? '';
  const m = /^\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** Opens «Огляд» and returns all four tile numbers once they are shown (not the loading placeholder). */
export async function overviewTiles(page: Page) {
  await page.getByRole('link', { name: 'Огляд', exact: true }).click();
  await page.getByRole('heading', { name: /^Огляд:/ }).waitFor();
  await page.waitForFunction(() => /^\s*\d/.test(document.querySelector('[data-testid="tile-open"]')?.textContent ?? ''));
  return {
    open: await tileValue(page, 'open'),
    dueThisWeek: await tileValue(page, 'dueThisWeek'),
    overdue: await tileValue(page, 'overdue'),
    toHandOver: await tileValue(page, 'toHandOver'),
  };
}

/** The inline error text tied to a control through aria-describedby, or '' when it has none. */
export async function fieldError(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const ids = el.getAttribute('aria-describedby') ?? '';
    return ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => (el.getAttribute('aria-invalid') === 'true' ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' ');
  });
}

/** True when the locator's element has the keyboard focus. */
export async function isFocused(control: Locator): Promise<boolean> {
  return control.evaluate((el) => el === document.activeElement);
}

/** Extra fields of the registration form that the basic helper does not fill. */
export interface AppealFormInput {
  surname?: string;
  givenName?: string;
  patronymic?: string;
  subject?: 'individual' | 'collective' | 'anonymous';
  collectiveName?: string;
  address?: string;
  phone?: string;
  email?: string;
  type?: 'proposal' | 'application' | 'complaint';
  receivedOn?: string;
  letterDate?: string;
  topicCode?: string;
  text?: string;
}

/** Opens a fresh registration form and fills the given fields; does not save. */
export async function fillAppealForm(page: Page, input: AppealFormInput) {
  await page.getByRole('link', { name: 'Нове звернення' }).click();
  await page.getByRole('heading', { name: 'Реєстрація звернення' }).waitFor();
  if (input.subject) await combobox(page, 'Суб’єкт').selectOption(input.subject);
  if (input.surname !== undefined) await textbox(page, 'Прізвище').fill(input.surname);
  if (input.givenName !== undefined) await textbox(page, 'Ім’я').fill(input.givenName);
  if (input.patronymic !== undefined) await textbox(page, 'По батькові').fill(input.patronymic);
  if (input.collectiveName !== undefined) await textbox(page, 'Назва колективу').fill(input.collectiveName);
  if (input.address !== undefined) await textbox(page, 'Адреса (місце проживання)').fill(input.address);
  if (input.phone !== undefined) await textbox(page, 'Телефон').fill(input.phone);
  if (input.email !== undefined) await textbox(page, 'Електронна пошта').fill(input.email);
  if (input.type) await combobox(page, 'Вид звернення').selectOption(input.type);
  if (input.receivedOn !== undefined) await page.getByLabel('Дата надходження').fill(input.receivedOn);
  if (input.letterDate !== undefined) await page.getByLabel('Дата на листі (дзвінка)').fill(input.letterDate);
  if (input.topicCode) await combobox(page, 'Основне питання (класифікатор)').selectOption(input.topicCode);
  if (input.text !== undefined) await textbox(page, 'Суть звернення').fill(input.text);
}

/** Saves the open registration form with Ctrl+Enter and returns the new index from the confirmation screen. */
export async function saveAppealForm(page: Page): Promise<string> {
  await page.keyboard.press('Control+Enter');
  const index = page.getByTestId('saved-index');
  await index.waitFor();
  return (await index.textContent()) ?? '';
}

/** How many appeal documents the app has stored in IndexedDB (RxDB's Dexie storage keeps them in `docs`). */
export async function storedAppealCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rxdb-dexie-open-village-sealed--0--appeals');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('docs', 'readonly').objectStore('docs').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** How many parts of the register snapshot the app has stored (0 before its first write). */
export async function snapshotParts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('open-village-snapshot', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('kv', 'readonly').objectStore('kv').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
