/**
 * The council's Reports screen in Chromium: the report fixture's appeals and events are on the server, the central
 * office logs in and syncs them, opens the reports of 2026-Q3, sees the hand-computed counts, downloads the .xlsx and
 * CSV (read back here), and sees the charts on the overview.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../server/admin/couch-client';
import { addUser, addVillage } from '../../server/admin/provision';
import { communityNames, ID_PREFIX } from '../../shared/couch/names';
import { SHEET_LAYOUT } from '../../shared/reports/xlsx';
import { logIn, PASSWORD, useCommunityServer } from '../helpers/community-server';
import { APPEALS, COLUMNS, EVENTS, EXPECTED_Q3, TOTALS_Q3, VILLAGES } from '../helpers/report-fixture';

const SHOTS = 'test-results/screenshots';

/** The texts of one table row: its header cell and its counts. */
async function rowTexts(table: Locator, label: string): Promise<string[]> {
  const row = table.getByRole('row', { name: label, exact: false }).first();
  return row.locator('th, td').allTextContents();
}

describe('classifier reports of the council office', () => {
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const server = useCommunityServer(async (conn, community) => {
    for (const v of VILLAGES) await addVillage(conn, community, v.code, v.name);
    await addUser(conn, community, { name: 'rada', password: PASSWORD, role: 'central' });
    await addUser(conn, community, { name: 'starosta.zarichne', password: PASSWORD, role: 'starosta', village: 'zarichne' });
    const docs = [
      ...APPEALS.map((a) => ({ _id: `${ID_PREFIX.appeal}${a.id}`, ...a })),
      ...EVENTS.map((e) => ({ _id: `${ID_PREFIX.event}${e.id}`, type: 'event', ...e })),
    ];
    const res = await request<{ error?: string }[]>(conn, 'POST', `/${communityNames(community).centralDb}/_bulk_docs`, { docs });
    expect(res.body.filter((r) => r.error)).toEqual([]);
  });

  it('shows the counts of 2026-Q3, downloads them as .xlsx and CSV, and charts the year on the overview', async () => {
    const context = await server.launch();
    try {
      const page = await logIn(context, server, 'rada');
      await expect
        .poll(() => page.getByTestId('status-bar').textContent(), { timeout: 60_000 })
        .toContain(`У реєстрі ${APPEALS.length} звернень`);

      // Reports are counted off the screen's thread, in a worker of the app's own bundle.
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.getByRole('link', { name: 'Звіти' }).click();
      await page.getByRole('heading', { name: 'Звіти за класифікатором звернень' }).waitFor();
      await page.getByLabel('Період').selectOption('quarter');
      await page.getByLabel('Рік', { exact: true }).selectOption('2026');
      await page.getByLabel('Квартал', { exact: true }).selectOption('3');
      await expect
        .poll(() => page.getByTestId('report-summary').textContent(), { timeout: 15_000 })
        .toBe('III квартал 2026 року: звернень надійшло — 12; стан розгляду — на 30.09.2026.');
      expect(workers.some((url) => /\/assets\/report\.worker-[\w-]+\.js$/.test(url))).toBe(true);

      // Villages by the council's registry names, the council office, the community.
      const type = page.getByTestId('report-type');
      await expect
        .poll(async () => (await type.locator('thead th').allTextContents()).slice(1), { timeout: 15_000 })
        .toEqual(COLUMNS);
      expect(await rowTexts(type, 'Скарга')).toEqual(['Скарга', ...(EXPECTED_Q3.type?.complaint ?? []).map(String)]);
      const timeliness = page.getByTestId('report-timeliness');
      expect(await rowTexts(timeliness, 'На розгляді, строк порушено')).toEqual([
        'На розгляді, строк порушено',
        ...(EXPECTED_Q3.timeliness?.['open-overdue'] ?? []).map(String),
      ]);
      expect(await rowTexts(timeliness, 'Розглянуто у продовжений строк')).toEqual([
        'Розглянуто у продовжений строк',
        ...(EXPECTED_Q3.timeliness?.['answered-extended'] ?? []).map(String),
      ]);
      expect(await rowTexts(page.getByTestId('report-categories'), 'Усього звернень')).toEqual([
        'Усього звернень',
        ...TOTALS_Q3.map(String),
      ]);
      await page.setViewportSize({ width: 1366, height: 1000 });
      await page.screenshot({ path: `${SHOTS}/report.png` });
      await page.getByTestId('report-timeliness').screenshot({ path: `${SHOTS}/report-timeliness.png` });

      // The .xlsx, read back.
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Завантажити Excel (.xlsx)' }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe('zvernennia-2026-Q3-hromada.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
      expect(book.worksheets).toHaveLength(9);
      const sheet = book.getWorksheet('Тематика');
      expect(sheet?.getCell(SHEET_LAYOUT.title, 1).value).toBe('Звернення громадян за III квартал 2026 року');
      expect([2, 3, 4, 5, 6].map((c) => sheet?.getCell(SHEET_LAYOUT.header, c).value)).toEqual(COLUMNS);
      const topicRow = (code: string) => {
        for (let r = SHEET_LAYOUT.firstRow; r < SHEET_LAYOUT.firstRow + 30; r++) {
          if (String(sheet?.getCell(r, 1).value).startsWith(code)) return [2, 3, 4, 5, 6].map((c) => sheet?.getCell(r, c).value);
        }
        return null;
      };
      expect(topicRow('090')).toEqual(EXPECTED_Q3.topic?.['090']);
      expect(topicRow('010')).toEqual(EXPECTED_Q3.topic?.['010']);

      // The CSV: a byte order mark and `;`.
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Завантажити CSV' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe('zvernennia-2026-Q3-hromada.csv');
      const text = readFileSync(await csv.path(), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain(`Усього звернень;${TOTALS_Q3.join(';')}`);

      // One village.
      await page.getByLabel('Охоплення').selectOption('zarichne');
      await expect
        .poll(() => page.getByTestId('report-summary').textContent(), { timeout: 15_000 })
        .toBe('III квартал 2026 року: звернень надійшло — 6; стан розгляду — на 30.09.2026.');
      expect(await page.getByTestId('report-type').locator('thead th').allTextContents()).toEqual([
        'Вид звернення',
        'Зарічне',
        'Усього',
      ]);

      // The overview's charts of the year 2026: topics and timeliness per village.
      await page.getByRole('link', { name: 'Огляд' }).click();
      const charts = page.getByRole('region', { name: /графіки/ });
      await charts.getByLabel('Період').selectOption('year');
      await charts.getByLabel('Рік', { exact: true }).selectOption('2026');
      const topics = page.getByTestId('chart-topics');
      // 2026: topic 090 — H1, H3, H5, H6, Z1, Z5, Z6.
      await expect
        .poll(() => topics.locator('desc').textContent(), { timeout: 15_000 })
        .toContain('090 Комунальне господарство: 7');
      // Villages by name once the council's registry has come (the chart is counted again with the names).
      const byVillage = page.getByTestId('chart-timeliness');
      await expect.poll(() => byVillage.locator('desc').textContent(), { timeout: 15_000 }).toContain('Глибоке: 6');
      expect(await byVillage.locator('desc').textContent()).toContain('Зарічне: 6');
      await byVillage.scrollIntoViewIfNeeded();
      await charts.screenshot({ path: `${SHOTS}/overview-charts.png` });
    } finally {
      await context.close();
    }
  });

  it('on a village PC reports that village only, under its own name', async () => {
    const context = await server.launch();
    try {
      const page = await logIn(context, server, 'starosta.zarichne', { villageName: 'Зарічне' });
      // The council's replication copies the village's documents into its database, and the PC pulls them.
      await expect
        .poll(() => page.getByTestId('status-bar').textContent(), { timeout: 60_000 })
        .toContain('У реєстрі 6 звернень');
      await page.getByRole('link', { name: 'Звіти' }).click();
      await page.getByLabel('Рік', { exact: true }).selectOption('2026');
      await page.getByLabel('Квартал', { exact: true }).selectOption('3');
      await expect
        .poll(() => page.getByTestId('report-summary').textContent(), { timeout: 15_000 })
        .toBe('III квартал 2026 року: звернень надійшло — 6; стан розгляду — на 30.09.2026.');
      expect(await page.getByLabel('Охоплення').count()).toBe(0);
      const type = page.getByTestId('report-type');
      expect(await type.locator('thead th').allTextContents()).toEqual(['Вид звернення', 'Зарічне', 'Усього']);
      expect(await rowTexts(type, 'Заява (клопотання)')).toEqual(['Заява (клопотання)', '4', '4']);
    } finally {
      await context.close();
    }
  });
});
