import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addUser, addVillage } from '../../server/admin/provision';
import { SHOTS } from '../helpers/app-browsers';
import { registerAppeal, textbox } from '../helpers/app-page';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';
import { damagedPdf, samplePdf, samplePng, sampleScanPdf, sha256 } from '../helpers/files/sample-files';

const statusBar = (page: Page) => page.getByTestId('status-bar');

/** Pixels of a canvas that are not (near) white: ink that pdf.js drew. Runs in the page. */
function inkedPixels(element: SVGElement | HTMLElement): number {
  const canvas = element as HTMLCanvasElement;
  const context = canvas.getContext('2d');
  if (!context || canvas.width < 2) return 0;
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] as number) < 200 || (data[i + 1] as number) < 200 || (data[i + 2] as number) < 200) inked++;
  }
  return inked;
}

/** The opened PDF is drawn in the app by pdf.js: its page count, one canvas per page, ink on the first page. */
async function expectPdfDrawn(files: Locator, pages: number): Promise<void> {
  await expect.poll(() => files.getByTestId('pdf-page-count').textContent(), { timeout: 30_000 }).toBe(`Сторінок: ${pages}`);
  expect(await files.getByRole('img', { name: /^Сторінка \d+ з \d+$/ }).count()).toBe(pages);
  const first = files.getByRole('img', { name: `Сторінка 1 з ${pages}` });
  expect(await first.evaluate((el) => el.tagName)).toBe('CANVAS');
  await expect.poll(() => first.evaluate(inkedPixels), { timeout: 30_000 }).toBeGreaterThan(1000);
  // Chromium's own viewer (a plugin in a frame) is not used: it is off in the app.
  expect(await files.locator('iframe').count()).toBe(0);
}

/** Collects Content-Security-Policy violations and uncaught errors of a page. */
function watchForViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(String(e)));
  return seen;
}

/**
 * Issue 4's attachments in two real browsers against a CouchDB-compatible server: the starosta attaches a large scan
 * (PNG) and a letter (PDF) while registering with no network; when the link returns, the app's upload queue sends
 * them; the council's office sees them listed and opens each on demand.
 */
describe('attachments: attached offline in the village, opened by the council', () => {
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, 'hlyboke', 'Глибоке');
    await addUser(conn, community, { name: 'starosta.hlyboke', password: PASSWORD, role: 'starosta', village: 'hlyboke' });
    await addUser(conn, community, { name: 'rada', password: PASSWORD, role: 'central' });
  });

  it('a PNG scan and a PDF attached offline reach the council, which opens them on demand', async () => {
    const png = samplePng(3200, 600);
    // Six pages: more than the viewer's box shows, so pages far below are drawn only when scrolled to.
    const pdf = samplePdf('Zayava pro remont dorohy', ...[2, 3, 4, 5, 6].map((n) => `Storinka ${n}`));
    const village = await server.launch();
    const council = await server.launch();
    try {
      const vPage = await logIn(village, server, 'starosta.hlyboke', { operator: 'Коваль О. П.', villageName: 'Глибоке' });
      const cPage = await logIn(council, server, 'rada');
      await expect.poll(() => statusBar(vPage).textContent()).toContain('Остання синхронізація');
      const violations = [...watchForViolations(vPage), ...watchForViolations(cPage)];
      // The service worker has cached the app, the PDF viewer included, before the network goes.
      expect(await vPage.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

      await village.setOffline(true);
      const index = await registerAppeal(
        vPage,
        {
          surname: 'Бондар',
          givenName: 'Ірина',
          address: 'с. Глибоке, вул. Польова, 7',
          topicCode: '020',
          text: 'Прошу відремонтувати дорогу, фото додаю',
        },
        async (page) => {
          // The picker speaks the app's language (not the browser's "Choose Files"): a button-looking label over
          // a native input that is out of sight but still reached by the keyboard, with a visible focus ring.
          const pick = page.getByText('Додати файли…', { exact: true });
          const input = page.getByLabel('Додати файли…');
          expect(await input.getAttribute('type')).toBe('file');
          expect((await input.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
          expect((await pick.boundingBox())?.width ?? 0).toBeGreaterThan(40);
          await page.getByText('Файли не вибрано').waitFor();
          await textbox(page, 'Примітка (справа, том, аркуш тощо)').focus();
          await page.keyboard.press('Tab');
          expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
          expect(await pick.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
          // Refused with a reason, and nothing kept of it: a file whose content is not what its name says.
          await input.setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
          await page.getByRole('alert', { name: 'Не додано' }).getByText('«fake.pdf»: це не справжній PDF').waitFor();
          await input.setInputFiles([
            { name: 'road.png', mimeType: 'image/png', buffer: png },
            { name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf },
          ]);
          const chosen = page.getByRole('list', { name: 'Буде збережено разом зі зверненням' });
          await chosen.getByText('letter.pdf', { exact: false }).waitFor();
          expect(await chosen.getByRole('listitem').count()).toBe(2);
          await page.getByText('Вибрано файлів: 2').waitFor();
        },
      );
      // The appeal and its two files wait on the PC.
      await expect.poll(() => statusBar(vPage).textContent()).toContain('Очікують надсилання: 3');
      await vPage.getByRole('button', { name: 'Відкрити картку' }).click();
      const vFiles = vPage.getByRole('region', { name: 'Файли' });
      await expect
        .poll(() => vFiles.getByTestId('file-state').allTextContents())
        .toEqual(['на цьому ПК, чекає надсилання', 'на цьому ПК, чекає надсилання']);
      // Still offline, the starosta opens the letter: pdf.js and its worker come from the service worker's cache.
      await vFiles.getByRole('button', { name: 'Відкрити letter.pdf' }).click();
      await expectPdfDrawn(vFiles, 6);
      await vFiles.getByRole('button', { name: 'Закрити' }).click();

      await village.setOffline(false);
      await statusBar(vPage).getByRole('button', { name: 'Синхронізувати зараз' }).click();
      await expect.poll(() => statusBar(vPage).textContent(), { timeout: 60_000 }).toContain('Очікують надсилання: 0');
      await expect
        .poll(() => vFiles.getByTestId('file-state').allTextContents(), { timeout: 60_000 })
        .toEqual(['на цьому ПК і на сервері', 'на цьому ПК і на сервері']);

      // The council lists the files without their bytes and fetches each one only when it is opened.
      await cPage.getByRole('link', { name: 'Реєстр' }).click();
      const row = cPage.locator('[role="row"]', { hasText: index });
      await row.waitFor({ timeout: 60_000 });
      await row.click();
      const cFiles = cPage.getByRole('region', { name: 'Файли' });
      await expect
        .poll(() => cFiles.getByTestId('file-state').allTextContents(), { timeout: 60_000 })
        .toEqual(['на сервері; відкриється на вимогу', 'на сервері; відкриється на вимогу']);
      await cFiles.getByRole('button', { name: 'Відкрити road.png' }).click();
      const image = cFiles.getByRole('img', { name: 'road.png' });
      await image.waitFor();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2400);
      // Scaled down to 2400 px on the longer side before it was stored: smaller than the original.
      expect(await image.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(450);
      await expect.poll(() => cFiles.getByTestId('file-state').first().textContent()).toBe('на цьому ПК і на сервері');
      mkdirSync(SHOTS, { recursive: true });
      await cPage.setViewportSize({ width: 1366, height: 1100 });
      await cPage.getByRole('region', { name: 'Файли' }).scrollIntoViewIfNeeded();
      await cPage.screenshot({ path: `${SHOTS}/attachments.png`, fullPage: true });

      // The PDF arrives byte for byte (SHA-256 of the saved copy equals the original's).
      await cFiles.getByRole('button', { name: 'Закрити' }).click();
      await cFiles.getByRole('button', { name: 'Відкрити letter.pdf' }).click();
      await expectPdfDrawn(cFiles, 6);
      // Zoom steps redraw the page larger; "fit to width" brings it back.
      const firstPage = cFiles.getByRole('img', { name: 'Сторінка 1 з 6' });
      const fitted = (await firstPage.boundingBox())?.width ?? 0;
      await cFiles.getByRole('button', { name: 'Збільшити' }).click();
      await expect.poll(async () => (await firstPage.boundingBox())?.width ?? 0).toBeGreaterThan(fitted * 1.2);
      await cFiles.getByRole('button', { name: 'За шириною' }).click();
      await expect.poll(async () => Math.round((await firstPage.boundingBox())?.width ?? 0)).toBe(Math.round(fitted));
      await expect.poll(() => firstPage.evaluate(inkedPixels), { timeout: 30_000 }).toBeGreaterThan(1000);
      // The last page waits undrawn (no pixels held) until scrolled to; then the first lets its pixels go.
      const lastPage = cFiles.getByRole('img', { name: 'Сторінка 6 з 6' });
      const canvasWidth = (el: SVGElement | HTMLElement) => (el as HTMLCanvasElement).width;
      expect(await lastPage.evaluate(canvasWidth)).toBe(0);
      const pagesBox = cFiles.getByRole('region', { name: 'Сторінки документа' });
      await pagesBox.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(() => lastPage.evaluate(inkedPixels), { timeout: 30_000 }).toBeGreaterThan(1000);
      await expect.poll(() => firstPage.evaluate(canvasWidth)).toBe(0);
      await pagesBox.evaluate((el) => el.scrollTo(0, 0));
      await expect.poll(() => firstPage.evaluate(inkedPixels), { timeout: 30_000 }).toBeGreaterThan(1000);
      await cFiles.getByRole('figure').scrollIntoViewIfNeeded();
      await cPage.screenshot({ path: `${SHOTS}/attachments-pdf.png` });
      const [download] = await Promise.all([
        cPage.waitForEvent('download'),
        cFiles.getByRole('link', { name: 'Зберегти на диск' }).click(),
      ]);
      const saved = await download.path();
      expect(sha256(readFileSync(saved))).toBe(sha256(pdf));

      // Added later on the card: a scan whose only content is a JPEG 2000 image, drawn by pdf.js's OpenJPEG
      // decoder (its JavaScript build, loaded by the worker from pdfjs/: WebAssembly is off under our CSP)...
      await vFiles.getByLabel('Додати файли…').setInputFiles([
        { name: 'scan.pdf', mimeType: 'application/pdf', buffer: sampleScanPdf() },
        { name: 'damaged.pdf', mimeType: 'application/pdf', buffer: damagedPdf() },
      ]);
      await vFiles.getByText('Вибрано файлів: 2').waitFor();
      await vFiles.getByRole('button', { name: 'Зберегти файли (2)' }).click();
      await vFiles.getByRole('button', { name: 'Відкрити scan.pdf' }).click();
      await expectPdfDrawn(vFiles, 1);
      await vFiles.getByRole('button', { name: 'Закрити' }).click();
      // ...and a PDF the upload checks accept (header and end marker are there) but whose body pdf.js cannot
      // read: the card says so in words and still offers to save it; the app goes on working.
      await vFiles.getByRole('button', { name: 'Відкрити damaged.pdf' }).click();
      await vFiles
        .getByRole('alert')
        .filter({ hasText: 'Не вдалося показати «damaged.pdf»: файл пошкоджений' })
        .waitFor({ timeout: 30_000 });
      expect(await vFiles.getByRole('img', { name: /^Сторінка/ }).count()).toBe(0);
      await vFiles.getByRole('link', { name: 'Зберегти на диск' }).waitFor();
      await vFiles.getByRole('button', { name: 'Відкрити road.png' }).click();
      await vFiles.getByRole('img', { name: 'road.png' }).waitFor();
      expect(violations).toEqual([]);
    } finally {
      await village.close();
      await council.close();
    }
  });
});
