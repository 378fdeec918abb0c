/**
 * The replications add-village sets up: a village's documents reach ov_central, the central office's events about a
 * village's appeal come back to that village only, and design documents never travel.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, addVillage } from '../../../server/admin/provision';
import { CENTRAL_DB, DESIGN_DOC_ID, villageDbName } from '../../../shared/couch/names';
import { appealDoc, eventDoc, statusDoc } from '../../helpers/couch/fixtures';
import { eventually, http, removeVillage, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const h = uniqueCode('rh');
const z = uniqueCode('rz');
const starostaH = { name: `s-${h}`, password: 'hlyboke-pass' };
const starostaZ = { name: `s-${z}`, password: 'zarichne-pass' };
const central = { name: `c-${h}`, password: 'central-pass' };

beforeAll(async () => {
  couch = await startTestCouch();
  await addVillage(couch.conn, h, 'Глибоке');
  await addVillage(couch.conn, z, 'Зарічне');
  await addUser(couch.conn, { ...starostaH, role: 'starosta', village: h });
  await addUser(couch.conn, { ...starostaZ, role: 'starosta', village: z });
  await addUser(couch.conn, { ...central, role: 'central' });
});

afterAll(async () => {
  await removeVillage(couch.conn, h, [starostaH.name, central.name]);
  await removeVillage(couch.conn, z, [starostaZ.name]);
  await couch.stop();
});

function present(user: typeof central, db: string, id: string) {
  return async () => {
    const res = await http<{ _id?: string }>(couch.url, user, 'GET', `/${db}/${encodeURIComponent(id)}`);
    return res.status === 200 ? res.body : undefined;
  };
}

test('village → central → village: the appeal reaches ov_central, the council’s answer returns to its village only', async () => {
  const appeal = appealDoc(h);
  expect((await http(couch.url, starostaH, 'PUT', `/${villageDbName(h)}/${encodeURIComponent(appeal._id)}`, appeal)).status).toBe(
    201,
  );
  const status = statusDoc(h, '2026-11-27T08:00:00.000Z', 0);
  expect((await http(couch.url, starostaH, 'PUT', `/${villageDbName(h)}/${encodeURIComponent(status._id)}`, status)).status).toBe(
    201,
  );

  const inCentral = await eventually('the appeal in ov_central', present(central, CENTRAL_DB, appeal._id));
  expect(inCentral).toMatchObject({ id: appeal.id, villageId: h, surname: appeal.surname });
  await eventually('the village status in ov_central', present(central, CENTRAL_DB, status._id));

  const answer = eventDoc(h, appeal.id, 'answered', 'central');
  expect((await http(couch.url, central, 'PUT', `/${CENTRAL_DB}/${encodeURIComponent(answer._id)}`, answer)).status).toBe(201);
  const back = await eventually('the answer in the village database', present(starostaH, villageDbName(h), answer._id));
  expect(back).toMatchObject({ kind: 'answered', appealId: appeal.id });

  // A marker written after the answer: once it is in Zarichne, the answer would have been too, had the filter let it.
  const marker = eventDoc(z, appealDoc(z).id, 'comment', 'central');
  expect((await http(couch.url, central, 'PUT', `/${CENTRAL_DB}/${encodeURIComponent(marker._id)}`, marker)).status).toBe(201);
  await eventually('the marker in Zarichne', present(starostaZ, villageDbName(z), marker._id));
  const inZ = await http<{ rows: { id: string }[] }>(couch.url, starostaZ, 'GET', `/${villageDbName(z)}/_all_docs`);
  const ids = inZ.body.rows.map((r) => r.id);
  expect(ids).not.toContain(answer._id);
  expect(ids).not.toContain(appeal._id);
  expect(ids).not.toContain(status._id);
});

test('design documents are not copied: each database keeps its own validation', async () => {
  // Let a full round of changes pass first: a new appeal from Zarichne must reach ov_central.
  const appeal = appealDoc(z);
  expect((await http(couch.url, starostaZ, 'PUT', `/${villageDbName(z)}/${encodeURIComponent(appeal._id)}`, appeal)).status).toBe(
    201,
  );
  await eventually('the Zarichne appeal in ov_central', present(central, CENTRAL_DB, appeal._id));

  const ddoc = async (db: string) =>
    (await http<{ validate_doc_update: string }>(couch.url, central, 'GET', `/${db}/${DESIGN_DOC_ID}`)).body.validate_doc_update;
  expect(await ddoc(CENTRAL_DB)).toContain('"scope":"central"');
  expect(await ddoc(villageDbName(h))).toContain(`"code":"${h}"`);
  expect(await ddoc(villageDbName(z))).toContain(`"code":"${z}"`);
  // Had Hlyboke's validation been copied into ov_central, Zarichne's appeal above would have been refused there.
  const centralIds = await http<{ rows: { id: string }[] }>(
    couch.url,
    central,
    'GET',
    `/${CENTRAL_DB}/_all_docs?startkey="_design/"&endkey="_design0"`,
  );
  expect(centralIds.body.rows.map((r) => r.id)).toEqual([DESIGN_DOC_ID]);
});
