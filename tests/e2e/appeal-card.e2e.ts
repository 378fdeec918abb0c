import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/lib/dates';
import { SHOTS, useAppBrowsers } from '../helpers/app-browsers';
import { setUpVillage } from '../helpers/app-page';
import {
  cardField,
  cardStatusLine,
  cellText,
  dataRows,
  fillAppealForm,
  kyivToday,
  labelled,
  normalDue,
  openRegister,
  overviewTiles,
  recordAction,
  registerFilter,
  rowByIndex,
  saveAppealForm,
  setUpCentral,
  timelineItems,
  uaDate,
} from '../helpers/app-page-extra';

/** Opens an appeal's card by clicking its row in the register. */
async function openCardByClick(page: Page, regIndex: string) {
  await openRegister(page);
  await rowByIndex(page, regIndex).click();
  await page.getByRole('heading', { name: `Звернення ${regIndex}` }).waitFor();
}

/** The app shell is cached by the service worker; after that the network is switched off for the rest of the test. */
async function goOffline(context: BrowserContext, page: Page) {
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
  await context.setOffline(true);
}

describe('the appeal card: every registration field, the actions of each role and the timeline', () => {
  const app = useAppBrowsers();
  const freshApp = () => app.fresh();
  const today = kyivToday();

  it('a starosta opens the card from the register, forwards, comments, amends and marks it not to be considered', async () => {
    const page = await freshApp();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    await goOffline(app.context, page);

    const receivedOn = addDays(today, -2);
    const oldAddress = 'с. Глибоке, вул. Садова, 3';
    const newAddress = 'с. Глибоке, вул. Садова, 33';
    const text = 'Прошу відремонтувати міст через річку біля школи';
    await fillAppealForm(page, {
      surname: 'Шевченко',
      givenName: 'Тарас',
      patronymic: 'Григорович',
      address: oldAddress,
      phone: '+380 67 123 45 67',
      type: 'complaint',
      receivedOn,
      topicCode: '020',
      text,
    });
    const index = await saveAppealForm(page);
    expect(index).toBe('HLYBOKE.1-Ш-1');
    await fillAppealForm(page, { surname: 'Бондар', givenName: 'Ганна', address: 'с. Глибоке', topicCode: '010', text: 'Межа' });
    const other = await saveAppealForm(page);
    expect(other).toBe('HLYBOKE.1-Б-2');
    expect(await overviewTiles(page)).toEqual({ open: 2, dueThisWeek: 0, overdue: 0, toHandOver: 0 });

    // Enter on a focused row opens its card, as a click does.
    await openRegister(page);
    await rowByIndex(page, other).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Звернення ${other}` }).waitFor();
    expect(await cardField(page, 'Заявник').textContent()).toBe('Бондар Ганна');

    await openCardByClick(page, index);
    const due = normalDue(receivedOn);
    expect(await cardField(page, 'Заявник').textContent()).toBe('Шевченко Тарас Григорович');
    expect(await cardField(page, 'Суб’єкт').textContent()).toBe('Індивідуальне');
    expect(await cardField(page, 'Адреса (місце проживання)').textContent()).toBe(oldAddress);
    expect(await cardField(page, 'Телефон').textContent()).toBe('+380 67 123 45 67');
    expect(await cardField(page, 'Вид звернення').textContent()).toBe('Скарга');
    expect(await cardField(page, 'Форма надходження').textContent()).toBe('На особистому прийомі');
    expect(await cardField(page, 'Дата надходження').textContent()).toBe(uaDate(receivedOn));
    expect(await cardField(page, 'Строк розгляду').textContent()).toBe('Один місяць');
    await page.getByRole('article').getByText('020 — Транспорт і звʼязок', { exact: true }).waitFor();
    await page.getByRole('article').getByText(text, { exact: true }).waitFor();
    const statusLine = cardStatusLine(page);
    expect(await statusLine.textContent()).toMatch(new RegExp(`^Зареєстровано · строк до ${uaDate(due).replace(/\./g, '\\.')}`));
    expect(await timelineItems(page).count()).toBe(1);
    expect(await timelineItems(page).first().textContent()).toContain('Коваль О. П.');
    // A starosta is offered only the village's actions: no executor, extension or answer.
    expect(await page.getByRole('button', { name: 'Призначити виконавця' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Продовжити строк' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Внести відповідь' }).count()).toBe(0);

    await recordAction(page, 'Передати до ради', { Примітка: 'Передано нарочним до загального відділу' });
    await expect.poll(() => statusLine.textContent()).toMatch(/^Передано до ради · /);
    await expect.poll(() => timelineItems(page).count()).toBe(2);
    const forwarded = await timelineItems(page).nth(1).textContent();
    expect(forwarded).toContain('Передано до ради');
    expect(forwarded).toContain('Коваль О. П. (Староста)');
    expect(forwarded).toContain('Передано нарочним до загального відділу');
    expect(await page.getByRole('button', { name: 'Передати до ради' }).count()).toBe(0);

    await recordAction(page, 'Коментар', { Коментар: 'Заявник телефонував, просить повідомити про рішення' });
    await expect.poll(() => timelineItems(page).count()).toBe(3);
    expect(await timelineItems(page).nth(2).textContent()).toContain('Заявник телефонував, просить повідомити про рішення');

    await recordAction(page, 'Виправити з обґрунтуванням', {
      'Що виправити': 'address',
      'Правильне значення': newAddress,
      Підстава: 'Помилка в номері будинку: заявник показав паспорт',
    });
    await expect.poll(() => cardField(page, 'Адреса (місце проживання)').textContent()).toBe(newAddress);
    await expect.poll(() => timelineItems(page).count()).toBe(4);
    const amended = (await timelineItems(page).nth(3).textContent()) ?? '';
    expect(amended).toContain('Виправлено');
    expect(amended).toContain(newAddress);
    expect(amended).toContain('Підстава: Помилка в номері будинку: заявник показав паспорт');
    // The earlier events are kept as they were.
    expect(await timelineItems(page).nth(1).textContent()).toContain('Передано нарочним до загального відділу');
    expect(await timelineItems(page).nth(2).textContent()).toContain('Заявник телефонував');

    await openRegister(page);
    const row = rowByIndex(page, index);
    expect(await cellText(row, 5)).toBe('Передано до ради');
    expect(await row.getByRole('cell').nth(1).getAttribute('title')).toBe(newAddress);
    await page.getByRole('searchbox', { name: 'Пошук' }).fill('Садова, 33');
    await expect.poll(() => dataRows(page).count()).toBe(1);
    expect(await cellText(dataRows(page).first(), 0)).toBe(index);

    await openCardByClick(page, index);
    await recordAction(page, 'Не підлягає розгляду (ст. 8)', {
      'Підстава (ст. 8 Закону)': 'repeat-decided',
      Примітка: 'Питання вирішено рішенням ради у 2024 році',
    });
    // A closed appeal has no term left: the status line names the status and no due date.
    await expect.poll(() => cardStatusLine(page).textContent()).toBe('Не підлягає розгляду');
    await expect.poll(() => timelineItems(page).count()).toBe(5);
    const notConsidered = await timelineItems(page).nth(4).textContent();
    expect(notConsidered).toContain('Не підлягає розгляду (ст. 8)');
    expect(notConsidered).toContain('Повторне звернення з питання, яке вже вирішено по суті');
    expect(notConsidered).toContain('Питання вирішено рішенням ради у 2024 році');
    expect(await page.getByRole('button', { name: 'Не підлягає розгляду (ст. 8)' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/card-starosta.png`, fullPage: true });

    await openRegister(page);
    expect(await cellText(rowByIndex(page, index), 5)).toBe('Не підлягає розгляду');
    expect(await overviewTiles(page)).toEqual({ open: 1, dueThisWeek: 0, overdue: 0, toHandOver: 0 });
  });

  it('the central office assigns, extends within 45 days, answers, and the answer is handed over', async () => {
    const page = await freshApp();
    await setUpCentral(page, { workstation: 1, operator: 'Мельник І. В.' });
    await goOffline(app.context, page);

    // Received 26 days ago: the normal term ends within the coming week.
    const receivedOn = addDays(today, -26);
    await fillAppealForm(page, {
      surname: 'Литвин',
      givenName: 'Петро',
      address: 'с. Вишневе, вул. Польова, 7',
      topicCode: '020',
      text: 'Не ходить шкільний автобус',
      receivedOn,
    });
    const index = await saveAppealForm(page);
    expect(index).toBe('CENTRAL.1-Л-1');
    expect(await overviewTiles(page)).toEqual({ open: 1, dueThisWeek: 1, overdue: 0, toHandOver: 0 });

    await openCardByClick(page, index);
    const statusLine = cardStatusLine(page);
    expect(await statusLine.textContent()).toContain(`строк до ${uaDate(normalDue(receivedOn))}`);
    // The council's actions; forwarding to the council is the village's step.
    expect(await page.getByRole('button', { name: 'Передати до ради' }).count()).toBe(0);

    await recordAction(page, 'Призначити виконавця', {
      Виконавець: 'КП «Шкільний транспорт»',
      Резолюція: 'Розглянути й відповісти заявнику',
      'Автор резолюції': 'Голова ради',
    });
    await expect.poll(() => cardField(page, 'Виконавець').textContent()).toBe('КП «Шкільний транспорт»');
    await expect.poll(() => statusLine.textContent()).toMatch(/^На розгляді · /);
    expect(await timelineItems(page).nth(1).textContent()).toContain('Виконавець: КП «Шкільний транспорт»');
    expect(await timelineItems(page).nth(1).textContent()).toContain('Мельник І. В. (Центральний апарат ради)');

    // An extension past 45 days from receipt is refused in words and records nothing.
    await page.getByRole('button', { name: 'Продовжити строк' }).click();
    const extend = page.getByRole('form', { name: 'Продовжити строк' });
    await labelled(extend, 'Новий строк').fill(addDays(receivedOn, 46));
    await labelled(extend, 'Дата повідомлення заявника').fill(today);
    await labelled(extend, 'Підстава').fill('Потрібен висновок перевізника');
    await extend.getByRole('button', { name: 'Зберегти' }).click();
    const refusal = extend.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Загальний строк розгляду не може перевищувати 45 днів');
    expect(await timelineItems(page).count()).toBe(2);
    expect(await statusLine.textContent()).toContain(`строк до ${uaDate(normalDue(receivedOn))}`);
    expect(await statusLine.textContent()).not.toContain('продовжено');

    const extendedTo = addDays(receivedOn, 40);
    await labelled(extend, 'Новий строк').fill(extendedTo);
    await extend.getByRole('button', { name: 'Зберегти' }).click();
    await extend.waitFor({ state: 'detached' });
    await expect.poll(() => statusLine.textContent()).toContain(`строк до ${uaDate(extendedTo)} (продовжено)`);
    const extension = await timelineItems(page).nth(2).textContent();
    expect(extension).toContain('Строк продовжено');
    expect(extension).toContain(`Новий строк: ${uaDate(extendedTo)}`);
    expect(extension).toContain(`Заявника повідомлено: ${uaDate(today)}`);
    expect(await overviewTiles(page)).toEqual({ open: 1, dueThisWeek: 0, overdue: 0, toHandOver: 0 });

    await openCardByClick(page, index);
    await recordAction(page, 'Внести відповідь', {
      'Текст відповіді': 'Маршрут автобуса відновлено з понеділка',
      'Вихідний номер відповіді': '02-15/123',
      'Дата відповіді': today,
      'Результат розгляду': 'satisfied',
    });
    const notice = page.getByText('Надано відповідь — вручіть її заявнику', { exact: true });
    await notice.waitFor();
    await expect.poll(() => statusLine.textContent()).toBe('Надано відповідь');
    const answer = await timelineItems(page).nth(3).textContent();
    expect(answer).toContain(`02-15/123 · ${uaDate(today)} · Вирішено позитивно`);
    expect(answer).toContain('Маршрут автобуса відновлено з понеділка');
    expect(await overviewTiles(page)).toEqual({ open: 0, dueThisWeek: 0, overdue: 0, toHandOver: 1 });

    await openRegister(page);
    await registerFilter(page, 'Строк').selectOption('handover');
    await expect.poll(() => dataRows(page).count()).toBe(1);
    const row = dataRows(page).first();
    expect(await cellText(row, 0)).toBe(index);
    expect(await cellText(row, 5)).toBe('Надано відповідьВручити заявнику');

    await row.click();
    await page.getByRole('heading', { name: `Звернення ${index}` }).waitFor();
    await recordAction(page, 'Відповідь вручено заявнику', { 'Дата вручення': today });
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => statusLine.textContent()).toBe('Відповідь вручено');
    expect(await timelineItems(page).nth(4).textContent()).toContain(`Вручено: Литвин Петро, ${uaDate(today)}`);
    expect(await timelineItems(page).count()).toBe(5);
    await page.screenshot({ path: `${SHOTS}/card.png`, fullPage: true });

    await openRegister(page);
    await registerFilter(page, 'Строк').selectOption('handover');
    await page.getByText('Звернень не знайдено').waitFor();
    expect(await dataRows(page).count()).toBe(0);
    expect(await overviewTiles(page)).toEqual({ open: 0, dueThisWeek: 0, overdue: 0, toHandOver: 0 });
  });
  it('shows an amendment in the timeline with the field in words and the value it replaced', async () => {
    const page = await freshApp();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    const oldAddress = 'с. Глибоке, вул. Садова, 3';
    const newAddress = 'с. Глибоке, вул. Садова, 33';
    await fillAppealForm(page, { surname: 'Шевченко', givenName: 'Тарас', address: oldAddress, topicCode: '020', text: 'Міст' });
    const index = await saveAppealForm(page);
    await openCardByClick(page, index);
    await recordAction(page, 'Виправити з обґрунтуванням', {
      'Що виправити': 'address',
      'Правильне значення': newAddress,
      Підстава: 'Помилка в номері будинку',
    });
    await expect.poll(() => timelineItems(page).count()).toBe(2);
    const amended = (await timelineItems(page).nth(1).textContent()) ?? '';
    await page.screenshot({ path: `${SHOTS}/bug-amendment-timeline.png`, fullPage: true });
    // The catalog has «Адреса» for this field (amend.address); the stored key must not leak into the Ukrainian UI.
    expect(amended).not.toContain('address:');
    expect(amended).toContain(`Адреса: було «${oldAddress}», стало «${newAddress}»`);
    // A correction of a legal record keeps what was corrected: the replaced value stays visible on the card.
    expect(amended).toContain(oldAddress);
  });

  it('states the 45-day limit of an extension with the date as the UI writes dates', async () => {
    const page = await freshApp();
    await setUpCentral(page, { workstation: 1, operator: 'Мельник І. В.' });
    const receivedOn = addDays(today, -5);
    await fillAppealForm(page, {
      surname: 'Литвин',
      givenName: 'Петро',
      address: 'с. Вишневе',
      topicCode: '020',
      text: 'Автобус',
    });
    await page.getByLabel('Дата надходження').fill(receivedOn);
    const index = await saveAppealForm(page);
    await openCardByClick(page, index);
    await page.getByRole('button', { name: 'Продовжити строк' }).click();
    const extend = page.getByRole('form', { name: 'Продовжити строк' });
    await labelled(extend, 'Новий строк').fill(addDays(receivedOn, 46));
    await labelled(extend, 'Дата повідомлення заявника').fill(today);
    await labelled(extend, 'Підстава').fill('Потрібен висновок');
    await extend.getByRole('button', { name: 'Зберегти' }).click();
    const refusal = extend.getByRole('alert');
    await refusal.waitFor();
    await page.screenshot({ path: `${SHOTS}/bug-extension-message.png`, fullPage: true });
    expect(await refusal.textContent()).toBe(
      `Загальний строк розгляду не може перевищувати 45 днів (не пізніше ${uaDate(addDays(receivedOn, 45))})`,
    );
  });
});
