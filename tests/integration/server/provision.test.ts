/**
 * The admin command's provisioning against the run's Apache CouchDB, in a community of this file's own: setup and
 * add-village are idempotent (a second run changes nothing), add-user creates and updates (a changed password holds at
 * once, past CouchDB's authentication cache), status reports each village.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliIo, runCli } from '../../../server/admin/cli';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage, setup } from '../../../server/admin/provision';
import { villageStatuses } from '../../../server/admin/status';
import { DESIGN_DOC_ID, databaseOf, identityFromRoles } from '../../../shared/couch/names';
import { serverSettings } from '../../../shared/couch/server-settings';
import { appealDoc, eventDoc, statusDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;

beforeAll(async () => {
  couch = await startTestCouch();
  await couch.setup();
});

afterAll(async () => {
  await couch?.stop();
});

async function snapshot(db: string) {
  const security = await request(couch.conn, 'GET', `/${db}/_security`);
  const ddoc = await request<{ _rev: string }>(couch.conn, 'GET', `/${db}/${DESIGN_DOC_ID}`);
  return { security: security.body, ddocRev: ddoc.body._rev };
}

/** The command line in this process, its output collected. */
async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { COUCHDB_URL: couch.adminUrl },
    readStdin: async () => stdin,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { code: await runCli(args, io), out, err };
}

describe('setup', () => {
  test('creates the central database with members the central role, no database admins, and its design document; a re-run changes nothing', async () => {
    const { centralDb, centralRole } = couch.names;
    await setup(couch.conn, { community: couch.community, communityName: 'Громада' });
    const first = await snapshot(centralDb);
    expect(first.security).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: [centralRole] } });
    const again = await setup(couch.conn, { community: couch.community });
    expect(again.every((c) => c.action === 'unchanged')).toBe(true);
    expect(await snapshot(centralDb)).toEqual(first);
    for (const db of ['_users', '_replicator']) expect((await request(couch.conn, 'GET', `/${db}`)).status).toBe(200);
  });

  test('writes the server settings the app needs (a login for everything, CORS, size limits)', async () => {
    const config = await request<Record<string, Record<string, string>>>(couch.conn, 'GET', '/_node/_local/_config');
    for (const s of serverSettings([])) {
      // The origin list holds every community's origins; the desktop app's is always among them.
      if (s.section === 'cors' && s.key === 'origins') expect(config.body.cors?.origins).toContain('app://open-village');
      else expect(config.body[s.section]?.[s.key], `[${s.section}] ${s.key}`).toBe(s.value);
    }
    // No anonymous request reaches a database, the list of databases or `_users`; `/_up` still answers.
    for (const path of [`/${couch.names.centralDb}`, '/_all_dbs', '/_users/_all_docs']) {
      expect((await http(couch.url, null, 'GET', path)).status, path).toBe(401);
    }
    expect((await http(couch.url, null, 'GET', '/_up')).status).toBe(200);
  });

  test('the browser login cookie is a session cookie with SameSite=Strict (CouchDB 3.4.3 default: Expires, Max-Age, no SameSite)', async () => {
    const name = `cookie-${uniqueCode('ck')}`;
    await addUser(couch.conn, couch.community, { name, password: 'cookie-pass', role: 'central' });
    const res = await fetch(`${couch.url}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password: 'cookie-pass' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession=')) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Expires=|Max-Age=/i);
  });
});

describe('add-village', () => {
  test('creates the database, its security and design document, the registry entry and two replications; a re-run changes nothing', async () => {
    const n = couch.names;
    const code = uniqueCode('av');
    const first = await addVillage(couch.conn, couch.community, code, 'Глибоке');
    expect(first.filter((c) => c.action === 'created').map((c) => c.what)).toEqual(
      expect.arrayContaining([
        `database ${n.villageDb(code)}`,
        `${n.villageDb(code)}/_design/ov`,
        `_replicator/${n.toCentralReplicationId(code)}`,
        `_replicator/${n.toVillageReplicationId(code)}`,
      ]),
    );
    const state = await snapshot(n.villageDb(code));
    expect(state.security).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: [n.villageRole(code), n.centralRole] },
    });
    const toVillage = await request<Record<string, unknown>>(couch.conn, 'GET', `/_replicator/${n.toVillageReplicationId(code)}`);
    expect(toVillage.body).toMatchObject({ filter: 'ov/to_village', query_params: { villageId: code }, continuous: true });
    expect(toVillage.body).not.toHaveProperty('selector');

    const second = await addVillage(couch.conn, couch.community, code, 'Глибоке');
    expect(second.filter((c) => c.action !== 'unchanged')).toEqual([]);
    expect(await snapshot(n.villageDb(code))).toEqual(state);

    const renamed = await addVillage(couch.conn, couch.community, code, 'Глибоке (нове)');
    expect(renamed.filter((c) => c.action !== 'unchanged').map((c) => c.what)).toEqual([`${n.centralDb}/village:${code}`]);
  });

  test('refuses an invalid or reserved code before touching the server', async () => {
    await expect(addVillage(couch.conn, couch.community, 'Bad-Code', 'X')).rejects.toMatchObject({ code: 'invalid-code' });
    await expect(addVillage(couch.conn, couch.community, 'central', 'X')).rejects.toMatchObject({ code: 'reserved-code' });
    expect((await request(couch.conn, 'GET', `/${couch.names.villageDb('central')}`)).status).toBe(404);
  });
});

describe('add-user', () => {
  test('creates a starosta with the village roles; a re-run updates the password; a central user gets the central role', async () => {
    const n = couch.names;
    const code = uniqueCode('au');
    const name = `s-${code}`;
    const boss = `c-${code}`;
    await addVillage(couch.conn, couch.community, code, 'Зарічне');
    expect(
      (await addUser(couch.conn, couch.community, { name, password: 'first-pass', role: 'starosta', village: code })).action,
    ).toBe('created');
    const session = await http<{ userCtx: { roles: string[] } }>(couch.url, { name, password: 'first-pass' }, 'GET', '/_session');
    expect(session.body.userCtx.roles.sort()).toEqual([n.starostaRole, n.villageRole(code)].sort());

    expect(
      (await addUser(couch.conn, couch.community, { name, password: 'second-pass', role: 'starosta', village: code })).action,
    ).toBe('updated');
    expect((await http(couch.url, { name, password: 'second-pass' }, 'GET', `/${n.villageDb(code)}`)).status).toBe(200);
    expect((await http(couch.url, { name, password: 'first-pass' }, 'GET', `/${n.villageDb(code)}`)).status).toBe(401);

    await addUser(couch.conn, couch.community, { name: boss, password: 'central-pass', role: 'central' });
    const centralSession = await http<{ userCtx: { roles: string[] } }>(
      couch.url,
      { name: boss, password: 'central-pass' },
      'GET',
      '/_session',
    );
    expect(centralSession.body.userCtx.roles).toEqual([n.centralRole]);
  });

  test('a changed password holds at once, past the authentication cache: the new one works, the old one is refused', async () => {
    const code = uniqueCode('pw');
    const name = `s-${code}`;
    const db = `/${couch.names.villageDb(code)}`;
    await addVillage(couch.conn, couch.community, code, 'Гута');
    await addUser(couch.conn, couch.community, { name, password: 'old-password', role: 'starosta', village: code });
    // Logged in with the old password several times, so CouchDB's authentication cache holds the account.
    for (let i = 0; i < 3; i++) expect((await http(couch.url, { name, password: 'old-password' }, 'GET', db)).status).toBe(200);

    const changed = await cli(
      ['add-user', '--community', couch.community, '--name', name, '--password-stdin', '--role', 'starosta', '--village', code],
      'new-password\n',
    );
    expect(changed.err).toEqual([]);
    expect(changed.code).toBe(0);
    expect(changed.out).toEqual([`updated   _users/org.couchdb.user:${name}`]);
    // Right after the command returns, with no waiting here. Two refusals only: five failed logins lock the account.
    for (let i = 0; i < 3; i++) expect((await http(couch.url, { name, password: 'new-password' }, 'GET', db)).status).toBe(200);
    const old = await http<{ error: string }>(couch.url, { name, password: 'old-password' }, 'GET', db);
    expect(old.status).toBe(401);
    expect(old.body.error).toBe('unauthorized');
    const oldSession = await http(couch.url, { name, password: 'old-password' }, 'GET', '/_session');
    expect(oldSession.status).toBe(401);
    expect((await http(couch.url, { name, password: 'new-password' }, 'GET', db)).status).toBe(200);
  });

  test('add-user --role clerk gives the clerk’s roles; identityFromRoles makes the account a clerk of its village', async () => {
    const n = couch.names;
    const code = uniqueCode('cl');
    const name = `k-${code}`;
    const clerk = { name, password: 'clerk-password' };
    await addVillage(couch.conn, couch.community, code, 'Лугове');
    const added = await cli(
      ['add-user', '--community', couch.community, '--name', name, '--password-stdin', '--role', 'clerk', '--village', code],
      'clerk-password\n',
    );
    expect(added.err).toEqual([]);
    expect(added.code).toBe(0);
    expect(added.out).toEqual([`created   _users/org.couchdb.user:${name}`]);

    const stored = await request<{ roles: string[] }>(couch.conn, 'GET', `/_users/org.couchdb.user:${name}`);
    expect(stored.body.roles.sort()).toEqual([n.clerkRole, n.villageRole(code)].sort());
    expect(stored.body.roles).not.toContain(n.starostaRole);
    const session = await http<{ userCtx: { name: string; roles: string[] } }>(couch.url, clerk, 'GET', '/_session');
    const identity = identityFromRoles(session.body.userCtx.roles);
    expect(identity).toEqual({ community: couch.community, role: 'clerk', villageId: code });
    if (!identity) throw new Error('no identity');
    expect(databaseOf(identity)).toBe(n.villageDb(code));

    // The server treats it as a clerk too: it registers a clerk's appeal, not a starosta's.
    const own = appealDoc(code, 'clerk');
    const write = (doc: { _id: string }) => writeRecords(couch.url, clerk, n.villageDb(code), [doc]);
    expect(await write(own)).toEqual(WRITTEN);
    const asStarosta = appealDoc(code, 'starosta');
    expect((await write(asStarosta)).body).toEqual([
      expect.objectContaining({
        id: asStarosta._id,
        error: 'forbidden',
        reason: expect.stringContaining('does not match the user'),
      }),
    ]);
    const returned = eventDoc(code, own.id, 'returned-incomplete', 'clerk');
    expect((await write(returned)).body).toEqual([
      expect.objectContaining({ id: returned._id, error: 'forbidden', reason: expect.stringContaining('may not record') }),
    ]);
  });

  test('refuses a user of an unregistered village and a short password', async () => {
    const code = uniqueCode('nv');
    await expect(
      addUser(couch.conn, couch.community, { name: `s-${code}`, password: 'long-enough', role: 'starosta', village: code }),
    ).rejects.toMatchObject({
      code: 'unknown-village',
    });
    await expect(
      addUser(couch.conn, couch.community, { name: `k-${code}`, password: 'long-enough', role: 'clerk', village: code }),
    ).rejects.toMatchObject({
      code: 'unknown-village',
    });
    await expect(
      addUser(couch.conn, couch.community, { name: `s-${code}`, password: 'short', role: 'central' }),
    ).rejects.toMatchObject({
      code: 'weak-password',
    });
    expect((await request(couch.conn, 'GET', `/_users/org.couchdb.user:s-${code}`)).status).toBe(404);
  });
});

describe('status', () => {
  test('reports size, counts by kind, both replications and the village’s own last sync', async () => {
    const n = couch.names;
    const code = uniqueCode('st');
    const name = `s-${code}`;
    await addVillage(couch.conn, couch.community, code, 'Калинівка');
    await addUser(couch.conn, couch.community, { name, password: 'status-pass', role: 'starosta', village: code });
    const user = { name, password: 'status-pass' };
    const appeal = appealDoc(code);
    const records = [appeal, appealDoc(code), eventDoc(code, appeal.id, 'comment', 'starosta')];
    expect(await writeRecords(couch.url, user, n.villageDb(code), records)).toEqual(WRITTEN);
    const status = statusDoc(code, '2026-11-27T08:00:00.000Z', 2);
    expect((await http(couch.url, user, 'PUT', `/${n.villageDb(code)}/${encodeURIComponent(status._id)}`, status)).status).toBe(
      201,
    );

    const rows = await villageStatuses(couch.conn, couch.community);
    const row = rows.find((r) => r.code === code);
    expect(row).toMatchObject({ name: 'Калинівка', exists: true, appeals: 2, events: 1 });
    expect(row?.lastReported).toEqual({ lastSyncAt: '2026-11-27T08:00:00.000Z', pending: 2, appVersion: '0.1.0' });
    // Four documents, the design document and the community document (add-village writes it into every village).
    expect(row?.docCount).toBe(6);
    // Straight after add-village CouchDB's scheduler may not have taken a job up yet: `_scheduler/docs` then answers
    // `state: null` (shown as "unknown"), then "initializing", for a few hundred ms and longer on a busy server. Its
    // counters appear only at a job's first checkpoint (`info` null before, 30 s at most). So wait for both.
    const counted = await eventually(
      'both replications running and counted',
      async () => {
        const now = (await villageStatuses(couch.conn, couch.community)).find((r) => r.code === code);
        const both = [now?.toCentral, now?.toVillage];
        const settled = both.every(
          (r) => r?.source === '_scheduler' && ['running', 'pending'].includes(r.state) && typeof r.docWriteFailures === 'number',
        );
        return settled ? both : undefined;
      },
      60_000,
    );
    for (const r of counted) {
      expect(r?.source).toBe('_scheduler');
      expect(r?.docWriteFailures).toBe(0);
      expect(r?.error).toBeNull();
    }
  });
});
