import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/lib/dates';
import { SHOTS, useAppBrowsers } from '../helpers/app-browsers';
import { setUpVillage } from '../helpers/app-page';
import {
  fillAppealForm,
  kyivToday,
  normalDue,
  openRegister,
  recordAction,
  rowByIndex,
  saveAppealForm,
  setUpCentral,
  uaDate,
} from '../helpers/app-page-extra';

/** Where the printed PDFs of this suite land (kept for a look, and for the README's pictures). */
const PDF_DIR = 'test-results/print';

/** Prints the page as Chromium's print-to-PDF does (print media, A4, the page's own @page rules) into a file. */
async function printToPdf(page: Page, name: string): Promise<string> {
  mkdirSync(PDF_DIR, { recursive: true });
  const path = join(PDF_DIR, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

/**
 * The PDF's text as poppler's pdftotext reads it, keeping the physical layout (a table row stays one line: "label value"),
 * whitespace then collapsed.
 */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The text of one page of a PDF, collapsed as pdfText does. */
function pdfPageText(path: string, pageNo: number): string {
  const args = ['-layout', '-enc', 'UTF-8', '-f', String(pageNo), '-l', String(pageNo), path, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Page count and page size of a PDF as pdfinfo reports them. */
function pdfInfo(path: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '' };
}

/** Replaces the page's print dialog with a counter (headless Chromium has no dialog to show). */
async function countPrintDialogs(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { print: () => void; printDialogs: number };
    w.printDialogs = 0;
    w.print = () => {
      w.printDialogs += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printDialogs: number }).printDialogs);
}

// Chromium writes A4 as 594.96 × 841.92 pt (210 × 297 mm rounded to its units); pdfinfo names the size.
const A4 = /^59[45]\.\d+ x 841\.\d+ pts \(A4\)$/;

describe('printing: the receipt, the registration-control card and the answer, on A4 in Ukrainian', () => {
  const app = useAppBrowsers();
  const today = kyivToday();

  it('a starosta prints the receipt right after registration, then the card, whatever the UI language', async () => {
    const page = await app.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    const receivedOn = addDays(today, -2);
    const due = normalDue(receivedOn);
    await fillAppealForm(page, {
      surname: 'Шевченко',
      givenName: 'Тарас',
      patronymic: 'Григорович',
      address: 'с. Глибоке, вул. Садова, 3',
      phone: '+380 67 123 45 67',
      type: 'complaint',
      receivedOn,
      topicCode: '020',
      text: 'Прошу відремонтувати міст через річку біля школи',
    });
    const index = await saveAppealForm(page);
    expect(index).toBe('HLYBOKE.1-Ш-1');

    await page.getByRole('button', { name: 'Друкувати розписку для заявника' }).click();
    const receipt = page.getByRole('article', { name: 'Розписка' });
    await receipt.waitFor();
    // Only the paper and its toolbar: the app's header and status bar are not on this page.
    expect(await page.getByRole('navigation', { name: 'Розділи' }).count()).toBe(0);
    expect(await page.title()).toBe(`${index}-receipt`);
    const toolbar = page.getByRole('region', { name: 'Друк документа' });
    expect(await toolbar.textContent()).toContain('оберіть принтер «Зберегти як PDF»');
    await page.screenshot({ path: `${SHOTS}/print-receipt-screen.png` });

    // In a browser both buttons open the browser's print dialog (its "Save as PDF" destination writes the file).
    const dialogs = await countPrintDialogs(page);
    await toolbar.getByRole('button', { name: 'Друкувати' }).click();
    await expect.poll(dialogs).toBe(1);
    await toolbar.getByRole('button', { name: 'Зберегти як PDF' }).click();
    await expect.poll(dialogs).toBe(2);

    const receiptPdf = await printToPdf(page, 'receipt');
    const receiptText = pdfText(receiptPdf);
    expect(receiptText).toContain(index);
    expect(receiptText).toContain(`Дата надходження ${uaDate(receivedOn)}`);
    expect(receiptText).toContain(`Розглянути не пізніше ${uaDate(due)}`);
    expect(receiptText).toContain('РОЗПИСКА');
    expect(receiptText).toContain('Шевченко Тарас Григорович');
    expect(receiptText).toContain('статті 20 Закону України «Про звернення громадян»');
    expect(receiptText).toContain('старостинського округу «Глибоке»');
    expect(receiptText).toContain('Коваль О. П.');
    // The receipt names the topic, never the text of the appeal (art. 10: the contents stay in the register).
    expect(receiptText).toContain('020 — Транспорт і звʼязок');
    expect(receiptText).not.toContain('міст через річку');
    expect(receiptText).not.toContain('Зберегти як PDF');
    expect(pdfInfo(receiptPdf)).toEqual({ pages: 1, size: expect.stringMatching(A4) });

    // Back returns to the confirmation, where Enter still starts the next registration.
    await toolbar.getByRole('button', { name: 'Повернутися' }).click();
    await page.getByTestId('saved-index').waitFor();
    const appealId = /#\/registered\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
    expect(appealId).not.toBe('');

    // Without an answer there is no answer to print, even when asked for by address.
    await page.goto(page.url().replace(/#.*$/, `#/print/answer/${appealId}`));
    await page.getByText('На це звернення ще немає відповіді: друкувати нічого.').waitFor();
    expect(await page.getByRole('button', { name: 'Друкувати' }).count()).toBe(0);

    // The card, with the UI switched to English: the toolbar follows the UI, the paper stays Ukrainian.
    await page.goto(page.url().replace(/#.*$/, '#/register'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Register of appeals' }).waitFor();
    await rowByIndex(page, index).click();
    await page.getByRole('heading', { name: `Appeal ${index}` }).waitFor();
    const links = page.getByRole('navigation', { name: 'Print' });
    expect(await links.getByRole('link').allTextContents()).toEqual(['Card (RKK)', 'Receipt for the applicant']);
    await links.getByRole('link', { name: 'Card (RKK)' }).click();
    await page.getByRole('article', { name: 'Реєстраційно-контрольна картка' }).waitFor();
    expect(await page.getByRole('region', { name: 'Printing a document' }).getByRole('button', { name: 'Print' }).count()).toBe(
      1,
    );

    const cardPdf = await printToPdf(page, 'card-registered');
    const cardText = pdfText(cardPdf);
    expect(cardText).toContain('РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА');
    expect(cardText).toContain(`№ ${index} від ${uaDate(receivedOn)}`);
    expect(cardText).toContain(`Контрольна дата ${uaDate(due)}`);
    expect(cardText).toContain('Шевченко Тарас Григорович');
    expect(cardText).toContain('с. Глибоке, вул. Садова, 3');
    expect(cardText).toContain('Скарга');
    expect(cardText).toContain('Прошу відремонтувати міст через річку біля школи');
    expect(cardText).toContain('Зареєстровано');
    expect(cardText).not.toMatch(/Register|Appeal|Print/);
    expect(pdfInfo(cardPdf)).toEqual({ pages: 1, size: expect.stringMatching(A4) });
  });

  it('the council answers; the answer prints with the signature line, the card with the whole control record', async () => {
    const page = await app.fresh();
    await setUpCentral(page, { workstation: 1, operator: 'Мельник І. В.' });
    const receivedOn = addDays(today, -20);
    await fillAppealForm(page, {
      surname: 'Литвин',
      givenName: 'Петро',
      patronymic: 'Іванович',
      address: 'с. Вишневе, вул. Польова, 7',
      phone: '067 555 12 34',
      receivedOn,
      topicCode: '020',
      text: 'Не ходить шкільний автобус з Вишневого до опорної школи',
    });
    const index = await saveAppealForm(page);
    await openRegister(page);
    await rowByIndex(page, index).click();
    await page.getByRole('heading', { name: `Звернення ${index}` }).waitFor();
    const links = page.getByRole('navigation', { name: 'Друк' });
    expect(await links.getByRole('link', { name: 'Відповідь для вручення' }).count()).toBe(0);

    await recordAction(page, 'Призначити виконавця', {
      Виконавець: 'КП «Шкільний транспорт»',
      Резолюція: 'Розглянути й відповісти заявнику',
      'Автор резолюції': 'Голова ради',
    });
    const answerText =
      'Маршрут шкільного автобуса відновлено з понеділка. Автобус відправляється від зупинки «Польова» о 7:40 і повертається о 15:10.';
    await recordAction(page, 'Внести відповідь', {
      'Текст відповіді': answerText,
      'Вихідний номер відповіді': '02-15/123',
      'Дата відповіді': today,
      'Результат розгляду': 'satisfied',
    });
    const answerLink = links.getByRole('link', { name: 'Відповідь для вручення' });
    await answerLink.waitFor();
    await page.screenshot({ path: `${SHOTS}/print-links-card.png`, fullPage: true });
    await answerLink.click();
    await page.getByRole('article', { name: 'Відповідь' }).waitFor();
    expect(await page.title()).toBe(`${index}-answer`);

    const answerPdf = await printToPdf(page, 'answer');
    const text = pdfText(answerPdf);
    expect(text).toContain(answerText);
    expect(text).toContain(`Вих. № 02-15/123 від ${uaDate(today)}`);
    expect(text).toContain(`на звернення № ${index} від ${uaDate(receivedOn)}`);
    expect(text).toContain('Литвин Петро Іванович');
    expect(text).toContain('КП «Шкільний транспорт»');
    expect(text).toContain('Вирішено позитивно');
    // The line to sign on receipt: the label, blanks, and what goes in them (pdftotext may read the captions after both blanks).
    expect(text).toMatch(/Відповідь отримав\(ла\): _{10,} (?=.*\(підпис\))(?=.*\(дата\))/);
    expect(text).toContain('(прізвище, ініціали)');
    expect(pdfInfo(answerPdf)).toEqual({ pages: 1, size: expect.stringMatching(A4) });

    await page.getByRole('button', { name: 'Повернутися' }).click();
    await page.getByRole('heading', { name: `Звернення ${index}` }).waitFor();
    await links.getByRole('link', { name: 'Картка (РКК)' }).click();
    await page.getByRole('article', { name: 'Реєстраційно-контрольна картка' }).waitFor();
    const cardPdf = await printToPdf(page, 'card');
    const card = pdfText(cardPdf);
    expect(card).toContain(index);
    expect(card).toContain(uaDate(receivedOn));
    expect(card).toContain(`Контрольна дата ${uaDate(normalDue(receivedOn))}`);
    expect(card).toContain('Виконавець КП «Шкільний транспорт»');
    expect(card).toContain('Розглянути й відповісти заявнику — Голова ради');
    expect(card).toContain(`${uaDate(today)}, № 02-15/123`);
    expect(card).toContain('Надано відповідь');
    expect(card).toContain('Мельник І. В.');
    expect(card).toContain('ЦЕНТРАЛЬНИЙ АПАРАТ РАДИ');
    expect(pdfInfo(cardPdf)).toEqual({ pages: 1, size: expect.stringMatching(A4) });
  });

  it('a long appeal prints its card on as many A4 pages as it needs, nothing cut, while the receipt stays one page', async () => {
    const page = await app.fresh();
    await setUpVillage(page, { code: 'hlyboke', name: 'Глибоке', workstation: 1, operator: 'Коваль О. П.' });
    const sentences = Array.from(
      { length: 70 },
      (_, i) => `Речення ${i + 1}: мешканці вулиці Лугової просять відновити освітлення і засипати ями на дорозі.`,
    );
    await fillAppealForm(page, {
      surname: 'Гончаренко',
      givenName: 'Ольга',
      address: 'с. Глибоке, вул. Лугова, 12',
      topicCode: '020',
      text: sentences.join(' '),
    });
    const index = await saveAppealForm(page);
    await page.getByRole('button', { name: 'Друкувати розписку для заявника' }).click();
    await page.getByRole('article', { name: 'Розписка' }).waitFor();
    expect(pdfInfo(await printToPdf(page, 'receipt-long')).pages).toBe(1);

    await page.goto(page.url().replace(/#\/print\/receipt\//, '#/print/card/'));
    await page.getByRole('article', { name: 'Реєстраційно-контрольна картка' }).waitFor();
    const cardPdf = await printToPdf(page, 'card-long');
    const text = pdfText(cardPdf);
    for (const sentence of [sentences[0], sentences[34], sentences[69]]) expect(text).toContain(sentence);
    // The text starts on the first page under its heading and runs on: no page left half empty before it.
    expect(pdfPageText(cardPdf, 1)).toContain(`Зміст звернення 1. [020] Транспорт і звʼязок ${sentences[0]}`);
    expect(text).toContain(index);
    expect(text).toContain('Картку заповнив(ла):');
    const { pages, size } = pdfInfo(cardPdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    expect(size).toMatch(A4);
    // The sheets of a filed card are numbered; the one-page receipt carries no number.
    expect(pdfPageText(cardPdf, 1)).toContain(`аркуш 1 з ${pages}`);
    expect(pdfPageText(cardPdf, pages)).toContain(`аркуш ${pages} з ${pages}`);
    expect(pdfText(join(PDF_DIR, 'receipt-long.pdf'))).not.toContain('аркуш');
  });
});
