/**
 * The operator lock in real Chromium: nothing of the register is in the page before a password; wrong passwords are
 * counted and slowed down; Ctrl+L locks; a second operator signs in with their own password and their records name
 * them; the recovery code gives a forgotten password back; an idle PC locks itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useAppBrowsers } from '../helpers/app-browsers';
import { createOperator, OPERATOR_PASSWORD, registerAppeal, setUpVillage, setUpWorkstation, signIn } from '../helpers/app-page';
import { openRegister, rowByIndex } from '../helpers/app-page-extra';

const SURNAME = 'Замкненко';
const card = {
  givenName: 'Оксана',
  address: 'с. Глибоке, вул. Садова, 3',
  topicCode: '090',
  text: 'Прошу відремонтувати місток',
};

const lockHeading = (page: Page) => page.getByRole('heading', { name: 'Реєстр заблоковано' });

const HLYBOKE = { code: 'hlyboke', name: 'Глибоке', workstation: 1 };
const setUpWithOperator = (page: Page) => setUpVillage(page, { ...HLYBOKE, operator: 'Коваль О. П.' });

describe('the operator lock', () => {
  const app = useAppBrowsers();

  it('shows nothing of the register before the password, counts and slows wrong ones, and locks on Ctrl+L', async () => {
    const page = await app.fresh();
    const code = await setUpWithOperator(page);
    expect(code).toMatch(/^([2-9A-HJKMNP-Z]{4}-){7}[2-9A-HJKMNP-Z]{4}$/);
    const index = await registerAppeal(page, { ...card, surname: SURNAME });

    await page.reload();
    await lockHeading(page).waitFor();
    // Nothing of the register in the page: not in the text, not in the markup, not in a title.
    expect(await page.content()).not.toContain(SURNAME);
    expect(await page.content()).not.toContain(index);
    expect(await page.title()).not.toContain(SURNAME);
    await page.screenshot({ path: `${SHOTS}/lock-screen.png`, fullPage: true });

    for (let n = 1; n <= 3; n++) {
      await page.getByLabel('Пароль', { exact: true }).fill(`не той пароль ${n}`);
      await page.getByRole('button', { name: 'Увійти' }).click();
      await page.getByText(`Невірний пароль. Невдалих спроб поспіль: ${n}.`).waitFor();
    }
    // From the third failure on, the next attempt waits (2 s after the third).
    await page.getByText(/Наступна спроба — через \d+ с\./).waitFor();
    expect(await page.getByRole('button', { name: 'Увійти' }).isDisabled()).toBe(true);
    // The count survives a reload: starting over does not reset it.
    await page.reload();
    await page
      .getByText(/Наступна спроба — через \d+ с\.|Реєстр заблоковано/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Увійти' }).and(page.locator(':enabled')).waitFor({ timeout: 10_000 });
    await signIn(page);
    await openRegister(page);
    await rowByIndex(page, index).waitFor();

    await page.keyboard.press('Control+l');
    await lockHeading(page).waitFor();
    expect(await page.content()).not.toContain(SURNAME);
    await signIn(page);
    // The route is kept: the register again.
    await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
  });

  it('lets a second operator sign in with their own password, names them on their records, and takes the recovery code for a forgotten password', async () => {
    const page = await app.fresh();
    const code = await setUpWithOperator(page);

    await page.getByRole('link', { name: 'Оператори' }).click();
    await page.getByRole('heading', { name: 'Оператори цього комп’ютера' }).waitFor();
    await page.getByLabel('Прізвище та ініціали оператора').fill('Бондар Л. М.');
    await page.getByLabel('Пароль', { exact: true }).fill('пароль діловода');
    await page.getByLabel('Повторіть пароль').fill('пароль діловода');
    await page.getByLabel('Ваш пароль (для підтвердження)').fill('не мій пароль');
    await page.getByRole('button', { name: 'Зберегти оператора' }).click();
    await page.getByText('Ваш пароль невірний').waitFor();
    await page.getByLabel('Ваш пароль (для підтвердження)').fill(OPERATOR_PASSWORD);
    await page.getByRole('button', { name: 'Зберегти оператора' }).click();
    await page.getByText('Оператора «Бондар Л. М.» збережено.').waitFor();

    await page.getByRole('button', { name: 'Заблокувати' }).click();
    await signIn(page, 'Бондар Л. М.', 'пароль діловода');
    await page.getByText('Глибоке · Староста: Бондар Л. М.').waitFor();
    const index = await registerAppeal(page, { ...card, surname: 'Діловодченко' });
    await openRegister(page);
    await rowByIndex(page, index).click();
    await page.getByRole('heading', { name: `Звернення ${index}` }).waitFor();
    await page.getByRole('article').getByText('Бондар Л. М.').first().waitFor();

    // Коваль forgot the password: the recovery code sets a new one.
    await page.getByRole('button', { name: 'Заблокувати' }).click();
    await lockHeading(page).waitFor();
    await page.getByRole('button', { name: 'Забули пароль?' }).click();
    await page.getByLabel('Ваше прізвище та ініціали').fill('Коваль О. П.');
    await page.getByLabel('Код відновлення', { exact: true }).fill('AAAA-BBBB');
    await page.getByLabel('Новий пароль').fill('новий пароль старости');
    await page.getByLabel('Повторіть пароль').fill('новий пароль старости');
    await page.getByRole('button', { name: 'Задати пароль і увійти' }).click();
    await page.getByText('Код відновлення не підходить. Невдалих спроб поспіль: 1.').waitFor();
    // Typed in lower case with spaces: the form it was issued in does not matter.
    await page.getByLabel('Код відновлення', { exact: true }).fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Задати пароль і увійти' }).click();
    await page.getByText('Глибоке · Староста: Коваль О. П.').waitFor();
    await openRegister(page);
    await rowByIndex(page, index).waitFor();

    // The old password is gone; the new one works.
    await page.reload();
    await page.getByLabel('Оператор').selectOption('Коваль О. П.');
    await page.getByLabel('Пароль', { exact: true }).fill(OPERATOR_PASSWORD);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.getByText('Невірний пароль. Невдалих спроб поспіль: 1.').waitFor();
    await signIn(page, 'Коваль О. П.', 'новий пароль старости');
    await page.getByText('Глибоке · Староста: Коваль О. П.').waitFor();
  });

  it('locks by itself after the idle time set on the operators screen', async () => {
    const page = await app.fresh();
    await page.clock.install();
    await page.reload();
    await setUpWithOperator(page);
    await page.getByRole('link', { name: 'Оператори' }).click();
    await page.getByLabel('Блокувати після бездіяльності, хвилин (0 — не блокувати)').fill('1');
    await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
    await page.getByText('Збережено.').waitFor();
    await page.clock.fastForward(30_000);
    // Half the idle time: give the interval a real second to act, and it must not.
    await page.waitForTimeout(1500);
    expect(await lockHeading(page).count()).toBe(0);
    await page.clock.fastForward(35_000);
    await lockHeading(page).waitFor();
  });

  it('says a register whose keys are gone is lost, and starts a new one that opens', async () => {
    const page = await app.fresh();
    await setUpWithOperator(page);
    await registerAppeal(page, { ...card, surname: SURNAME });
    // The keyring's own database deleted, the register kept: nothing can open the register now.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('open-village-keyring');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
          req.onblocked = () => resolve();
        }),
    );
    await page.reload();
    await page.getByText('На цьому комп’ютері є зашифрований реєстр, але ключів до нього тут уже немає').waitFor();
    await createOperator(page, 'Коваль О. П.');
    await page.getByRole('heading', { name: 'Налаштування робочого місця' }).waitFor();
    await setUpWorkstation(page, HLYBOKE);
    await page.getByText('У реєстрі 0 звернень').waitFor();
    expect(await registerAppeal(page, { ...card, surname: 'Новенький' })).toBe('HLYBOKE.1-Н-1');
  });
});
