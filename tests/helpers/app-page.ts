import type { Page } from 'playwright-core';

/** A text field by its accessible name (the label without the required-field asterisk). */
export function textbox(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** A select by its accessible name. */
export function combobox(page: Page, name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

/** Completes the first-start setup as a starosta of a village. */
export async function setUpVillage(page: Page, opts: { code: string; name: string; workstation: number; operator: string }) {
  await page.getByLabel('Роль').selectOption('starosta');
  await page.getByLabel('Код села').fill(opts.code);
  await page.getByLabel('Назва села (старостинського округу)').fill(opts.name);
  await page.getByLabel('Номер робочого місця').fill(String(opts.workstation));
  await page.getByLabel('Ваше прізвище та ініціали').fill(opts.operator);
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
