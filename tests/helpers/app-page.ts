import type { Page } from 'playwright-core';

/** A text field by its accessible name (the label without the required-field asterisk). */
export function textbox(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** A select by its accessible name. */
export function combobox(page: Page, name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

/** The password every test operator signs in with. */
export const OPERATOR_PASSWORD = 'пароль оператора 1';

/**
 * The very first start on a fresh profile: the first operator and their password, then past the recovery code (its
 * text is returned). The app then shows its setup screen.
 */
export async function createOperator(page: Page, name = 'Мельник І. В.', password = OPERATOR_PASSWORD): Promise<string> {
  await page.getByRole('heading', { name: 'Перший запуск: хто працює на цьому комп’ютері' }).waitFor();
  await page.getByLabel('Ваше прізвище та ініціали').fill(name);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByLabel('Повторіть пароль').fill(password);
  await page.getByRole('button', { name: 'Створити' }).click();
  const code = (await page.getByLabel('Код відновлення цього комп’ютера').textContent()) ?? '';
  await page.getByLabel('Я записав(ла) код і зберігаю його окремо від комп’ютера').check();
  await page.getByRole('button', { name: 'Далі' }).click();
  return code;
}

/** Signs in at the lock screen (after a start or a reload) and waits for the lock screen to go. */
export async function signIn(page: Page, name?: string, password = OPERATOR_PASSWORD): Promise<void> {
  // By the fields' ids: the lock screen speaks the language last chosen on this PC.
  const field = page.locator('#lock-password');
  await field.waitFor();
  if (name) await page.locator('#lock-operator').selectOption(name);
  await field.fill(password);
  await field.press('Enter');
  await field.waitFor({ state: 'detached' });
}

/** Past the front door of a profile either way: the first operator on a fresh one, a sign-in on one that has them. */
export async function enterApp(page: Page, name = 'Мельник І. В.'): Promise<void> {
  const first = page.getByRole('heading', { name: 'Перший запуск: хто працює на цьому комп’ютері' });
  await first.or(page.locator('#lock-password')).first().waitFor();
  if ((await first.count()) > 0) await createOperator(page, name);
  else await signIn(page);
}

interface VillageSetup {
  code: string;
  name: string;
  workstation: number;
  operator: string;
}

/**
 * Completes the first start as a starosta of a village: the operator (`operator`), then the setup screen. Returns the
 * recovery code shown on the way.
 */
export async function setUpVillage(page: Page, opts: VillageSetup): Promise<string> {
  const code = await createOperator(page, opts.operator);
  await setUpWorkstation(page, opts);
  return code;
}

/** Fills the setup screen as a starosta of a village (the operator already signed in) and waits for the register. */
export async function setUpWorkstation(page: Page, opts: Omit<VillageSetup, 'operator'>): Promise<void> {
  await page.getByLabel('Роль').selectOption('starosta');
  await page.getByLabel('Код села').fill(opts.code);
  await page.getByLabel('Назва села (старостинського округу)').fill(opts.name);
  await page.getByLabel('Номер робочого місця').fill(String(opts.workstation));
  await page.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
}

export interface AppealInput {
  surname?: string;
  givenName?: string;
  subject?: 'individual' | 'collective' | 'anonymous';
  collectiveName?: string;
  address?: string;
  phone?: string;
  topicCode: string;
  text: string;
  receivedOn?: string;
}

/** Fills the registration form as a person would (then `beforeSave`, e.g. attaching files) and saves it with Ctrl+Enter; returns the new index. */
export async function registerAppeal(
  page: Page,
  input: AppealInput,
  beforeSave: (page: Page) => Promise<void> = async () => {},
): Promise<string> {
  await page.getByRole('link', { name: 'Нове звернення' }).click();
  await page.getByRole('heading', { name: 'Реєстрація звернення' }).waitFor();
  if (input.surname) await textbox(page, 'Прізвище').fill(input.surname);
  if (input.givenName) await textbox(page, 'Ім’я').fill(input.givenName);
  if (input.subject) await combobox(page, 'Суб’єкт').selectOption(input.subject);
  if (input.collectiveName) await textbox(page, 'Назва колективу').fill(input.collectiveName);
  if (input.address) await textbox(page, 'Адреса (місце проживання)').fill(input.address);
  if (input.phone) await textbox(page, 'Телефон').fill(input.phone);
  if (input.receivedOn) await page.getByLabel('Дата надходження').fill(input.receivedOn);
  await combobox(page, 'Основне питання (класифікатор)').selectOption(input.topicCode);
  await textbox(page, 'Суть звернення').fill(input.text);
  await beforeSave(page);
  await textbox(page, 'Суть звернення').focus();
  await page.keyboard.press('Control+Enter');
  const index = page.getByTestId('saved-index');
  await index.waitFor();
  return (await index.textContent()) ?? '';
}
