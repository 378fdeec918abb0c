/**
 * Two communities on one CouchDB (a regional host serving several hromadas) never see each other: each has its own
 * databases, roles and replications (shared/couch/names.ts), even for a village code both use. A user of one can
 * neither read nor write the other's databases, a replication of one never carries the other's documents, the admin
 * command's `status`, `report` and village list of one never show the other's villages, and `add-user` will not take
 * over a login name the other community already uses (`_users` is shared by the whole server).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../server/admin/cli';
import { docsByPrefix, request } from '../../../server/admin/couch-client';
import { addUser, addVillage, listVillages } from '../../../server/admin/provision';
import { writeReport } from '../../../server/admin/report';
import { villageStatuses } from '../../../server/admin/status';
import { DESIGN_DOC_ID, ID_PREFIX } from '../../../shared/couch/names';
import { appealDoc, eventDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, withRecordRevision, writeRecords } from '../../helpers/couch/records';
import { eventually, http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

type User = { name: string; password: string };

/** One community of the two, with its villages, users and the records written into it. */
interface Side {
  couch: TestCouch;
  only: string;
  sharedName: string;
  onlyName: string;
  starosta: User;
  central: User;
  appeals: ReturnType<typeof appealDoc>[];
  answer: ReturnType<typeof eventDoc>;
}

// The village code both communities use, each for a village of its own.
const shared = uniqueCode('sv');
let a: Side;
let b: Side;
let dir = '';

const path = (db: string, id: string) => `/${db}/${encodeURIComponent(id)}`;

async function provision(couch: TestCouch, tag: 'а' | 'б', appealCount: number): Promise<Side> {
  await couch.setup();
  const only = uniqueCode(`o${tag === 'а' ? 'a' : 'b'}`);
  const appeals = Array.from({ length: appealCount }, () => appealDoc(shared));
  const side: Side = {
    couch,
    only,
    sharedName: `Спільне (${tag})`,
    onlyName: `Лише ${tag}`,
    starosta: { name: `s-${uniqueCode('cs')}`, password: `starosta-${tag}-pass` },
    central: { name: `c-${uniqueCode('cc')}`, password: `central-${tag}-pass` },
    appeals,
    answer: eventDoc(shared, appeals[0]?.id ?? '', 'answered', 'central'),
  };
  await addVillage(couch.conn, couch.community, shared, side.sharedName);
  await addVillage(couch.conn, couch.community, only, side.onlyName);
  await addUser(couch.conn, couch.community, { ...side.starosta, role: 'starosta', village: shared });
  await addUser(couch.conn, couch.community, { ...side.central, role: 'central' });
  return side;
}

/** Registers the side's appeals in its village and the council's answer in its central database. */
async function write(side: Side): Promise<void> {
  const { names } = side.couch;
  expect(await writeRecords(side.couch.url, side.starosta, names.villageDb(shared), side.appeals)).toEqual(WRITTEN);
  expect(await writeRecords(side.couch.url, side.central, names.centralDb, [side.answer])).toEqual(WRITTEN);
}

async function idsOf(user: User, db: string): Promise<string[]> {
  const res = await http<{ rows: { id: string }[] }>(a.couch.url, user, 'GET', `/${db}/_all_docs`);
  expect(res.status).toBe(200);
  return res.body.rows.map((r) => r.id);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ov-communities-'));
  a = await provision(await startTestCouch(), 'а', 2);
  b = await provision(await startTestCouch(), 'б', 3);
  await write(a);
  await write(b);
  // Both communities' replications have done their work: every appeal in its central database, every answer back in
  // its village.
  for (const side of [a, b]) {
    const { names } = side.couch;
    await eventually(`the appeals of ${side.couch.community} in its central database`, async () => {
      const ids = await idsOf(side.central, names.centralDb);
      return side.appeals.every((d) => ids.includes(d._id)) ? true : undefined;
    });
    await eventually(`the answer of ${side.couch.community} in its village`, async () => {
      const ids = await idsOf(side.starosta, names.villageDb(shared));
      return ids.includes(side.answer._id) ? true : undefined;
    });
  }
});

afterAll(async () => {
  await a?.couch.stop();
  await b?.couch.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('users of one community in the other’s databases', () => {
  test('a starosta of A is refused everything in B’s village of the same code and in B’s central database (403)', async () => {
    const dbB = b.couch.names.villageDb(shared);
    const secret = b.appeals[0];
    if (!secret) throw new Error('no appeal of B');
    const attempts: [string, string, unknown][] = [
      ['GET', path(dbB, secret._id), undefined],
      ['GET', `/${dbB}/_all_docs?include_docs=true`, undefined],
      ['GET', `/${dbB}/_changes?include_docs=true`, undefined],
      ['POST', `/${dbB}/_find`, { selector: { villageId: shared } }],
      ['POST', `/${dbB}/_bulk_get`, { docs: [{ id: secret._id }] }],
      ['PUT', path(dbB, 'appeal:intruder'), { ...appealDoc(shared), _id: 'appeal:intruder', id: 'intruder' }],
      ['POST', `/${dbB}/_bulk_docs`, { docs: [appealDoc(shared)] }],
      // As the app pushes a record: new_edits:false with the record revision.
      ['POST', `/${dbB}/_bulk_docs`, { docs: [withRecordRevision(appealDoc(shared))], new_edits: false }],
      ['GET', `/${b.couch.names.centralDb}/_all_docs`, undefined],
      ['POST', `/${b.couch.names.centralDb}/_bulk_docs`, { docs: [appealDoc(shared)] }],
      ['POST', `/${b.couch.names.centralDb}/_bulk_docs`, { docs: [withRecordRevision(appealDoc(shared))], new_edits: false }],
    ];
    for (const [method, target, body] of attempts) {
      const res = await http(a.couch.url, a.starosta, method, target, body);
      expect(res.status, `${method} ${target}`).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(secret.id);
    }
  });

  test('the central office of one is refused in every database of the other, both ways (403)', async () => {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const n = to.couch.names;
      for (const db of [n.centralDb, n.villageDb(shared), n.villageDb(to.only)]) {
        expect((await http(from.couch.url, from.central, 'GET', `/${db}`)).status, `GET ${db}`).toBe(403);
        expect((await http(from.couch.url, from.central, 'GET', `/${db}/_all_docs`)).status, `_all_docs ${db}`).toBe(403);
      }
      const answer = eventDoc(shared, to.appeals[0]?.id ?? '', 'answered', 'central');
      expect((await http(from.couch.url, from.central, 'PUT', path(n.centralDb, answer._id), answer)).status).toBe(403);
      expect((await http(from.couch.url, from.central, 'PUT', path(n.villageDb(shared), answer._id), answer)).status).toBe(403);
      for (const db of [n.centralDb, n.villageDb(shared)]) {
        expect((await writeRecords(from.couch.url, from.central, db, [answer])).status, `pushed into ${db}`).toBe(403);
      }
    }
    // A login that does not exist on the server at all is 401, not 403.
    expect(
      (await http(a.couch.url, { name: `x-${uniqueCode('nx')}`, password: 'no-such-pass' }, 'GET', `/${b.couch.names.centralDb}`))
        .status,
    ).toBe(401);
  });

  test('nothing either tried landed in the other: each database holds exactly its own community’s records', async () => {
    for (const side of [a, b]) {
      const n = side.couch.names;
      const central = (await idsOf(side.central, n.centralDb)).filter((id) => !id.startsWith('_design/'));
      expect(central.filter((id) => id.startsWith(ID_PREFIX.appeal)).sort()).toEqual(side.appeals.map((d) => d._id).sort());
      expect(central.filter((id) => id.startsWith(ID_PREFIX.event))).toEqual([side.answer._id]);
      const village = await idsOf(side.starosta, n.villageDb(shared));
      expect(village.sort()).toEqual(
        [
          DESIGN_DOC_ID,
          `${ID_PREFIX.community}${side.couch.community}`,
          side.answer._id,
          ...side.appeals.map((d) => d._id),
        ].sort(),
      );
    }
  });
});

describe('replications', () => {
  test('each community’s jobs join its own databases only; the other’s records never arrive', async () => {
    for (const [side, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const n = side.couch.names;
      const jobs = await request<{ rows: { id: string; doc: { source: string; target: string } }[] }>(
        side.couch.conn,
        'GET',
        `/_replicator/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(n.replicationPrefix))}&endkey=${encodeURIComponent(JSON.stringify(`${n.replicationPrefix}\ufff0`))}`,
      );
      expect(jobs.body.rows.map((r) => r.id).sort()).toEqual(
        [shared, side.only].flatMap((v) => [n.toCentralReplicationId(v), n.toVillageReplicationId(v)]).sort(),
      );
      const dbOf = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\/|\/$/g, ''));
      for (const row of jobs.body.rows) {
        for (const end of [row.doc.source, row.doc.target])
          expect(dbOf(end).startsWith(n.dbPrefix), `${row.id}: ${dbOf(end)}`).toBe(true);
      }
      // The other community's records, written before these replications had finished, are nowhere on this side.
      const central = await idsOf(side.central, n.centralDb);
      const village = await idsOf(side.starosta, n.villageDb(shared));
      for (const foreign of [...other.appeals.map((d) => d._id), other.answer._id]) {
        expect(central).not.toContain(foreign);
        expect(village).not.toContain(foreign);
      }
    }
  });
});

describe('the admin command', () => {
  test('listVillages and status of one community show its own villages only, by its own names', async () => {
    for (const [side, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const { conn, community, names } = side.couch;
      const villages = await listVillages(conn, community);
      expect(villages.map((v) => [v.code, v.name]).sort()).toEqual(
        [
          [shared, side.sharedName],
          [side.only, side.onlyName],
        ].sort(),
      );
      const rows = await villageStatuses(conn, community);
      expect(rows.map((r) => r.code).sort()).toEqual([shared, side.only].sort());
      expect(rows.map((r) => r.code)).not.toContain(other.only);
      for (const r of rows) {
        expect(r.db.startsWith(names.dbPrefix)).toBe(true);
        expect(r.toCentral.id).toBe(names.toCentralReplicationId(r.code));
        expect(r.toVillage.id).toBe(names.toVillageReplicationId(r.code));
      }
      expect(rows.find((r) => r.code === shared)).toMatchObject({
        name: side.sharedName,
        appeals: side.appeals.length,
        events: 1,
      });
    }
  });

  test('report of one community counts its own appeals and names its own villages only', async () => {
    const report = async (side: Side, village?: string) => {
      const out = join(dir, `${side.couch.community}-${village ?? 'all'}.csv`);
      await writeReport(side.couch.conn, {
        period: '2026',
        format: 'csv',
        out,
        community: side.couch.community,
        today: '2026-12-31',
        now: new Date('2026-12-31T12:00:00Z'),
        ...(village === undefined ? {} : { village }),
      });
      return (await readFile(out, 'utf8')).slice(1).split('\r\n');
    };
    for (const [side, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const whole = (await report(side)).join('\n');
      for (const name of [side.sharedName, side.onlyName]) expect(whole).toContain(name);
      for (const name of [other.sharedName, other.onlyName]) expect(whole).not.toContain(name);
      const one = await report(side, shared);
      expect(one).toContain(`Усього звернень;${side.appeals.length};${side.appeals.length}`);
      await expect(report(side, other.only)).rejects.toMatchObject({ code: 'unknown-village' });
    }
  });

  test('add-user refuses a name the other community uses, with its message, and leaves that account as it was', async () => {
    const taken = a.starosta.name;
    const attempt = addUser(b.couch.conn, b.couch.community, {
      name: taken,
      password: 'takeover-pass',
      role: 'starosta',
      village: shared,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'user-of-other-community',
      uk: `Ім'я «${taken}» на цьому сервері вже має користувач громади «${a.couch.community}»: оберіть інше ім'я`,
      en: `The name "${taken}" already belongs to a user of the community "${a.couch.community}" on this server: choose another name`,
    });
    await expect(
      addUser(b.couch.conn, b.couch.community, { name: a.central.name, password: 'takeover-pass', role: 'central' }),
    ).rejects.toMatchObject({
      code: 'user-of-other-community',
    });
    // The command line prints the same refusal, in both languages, and exits with 1.
    const err: string[] = [];
    const code = await runCli(
      ['add-user', '--community', b.couch.community, '--name', taken, '--password-stdin', '--role', 'clerk', '--village', shared],
      {
        env: { COUCHDB_URL: b.couch.adminUrl },
        readStdin: async () => 'takeover-pass\n',
        out: () => {},
        err: (line) => err.push(line),
      },
    );
    expect(code).toBe(1);
    expect(err).toEqual([
      `Ім'я «${taken}» на цьому сервері вже має користувач громади «${a.couch.community}»: оберіть інше ім'я`,
      `The name "${taken}" already belongs to a user of the community "${a.couch.community}" on this server: choose another name`,
    ]);
    // A's starosta logs in as before, with A's roles; the password B's admin tried is not taken.
    const session = await http<{ userCtx: { roles: string[] } }>(a.couch.url, a.starosta, 'GET', '/_session');
    expect(session.body.userCtx.roles.sort()).toEqual([a.couch.names.starostaRole, a.couch.names.villageRole(shared)].sort());
    expect((await http(a.couch.url, { name: taken, password: 'takeover-pass' }, 'GET', '/_session')).status).toBe(401);
    expect((await http(a.couch.url, a.starosta, 'GET', `/${a.couch.names.villageDb(shared)}`)).status).toBe(200);
  });
});

test('the same village code in both communities gives two databases, each with its own members and validation', async () => {
  const dbA = a.couch.names.villageDb(shared);
  const dbB = b.couch.names.villageDb(shared);
  expect(dbA).not.toBe(dbB);
  for (const [side, db, other] of [
    [a, dbA, b],
    [b, dbB, a],
  ] as const) {
    const n = side.couch.names;
    expect((await request(side.couch.conn, 'GET', `/${db}`)).status).toBe(200);
    const security = await request<{ members: { roles: string[] } }>(side.couch.conn, 'GET', `/${db}/_security`);
    expect(security.body.members.roles).toEqual([n.villageRole(shared), n.centralRole]);
    const ddoc = await request<{ validate_doc_update: string }>(side.couch.conn, 'GET', `/${db}/${DESIGN_DOC_ID}`);
    expect(ddoc.body.validate_doc_update).toContain(JSON.stringify(n.villageRole(shared)));
    expect(ddoc.body.validate_doc_update).not.toContain(other.couch.names.villageRole(shared));
    const appeals = await docsByPrefix<{ _id: string }>(side.couch.conn, db, ID_PREFIX.appeal);
    expect(appeals.map((d) => d._id).sort()).toEqual(side.appeals.map((d) => d._id).sort());
  }
});
