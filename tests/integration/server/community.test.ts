/**
 * The community's identity on the server (`setup --community`): one `community:<code>` document in `ov_central` and in
 * every village database, readable by each database's users (the login hands the code to the PC), written only by a
 * server admin, and never changed once set (every transfer file carries it).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage, readCommunity, setup } from '../../../server/admin/provision';
import { CENTRAL_DB, communityDocId, villageDbName } from '../../../shared/couch/names';
import { http, removeVillage, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const villages: { code: string; users: string[] }[] = [];
const COMMUNITY = { code: 'hlybotska', name: 'Глибоцька громада' };
const DOC_ID = communityDocId(COMMUNITY.code);

beforeAll(async () => {
  couch = await startTestCouch();
});

afterAll(async () => {
  for (const v of villages) await removeVillage(couch.conn, v.code, v.users);
  await couch.stop();
});

describe('the community code on the server', () => {
  test('goes into ov_central and every village database, old and new; a re-run changes nothing; users read it, only admins write it', async () => {
    const before = uniqueCode('ca');
    const starosta = `s-${before}`;
    villages.push({ code: before, users: [starosta] });
    await addVillage(couch.conn, before, 'Глибоке');
    expect(await readCommunity(couch.conn)).toBeNull();

    const first = await setup(couch.conn, COMMUNITY);
    expect(first.filter((c) => c.action === 'created').map((c) => c.what)).toEqual([
      `${CENTRAL_DB}/${DOC_ID}`,
      `${villageDbName(before)}/${DOC_ID}`,
    ]);
    expect((await setup(couch.conn, COMMUNITY)).every((c) => c.action === 'unchanged')).toBe(true);
    expect(await readCommunity(couch.conn)).toEqual({ _id: DOC_ID, type: 'community', ...COMMUNITY });

    // A village added later gets it with its database.
    const after = uniqueCode('cb');
    villages.push({ code: after, users: [] });
    const added = await addVillage(couch.conn, after, 'Зарічне');
    expect(added.filter((c) => c.action === 'created').map((c) => c.what)).toContain(`${villageDbName(after)}/${DOC_ID}`);

    // The village's user reads it from the village's own database (what the app does at login)…
    await addUser(couch.conn, { name: starosta, password: 'community-pass', role: 'starosta', village: before });
    const user = { name: starosta, password: 'community-pass' };
    const read = await http<{ code: string }>(couch.url, user, 'GET', `/${villageDbName(before)}/${encodeURIComponent(DOC_ID)}`);
    expect(read.status).toBe(200);
    expect(read.body.code).toBe(COMMUNITY.code);
    // …but may not change it, nor plant another community's document.
    const doc = await request<{ _rev: string }>(couch.conn, 'GET', `/${villageDbName(before)}/${encodeURIComponent(DOC_ID)}`);
    const changed = await http(couch.url, user, 'PUT', `/${villageDbName(before)}/${encodeURIComponent(DOC_ID)}`, {
      type: 'community',
      code: COMMUNITY.code,
      name: 'Інша назва',
      _rev: doc.body._rev,
    });
    expect(changed.status).toBeGreaterThanOrEqual(401);
    expect(changed.status).toBeLessThan(404);
    const planted = await http(
      couch.url,
      user,
      'PUT',
      `/${villageDbName(before)}/${encodeURIComponent(communityDocId('insha'))}`,
      {
        type: 'community',
        code: 'insha',
        name: 'Інша громада',
      },
    );
    expect(planted.status).toBeGreaterThanOrEqual(400);
    expect((await readCommunity(couch.conn))?.name).toBe(COMMUNITY.name);
  });

  test('another code is refused once the community is set, and so is a malformed code', async () => {
    await setup(couch.conn, COMMUNITY);
    await expect(setup(couch.conn, { code: 'zarichanska', name: 'Зарічанська громада' })).rejects.toMatchObject({
      code: 'community-set',
    });
    await expect(setup(couch.conn, { code: 'Bad Code', name: 'X' })).rejects.toMatchObject({ code: 'invalid-code' });
    expect((await readCommunity(couch.conn))?.code).toBe(COMMUNITY.code);
  });
});
