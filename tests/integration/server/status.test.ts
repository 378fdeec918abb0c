/**
 * `status` as the council's tamper evidence: appeals, events and files are written once, so a second branch of one
 * (grafted with `_bulk_docs` and `new_edits: false` by someone holding the admin password, which validate_doc_update
 * cannot refuse where nothing is stored to compare with) is reported per village and for the central database, with
 * the record ids, in the table and in `--json`. A database whose design document predates the view says so.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliIo, runCli } from '../../../server/admin/cli';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage } from '../../../server/admin/provision';
import { type CommunityStatus, formatStatusTable, type VillageStatus } from '../../../server/admin/status';
import { DESIGN_DOC_ID } from '../../../shared/couch/names';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import { appealDoc, eventDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const a = uniqueCode('sa');
const b = uniqueCode('sb');
const starosta = { name: `s-${a}`, password: 'status-starosta' };
const appeal = appealDoc(a);

beforeAll(async () => {
  couch = await startTestCouch();
  await couch.setup();
  await addVillage(couch.conn, couch.community, a, 'Глибоке');
  await addVillage(couch.conn, couch.community, b, 'Зарічне');
  await addUser(couch.conn, couch.community, { ...starosta, role: 'starosta', village: a });
  const docs = [appeal, eventDoc(a, appeal.id, 'comment', 'starosta')];
  expect(await writeRecords(couch.url, starosta, couch.names.villageDb(a), docs)).toEqual(WRITTEN);
});

afterAll(async () => {
  await couch?.stop();
});

/** `ov-admin status` in this process, its output collected. */
async function status(json: boolean): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { COUCHDB_URL: couch.adminUrl },
    readStdin: async () => '',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const code = await runCli(['status', '--community', couch.community, ...(json ? ['--json'] : [])], io);
  return { code, out: out.join('\n'), err };
}

async function statusJson(): Promise<CommunityStatus> {
  const run = await status(true);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as CommunityStatus;
}

const village = (s: CommunityStatus, code: string) => s.villages.find((v) => v.code === code) as VillageStatus;
/** The table's row of a village, its cells split on the column gaps. */
const rowOf = (table: string, code: string) =>
  (table.split('\n').find((l) => l.startsWith(`${code} `)) ?? '').split(/ {2,}/).map((c) => c.trim());

describe('conflicts on write-once records', () => {
  test('a clean community shows none, for every village and the central database', async () => {
    const s = await statusJson();
    expect(village(s, a).conflicts).toEqual({ known: true, ids: [] });
    expect(village(s, b).conflicts).toEqual({ known: true, ids: [] });
    expect(s.central).toEqual({ db: couch.names.centralDb, exists: true, conflicts: { known: true, ids: [] } });

    const table = (await status(false)).out;
    const header = rowOf(table, 'village');
    const column = header.indexOf('conflicts');
    expect(column).toBeGreaterThan(0);
    expect(rowOf(table, a)[column]).toBe('none');
    expect(rowOf(table, b)[column]).toBe('none');
    expect(table).toContain(`central database ${couch.names.centralDb}: conflicts none`);
    expect(table).not.toContain('sign of tampering');
  });

  test('a changed branch of an appeal grafted by a server admin (a losing 1-… conflict): status names the village and the record', async () => {
    const db = couch.names.villageDb(a);
    const forged = { ...appeal, _rev: `1-${'e'.repeat(32)}`, surname: 'Підробленко' };
    expect(await writeRecords(couch.url, couch.admin, db, [forged])).toEqual(WRITTEN);
    const leaves = await http<unknown[]>(couch.url, couch.admin, 'GET', `/${db}/${encodeURIComponent(appeal._id)}?open_revs=all`);
    expect(leaves.body).toHaveLength(2);
    // The record revision 1-ff…ff is the greatest first revision: the original stays the version readers see.
    const winner = await http(couch.url, couch.admin, 'GET', `/${db}/${encodeURIComponent(appeal._id)}?conflicts=true`);
    expect(winner.body).toMatchObject({ _rev: RECORD_REVISION, surname: appeal.surname, _conflicts: [forged._rev] });

    const s = await statusJson();
    expect(village(s, a).conflicts).toEqual({ known: true, ids: [appeal._id] });
    expect(village(s, b).conflicts).toEqual({ known: true, ids: [] });

    const table = (await status(false)).out;
    const column = rowOf(table, 'village').indexOf('conflicts');
    expect(rowOf(table, a)[column]).toBe('1 (listed below)');
    expect(rowOf(table, b)[column]).toBe('none');
    expect(table).toContain(
      'Незмінні записи з другою версією, ознака підробки / Write-once records with a second version, a sign of tampering:',
    );
    expect(table).toContain(`  ${a} (${db}): ${appeal._id}`);

    // The replicator (a server admin too) carries the second branch on: the central database shows it as well.
    const atCentral = await eventually('the grafted branch in the central database', async () => {
      const now = await statusJson();
      return now.central.conflicts.known && now.central.conflicts.ids.length > 0 ? now.central : undefined;
    });
    expect(atCentral.conflicts).toEqual({ known: true, ids: [appeal._id] });
    const after = (await status(false)).out;
    expect(after).toContain(`central database ${couch.names.centralDb}: conflicts 1 (listed below)`);
    expect(after).toContain(`  central (${couch.names.centralDb}): ${appeal._id}`);
  });

  test('a design document older than the view: "unknown, re-run add-village", until add-village installs it', async () => {
    const db = couch.names.villageDb(b);
    const ddoc = await request<{ views: Record<string, unknown> }>(couch.conn, 'GET', `/${db}/${DESIGN_DOC_ID}`);
    const { conflicts: _dropped, ...views } = ddoc.body.views;
    expect((await request(couch.conn, 'PUT', `/${db}/${DESIGN_DOC_ID}`, { ...ddoc.body, views })).status).toBe(201);

    expect(village(await statusJson(), b).conflicts).toEqual({ known: false, reason: 'no-view' });
    const table = (await status(false)).out;
    const column = rowOf(table, 'village').indexOf('conflicts');
    expect(rowOf(table, b)[column]).toBe('unknown, re-run add-village');

    await addVillage(couch.conn, couch.community, b, 'Зарічне');
    expect(village(await statusJson(), b).conflicts).toEqual({ known: true, ids: [] });
  });

  test('the central database without the view says "re-run setup"; a missing database is no conflict-free one', () => {
    const table = formatStatusTable([], new Date(), {
      db: 'ov-x-central',
      exists: true,
      conflicts: { known: false, reason: 'no-view' },
    });
    expect(table).toContain('central database ov-x-central: conflicts unknown, re-run setup');
    expect(
      formatStatusTable([], new Date(), {
        db: 'ov-x-central',
        exists: false,
        conflicts: { known: false, reason: 'no-database' },
      }),
    ).toContain('central database ov-x-central: NO DATABASE');
  });
});
