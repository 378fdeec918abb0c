/**
 * The replications add-village sets up: a village's documents reach the community's central database, the central
 * office's events about a village's appeal come back to that village only, and design documents never travel.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, addVillage } from '../../../server/admin/provision';
import { DESIGN_DOC_ID } from '../../../shared/couch/names';
import { appealDoc, eventDoc, statusDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const h = uniqueCode('rh');
const z = uniqueCode('rz');
const starostaH = { name: `s-${h}`, password: 'hlyboke-pass' };
const starostaZ = { name: `s-${z}`, password: 'zarichne-pass' };
const central = { name: `c-${h}`, password: 'central-pass' };

let centralDb: string;
let villageDb: (code: string) => string;

beforeAll(async () => {
  couch = await startTestCouch();
  centralDb = couch.names.centralDb;
  villageDb = couch.names.villageDb;
  await couch.setup();
  await addVillage(couch.conn, couch.community, h, 'Глибоке');
  await addVillage(couch.conn, couch.community, z, 'Зарічне');
  await addUser(couch.conn, couch.community, { ...starostaH, role: 'starosta', village: h });
  await addUser(couch.conn, couch.community, { ...starostaZ, role: 'starosta', village: z });
  await addUser(couch.conn, couch.community, { ...central, role: 'central' });
});

afterAll(async () => {
  await couch?.stop();
});

function present(user: typeof central, db: string, id: string) {
  return async () => {
    const res = await http<{ _id?: string }>(couch.url, user, 'GET', `/${db}/${encodeURIComponent(id)}`);
    return res.status === 200 ? res.body : undefined;
  };
}

test('village → central → village: the appeal reaches the central database, the council’s answer returns to its village only', async () => {
  const appeal = appealDoc(h);
  expect(await writeRecords(couch.url, starostaH, villageDb(h), [appeal])).toEqual(WRITTEN);
  const status = statusDoc(h, '2026-11-27T08:00:00.000Z', 0);
  expect((await http(couch.url, starostaH, 'PUT', `/${villageDb(h)}/${encodeURIComponent(status._id)}`, status)).status).toBe(
    201,
  );

  const inCentral = await eventually('the appeal in the central database', present(central, centralDb, appeal._id));
  expect(inCentral).toMatchObject({ id: appeal.id, villageId: h, surname: appeal.surname });
  await eventually('the village status in the central database', present(central, centralDb, status._id));

  const answer = eventDoc(h, appeal.id, 'answered', 'central');
  expect(await writeRecords(couch.url, central, centralDb, [answer])).toEqual(WRITTEN);
  const back = await eventually('the answer in the village database', present(starostaH, villageDb(h), answer._id));
  expect(back).toMatchObject({ kind: 'answered', appealId: appeal.id });

  // A marker written after the answer: once it is in Zarichne, the answer would have been too, had the filter let it.
  const marker = eventDoc(z, appealDoc(z).id, 'comment', 'central');
  expect(await writeRecords(couch.url, central, centralDb, [marker])).toEqual(WRITTEN);
  await eventually('the marker in Zarichne', present(starostaZ, villageDb(z), marker._id));
  const inZ = await http<{ rows: { id: string }[] }>(couch.url, starostaZ, 'GET', `/${villageDb(z)}/_all_docs`);
  const ids = inZ.body.rows.map((r) => r.id);
  expect(ids).not.toContain(answer._id);
  expect(ids).not.toContain(appeal._id);
  expect(ids).not.toContain(status._id);
});

test('design documents are not copied: each database keeps its own validation', async () => {
  // Let a full round of changes pass first: a new appeal from Zarichne must reach the central database.
  const appeal = appealDoc(z);
  expect(await writeRecords(couch.url, starostaZ, villageDb(z), [appeal])).toEqual(WRITTEN);
  await eventually('the Zarichne appeal in the central database', present(central, centralDb, appeal._id));

  const ddoc = async (db: string) =>
    (await http<{ validate_doc_update: string }>(couch.url, central, 'GET', `/${db}/${DESIGN_DOC_ID}`)).body.validate_doc_update;
  expect(await ddoc(centralDb)).toContain('"scope":"central"');
  expect(await ddoc(villageDb(h))).toContain(`"code":"${h}"`);
  expect(await ddoc(villageDb(z))).toContain(`"code":"${z}"`);
  // Had Hlyboke's validation been copied into the central database, Zarichne's appeal above would have been refused there.
  const centralIds = await http<{ rows: { id: string }[] }>(
    couch.url,
    central,
    'GET',
    `/${centralDb}/_all_docs?startkey="_design/"&endkey="_design0"`,
  );
  expect(centralIds.body.rows.map((r) => r.id)).toEqual([DESIGN_DOC_ID]);
});
