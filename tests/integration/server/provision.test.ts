/**
 * The admin command's provisioning against a real server process: setup and add-village are idempotent (a second run
 * changes nothing), add-user creates and updates, status reports each village.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage, setup } from '../../../server/admin/provision';
import { villageStatuses } from '../../../server/admin/status';
import {
  CENTRAL_DB,
  CENTRAL_ROLE,
  DESIGN_DOC_ID,
  STAROSTA_ROLE,
  toCentralReplicationId,
  toVillageReplicationId,
  villageDbName,
  villageRole,
} from '../../../shared/couch/names';
import { appealDoc, eventDoc, statusDoc } from '../../helpers/couch/fixtures';
import { http, removeVillage, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const cleanup: { code: string; users: string[] }[] = [];

beforeAll(async () => {
  couch = await startTestCouch();
});

afterAll(async () => {
  for (const c of cleanup) await removeVillage(couch.conn, c.code, c.users);
  await couch.stop();
});

async function snapshot(db: string) {
  const security = await request(couch.conn, 'GET', `/${db}/_security`);
  const ddoc = await request<{ _rev: string }>(couch.conn, 'GET', `/${db}/${DESIGN_DOC_ID}`);
  return { security: security.body, ddocRev: ddoc.body._rev };
}

describe('setup', () => {
  test('creates ov_central with members ov:central, no database admins, and its design document; a re-run changes nothing', async () => {
    await setup(couch.conn);
    const first = await snapshot(CENTRAL_DB);
    expect(first.security).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: [CENTRAL_ROLE] } });
    const again = await setup(couch.conn);
    expect(again.every((c) => c.action === 'unchanged')).toBe(true);
    expect(await snapshot(CENTRAL_DB)).toEqual(first);
    for (const db of ['_users', '_replicator']) expect((await request(couch.conn, 'GET', `/${db}`)).status).toBe(200);
  });
});

describe('add-village', () => {
  test('creates the database, its security and design document, the registry entry and two replications; a re-run changes nothing', async () => {
    const code = uniqueCode('av');
    cleanup.push({ code, users: [] });
    const first = await addVillage(couch.conn, code, 'Глибоке');
    expect(first.filter((c) => c.action === 'created').map((c) => c.what)).toEqual(
      expect.arrayContaining([
        `database ${villageDbName(code)}`,
        `${villageDbName(code)}/_design/ov`,
        `_replicator/${toCentralReplicationId(code)}`,
        `_replicator/${toVillageReplicationId(code)}`,
      ]),
    );
    const state = await snapshot(villageDbName(code));
    expect(state.security).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: [villageRole(code), CENTRAL_ROLE] },
    });
    const toVillage = await request<Record<string, unknown>>(couch.conn, 'GET', `/_replicator/${toVillageReplicationId(code)}`);
    expect(toVillage.body).toMatchObject({ filter: 'ov/to_village', query_params: { villageId: code }, continuous: true });
    expect(toVillage.body).not.toHaveProperty('selector');

    const second = await addVillage(couch.conn, code, 'Глибоке');
    expect(second.filter((c) => c.action !== 'unchanged')).toEqual([]);
    expect(await snapshot(villageDbName(code))).toEqual(state);

    const renamed = await addVillage(couch.conn, code, 'Глибоке (нове)');
    expect(renamed.filter((c) => c.action !== 'unchanged').map((c) => c.what)).toEqual([`${CENTRAL_DB}/village:${code}`]);
  });

  test('refuses an invalid or reserved code before touching the server', async () => {
    await expect(addVillage(couch.conn, 'Bad-Code', 'X')).rejects.toMatchObject({ code: 'invalid-code' });
    await expect(addVillage(couch.conn, 'central', 'X')).rejects.toMatchObject({ code: 'reserved-code' });
    expect((await request(couch.conn, 'GET', '/ov_v_central')).status).toBe(404);
  });
});

describe('add-user', () => {
  test('creates a starosta with the village roles; a re-run updates the password; a central user gets ov:central', async () => {
    const code = uniqueCode('au');
    const name = `s-${code}`;
    const boss = `c-${code}`;
    cleanup.push({ code, users: [name, boss] });
    await addVillage(couch.conn, code, 'Зарічне');
    expect((await addUser(couch.conn, { name, password: 'first-pass', role: 'starosta', village: code })).action).toBe('created');
    const session = await http<{ userCtx: { roles: string[] } }>(couch.url, { name, password: 'first-pass' }, 'GET', '/_session');
    expect(session.body.userCtx.roles.sort()).toEqual([STAROSTA_ROLE, villageRole(code)].sort());

    expect((await addUser(couch.conn, { name, password: 'second-pass', role: 'starosta', village: code })).action).toBe(
      'updated',
    );
    expect((await http(couch.url, { name, password: 'second-pass' }, 'GET', `/${villageDbName(code)}`)).status).toBe(200);
    expect((await http(couch.url, { name, password: 'first-pass' }, 'GET', `/${villageDbName(code)}`)).status).toBe(401);

    await addUser(couch.conn, { name: boss, password: 'central-pass', role: 'central' });
    const centralSession = await http<{ userCtx: { roles: string[] } }>(
      couch.url,
      { name: boss, password: 'central-pass' },
      'GET',
      '/_session',
    );
    expect(centralSession.body.userCtx.roles).toEqual([CENTRAL_ROLE]);
  });

  test('refuses a starosta of an unregistered village and a short password', async () => {
    const code = uniqueCode('nv');
    await expect(
      addUser(couch.conn, { name: `s-${code}`, password: 'long-enough', role: 'starosta', village: code }),
    ).rejects.toMatchObject({
      code: 'unknown-village',
    });
    await expect(addUser(couch.conn, { name: `s-${code}`, password: 'short', role: 'central' })).rejects.toMatchObject({
      code: 'weak-password',
    });
  });
});

describe('status', () => {
  test('reports size, counts by kind, both replications and the village’s own last sync', async () => {
    const code = uniqueCode('st');
    const name = `s-${code}`;
    cleanup.push({ code, users: [name] });
    await addVillage(couch.conn, code, 'Калинівка');
    await addUser(couch.conn, { name, password: 'status-pass', role: 'starosta', village: code });
    const user = { name, password: 'status-pass' };
    const appeal = appealDoc(code);
    const docs = [
      appeal,
      appealDoc(code),
      eventDoc(code, appeal.id, 'comment', 'starosta'),
      statusDoc(code, '2026-11-27T08:00:00.000Z', 2),
    ];
    const res = await http<{ ok?: boolean }[]>(couch.url, user, 'POST', `/${villageDbName(code)}/_bulk_docs`, { docs });
    expect(res.body.every((r) => r.ok)).toBe(true);

    const rows = await villageStatuses(couch.conn);
    const row = rows.find((r) => r.code === code);
    expect(row).toMatchObject({ name: 'Калинівка', exists: true, appeals: 2, events: 1 });
    expect(row?.lastReported).toEqual({ lastSyncAt: '2026-11-27T08:00:00.000Z', pending: 2, appVersion: '0.1.0' });
    // Four documents and the design document.
    expect(row?.docCount).toBe(5);
    for (const r of [row?.toCentral, row?.toVillage]) {
      // CouchDB's scheduler says running/pending; pouchdb-server only marks the document "triggered" (shown as running).
      expect(['running', 'pending']).toContain(r?.state);
      if (r?.source === '_replicator') expect(r.changesPending).toBeNull();
      else expect(r?.docWriteFailures).toBe(0);
    }
  });
});
