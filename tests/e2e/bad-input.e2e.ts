import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/lib/dates';
import { useAppBrowsers } from '../helpers/app-browsers';
import { combobox, setUpVillage, signIn, textbox } from '../helpers/app-page';
import {
  cardField,
  cellText,
  dataRows,
  fieldError,
  fillAppealForm,
  isFocused,
  kyivToday,
  labelled,
  openRegister,
  rowByIndex,
  saveAppealForm,
  storedAppealCount,
} from '../helpers/app-page-extra';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=2">';

/** Opens the card of a registered appeal from the register. */
async function openCard(page: Page, regIndex: string) {
  await openRegister(page);
  await rowByIndex(page, regIndex).click();
  await page.getByRole('heading', { name: `Звернення ${regIndex}` }).waitFor();
}

/** Presses Tab until the control has the focus; fails after `max` presses. */
async function tabTo(page: Page, control: Locator, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(control)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the control after ${max} presses`);
}

/** Saves the open form with Ctrl+Enter and waits for the problems summary: the form must refuse it. */
async function saveExpectingProblems(page: Page) {
  await page.keyboard.press('Control+Enter');
  await page.getByText(/^Виправте /).waitFor();
}

/** The page's own markup must never hold a script or image made from typed text, and nothing of it may have run. */
async function expectNothingInjected(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.getByRole('main').locator('script, img').count()).toBe(0);
}

describe('odd and hostile input at the registration form', () => {
  const app = useAppBrowsers();
  const today = kyivToday();

  /** A fresh profile set up as the starosta of Hlyboke, with the network switched off once the shell is cached. */
  async function freshVillage(): Promise<Page> {
    const page = await app.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
    await app.context.setOffline(true);
    return page;
  }

  it('stores emoji, markup and a 10,000-character text exactly as typed and shows them as text', async () => {
    const page = await freshVillage();

    // Markup at the very start of a surname is refused: the first letter becomes the index letter.
    await fillAppealForm(page, { surname: IMG, givenName: 'Оля', address: 'с. Глибоке', topicCode: '020', text: 'Текст' });
    await saveExpectingProblems(page);
    expect(await fieldError(textbox(page, 'Прізвище'))).toBe('Прізвище має починатися з літери');

    const surname = `Бджілка🐝${SCRIPT}`;
    const givenName = 'Оля🌻';
    const address = `${IMG} с. Глибоке, вул. Квіткова 🌼 ${SCRIPT}`;
    const text = `${SCRIPT} ${IMG} Дорога 🚧 зруйнована 👍🏽 — пишуть 👨‍👩‍👧 усією родиною`;
    await fillAppealForm(page, { surname, givenName, address, topicCode: '020', text });
    const hostile = await saveAppealForm(page);
    expect(hostile).toBe('HLYBOKE.1-Б-1');

    // 10,000 characters (code points: the tractor emoji is one character, two UTF-16 units).
    const long = [...'Довгий текст звернення про ремонт дороги 🚜. '.repeat(250)].slice(0, 10_000).join('');
    expect([...long].length).toBe(10_000);
    await fillAppealForm(page, { surname: 'Довгань', givenName: 'Марко', address: 'с. Глибоке', topicCode: '010', text: long });
    const longIndex = await saveAppealForm(page);
    expect(longIndex).toBe('HLYBOKE.1-Д-2');

    await openRegister(page);
    await expect.poll(() => dataRows(page).count()).toBe(2);
    const row = rowByIndex(page, hostile);
    expect(await cellText(row, 1)).toBe(`${surname} ${givenName}`);
    expect(await row.getByRole('cell').nth(1).getAttribute('title')).toBe(address);
    await expectNothingInjected(page);

    await openCard(page, hostile);
    expect(await cardField(page, 'Заявник').textContent()).toBe(`${surname} ${givenName}`);
    expect(await cardField(page, 'Адреса (місце проживання)').textContent()).toBe(address);
    await page.getByRole('article').getByText(text, { exact: true }).waitFor();
    await expectNothingInjected(page);

    await openCard(page, longIndex);
    const shown = page.getByRole('article').getByText(long.slice(0, 60));
    expect(await shown.textContent()).toBe(long);

    // A restart of the page renders everything again from storage: still text, still nothing run.
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: `Звернення ${longIndex}` }).waitFor();
    await openCard(page, hostile);
    expect(await cardField(page, 'Заявник').textContent()).toBe(`${surname} ${givenName}`);
    await expectNothingInjected(page);
  });

  it('refuses a receipt date in the future or before 1991 in words and saves nothing', async () => {
    const page = await freshVillage();
    await fillAppealForm(page, { surname: 'Гнатюк', givenName: 'Ілля', address: 'с. Глибоке', topicCode: '020', text: 'Дорога' });
    await saveAppealForm(page);
    expect(await storedAppealCount(page)).toBe(1);

    const received = page.getByLabel('Дата надходження');
    await fillAppealForm(page, {
      surname: 'Дата',
      givenName: 'Завтрашня',
      address: 'с. Глибоке',
      topicCode: '020',
      text: 'Звернення з майбутнього',
      receivedOn: addDays(today, 1),
    });
    await saveExpectingProblems(page);
    expect(await received.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(received)).toBe('Поле «Дата надходження»: дата не може бути в майбутньому');

    await received.fill('1990-06-15');
    await saveExpectingProblems(page);
    await expect.poll(() => fieldError(received)).toBe('Поле «Дата надходження»: дата не може бути раніше 01.01.1991');
    expect(await page.getByTestId('saved-index').count()).toBe(0);
    expect(await storedAppealCount(page)).toBe(1);
    await openRegister(page);
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('Знайдено 1 звернення');
    expect(await dataRows(page).count()).toBe(1);
  });

  it('accepts common Ukrainian phone formats and refuses 12345 and a blank surname with a message', async () => {
    const page = await freshVillage();
    const formats = ['+380 67 123 45 67', '(067) 123-45-67', '0671234567'];
    for (const [i, phone] of formats.entries()) {
      await fillAppealForm(page, {
        surname: 'Ткачук',
        givenName: 'Олена',
        address: 'с. Глибоке',
        phone,
        topicCode: '020',
        text: `Звернення ${i + 1}`,
      });
      expect(await saveAppealForm(page)).toBe(`HLYBOKE.1-Т-${i + 1}`);
      await page.getByRole('button', { name: 'Відкрити картку' }).click();
      await page.getByRole('heading', { name: `Звернення HLYBOKE.1-Т-${i + 1}` }).waitFor();
      expect(await cardField(page, 'Телефон').textContent()).toBe(phone);
    }

    await fillAppealForm(page, {
      surname: 'Ткачук',
      givenName: 'Олена',
      address: 'с. Глибоке',
      phone: '12345',
      topicCode: '020',
      text: 'Неправильний телефон',
    });
    await saveExpectingProblems(page);
    const phone = textbox(page, 'Телефон');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(phone)).toBe('Телефон має бути українським номером, напр. 067 123 45 67');
    // The keyboard user lands on the field to fix.
    await expect.poll(() => isFocused(phone)).toBe(true);

    await phone.fill('');
    await textbox(page, 'Прізвище').fill('   ');
    await saveExpectingProblems(page);
    await expect.poll(() => fieldError(textbox(page, 'Прізвище'))).toBe('Вкажіть прізвище заявника');
    expect(await phone.getAttribute('aria-invalid')).toBeNull();
    expect(await storedAppealCount(page)).toBe(3);
  });

  it('gives a collective appeal a КО index and an anonymous one БП, and asks no name or address of the anonymous', async () => {
    const page = await freshVillage();
    await fillAppealForm(page, {
      subject: 'collective',
      collectiveName: 'Мешканці вулиці Лісової',
      surname: 'Гнатюк',
      givenName: 'Ілля',
      address: 'с. Глибоке, вул. Лісова',
      topicCode: '030',
      text: 'Просимо освітлення вулиці',
    });
    expect(await saveAppealForm(page)).toBe('HLYBOKE.1-КО-1');

    await fillAppealForm(page, { subject: 'anonymous' });
    const requiredMark = (label: string) =>
      labelled(page, label).evaluate((el) => ((el as HTMLInputElement).labels?.[0]?.textContent ?? '').endsWith('*'));
    expect(await requiredMark('Прізвище')).toBe(false);
    expect(await requiredMark('Ім’я')).toBe(false);
    expect(await requiredMark('Адреса (місце проживання)')).toBe(false);
    expect(await requiredMark('Суть звернення')).toBe(true);
    await combobox(page, 'Основне питання (класифікатор)').selectOption('020');
    await textbox(page, 'Суть звернення').fill('Біля ставка викидають сміття');
    const anonymous = await saveAppealForm(page);
    expect(anonymous).toBe('HLYBOKE.1-БП-2');

    await openRegister(page);
    expect(await cellText(rowByIndex(page, anonymous), 1)).toBe('Без підпису');
    expect(await cellText(rowByIndex(page, 'HLYBOKE.1-КО-1'), 1)).toBe('Мешканці вулиці Лісової (Гнатюк Ілля)');
    await openCard(page, anonymous);
    expect(await cardField(page, 'Заявник').textContent()).toBe('Без підпису');
    expect(await cardField(page, 'Суб’єкт').textContent()).toBe('Анонімне');
  });

  it('registers with the keyboard alone, and Enter on the confirmation opens the next empty form', async () => {
    const page = await freshVillage();
    await page.getByRole('link', { name: 'Нове звернення' }).click();
    await page.getByRole('heading', { name: 'Реєстрація звернення' }).waitFor();

    const surname = textbox(page, 'Прізвище');
    await expect.poll(() => isFocused(surname)).toBe(true);
    await page.keyboard.type('Гончар');
    await page.keyboard.press('Tab');
    expect(await isFocused(textbox(page, 'Ім’я'))).toBe(true);
    await page.keyboard.type('Іван');
    await tabTo(page, textbox(page, 'Адреса (місце проживання)'));
    await page.keyboard.type('с. Глибоке, вул. Миру, 2');
    const topic = combobox(page, 'Основне питання (класифікатор)');
    await tabTo(page, topic);
    await page.keyboard.type('020');
    expect(await topic.inputValue()).toBe('020');
    await page.keyboard.press('Tab');
    expect(await isFocused(textbox(page, 'Суть звернення'))).toBe(true);
    await page.keyboard.type('Не працює ліхтар біля зупинки');
    await page.keyboard.press('Control+Enter');
    const index = page.getByTestId('saved-index');
    await index.waitFor();
    expect(await index.textContent()).toBe('HLYBOKE.1-Г-1');

    // The confirmation puts the focus on "register the next one", so a single Enter starts the next card.
    const next = page.getByRole('button', { name: 'Зареєструвати наступне (Enter)' });
    await expect.poll(() => isFocused(next)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Реєстрація звернення' }).waitFor();
    await expect.poll(() => isFocused(surname)).toBe(true);
    expect(await surname.inputValue()).toBe('');
    expect(await textbox(page, 'Суть звернення').inputValue()).toBe('');
    expect(await topic.inputValue()).toBe('');

    await page.keyboard.type('Яковенко');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ніна');
    await tabTo(page, textbox(page, 'Адреса (місце проживання)'));
    await page.keyboard.type('с. Глибоке');
    await tabTo(page, topic);
    await page.keyboard.type('010');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Межа городу');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => index.textContent()).toBe('HLYBOKE.1-Я-2');
  });
});
