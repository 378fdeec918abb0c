/**
 * The community's identity on the server (`setup --community`): one `community:<code>` document in the community's
 * central database and in every one of its village databases, readable by each database's users (the login hands the
 * code to the PC), written only by a server admin. The code itself is part of every database name, role and
 * replication id (shared/couch/names.ts), so it can never change for a database; only the name may be corrected.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../../../server/admin/couch-client';
import { addUser, addVillage, readCommunity, setup } from '../../../server/admin/provision';
import { communityDocId } from '../../../shared/couch/names';
import { http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const NAME = 'Глибоцька громада';

beforeAll(async () => {
  couch = await startTestCouch();
});

afterAll(async () => {
  await couch?.stop();
});

/** The changes of a step that touched this community's databases (server-wide settings are shared by the run). */
function ofCommunity(changes: { what: string; action: string }[], action: string): string[] {
  return changes.filter((c) => c.action === action && c.what.includes(couch.names.dbPrefix)).map((c) => c.what);
}

describe('the community code on the server', () => {
  test('nothing of a community is provisioned before its setup: add-village and add-user say to run it first', async () => {
    expect(await readCommunity(couch.conn, couch.community)).toBeNull();
    const code = uniqueCode('cx');
    await expect(addVillage(couch.conn, couch.community, code, 'Глибоке')).rejects.toMatchObject({
      code: 'unknown-community',
      uk: expect.stringContaining(`setup --community ${couch.community}`),
      en: expect.stringContaining(`run setup --community ${couch.community}`),
    });
    await expect(
      addUser(couch.conn, couch.community, { name: `s-${code}`, password: 'long-enough', role: 'central' }),
    ).rejects.toMatchObject({ code: 'unknown-community' });
    expect((await request(couch.conn, 'GET', `/${couch.names.villageDb(code)}`)).status).toBe(404);
    expect((await request(couch.conn, 'GET', `/${couch.names.centralDb}`)).status).toBe(404);
  });

  test('goes into the central database and every village database, old and new; a re-run changes nothing; users read it, only admins write it', async () => {
    const docId = communityDocId(couch.community);
    const first = await setup(couch.conn, { community: couch.community, communityName: NAME });
    expect(ofCommunity(first, 'created')).toEqual([
      `database ${couch.names.centralDb}`,
      `${couch.names.centralDb}/_design/ov`,
      `${couch.names.centralDb}/${docId}`,
    ]);
    expect((await setup(couch.conn, { community: couch.community })).every((c) => c.action === 'unchanged')).toBe(true);
    expect(await readCommunity(couch.conn, couch.community)).toEqual({
      _id: docId,
      type: 'community',
      code: couch.community,
      name: NAME,
    });

    // A village added after setup gets it with its database…
    const before = uniqueCode('ca');
    const starosta = `s-${before}`;
    const added = await addVillage(couch.conn, couch.community, before, 'Глибоке');
    expect(ofCommunity(added, 'created')).toContain(`${couch.names.villageDb(before)}/${docId}`);
    // …and a corrected name reaches the central database and every village database there is.
    const renamed = await setup(couch.conn, { community: couch.community, communityName: `${NAME} (нова назва)` });
    expect(ofCommunity(renamed, 'updated')).toEqual([
      `${couch.names.centralDb}/${docId}`,
      `${couch.names.villageDb(before)}/${docId}`,
    ]);
    await setup(couch.conn, { community: couch.community, communityName: NAME });
    const after = uniqueCode('cb');
    const later = await addVillage(couch.conn, couch.community, after, 'Зарічне');
    expect(ofCommunity(later, 'created')).toContain(`${couch.names.villageDb(after)}/${docId}`);

    // The village's user reads it from the village's own database (what the app does at login)…
    await addUser(couch.conn, couch.community, { name: starosta, password: 'community-pass', role: 'starosta', village: before });
    const user = { name: starosta, password: 'community-pass' };
    const path = `/${couch.names.villageDb(before)}/${encodeURIComponent(docId)}`;
    const read = await http<{ code: string; name: string }>(couch.url, user, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ code: couch.community, name: NAME });
    // …but may not change it, nor plant another community's document.
    const doc = await request<{ _rev: string }>(couch.conn, 'GET', path);
    const changed = await http(couch.url, user, 'PUT', path, {
      type: 'community',
      code: couch.community,
      name: 'Інша назва',
      _rev: doc.body._rev,
    });
    expect(changed.status).toBe(403);
    expect(changed.body).toMatchObject({
      error: 'forbidden',
      reason: expect.stringContaining('Only an admin sets the community code'),
    });
    const planted = await http(
      couch.url,
      user,
      'PUT',
      `/${couch.names.villageDb(before)}/${encodeURIComponent(communityDocId('insha'))}`,
      {
        type: 'community',
        code: 'insha',
        name: 'Інша громада',
      },
    );
    expect(planted.status).toBe(403);
    expect((await readCommunity(couch.conn, couch.community))?.name).toBe(NAME);
    const inVillage = await request<{ name: string }>(couch.conn, 'GET', path);
    expect(inVillage.body.name).toBe(NAME);
  });

  test('a malformed code is refused, and so is a first setup without a name; a re-run keeps the stored name', async () => {
    // Before one server hosted several communities, setup refused a second code ("community-set"). Now another code is
    // another community with databases of its own (communities.test.ts), so that refusal no longer exists.
    await expect(setup(couch.conn, { community: 'Bad Code', communityName: 'X' })).rejects.toMatchObject({
      code: 'invalid-code',
    });
    const fresh = uniqueCode('c');
    await expect(setup(couch.conn, { community: fresh })).rejects.toMatchObject({
      code: 'usage',
      en: expect.stringContaining('--community-name'),
    });
    expect(await readCommunity(couch.conn, fresh)).toBeNull();
    expect((await request(couch.conn, 'GET', `/ov-${fresh}-central`)).status).toBe(404);
    await setup(couch.conn, { community: couch.community });
    expect(await readCommunity(couch.conn, couch.community)).toMatchObject({ code: couch.community, name: NAME });
  });
});
