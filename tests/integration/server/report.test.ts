/**
 * The admin `report` command against the run's Apache CouchDB: the fixture's appeals and events seeded into the central
 * database of this file's own community, the command run as a child process as an administrator would, the file read
 * back.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docsByPrefix, request } from '../../../server/admin/couch-client';
import { addVillage } from '../../../server/admin/provision';
import { ID_PREFIX } from '../../../shared/couch/names';
import { SHEET_LAYOUT } from '../../../shared/reports/xlsx';
import { startTestCouch, type TestCouch } from '../../helpers/couch/test-couch';
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

// The community is this file's own, so the fixture's village codes and ids are used as they are: its central database
// holds exactly the fixture.
beforeAll(async () => {
  couch = await startTestCouch();
  dir = await mkdtemp(join(tmpdir(), 'ov-report-'));
  await couch.setup();
  for (const v of VILLAGES) await addVillage(couch.conn, couch.community, v.code, v.name);
  const docs = [
    ...APPEALS.map((a) => ({ ...a, _id: `${ID_PREFIX.appeal}${a.id}` })),
    ...EVENTS.map((e) => ({ ...e, _id: `${ID_PREFIX.event}${e.id}`, type: 'event' })),
  ];
  const res = await request<{ error?: string }[]>(couch.conn, 'POST', `/${couch.names.centralDb}/_bulk_docs`, { docs });
  expect(res.status).toBe(201);
  expect(res.body.filter((r) => r.error)).toEqual([]);
});

afterAll(async () => {
  await couch?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ov-admin report', () => {
  test('reads appeals and events page by page', async () => {
    const appeals = await docsByPrefix<{ id: string }>(couch.conn, couch.names.centralDb, ID_PREFIX.appeal, 5);
    expect(appeals.map((a) => a.id).sort()).toEqual(APPEALS.map((a) => a.id).sort());
    expect(new Set(appeals.map((a) => a.id)).size).toBe(appeals.length);
    const events = await docsByPrefix<{ id: string }>(couch.conn, couch.names.centralDb, ID_PREFIX.event, 4);
    expect(events.map((e) => e.id).sort()).toEqual(EVENTS.map((e) => e.id).sort());
  });

  test('writes the community report of 2026-Q3 as .xlsx with the hand-computed counts', async () => {
    const out = join(dir, 'q3.xlsx');
    const result = await runAdmin(
      ['report', '--community', couch.community, '--period', '2026-Q3', '--format', 'xlsx', '--out', out],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
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
    const result = await runAdmin(
      ['report', '--community', couch.community, '--period', '2026-Q3', '--format', 'csv', '--out', out, '--village', 'zarichne'],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
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
    const bad = await runAdmin(
      ['report', '--community', couch.community, '--period', '2026-Q5', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')],
      {
        COUCHDB_URL: 'http://admin:x@127.0.0.1:1',
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Неправильний період «2026-Q5»');
    expect(bad.stderr).toContain('Invalid period "2026-Q5"');
    const format = await runAdmin(
      ['report', '--community', couch.community, '--period', '2026-Q3', '--format', 'pdf', '--out', join(dir, 'x.pdf')],
      {
        COUCHDB_URL: 'http://admin:x@127.0.0.1:1',
      },
    );
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be xlsx or csv, not pdf');
  });

  test('an unknown village and an unwritable file: exit 1, in words', async () => {
    const unknown = await runAdmin(
      [
        'report',
        '--community',
        couch.community,
        '--period',
        '2026',
        '--format',
        'csv',
        '--out',
        join(dir, 'u.csv'),
        '--village',
        'nemaie',
      ],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Село «nemaie» не зареєстроване');
    const unwritable = await runAdmin(
      [
        'report',
        '--community',
        couch.community,
        '--period',
        '2026',
        '--format',
        'csv',
        '--out',
        join(dir, 'no', 'such', 'dir.csv'),
      ],
      {
        COUCHDB_URL: couch.adminUrl,
      },
    );
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('Не вдалося записати файл');
    expect(unwritable.stderr).toContain('ENOENT');
  });
});
