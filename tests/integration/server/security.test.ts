/**
 * Residents' data must not leak between villages (DESIGN.md, central topology): a user of village A can neither read
 * nor write village B's database. CouchDB answers 403 to a logged-in non-member, on every endpoint (`_find` and
 * `_bulk_get` included, which pouchdb-server 4.2.0 used to leak), and 401 to anyone not logged in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, addVillage } from '../../../server/admin/provision';
import { communityDocId } from '../../../shared/couch/names';
import { appealDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, withRecordRevision, writeRecords } from '../../helpers/couch/records';
import { http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const a = uniqueCode('sa');
const b = uniqueCode('sb');
const userA = { name: `s-${a}`, password: 'village-a-pass' };
const userB = { name: `s-${b}`, password: 'village-b-pass' };
const central = { name: `c-${a}`, password: 'central-pass' };
const secretOfB = appealDoc(b);
let dbB: string;
let centralDb: string;

// A logged-in user who is not a member of the database.
const DENIED = 403;

beforeAll(async () => {
  couch = await startTestCouch();
  dbB = couch.names.villageDb(b);
  centralDb = couch.names.centralDb;
  await couch.setup();
  await addVillage(couch.conn, couch.community, a, 'Село А');
  await addVillage(couch.conn, couch.community, b, 'Село Б');
  await addUser(couch.conn, couch.community, { ...userA, role: 'starosta', village: a });
  await addUser(couch.conn, couch.community, { ...userB, role: 'starosta', village: b });
  await addUser(couch.conn, couch.community, { ...central, role: 'central' });
  expect(await writeRecords(couch.url, userB, dbB, [secretOfB])).toEqual(WRITTEN);
});

afterAll(async () => {
  await couch?.stop();
});

describe('a user of village A in village B’s database', () => {
  test.each([
    ['GET a document', 'GET', `/${encodeURIComponent(secretOfB._id)}`, undefined],
    ['GET _all_docs', 'GET', '/_all_docs?include_docs=true', undefined],
    ['GET _changes', 'GET', '/_changes?include_docs=true', undefined],
    ['GET the database info', 'GET', '', undefined],
    ['PUT a document', 'PUT', '/appeal:intruder', { ...appealDoc(b), _id: 'appeal:intruder', id: 'intruder' }],
    ['POST _bulk_docs', 'POST', '/_bulk_docs', { docs: [appealDoc(b)] }],
    [
      'POST _bulk_docs with new_edits:false and the record revision (as the app pushes)',
      'POST',
      '/_bulk_docs',
      { docs: [withRecordRevision(appealDoc(b))], new_edits: false },
    ],
  ] as const)('%s is refused with 403', async (_label, method, path, body) => {
    const res = await http<unknown>(couch.url, userA, method, `/${dbB}${path}`, body);
    expect(res.status).toBe(DENIED);
    expect(JSON.stringify(res.body)).not.toContain(secretOfB.surname);
  });

  test('nothing A sent landed in B', async () => {
    const all = await http<{ rows: { id: string }[] }>(couch.url, userB, 'GET', `/${dbB}/_all_docs`);
    // B's own appeal, the design document and the community document add-village wrote.
    expect(all.body.rows.map((r) => r.id).sort()).toEqual(['_design/ov', communityDocId(couch.community), secretOfB._id].sort());
  });

  test('anonymous requests are refused with 401', async () => {
    expect((await http(couch.url, null, 'GET', `/${dbB}/_all_docs`)).status).toBe(401);
    expect((await http(couch.url, null, 'GET', `/${centralDb}/_all_docs`)).status).toBe(401);
  });

  test('a village user cannot read the central database; the central office reads every village', async () => {
    expect((await http(couch.url, userA, 'GET', `/${centralDb}/_all_docs`)).status).toBe(DENIED);
    const asCentral = await http<{ surname: string }>(couch.url, central, 'GET', `/${dbB}/${encodeURIComponent(secretOfB._id)}`);
    expect(asCentral.status).toBe(200);
    expect(asCentral.body.surname).toBe(secretOfB.surname);
  });
});

test('_find and _bulk_get of another village’s database are refused', async () => {
  const find = await http(couch.url, userA, 'POST', `/${dbB}/_find`, { selector: { surname: secretOfB.surname } });
  const bulkGet = await http(couch.url, userA, 'POST', `/${dbB}/_bulk_get`, { docs: [{ id: secretOfB._id }] });
  expect(find.status).toBe(DENIED);
  expect(bulkGet.status).toBe(DENIED);
  expect(JSON.stringify(find.body)).not.toContain(secretOfB.surname);
  expect(JSON.stringify(bulkGet.body)).not.toContain(secretOfB.surname);
});
