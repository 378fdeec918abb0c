/**
 * The one record revision (shared/couch/record-revision.ts) on the real CouchDB: a user writes an appeal, an event or
 * a file's metadata only with `_bulk_docs` and `new_edits: false` and the revision `1-ff…ff`; the same record sent
 * again is ignored, any other revision is refused, so no second version of a record can come from a user. A server
 * admin is not bound by the revision: a graft of another first revision never wins over `1-ff…ff`, a longer branch
 * does (the documented limit, caught by the tamper alarm of the PC holding the original).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileToCouch, toCouch } from '../../../renderer/data/sync/couch-docs';
import { addUser, addVillage } from '../../../server/admin/provision';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { appealDoc, eventDoc, fileRecord } from '../../helpers/couch/fixtures';
import { refused, WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

type User = { name: string; password: string };
type Stored = Record<string, unknown> & { _rev: string; _conflicts?: string[] };

let couch: TestCouch;
const v = uniqueCode('rr');
const starosta: User = { name: `s-${v}`, password: 'starosta-pass' };
const central: User = { name: `c-${v}`, password: 'central-pass' };
let db: string;
let centralDb: string;

const REVISION_REFUSAL = `The record must come with the revision ${RECORD_REVISION}`;
/** A made-up revision hash: 32 hex digits. */
const made = (digit: string) => digit.repeat(32);
const FF = RECORD_REVISION.slice(2);

const path = (database: string, id: string) => `/${database}/${encodeURIComponent(id)}`;

const fileOf = (appealId: string): AttachedFile => fileRecord(v, appealId, `01HREV${uniqueCode('f').toUpperCase()}`.slice(0, 40));

/** The winning version with its conflicts, and every leaf revision of the document's tree. */
async function read(user: User, database: string, id: string) {
  const stored = await http<Stored>(couch.url, user, 'GET', `${path(database, id)}?conflicts=true&deleted_conflicts=true`);
  expect(stored.status).toBe(200);
  const leaves = await http<{ ok?: { _rev: string } }[]>(couch.url, user, 'GET', `${path(database, id)}?open_revs=all`);
  return { body: stored.body, leaves: leaves.body.map((l) => l.ok?._rev).sort() };
}

/** The record as written: its body with the record revision, the only leaf, no conflicts of any kind. */
async function expectOriginalOnly(user: User, database: string, doc: { _id: string }) {
  const { body, leaves } = await read(user, database, doc._id);
  expect(body).toEqual({ ...doc, _rev: RECORD_REVISION });
  expect(leaves).toEqual([RECORD_REVISION]);
}

beforeAll(async () => {
  couch = await startTestCouch();
  db = couch.names.villageDb(v);
  centralDb = couch.names.centralDb;
  await couch.setup();
  await addVillage(couch.conn, couch.community, v, 'Глибоке');
  await addUser(couch.conn, couch.community, { ...starosta, role: 'starosta', village: v });
  await addUser(couch.conn, couch.community, { ...central, role: 'central' });
});

afterAll(async () => {
  await couch?.stop();
});

describe("a starosta's records: only with new_edits:false and the record revision", () => {
  const appeal = appealDoc(v);
  const records = [
    ['an appeal', appeal],
    ['an event', eventDoc(v, appeal.id, 'comment', 'starosta')],
    ['file metadata', fileToCouch(fileOf(appeal.id))],
  ] as const;

  test.each(records)(
    '%s written interactively (PUT, POST, _bulk_docs without _rev) is refused with the revision message',
    async (_label, record) => {
      const { _rev: _none, ...doc } = record as { _rev?: string; _id: string };
      const put = await http<{ error?: string; reason?: string }>(couch.url, starosta, 'PUT', path(db, doc._id), doc);
      expect(put.status).toBe(403);
      expect(put.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining(REVISION_REFUSAL) });
      expect(put.body.reason).toContain(`Запис має надходити з ревізією ${RECORD_REVISION}`);
      const post = await http<{ reason?: string }>(couch.url, starosta, 'POST', `/${db}`, doc);
      expect(post.status).toBe(403);
      expect(post.body.reason).toContain(REVISION_REFUSAL);
      const bulk = await http(couch.url, starosta, 'POST', `/${db}/_bulk_docs`, { docs: [doc] });
      expect(bulk).toEqual(refused(REVISION_REFUSAL, doc._id));
      expect((await http(couch.url, starosta, 'GET', path(db, doc._id))).status).toBe(404);
    },
  );

  test.each(records)(
    '%s with new_edits:false and the record revision is stored; the answer body is exactly []',
    async (_label, record) => {
      const res = await writeRecords(couch.url, starosta, db, [record]);
      expect(res).toEqual(WRITTEN);
      await expectOriginalOnly(starosta, db, record);
    },
  );

  test('PUT ?new_edits=false with the record revision in the body stores an event too', async () => {
    const event = { ...eventDoc(v, appeal.id, 'comment', 'starosta'), _rev: RECORD_REVISION };
    const res = await http<{ ok?: boolean; rev?: string }>(
      couch.url,
      starosta,
      'PUT',
      `${path(db, event._id)}?new_edits=false`,
      event,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ok: true, rev: RECORD_REVISION });
    await expectOriginalOnly(starosta, db, event);
  });

  test('the same appeal again with the record revision and a changed surname: answer [], the stored body unchanged, no _conflicts', async () => {
    const res = await writeRecords(couch.url, starosta, db, [{ ...appeal, surname: 'Підробленко' }]);
    expect(res).toEqual(WRITTEN);
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('the same event id again with the record revision and another kind: answer [], unchanged', async () => {
    const [, event] = records[1];
    const res = await writeRecords(couch.url, starosta, db, [
      { ...event, kind: 'delivered', payload: { deliveredOn: '2026-11-27', to: 'X', note: '' } },
    ]);
    expect(res).toEqual(WRITTEN);
    await expectOriginalOnly(starosta, db, event);
  });
});

describe('any other revision from a user is refused, stored or not', () => {
  const appeal = appealDoc(v);

  beforeAll(async () => {
    expect(await writeRecords(couch.url, starosta, db, [appeal])).toEqual(WRITTEN);
  });

  test('1-abc… beside the stored record (surname changed): the row is refused, nothing changes', async () => {
    const res = await writeRecords(couch.url, starosta, db, [
      { ...appeal, _rev: `1-${made('abc').slice(0, 32)}`, surname: 'Підробленко' },
    ]);
    expect(res).toEqual(refused(REVISION_REFUSAL, appeal._id));
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('1-abc… by PUT ?new_edits=false: 403, nothing changes', async () => {
    const forged = { ...appeal, _rev: `1-${made('abc').slice(0, 32)}`, surname: 'Підробленко' };
    const res = await http<{ error?: string; reason?: string }>(
      couch.url,
      starosta,
      'PUT',
      `${path(db, appeal._id)}?new_edits=false`,
      forged,
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining(REVISION_REFUSAL) });
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('2-… whose fabricated _revisions reach the stored 1-ff…ff (an edit of the record): the row is refused, nothing changes', async () => {
    const res = await writeRecords(couch.url, starosta, db, [
      { ...appeal, _rev: `2-${made('2')}`, _revisions: { start: 2, ids: [made('2'), FF] }, surname: 'Підробленко' },
    ]);
    expect(res).toEqual(refused('never changed', appeal._id));
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('2-… with fabricated _revisions of its own (no stored ancestor, a deeper branch that would win): the row is refused, nothing changes', async () => {
    const res = await writeRecords(couch.url, starosta, db, [
      { ...appeal, _rev: `2-${made('2')}`, _revisions: { start: 2, ids: [made('2'), made('a')] }, surname: 'Підробленко' },
    ]);
    expect(res).toEqual(refused(REVISION_REFUSAL, appeal._id));
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('a record not yet stored, with 1-abc…: refused, nothing stored', async () => {
    const fresh = appealDoc(v);
    const res = await writeRecords(couch.url, starosta, db, [{ ...fresh, _rev: `1-${'0'.repeat(32)}` }]);
    expect(res).toEqual(refused(REVISION_REFUSAL, fresh._id));
    expect((await http(couch.url, starosta, 'GET', path(db, fresh._id))).status).toBe(404);
  });
});

describe("a server admin's grafts", () => {
  test('another first revision 1-… (surname changed): stored as a conflict, the original stays the winner', async () => {
    const appeal = appealDoc(v);
    expect(await writeRecords(couch.url, starosta, db, [appeal])).toEqual(WRITTEN);
    const graft = `1-${made('e')}`;
    const res = await writeRecords(couch.url, couch.admin, db, [{ ...appeal, _rev: graft, surname: 'Підробленко' }]);
    expect(res).toEqual(WRITTEN);
    const { body, leaves } = await read(starosta, db, appeal._id);
    expect(body).toEqual({ ...appeal, _rev: RECORD_REVISION, _conflicts: [graft] });
    expect(leaves).toEqual([graft, RECORD_REVISION].sort());
  });

  test('a change on top of the stored 1-ff…ff (its leaf extended): refused by the write-once check, even for the admin', async () => {
    const appeal = appealDoc(v);
    expect(await writeRecords(couch.url, starosta, db, [appeal])).toEqual(WRITTEN);
    const res = await writeRecords(couch.url, couch.admin, db, [
      { ...appeal, _rev: `2-${made('2')}`, _revisions: { start: 2, ids: [made('2'), FF] }, surname: 'Підробленко' },
    ]);
    expect(res).toEqual(refused('never changed', appeal._id));
    await expectOriginalOnly(starosta, db, appeal);
  });

  test('the documented limit: a longer disjoint branch 2-… (no stored ancestor) wins, and the original is listed in _conflicts', async () => {
    const appeal = appealDoc(v);
    expect(await writeRecords(couch.url, starosta, db, [appeal])).toEqual(WRITTEN);
    const forged = {
      ...appeal,
      _rev: `2-${made('a')}`,
      _revisions: { start: 2, ids: [made('a'), made('b')] },
      surname: 'Підробленко',
    };
    expect(await writeRecords(couch.url, couch.admin, db, [forged])).toEqual(WRITTEN);
    const { body, leaves } = await read(starosta, db, appeal._id);
    const { _revisions: _r, ...winner } = forged;
    expect(body).toEqual({ ...winner, _conflicts: [RECORD_REVISION] });
    expect(body._rev).not.toBe(RECORD_REVISION);
    expect(leaves).toEqual([forged._rev, RECORD_REVISION].sort());
  });
});

describe('the same record from the village and from the council (a transfer file imported at the council)', () => {
  /** A village's appeal in the CouchDB form the app pushes, from the app database `pc`. */
  const pushed = (appeal: Appeal & { _id: string }, pc: string) => toCouch('appeals', appeal, pc);

  test('the village pushed it first and it reached the central database; the central user pushes it again: answer [], one revision, no conflict', async () => {
    const appeal = appealDoc(v);
    const fromVillage = pushed(appeal, 'pc-village');
    expect(await writeRecords(couch.url, starosta, db, [fromVillage])).toEqual(WRITTEN);
    await eventually('the appeal in the central database', async () =>
      (await http(couch.url, central, 'GET', path(centralDb, appeal._id))).status === 200 ? true : undefined,
    );
    const fromCouncil = pushed(appeal, 'pc-council');
    expect(await writeRecords(couch.url, central, centralDb, [fromCouncil])).toEqual(WRITTEN);
    // The village's copy stays, its `pc` included: the council's push was ignored.
    await expectOriginalOnly(central, centralDb, fromVillage);
  });

  test('the council pushed it first; the village pushes it then and the replication brings it: one revision, no conflict in either database', async () => {
    const appeal = appealDoc(v);
    const fromCouncil = pushed(appeal, 'pc-council');
    expect(await writeRecords(couch.url, central, centralDb, [fromCouncil])).toEqual(WRITTEN);
    const fromVillage = pushed(appeal, 'pc-village');
    expect(await writeRecords(couch.url, starosta, db, [fromVillage])).toEqual(WRITTEN);
    // A marker pushed after it: once the marker is in the central database, the appeal's copy has been replicated.
    const marker = appealDoc(v);
    expect(await writeRecords(couch.url, starosta, db, [marker])).toEqual(WRITTEN);
    await eventually('the marker in the central database', async () =>
      (await http(couch.url, central, 'GET', path(centralDb, marker._id))).status === 200 ? true : undefined,
    );
    await expectOriginalOnly(central, centralDb, fromCouncil);
    await expectOriginalOnly(starosta, db, fromVillage);
  });
});
