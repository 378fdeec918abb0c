import { beforeAll, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { loadSetAside } from '../../../renderer/data/ingest/set-aside';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import { foldAppeal } from '../../../shared/domain/events/fold';
import { appealDoc, eventDoc } from '../../helpers/couch/fixtures';
import { WRITTEN, writeRecords } from '../../helpers/couch/records';
import { eventually, http } from '../../helpers/couch/test-couch';
import { clockOn, draftOf } from '../../helpers/data/fixtures';
import {
  type Community,
  clientSetup,
  PASSWORD,
  provisionCommunity,
  startSync,
  statusWhere,
} from '../../helpers/sync/sync-clients';
import { useSyncSuite } from '../../helpers/sync/sync-suite';

/**
 * Every pulled record passes the one acceptance check (ingest): what the server accepted but this version does not
 * know arrives, what a legitimate writer could not have written is set aside with its reason (never silently, never
 * blocking the records after it), and a record that contradicts one this PC holds is a tamper alarm.
 */
describe('ingest on the pull, against Apache CouchDB', () => {
  const suite = useSyncSuite();
  let community: Community;

  beforeAll(async () => {
    community = await provisionCommunity(suite.couch);
  });

  const starostaOf = (village: 'a' | 'b') => ({ name: community.users[village], password: PASSWORD });
  const villageDb = (code: string) => suite.couch.names.villageDb(code);
  /** A record written as the app pushes it (`new_edits: false`, the record revision), and stored. */
  const post = async (user: { name: string; password: string }, db: string, doc: object) => {
    expect(await writeRecords(suite.couch.url, user, db, [doc])).toEqual(WRITTEN);
  };
  const villagePc = async () => {
    const [a] = community.villages;
    const setup = clientSetup(suite.couch.url, community.users.a, 'starosta', a, community.code);
    const db = await suite.dbs.create('memory');
    const sync = startSync(db, setup.config);
    suite.controllers.push(sync);
    return { db, sync, setup };
  };

  it('an appeal with topic code 999 (a newer classifier list), written by the starosta, arrives and is in the register', async () => {
    const [a] = community.villages;
    const doc = appealDoc(a, 'starosta', { issues: [{ topicCode: '999', text: 'Питання з нового переліку' }] });
    await post(starostaOf('a'), villageDb(a), doc);

    const { db } = await villagePc();
    const row = await eventually(
      'the appeal in the register',
      async () => (await db.register.findOne(doc.id).exec()) ?? undefined,
    );
    expect(row.topicCode).toBe('999');
    expect((await db.appeals.findOne(doc.id).exec())?.issues[0]?.topicCode).toBe('999');
    expect((await loadSetAside(db)).filter((e) => e.id === doc.id)).toEqual([]);
  });

  it('a record the check refuses is set aside with its reason and counted; the records after it still arrive', async () => {
    const [a] = community.villages;
    const appeal = appealDoc(a, 'starosta');
    await post(starostaOf('a'), villageDb(a), appeal);
    // The server admin skips the role checks: a starosta's "answered" lands in the village database.
    const forged = eventDoc(a, appeal.id, 'answered', 'starosta');
    await post(suite.couch.admin, villageDb(a), forged);
    const after = eventDoc(a, appeal.id, 'comment', 'starosta');
    await post(starostaOf('a'), villageDb(a), after);

    const { db } = await villagePc();
    await eventually(
      'the comment written after the refused event',
      async () => (await db.events.findOne(after.id).exec()) ?? undefined,
    );
    const entries = await eventually('the refused event set aside', async () => {
      const list = await loadSetAside(db);
      return list.some((e) => e.id === forged.id) ? list : undefined;
    });
    expect(entries.filter((e) => e.id === forged.id)).toEqual([
      expect.objectContaining({
        collection: 'events',
        source: 'pull',
        isTamper: false,
        reason: { uk: expect.stringContaining('answered'), en: expect.stringContaining('answered') },
        record: expect.objectContaining({ kind: 'answered', role: 'starosta' }),
      }),
    ]);
    expect(await db.events.findOne(forged.id).exec()).toBeNull();
    const state = foldAppeal(
      (await db.appeals.findOne(appeal.id).exec())?.toMutableJSON() as Appeal,
      (await db.events.find({ selector: { appealId: appeal.id } }).exec()).map((d) => d.toMutableJSON() as AppealEvent),
    );
    expect(state.status).toBe('registered');
  });

  it('a changed copy of an appeal this PC holds, grafted as a winning branch, keeps the local version and raises a tamper alarm', async () => {
    const [a] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const { db, sync, setup } = await villagePc();
    const registered = await registerAppeal(
      db,
      setup.profile,
      draftOf({ receivedOn: today, surname: 'Справжня' }),
      clockOn(today),
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const id = registered.appeal.id;
    await statusWhere(sync, 'the appeal sent', (s) => s.waiting === 0 && s.lastSyncAt !== null);
    // The PC's own record came back by the pull unchanged: no false alarm.
    expect((await loadSetAside(db)).filter((e) => e.id === id)).toEqual([]);

    const path = `/${villageDb(a)}/${encodeURIComponent(`appeal:${id}`)}`;
    const stored = await http<Record<string, unknown>>(suite.couch.url, suite.couch.admin, 'GET', path);
    expect(stored.status).toBe(200);
    // Only a branch longer than the record's 1-ff…ff wins (a second first revision never does): two made-up
    // revisions of its own, no stored ancestor, so the validation sees no oldDoc to compare with.
    const [top, root] = ['a'.repeat(32), 'b'.repeat(32)];
    const branch = { ...stored.body, surname: 'Підроблена', _rev: `2-${top}`, _revisions: { start: 2, ids: [top, root] } };
    await post(suite.couch.admin, villageDb(a), branch);
    const winner = await http<Record<string, unknown>>(suite.couch.url, suite.couch.admin, 'GET', `${path}?conflicts=true`);
    expect(winner.body).toMatchObject({ surname: 'Підроблена', _rev: `2-${top}`, _conflicts: [stored.body._rev] });

    const alarm = await eventually('the tamper alarm', async () =>
      (await loadSetAside(db)).find((e) => e.id === id && e.isTamper),
    );
    expect(alarm).toMatchObject({
      collection: 'appeals',
      source: 'pull',
      record: expect.objectContaining({ surname: 'Підроблена' }),
    });
    expect((await db.appeals.findOne(id).exec())?.surname).toBe('Справжня');
  });

  it("a village's event naming another village's appeal is refused by the village's database (the appeal id carries its village) and never changes that appeal", async () => {
    const [a, b] = community.villages;
    const appealB = appealDoc(b, 'starosta');
    await post(starostaOf('b'), villageDb(b), appealB);
    const central = clientSetup(suite.couch.url, community.users.central, 'central', 'central', community.code);
    const db = await suite.dbs.create('memory');
    suite.controllers.push(startSync(db, central.config));
    await eventually('B’s appeal at the council', async () => (await db.appeals.findOne(appealB.id).exec()) ?? undefined);

    // Village A's starosta tries to write it to A's database: the server sees from the event alone that the appeal is
    // B's (the PC's own ingest would raise a tamper alarm if it got through: tests/unit/data/ingest.test.ts).
    const stray = eventDoc(a, appealB.id, 'not-considered', 'starosta');
    const res = await writeRecords(suite.couch.url, starostaOf('a'), villageDb(a), [stray]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: stray._id,
        error: 'forbidden',
        reason: expect.stringContaining(`The appeal id ${appealB.id} does not belong to the village ${a}`),
      }),
    ]);
    // A genuine record written after it reaches the council: the stray would have by now, had it been stored.
    const later = eventDoc(b, appealB.id, 'forwarded', 'starosta');
    await post(starostaOf('b'), villageDb(b), later);
    await eventually('the later event at the council', async () => (await db.events.findOne(later.id).exec()) ?? undefined);
    const inCentral = await http(
      suite.couch.url,
      suite.couch.admin,
      'GET',
      `/${suite.couch.names.centralDb}/${encodeURIComponent(stray._id)}`,
    );
    expect(inCentral.status).toBe(404);
    expect((await loadSetAside(db)).filter((e) => e.id === stray.id)).toEqual([]);
    expect(await db.events.findOne(stray.id).exec()).toBeNull();
    const state = foldAppeal(
      (await db.appeals.findOne(appealB.id).exec())?.toMutableJSON() as Appeal,
      (await db.events.find({ selector: { appealId: appealB.id } }).exec()).map((d) => d.toMutableJSON() as AppealEvent),
    );
    expect(state.status).toBe('forwarded');
  });
});
