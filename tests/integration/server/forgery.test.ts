/**
 * Forgery with a village's own login (DESIGN.md: the register is written once): a starosta with plain HTTP, no app in
 * the way, tries every door CouchDB has to change a registered appeal, an event or a file's bytes, or to plant an
 * attachment. Each is refused (403, or the row error `forbidden` of `_bulk_docs`) or, for the record revision sent
 * again (shared/couch/record-revision.ts), ignored; the stored record stays as it was with no second branch, and the
 * council's replication (which runs as a server admin) still carries every genuine record into the central database.
 * Records are written as the app pushes them (writeRecords: `new_edits: false` and the record revision), so each
 * refusal of the village and structure rules below is produced on that path.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunkToCouch, fileToCouch } from '../../../renderer/data/sync/couch-docs';
import { addUser, addVillage } from '../../../server/admin/provision';
import { villageStatuses } from '../../../server/admin/status';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { appealIdFor, villageTag } from '../../../shared/domain/indexes/appeal-id';
import { appealDoc, eventDoc, fileRecord } from '../../helpers/couch/fixtures';
import { type BulkRow, WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

type User = { name: string; password: string };
type Row = BulkRow;
type Stub = { content_type: string; digest: string; length: number; stub: true; revpos: number };

let couch: TestCouch;
const v = uniqueCode('fg');
const starosta: User = { name: `s-${v}`, password: 'starosta-pass' };
const central: User = { name: `c-${v}`, password: 'central-pass' };
let db: string;
let centralDb: string;

const appeal = appealDoc(v);
const appealRev = RECORD_REVISION;
const answered = eventDoc(v, appeal.id, 'answered', 'central');
const answeredRev = RECORD_REVISION;
const file: AttachedFile = fileRecord(v, appeal.id, `01HFORGED${v.toUpperCase()}`.slice(0, 40));
const BYTES = [1, 2, 3];
const chunk = chunkToCouch(file, 0, new Uint8Array(BYTES));
let chunkRev = '';
const meta = fileToCouch(file);

const path = (database: string, id: string) => `/${database}/${encodeURIComponent(id)}`;
const b64 = (bytes: number[] | string) =>
  Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)).toString('base64');
/** A made-up revision hash: 32 hex digits. */
const made = (digit: string) => digit.repeat(32);

/** A request with a raw body (an attachment's bytes). */
async function putRaw(user: User, target: string, contentType: string, body: Uint8Array | string) {
  const res = await fetch(`${couch.url}${target}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
      'content-type': contentType,
      accept: 'application/json',
    },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: (await res.json()) as Row };
}

async function bytesOf(user: User, target: string): Promise<number[]> {
  const res = await fetch(`${couch.url}${target}`, {
    headers: { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` },
    signal: AbortSignal.timeout(15_000),
  });
  expect(res.status).toBe(200);
  return [...new Uint8Array(await res.arrayBuffer())];
}

/** The starosta's `_bulk_docs` without `new_edits: false` (interactive). */
function bulk(docs: object[]) {
  return http<Row[]>(couch.url, starosta, 'POST', `/${db}/_bulk_docs`, { docs });
}

/** The starosta's records as the app pushes them: `new_edits: false`, the record revision unless a doc names its own. */
const push = (docs: object[]) => writeRecords(couch.url, starosta, db, docs);

/** A `_bulk_docs` answer that refused its only row as forbidden. */
function expectRefusedRow(res: { status: number; body: Row[] }, id: string) {
  expect(res.status).toBe(201);
  expect(res.body).toEqual([expect.objectContaining({ id, error: 'forbidden' })]);
}

/** The document as stored: the given body and revision, the only leaf of its tree, no conflicts of any kind. */
async function expectUnchanged(user: User, database: string, doc: { _id: string }, rev: string) {
  const stored = await http<Record<string, unknown>>(
    couch.url,
    user,
    'GET',
    `${path(database, doc._id)}?conflicts=true&deleted_conflicts=true`,
  );
  expect(stored.status).toBe(200);
  const { _attachments: _stubs, ...fields } = stored.body;
  const { _attachments: _sent, ...expected } = doc as Record<string, unknown>;
  expect(fields).toEqual({ ...expected, _rev: rev });
  const leaves = await http<{ ok?: { _rev: string } }[]>(couch.url, user, 'GET', `${path(database, doc._id)}?open_revs=all`);
  expect(leaves.body.map((l) => l.ok?._rev)).toEqual([rev]);
}

beforeAll(async () => {
  couch = await startTestCouch();
  db = couch.names.villageDb(v);
  centralDb = couch.names.centralDb;
  await couch.setup();
  await addVillage(couch.conn, couch.community, v, 'Глибоке');
  await addUser(couch.conn, couch.community, { ...starosta, role: 'starosta', village: v });
  await addUser(couch.conn, couch.community, { ...central, role: 'central' });

  expect(await push([appeal])).toEqual(WRITTEN);
  const stored = await http<Row>(couch.url, starosta, 'PUT', path(db, chunk._id), chunk);
  expect(stored.status).toBe(201);
  chunkRev = stored.body.rev ?? '';
  expect(await push([meta])).toEqual(WRITTEN);
  // The council answers in its own database; the answer reaches the village by replication, as in real use.
  expect(await writeRecords(couch.url, central, centralDb, [answered])).toEqual(WRITTEN);
  await eventually('the answer in the village database', async () => {
    const res = await http(couch.url, starosta, 'GET', path(db, answered._id));
    return res.status === 200 ? true : undefined;
  });
});

afterAll(async () => {
  await couch?.stop();
});

describe('a registered appeal cannot be changed by its own village', () => {
  test('PUT with its _rev (surname changed): 403', async () => {
    const res = await http<Row>(couch.url, starosta, 'PUT', path(db, appeal._id), {
      ...appeal,
      _rev: appealRev,
      surname: 'Підробленко',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('never changed') });
  });

  test('DELETE: 403', async () => {
    const res = await http<Row>(couch.url, starosta, 'DELETE', `${path(db, appeal._id)}?rev=${appealRev}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('never deleted') });
  });

  test('_deleted in _bulk_docs: the row is refused', async () => {
    expectRefusedRow(await bulk([{ _id: appeal._id, _rev: appealRev, _deleted: true }]), appeal._id);
  });

  test('_bulk_docs with new_edits:false and the stored revision 1-fff… (surname changed): ignored, answer [], nothing changes', async () => {
    expect(await push([{ ...appeal, _rev: `1-${made('f')}`, surname: 'Підробленко' }])).toEqual(WRITTEN);
    await expectUnchanged(starosta, db, appeal, appealRev);
  });

  test('_bulk_docs with new_edits:false and a made-up branch 1-abc… (surname changed): the row is refused', async () => {
    expectRefusedRow(await push([{ ...appeal, _rev: `1-${made('a')}`, surname: 'Підробленко' }]), appeal._id);
  });

  test('new_edits:false with a made-up 9-… whose fabricated _revisions reach the stored revision: the row is refused', async () => {
    // It would win over the stored revision (9 > 1) and bury the genuine appeal under a "newer" one.
    const ids = ['9', '8', '7', '6', '5', '4', '3', '2'].map(made);
    const res = await push([
      {
        ...appeal,
        _rev: `9-${ids[0]}`,
        _revisions: { start: 9, ids: [...ids, appealRev.split('-')[1]] },
        surname: 'Підробленко',
      },
    ]);
    expectRefusedRow(res, appeal._id);
  });

  test('new_edits:false with a made-up 9-… and fabricated _revisions of its own (no stored ancestor): the row is refused', async () => {
    const ids = ['9', '8', '7', '6', '5', '4', '3', '2', '1'].map((d) => made(d === '1' ? 'a' : d));
    expectRefusedRow(
      await push([{ ...appeal, _rev: `9-${ids[0]}`, _revisions: { start: 9, ids }, surname: 'Підробленко' }]),
      appeal._id,
    );
  });

  test('the same appeal pushed again (a retried push) is answered [] and changes nothing; a plain PUT of it is a conflict', async () => {
    expect(await push([appeal])).toEqual(WRITTEN);
    const again = await http<Row>(couch.url, starosta, 'PUT', path(db, appeal._id), appeal);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('conflict');
  });

  test('afterwards the appeal is as registered: same revision, the only leaf, no _conflicts', async () => {
    await expectUnchanged(starosta, db, appeal, appealRev);
  });
});

describe('events and file bytes cannot be changed either', () => {
  test('an answered event turned into a comment on a new branch 1-abc…: refused, by _bulk_docs and by PUT ?new_edits=false; with 1-fff… ignored', async () => {
    const comment = eventDoc(v, appeal.id, 'comment', 'starosta');
    // On its own id this comment would be the starosta's to write: only the write-once rule stands in the way.
    const forged = { ...comment, _id: answered._id, id: answered.id, _rev: `1-${made('a')}` };
    expectRefusedRow(await push([forged]), answered._id);
    const put = await http<Row>(couch.url, starosta, 'PUT', `${path(db, answered._id)}?new_edits=false`, forged);
    expect(put.status).toBe(403);
    expect(put.body.error).toBe('forbidden');
    expect(await push([{ ...forged, _rev: RECORD_REVISION }])).toEqual(WRITTEN);
    await expectUnchanged(starosta, db, answered, answeredRev);
  });

  test("a chunk's bytes: a standalone attachment PUT, new inline bytes, a new branch with other bytes: all refused", async () => {
    const standalone = await putRaw(
      starosta,
      `${path(db, chunk._id)}/data?rev=${chunkRev}`,
      'application/pdf',
      Uint8Array.from([7, 7, 7]),
    );
    expect(standalone.status).toBe(403);
    expect(standalone.body.error).toBe('forbidden');
    const inline = await http<Row>(couch.url, starosta, 'PUT', path(db, chunk._id), {
      ...chunk,
      _rev: chunkRev,
      _attachments: { data: { content_type: 'application/pdf', data: b64([8, 8, 8]) } },
    });
    expect(inline.status).toBe(403);
    expect(inline.body.error).toBe('forbidden');
    const branch = {
      ...chunk,
      _rev: `1-${made('f')}`,
      _attachments: { data: { content_type: 'application/pdf', data: b64([9, 9, 9]) } },
    };
    expectRefusedRow(await push([branch]), chunk._id);
  });

  test('a second attachment on a chunk, standalone or inline beside its data: refused', async () => {
    const standalone = await putRaw(starosta, `${path(db, chunk._id)}/extra?rev=${chunkRev}`, 'text/plain', 'extra');
    expect(standalone.status).toBe(403);
    expect(standalone.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('only its data attachment') });
    const stored = await http<{ _attachments: Record<string, Stub> }>(couch.url, starosta, 'GET', path(db, chunk._id));
    const inline = await http<Row>(couch.url, starosta, 'PUT', path(db, chunk._id), {
      ...stored.body,
      _attachments: { ...stored.body._attachments, extra: { content_type: 'text/plain', data: b64('extra') } },
    });
    expect(inline.status).toBe(403);
    expect(inline.body.error).toBe('forbidden');
  });

  test('afterwards the chunk holds its own bytes only, as the only leaf', async () => {
    await expectUnchanged(starosta, db, chunk, chunkRev);
    const stored = await http<{ _attachments: Record<string, Stub> }>(couch.url, starosta, 'GET', path(db, chunk._id));
    expect(Object.keys(stored.body._attachments)).toEqual(['data']);
    expect(stored.body._attachments.data).toMatchObject({ length: BYTES.length, revpos: 1 });
    expect(await bytesOf(starosta, `${path(db, chunk._id)}/data`)).toEqual(BYTES);
  });

  test('an attachment x.html on an appeal: refused on the stored appeal and on a new one', async () => {
    const page = '<script>alert(document.cookie)</script>';
    const added = await putRaw(starosta, `${path(db, appeal._id)}/x.html?rev=${appealRev}`, 'text/html', page);
    expect(added.status).toBe(403);
    expect(added.body.error).toBe('forbidden');
    const fresh = appealDoc(v);
    const withPage = await push([{ ...fresh, _attachments: { 'x.html': { content_type: 'text/html', data: b64(page) } } }]);
    expectRefusedRow(withPage, fresh._id);
    expect(withPage.body[0]?.reason).toContain('carries no attachments');
    expect((await http(couch.url, starosta, 'GET', path(db, fresh._id))).status).toBe(404);
    expect((await http(couch.url, starosta, 'GET', `${path(db, appeal._id)}/x.html`)).status).toBe(404);
    await expectUnchanged(starosta, db, appeal, appealRev);
  });
});

describe("an appeal cannot take another village's registration index", () => {
  test("village A's own appeal numbered BETA.1-Б-1 by A's starosta: the row refused by the push (and by an interactive _bulk_docs), nothing stored", async () => {
    const misfiled = appealDoc(v, 'starosta', { regIndex: 'BETA.1-Б-1' });
    const pushed = await push([misfiled]);
    expectRefusedRow(pushed, misfiled._id);
    expect(pushed.body[0]?.reason).toContain(`The registration index BETA.1-Б-1 does not belong to the village ${v}`);
    expect(pushed.body[0]?.reason).toMatch(/^Реєстраційний індекс BETA\.1-Б-1 не належить селу /);
    const interactive = await bulk([misfiled]);
    expectRefusedRow(interactive, misfiled._id);
    expect(interactive.body[0]?.reason).toContain('The registration index BETA.1-Б-1');
    expect((await http(couch.url, starosta, 'GET', path(db, misfiled._id))).status).toBe(404);
    // The same appeal under its own village's index is the starosta's to register.
    const own = { ...misfiled, regIndex: `${v.toUpperCase()}.1-Б-1` };
    expect(await push([own])).toEqual(WRITTEN);
  });
});

describe("a village's event or file cannot name another village's appeal: the appeal id carries its village", () => {
  // Village B's appeal: its id ends with B's tag (appealIdFor), which the server checks from the event alone.
  const other = uniqueCode('fo');
  const theirs = appealDoc(other);

  test("village A's starosta, an event with villageId A about village B's appeal: the pushed row refused, and by PUT ?new_edits=false 403; about A's own: stored", async () => {
    const stray = eventDoc(v, theirs.id, 'comment', 'starosta');
    const reason = `The appeal id ${theirs.id} does not belong to the village ${v}: it must end with -${villageTag(v)}`;
    const pushed = await push([stray]);
    expectRefusedRow(pushed, stray._id);
    expect(pushed.body[0]?.reason).toContain(reason);
    expect(pushed.body[0]?.reason).toMatch(/^Ідентифікатор звернення \S+ не належить селу /);
    const put = await http<Row>(couch.url, starosta, 'PUT', `${path(db, stray._id)}?new_edits=false`, {
      ...stray,
      _rev: RECORD_REVISION,
    });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining(reason) });
    expect((await http(couch.url, starosta, 'GET', path(db, stray._id))).status).toBe(404);

    const own = eventDoc(v, appeal.id, 'comment', 'starosta');
    expect(await push([own])).toEqual(WRITTEN);
  });

  test("file metadata of village A about village B's appeal: the pushed row refused", async () => {
    const stray = fileToCouch({ ...file, id: `01HSTRAY${v.toUpperCase()}`.slice(0, 40), appealId: theirs.id });
    const pushed = await push([stray]);
    expectRefusedRow(pushed, stray._id);
    expect(pushed.body[0]?.reason).toContain(`does not belong to the village ${v}`);
    expect((await http(couch.url, starosta, 'GET', path(db, stray._id))).status).toBe(404);
  });

  test("an appeal of village A whose id carries another village's tag, or no tag (a bare ULID): the pushed row refused, nothing stored", async () => {
    const ulid = appeal.id.slice(0, 26);
    for (const id of [appealIdFor(ulid.replace(/.$/, 'Z'), other), `${ulid.replace(/.$/, 'Y')}`]) {
      const forged = appealDoc(v, 'starosta', { id });
      expect(forged._id).toBe(`appeal:${id}`);
      const pushed = await push([forged]);
      expectRefusedRow(pushed, forged._id);
      expect(pushed.body[0]?.reason, id).toContain(`The appeal id ${id} does not belong to the village ${v}`);
      expect((await http(couch.url, starosta, 'GET', path(db, forged._id))).status).toBe(404);
    }
  });
});

test('the council’s replication (a server admin) still carries every genuine record into the central database', async () => {
  // A record registered after all the attempts: the replication is neither stuck nor stopped by them.
  const later = appealDoc(v);
  expect(await push([later])).toEqual(WRITTEN);
  const inCentral = (doc: { _id: string }) => async () => {
    const res = await http(couch.url, central, 'GET', path(centralDb, doc._id));
    return res.status === 200 ? true : undefined;
  };
  for (const doc of [appeal, later, chunk, meta]) await eventually(`${doc._id} in the central database`, inCentral(doc));

  await expectUnchanged(central, centralDb, appeal, appealRev);
  await expectUnchanged(central, centralDb, later, RECORD_REVISION);
  await expectUnchanged(central, centralDb, answered, answeredRev);
  await expectUnchanged(central, centralDb, chunk, chunkRev);
  expect(await bytesOf(central, `${path(centralDb, chunk._id)}/data`)).toEqual(BYTES);
  const metaInCentral = await http<{ name: string }>(couch.url, central, 'GET', path(centralDb, meta._id));
  expect(metaInCentral.body.name).toBe(file.name);
  // Nothing the replicator copied was refused on the way (its counters appear at its first checkpoint, 30 s at most).
  const counted = await eventually(
    'the village → central job counted',
    async () => {
      const row = (await villageStatuses(couch.conn, couch.community)).find((r) => r.code === v);
      return typeof row?.toCentral.docWriteFailures === 'number' ? row.toCentral : undefined;
    },
    60_000,
  );
  expect(counted).toMatchObject({ docWriteFailures: 0, error: null });
});
