/**
 * `doctor` against real Apache CouchDB 3.4.3 servers: a stock one of the test's own (what a council installs), the same
 * after `setup`, `add-village` and `add-user`, then broken in three ways; and two communities on the suite's shared
 * server, each seeing only its own problems. The command runs through `runCli`, as `npm run admin` runs it.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../server/admin/cli';
import { type CouchConnection, connectionFromEnv, pathOf, request } from '../../../server/admin/couch-client';
import type { Finding } from '../../../server/admin/doctor';
import { addUser, addVillage, setup } from '../../../server/admin/provision';
import { freePort } from '../../../server/embedded/pouchdb-process';
import { communityNames, DESIGN_DOC_ID } from '../../../shared/couch/names';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import { DESKTOP_ORIGIN } from '../../../shared/couch/server-settings';
import { type CouchProcess, startCouchProcess } from '../../helpers/couch/couch-process';
import { appealDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, withRecordRevision } from '../../helpers/couch/records';
import { startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';
import { type NotCouch, startNotCouch } from '../../helpers/not-couch';

const WEB_ORIGIN = 'https://rada.example.ua';

interface DoctorRun {
  code: number;
  out: string;
  err: string;
}

async function doctor(adminUrl: string, community: string, extra: string[] = []): Promise<DoctorRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['doctor', '--community', community, ...extra], {
    env: { COUCHDB_URL: adminUrl },
    readStdin: async () => '',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `doctor --json`: the exit code and the findings. */
async function doctorJson(adminUrl: string, community: string, extra: string[] = []) {
  const run = await doctor(adminUrl, community, [...extra, '--json']);
  expect(run.err).toBe('');
  return { code: run.code, findings: JSON.parse(run.out) as Finding[] };
}

function withCode(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

function errorsOf(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.level === 'error').map((f) => `${f.code}: ${f.en}`);
}

describe('doctor on a stock CouchDB of its own', () => {
  let stock: CouchProcess;
  let conn: CouchConnection;
  const community = uniqueCode('dr');
  const village = uniqueCode('v');
  const names = communityNames(community);

  beforeAll(async () => {
    stock = await startCouchProcess();
    conn = connectionFromEnv({ COUCHDB_URL: stock.adminUrl });
  });

  afterAll(async () => {
    await stock?.remove();
  });

  test('a stock server: CORS off for the desktop app, answers without a login, the community not set up; exit 1', async () => {
    const { code, findings } = await doctorJson(stock.adminUrl, community);
    expect(code).toBe(1);
    const cors = withCode(findings, 'cors-not-allowed');
    expect(cors).toHaveLength(1);
    const setupFix = `npm run admin -- setup --community ${community} --community-name '<назва / name>'`;
    expect(cors[0]).toMatchObject({ level: 'error', fix: setupFix });
    expect(cors[0]?.en).toContain(DESKTOP_ORIGIN);
    expect(withCode(findings, 'anonymous-allowed')).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(withCode(findings, 'community-not-set-up')).toEqual([expect.objectContaining({ level: 'error', fix: setupFix })]);
    // CouchDB 3.4.3's stock lockout is on; its size limits are its own, larger than the app's.
    expect(withCode(findings, 'lockout-on')).toHaveLength(1);
    expect(withCode(findings, 'size-limits')).toEqual([expect.objectContaining({ level: 'warning' })]);
  });

  test('the text output: each finding in Ukrainian, then English, then its fix; a summary in both', async () => {
    const run = await doctor(stock.adminUrl, community);
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    const at = lines.indexOf('ПОМИЛКА / ERROR  cors-not-allowed');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}CORS для app:\/\/open-village: .*увійти неможливо$/);
    expect(lines[at + 2]).toMatch(/^ {2}CORS for app:\/\/open-village: .*nobody can log in$/);
    expect(lines[at + 3]).toBe(`  → npm run admin -- setup --community ${community} --community-name '<назва / name>'`);
    expect(run.out).toMatch(/Підсумок: помилок \d+, попереджень \d+: .*\nSummary: errors \d+, warnings \d+: /);
  });

  test('after setup, add-village and add-user: no errors, exit 0', async () => {
    await setup(conn, { community, communityName: 'Тестова громада', webOrigins: [WEB_ORIGIN] });
    await addVillage(conn, community, village, 'Глибоке');
    await addUser(conn, community, { name: `s-${village}`, password: 'starosta-pass', role: 'starosta', village });
    await addUser(conn, community, { name: `r-${community}`, password: 'central-pass', role: 'central' });
    const { code, findings } = await doctorJson(stock.adminUrl, community, ['--web-origin', WEB_ORIGIN]);
    expect(errorsOf(findings)).toEqual([]);
    expect(code).toBe(0);
    expect(withCode(findings, 'cors-allowed').map((f) => f.en)).toEqual([
      `CORS for ${DESKTOP_ORIGIN}: allowed`,
      `CORS for ${WEB_ORIGIN}: allowed`,
    ]);
    expect(withCode(findings, 'login-required')).toHaveLength(1);
    expect(withCode(findings, 'size-limits')).toEqual([expect.objectContaining({ level: 'ok' })]);
    expect(withCode(findings, 'databases')).toEqual([
      expect.objectContaining({ level: 'ok', en: expect.stringContaining('(2)') }),
    ]);
    expect(withCode(findings, 'no-conflicts')).toHaveLength(1);
    // CouchDB never compresses: measured through this address, with what gzip would have made of it.
    expect(withCode(findings, 'compression-off')).toEqual([
      expect.objectContaining({
        level: 'warning',
        en: expect.stringMatching(/KB, [\d.]+ s on a 256 kbit\/s link; gzip would make it/),
      }),
    ]);
  });

  test('an outdated design document, a forged conflict on an appeal and a deleted replication are each found', async () => {
    const db = names.villageDb(village);
    const ddoc = await request<Record<string, unknown> & { views: Record<string, unknown> }>(
      conn,
      'GET',
      pathOf(db, DESIGN_DOC_ID),
    );
    const changed = { ...ddoc.body, views: { ...ddoc.body.views, extra: { map: 'function (doc) { emit(doc._id, 1); }' } } };
    expect((await request(conn, 'PUT', pathOf(db, DESIGN_DOC_ID), changed)).status).toBe(201);

    // The appeal as the app writes it (the record revision 1-ff…ff), then a second branch with a made-up first
    // revision: `new_edits: false` stores it beside the original, as replication would. 1-ff…ff is the greatest first
    // revision, so the original stays the winner and the forged branch is the listed conflict.
    const appeal = appealDoc(village);
    const write = (doc: object) =>
      request<unknown[]>(conn, 'POST', `${pathOf(db)}/_bulk_docs`, { docs: [doc], new_edits: false });
    expect(await write(withRecordRevision(appeal))).toEqual(WRITTEN);
    const forged = { ...appeal, surname: 'Підробленко', _rev: `1-${'e'.repeat(32)}` };
    expect(await write(forged)).toEqual(WRITTEN);
    const winner = await request<Record<string, unknown>>(conn, 'GET', `${pathOf(db, appeal._id)}?conflicts=true`);
    expect(winner.body).toMatchObject({ _rev: RECORD_REVISION, surname: appeal.surname, _conflicts: [forged._rev] });

    const jobId = names.toCentralReplicationId(village);
    const job = await request<{ _rev: string }>(conn, 'GET', pathOf('_replicator', jobId));
    expect((await request(conn, 'DELETE', `${pathOf('_replicator', jobId)}?rev=${job.body._rev}`)).status).toBe(200);

    const { code, findings } = await doctorJson(stock.adminUrl, community, ['--web-origin', WEB_ORIGIN]);
    expect(code).toBe(1);
    const fix = `npm run admin -- add-village --community ${community} --code ${village} --name 'Глибоке'`;
    expect(withCode(findings, 'design-doc-outdated')).toEqual([
      expect.objectContaining({
        level: 'error',
        en: expect.stringContaining(`(${db}) is outdated or changed (differs: views)`),
        fix,
      }),
    ]);
    const conflicts = withCode(findings, 'write-once-conflict').filter((f) => f.en.startsWith(`In ${db} `));
    expect(conflicts).toEqual([
      expect.objectContaining({
        level: 'error',
        en: expect.stringContaining(`${appeal._id} (other version ${forged._rev})`),
      }),
    ]);
    expect(withCode(findings, 'replication-missing')).toEqual([
      expect.objectContaining({
        level: 'error',
        en: expect.stringContaining(`"Глибоке" (${jobId}, village → council): not in _replicator`),
        fix,
      }),
    ]);
    expect(withCode(findings, 'cors-not-allowed')).toEqual([]);
  });
});

describe('doctor on the shared suite server: each community sees its own databases only', () => {
  let healthy: TestCouch;
  let broken: TestCouch;

  beforeAll(async () => {
    [healthy, broken] = [await startTestCouch(), await startTestCouch()];
    for (const couch of [healthy, broken]) {
      await couch.setup([WEB_ORIGIN]);
      await addVillage(couch.conn, couch.community, uniqueCode('v'), 'Зарічне');
    }
    const db = broken.names.centralDb;
    const ddoc = await request<Record<string, unknown>>(broken.conn, 'GET', pathOf(db, DESIGN_DOC_ID));
    await request(broken.conn, 'PUT', pathOf(db, DESIGN_DOC_ID), { ...ddoc.body, validate_doc_update: 'function () {}' });
  });

  afterAll(async () => {
    await healthy?.stop();
    await broken?.stop();
  });

  test('the broken community gets its error, fixed by its own setup; the other one none', async () => {
    const bad = await doctorJson(broken.adminUrl, broken.community, ['--web-origin', WEB_ORIGIN]);
    expect(bad.code).toBe(1);
    expect(withCode(bad.findings, 'design-doc-outdated')).toEqual([
      expect.objectContaining({
        en: expect.stringContaining(`(${broken.names.centralDb}) is outdated or changed (differs: validate_doc_update)`),
        fix: `npm run admin -- setup --community ${broken.community} --web-origin ${WEB_ORIGIN}`,
      }),
    ]);
    const good = await doctorJson(healthy.adminUrl, healthy.community, ['--web-origin', WEB_ORIGIN]);
    expect(errorsOf(good.findings)).toEqual([]);
    expect(good.code).toBe(0);
  });
});

describe('doctor where no CouchDB answers', () => {
  let notCouch: NotCouch;

  beforeAll(async () => {
    notCouch = await startNotCouch();
  });

  afterAll(async () => {
    await notCouch?.close();
  });

  test('nothing listens: one error, unreachable, and nothing else checked', async () => {
    const { code, findings } = await doctorJson(`http://admin:x@127.0.0.1:${await freePort()}`, 'nowhere');
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ level: 'error', code: 'unreachable', en: expect.stringContaining('ECONNREFUSED') }),
    ]);
  });

  test('an HTTP server that is not CouchDB: not-couchdb, and nothing else checked', async () => {
    const { code, findings } = await doctorJson(`http://admin:x@127.0.0.1:${notCouch.port}`, 'nowhere');
    expect(code).toBe(1);
    expect(findings.map((f) => f.code)).toEqual(['local-address', 'not-couchdb']);
  });

  test('a malformed --web-origin is refused before any request: exit 2', async () => {
    const run = await doctor('http://admin:x@127.0.0.1:1', 'nowhere', ['--web-origin', 'https://rada.example.ua/app']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Неправильне джерело --web-origin');
    expect(run.out).toBe('');
  });
});
