/**
 * validate_doc_update for attached files: the metadata `file:<id>` and the chunks `chunk:<fileId>:<n>` follow the
 * same scope, role and write-once rules as appeals and events; a chunk must carry its bytes. The metadata is written
 * as the app pushes it (`new_edits: false` with the record revision, writeRecords), a chunk interactively.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunkToCouch, fileToCouch } from '../../../renderer/data/sync/couch-docs';
import { addUser, addVillage } from '../../../server/admin/provision';
import { chunkDocId } from '../../../shared/couch/names';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { appealIdFor } from '../../../shared/domain/indexes/appeal-id';
import { refused, WRITTEN, writeRecords } from '../../helpers/couch/records';
import { http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

let couch: TestCouch;
const a = uniqueCode('fa');
const b = uniqueCode('fb');
const starosta = { name: `s-${a}`, password: 'starosta-pass' };
const central = { name: `c-${a}`, password: 'central-pass' };
let db: string;
let counter = 0;

type Put = { ok?: boolean; rev?: string; error?: string; reason?: string };
type User = { name: string; password: string };

function put(user: User, database: string, doc: { _id: string }) {
  return http<Put>(couch.url, user, 'PUT', `/${database}/${encodeURIComponent(doc._id)}`, doc);
}

/** A file's metadata pushed as the app does; the answer lists the refused rows only. */
const push = (user: User, database: string, doc: object) => writeRecords(couch.url, user, database, [doc]);

function fileOf(villageId: string, patch: Partial<AttachedFile> = {}): AttachedFile {
  counter++;
  return {
    id: `01HFILE${String(counter).padStart(6, '0')}`,
    appealId: appealIdFor('01HAPPEAK'.padEnd(26, '0'), patch.villageId ?? villageId),
    villageId,
    name: 'скан.pdf',
    mime: 'application/pdf',
    size: 70_000,
    sha256: 'a'.repeat(64),
    addedAt: '2024-05-01T08:00:00.000Z',
    by: 'Оператор',
    role: 'starosta',
    chunkSize: 65_536,
    chunkCount: 2,
    ...patch,
  };
}

beforeAll(async () => {
  couch = await startTestCouch();
  db = couch.names.villageDb(a);
  await couch.setup();
  await addVillage(couch.conn, couch.community, a, 'Село А');
  await addVillage(couch.conn, couch.community, b, 'Село Б');
  await addUser(couch.conn, couch.community, { ...starosta, role: 'starosta', village: a });
  await addUser(couch.conn, couch.community, { ...central, role: 'central' });
});

afterAll(async () => {
  await couch?.stop();
});

describe('validate_doc_update for files', () => {
  test('a starosta writes a chunk and the metadata of a file of the own village', async () => {
    const file = fileOf(a);
    expect((await put(starosta, db, chunkToCouch(file, 0, new Uint8Array([1, 2, 3])))).status).toBe(201);
    expect(await push(starosta, db, fileToCouch(file))).toEqual(WRITTEN);
    expect((await http(couch.url, starosta, 'GET', `/${db}/${encodeURIComponent(`file:${file.id}`)}`)).status).toBe(200);
  });

  test("a file of another village, or in another role's name, is forbidden", async () => {
    expect(await push(starosta, db, fileToCouch(fileOf(b)))).toEqual(refused('another village'));
    expect(await push(starosta, db, fileToCouch(fileOf(a, { role: 'central' })))).toEqual(refused('role'));
    // Not a member of B's database at all: CouchDB refuses before any validation.
    const chunk = await put(starosta, couch.names.villageDb(b), chunkToCouch(fileOf(b), 0, new Uint8Array([1])));
    expect(chunk.status).toBe(403);
  });

  test('a chunk without bytes, with a wrong id, or a file of an unknown type is refused', async () => {
    const file = fileOf(a);
    const bare = { _id: chunkDocId(file.id, 0), type: 'chunk', fileId: file.id, villageId: a, n: 0 };
    expect((await put(starosta, db, bare)).status).toBe(403);
    const misnamed = { ...chunkToCouch(file, 1, new Uint8Array([1])), _id: chunkDocId(file.id, 5) };
    expect((await put(starosta, db, misnamed)).body.reason).toContain('id');
    const exe = await push(starosta, db, fileToCouch(fileOf(a, { mime: 'application/x-msdownload' as never })));
    expect(exe).toEqual(refused('mime'));
  });

  test('the central office writes a file of a village appeal; nobody changes or deletes a file or a chunk', async () => {
    const file = fileOf(a, { role: 'central', by: 'Рада' });
    const chunk = chunkToCouch(file, 0, new Uint8Array([9, 9, 9]));
    const written = await put(central, db, chunk);
    expect(written.status).toBe(201);
    expect(await push(central, db, fileToCouch(file))).toEqual(WRITTEN);
    const meta = await http<AttachedFile & { _id: string; _rev: string }>(
      couch.url,
      central,
      'GET',
      `/${db}/${encodeURIComponent(`file:${file.id}`)}`,
    );
    const renamed = await put(central, db, { ...meta.body, name: 'інше.pdf' } as { _id: string });
    expect(renamed.status).toBe(403);
    // Pushed again renamed, with the record revision: ignored, the metadata stays as written.
    expect(await push(central, db, { ...meta.body, name: 'інше.pdf' })).toEqual(WRITTEN);
    const after = await http<{ name: string }>(couch.url, central, 'GET', `/${db}/${encodeURIComponent(`file:${file.id}`)}`);
    expect(after.body.name).toBe(file.name);
    const replaced = await put(central, db, {
      ...chunkToCouch(file, 0, new Uint8Array([1, 1, 1])),
      _rev: written.body.rev,
    } as never);
    expect(replaced.status).toBe(403);
    const removed = await http(couch.url, central, 'DELETE', `/${db}/${encodeURIComponent(chunk._id)}?rev=${written.body.rev}`);
    expect(removed.status).toBe(403);
  });
});
