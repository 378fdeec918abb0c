/**
 * The admin `report` command against a CouchDB-compatible server: the fixture's appeals and events seeded into
 * `ov_central`, the command run as a child process as an administrator would, the file read back.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../../../server/admin/couch-client';
import { addVillage, setup } from '../../../server/admin/provision';
import { docsByPrefix } from '../../../server/admin/report';
import { CENTRAL_DB, ID_PREFIX } from '../../../shared/couch/names';
import { SHEET_LAYOUT } from '../../../shared/reports/xlsx';
import { removeVillage, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';
import { APPEALS, EVENTS, EXPECTED_Q3, TOTALS_Q3, VILLAGES } from '../../helpers/report-fixture';

const BIN = fileURLToPath(new URL('../../../server/bin/ov-admin.mjs', import.meta.url));

function runAdmin(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { COUCHDB_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let couch: TestCouch;
let dir: string;
// Fresh village codes and ids, so the test also runs against a shared real CouchDB (COUCHDB_URL).
const codes = new Map(VILLAGES.map((v) => [v.code, uniqueCode(v.code.slice(0, 2))]));
const run = uniqueCode('r');
const mapVillage = (id: string) => codes.get(id) ?? id;

beforeAll(async () => {
  couch = await startTestCouch();
  dir = await mkdtemp(join(tmpdir(), 'ov-report-'));
  await setup(couch.conn);
  for (const v of VILLAGES) await addVillage(couch.conn, mapVillage(v.code), v.name);
  const docs = [
    ...APPEALS.map((a) => ({
      ...a,
      _id: `${ID_PREFIX.appeal}${a.id}${run}`,
      id: `${a.id}${run}`,
      villageId: mapVillage(a.villageId),
    })),
    ...EVENTS.map((e) => ({
      ...e,
      _id: `${ID_PREFIX.event}${e.id}${run}`,
      id: `${e.id}${run}`,
      appealId: `${e.appealId}${run}`,
      villageId: mapVillage(e.villageId),
      type: 'event',
    })),
  ];
  const res = await request<{ error?: string }[]>(couch.conn, 'POST', `/${CENTRAL_DB}/_bulk_docs`, { docs });
  expect(res.status).toBe(201);
  expect(res.body.filter((r) => r.error)).toEqual([]);
});

afterAll(async () => {
  for (const code of codes.values()) await removeVillage(couch.conn, code);
  await couch?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('ov-admin report', () => {
  test('reads appeals and events page by page', async () => {
    const appeals = await docsByPrefix<{ id: string }>(couch.conn, CENTRAL_DB, ID_PREFIX.appeal, 5);
    const mine = appeals.filter((a) => a.id.endsWith(run));
    expect(mine).toHaveLength(APPEALS.length);
    expect(new Set(appeals.map((a) => a.id)).size).toBe(appeals.length);
  });

  test('writes the community report of 2026-Q3 as .xlsx with the hand-computed counts', async () => {
    const out = join(dir, 'q3.xlsx');
    const result = await runAdmin(['report', '--period', '2026-Q3', '--format', 'xlsx', '--out', out], {
      COUCHDB_URL: couch.adminUrl,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`written   ${out} (2026-Q3, Whole community,`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(book.worksheets).toHaveLength(9);
    const sheet = book.getWorksheet('Строки розгляду');
    if (!sheet) throw new Error('no timeliness sheet');
    const header = (sheet.getRow(SHEET_LAYOUT.header).values as unknown[]).slice(1).map(String);
    // Villages by their registry names, the council office, the community.
    for (const name of ['Глибоке', 'Зарічне', 'Калинівка']) expect(header).toContain(name);
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (label: string) => {
      for (let r = SHEET_LAYOUT.firstRow; r < SHEET_LAYOUT.firstRow + 12; r++) if (sheet?.getCell(r, 1).value === label) return r;
      throw new Error(`no row ${label}`);
    };
    const overdue = rowOf('На розгляді, строк порушено');
    expect(sheet?.getCell(overdue, col('Глибоке')).value).toBe(EXPECTED_Q3.timeliness?.['open-overdue']?.[0]);
    expect(sheet?.getCell(overdue, col('Зарічне')).value).toBe(EXPECTED_Q3.timeliness?.['open-overdue']?.[1]);
    expect(sheet?.getCell(overdue, col('Калинівка')).value).toBe(0);
    const total = rowOf('Усього звернень');
    expect(sheet?.getCell(total, col('Глибоке')).value).toBe(TOTALS_Q3[0]);
    expect(sheet?.getCell(total, col('Зарічне')).value).toBe(TOTALS_Q3[1]);
  });

  test('writes one village as CSV', async () => {
    const out = join(dir, 'zarichne.csv');
    const village = mapVillage('zarichne');
    const result = await runAdmin(['report', '--period', '2026-Q3', '--format', 'csv', '--out', out, '--village', village], {
      COUCHDB_URL: couch.adminUrl,
    });
    expect(result.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe('Старостинський округ: Зарічне · стан на 30.09.2026');
    expect(lines).toContain('Вид звернення;Зарічне;Усього');
    expect(lines).toContain('Заява (клопотання);4;4');
    expect(lines).toContain(`Усього звернень;${TOTALS_Q3[1]};${TOTALS_Q3[1]}`);
  });

  test('a wrong period or format: exit 2 before touching the server, in both languages', async () => {
    const bad = await runAdmin(['report', '--period', '2026-Q5', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')], {
      COUCHDB_URL: 'http://admin:x@127.0.0.1:1',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Неправильний період «2026-Q5»');
    expect(bad.stderr).toContain('Invalid period "2026-Q5"');
    const format = await runAdmin(['report', '--period', '2026-Q3', '--format', 'pdf', '--out', join(dir, 'x.pdf')], {
      COUCHDB_URL: 'http://admin:x@127.0.0.1:1',
    });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be xlsx or csv, not pdf');
  });

  test('an unknown village and an unwritable file: exit 1, in words', async () => {
    const unknown = await runAdmin(
      ['report', '--period', '2026', '--format', 'csv', '--out', join(dir, 'u.csv'), '--village', 'nemaie'],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Село «nemaie» не зареєстроване');
    const unwritable = await runAdmin(
      ['report', '--period', '2026', '--format', 'csv', '--out', join(dir, 'no', 'such', 'dir.csv')],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('Не вдалося записати файл');
    expect(unwritable.stderr).toContain('ENOENT');
  });
});
