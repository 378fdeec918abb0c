/** Registration and events through the repositories, on RxDB with Dexie over fake-indexeddb (a fresh database per test). */
import { OPEN_COLLECTIONS } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAppeal, registerAppeal } from '../../../renderer/data/appeals.repository';
import type { AppDatabase } from '../../../renderer/data/database';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { Profile } from '../../../renderer/data/profile.repository';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { CLOCK, clockOn, draftOf, PAYLOADS, profileOf, storedAppeal, TODAY } from '../../helpers/data/fixtures';
import { counts, settled, TestDatabases } from '../../helpers/data/test-db';

const dbs = new TestDatabases();
let db: AppDatabase;

beforeEach(async () => {
  db = await dbs.create('dexie');
});

afterEach(async () => {
  await dbs.removeAll();
  // RxDB's free build allows 13 open collections per process: every test must give its 3 back.
  expect(OPEN_COLLECTIONS.size).toBe(0);
});

async function register(profile: Profile, patch: Parameters<typeof draftOf>[0] = {}, target = db): Promise<Appeal> {
  const result = await registerAppeal(target, profile, draftOf(patch), CLOCK);
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result.problems)}`);
  return result.appeal;
}

async function rowOf(id: string, target = db): Promise<RegisterRow | null> {
  await settled(target);
  const doc = await target.register.findOne(id).exec();
  return doc ? (doc.toMutableJSON() as RegisterRow) : null;
}

describe('registerAppeal', () => {
  it('allocates HLYBOKE.1-М-1 and writes the appeal and its register row', async () => {
    const starosta = profileOf();
    const appeal = await register(starosta);
    expect(appeal.regIndex).toBe('HLYBOKE.1-М-1');
    expect(appeal.regSeq).toBe(1);
    expect(appeal).toMatchObject({
      villageId: 'hlyboke',
      deviceTag: '1',
      registeredBy: 'Марія Коваль',
      registeredRole: 'starosta',
    });
    expect(appeal.registeredAt).toBe(CLOCK.now.toISOString());
    expect(await getAppeal(db, appeal.id)).toEqual(appeal);

    const row = await rowOf(appeal.id);
    expect(row).toMatchObject({
      id: appeal.id,
      villageId: 'hlyboke',
      regIndex: 'HLYBOKE.1-М-1',
      applicant: 'Мельник Іван Петрович',
      status: 'registered',
      receivedOn: TODAY,
      // Normal term: the earlier of one month (2024-06-20) and 30 days (2024-06-19).
      dueDate: '2024-06-19',
      isOpen: 1,
      needsHandover: 0,
      isExtended: 0,
    });
    // The appeal waits in the outbox until the council's server confirms it.
    expect(await counts(db)).toEqual({ appeals: 1, events: 0, register: 1, outbox: 1 });
  });

  it('a short-term appeal is due in 15 days', async () => {
    const appeal = await register(profileOf(), { term: 'short' });
    expect((await rowOf(appeal.id))?.dueDate).toBe('2024-06-04');
  });

  it('the second registration on the same PC gets sequence 2 whatever its letter', async () => {
    const starosta = profileOf();
    await register(starosta);
    const second = await register(starosta, { surname: 'Бондаренко' });
    expect(second.regSeq).toBe(2);
    expect(second.regIndex).toBe('HLYBOKE.1-Б-2');
    const collective = await register(starosta, { subject: 'collective', collectiveName: 'Мешканці вул. Садової' });
    expect(collective.regIndex).toBe('HLYBOKE.1-КО-3');
  });

  it('a draft with problems writes nothing and returns the problems', async () => {
    await register(profileOf());
    const before = await counts(db);
    const result = await registerAppeal(db, profileOf(), draftOf({ surname: '', receivedOn: '2024-05-21' }), CLOCK);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['surname', 'required'],
        ['receivedOn', expect.any(String)],
      ]),
    );
    expect(await counts(db)).toEqual(before);
    // The refused draft did not use up a sequence number either.
    expect((await register(profileOf())).regSeq).toBe(2);
  });

  it('two PCs of one village (workstations 1 and 2) never allocate equal indexes', async () => {
    const other = await dbs.create('dexie');
    const ws1 = profileOf({ workstation: 1 });
    const ws2 = profileOf({ workstation: 2, operatorName: 'Олена' });
    const surnames = ['Мельник', 'Мороз', 'Бойко', 'Мельник', 'Ткач', 'Мазур'];
    const indexes: string[] = [];
    for (const surname of surnames) {
      indexes.push((await register(ws1, { surname }, db)).regIndex);
      indexes.push((await register(ws2, { surname }, other)).regIndex);
    }
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(indexes.slice(0, 4)).toEqual(['HLYBOKE.1-М-1', 'HLYBOKE.2-М-1', 'HLYBOKE.1-М-2', 'HLYBOKE.2-М-2']);
  });

  it('continues after the appeals of this PC already in the database (a restored backup up to 41)', async () => {
    const restored = Array.from({ length: 41 }, (_, i) =>
      storedAppeal({ id: `R${String(i + 1).padStart(3, '0')}`, regSeq: i + 1 }),
    );
    await db.appeals.bulkInsert(restored);
    const appeal = await register(profileOf());
    expect(appeal.regSeq).toBe(42);
    expect(appeal.regIndex).toBe('HLYBOKE.1-М-42');
  });

  it('continues after the highest sequence when a partial restore left gaps', async () => {
    const seqs = [1, 2, 3, 17, 41];
    await db.appeals.bulkInsert(seqs.map((regSeq) => storedAppeal({ id: `G${regSeq}`, regSeq })));
    expect((await register(profileOf())).regSeq).toBe(42);
  });

  it("ignores other workstations' and other villages' sequences", async () => {
    await db.appeals.bulkInsert([
      ...Array.from({ length: 5 }, (_, i) => storedAppeal({ id: `W2${i}`, deviceTag: '2', regSeq: 100 + i })),
      ...Array.from({ length: 5 }, (_, i) => storedAppeal({ id: `Z${i}`, villageId: 'zelene', deviceTag: '1', regSeq: 200 + i })),
      storedAppeal({ id: 'OWN', regSeq: 7 }),
    ]);
    expect((await register(profileOf())).regIndex).toBe('HLYBOKE.1-М-8');
    expect((await register(profileOf({ workstation: 2 }))).regIndex).toBe('HLYBOKE.2-М-105');
  });

  it('stores emoji, markup and a 10,000-character text exactly as typed', async () => {
    const long = 'Дорога розбита; '.repeat(625);
    expect(long).toHaveLength(10_000);
    const typed = {
      givenName: 'Олена 👩‍🌾',
      address: '<script>alert(1)</script> вул. Шевченка, 5 🏠',
      note: '"; DROP TABLE appeals; -- <img src=x onerror=alert(1)> ʼ’‘\'`',
      issues: [
        { topicCode: '090', text: long },
        { topicCode: '010', text: '🚧 Яма 🕳️ на дорозі\n\tдругий рядок  з пробілами ' },
      ],
    };
    const appeal = await register(profileOf(), typed);
    const stored = await getAppeal(db, appeal.id);
    expect(stored).toMatchObject(typed);
    expect(stored?.issues[0]?.text).toBe(long);
    expect(stored?.issues[1]?.text).toBe(typed.issues[1]?.text);
    const row = await rowOf(appeal.id);
    expect(row?.address).toBe(typed.address);
    expect(row?.applicant).toBe('Мельник Олена 👩‍🌾 Петрович');
  });

  it('trims the names and contacts a person typed, but not the texts', async () => {
    const appeal = await register(profileOf(), { surname: '  Мельник ', phone: ' 067 123 45 67 ', note: '  як є  ' });
    const stored = await getAppeal(db, appeal.id);
    expect(stored?.surname).toBe('Мельник');
    expect(stored?.phone).toBe('067 123 45 67');
    expect(stored?.note).toBe('  як є  ');
  });
});

describe('recordEvent', () => {
  const starosta = profileOf();
  const clerk = profileOf({ role: 'clerk', operatorName: 'Петро' });
  const central = profileOf({ villageCode: 'central', villageName: 'Громада', role: 'central', operatorName: 'Секретар' });
  const later = clockOn('2024-05-27');

  async function eventsOf(appealId: string): Promise<string[]> {
    return (await db.events.find({ selector: { appealId } }).exec()).map((e) => e.kind);
  }

  it.each([
    ['starosta', profileOf({ villageCode: 'zelene', villageName: 'Зелене' })],
    ['clerk', profileOf({ villageCode: 'zelene', villageName: 'Зелене', role: 'clerk' })],
  ] as const)("a %s of another village cannot act on this village's appeal", async (_role, stranger) => {
    const appeal = await register(starosta);
    const before = await counts(db);
    for (const kind of ['forwarded', 'comment', 'delivered'] as const) {
      const result = await recordEvent(db, stranger, appeal, kind, PAYLOADS[kind], later);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['forbidden']);
    }
    expect(await counts(db)).toEqual(before);
    expect((await rowOf(appeal.id))?.status).toBe('registered');
  });

  it.each(['answered', 'assigned', 'extended', 'closed'] as const)('a starosta cannot record %s', async (kind) => {
    const appeal = await register(starosta);
    const before = await counts(db);
    const result = await recordEvent(db, starosta, appeal, kind, PAYLOADS[kind], later);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['forbidden']);
    expect(await counts(db)).toEqual(before);
  });

  it('a clerk cannot return an appeal as incomplete (starosta and central may)', async () => {
    const appeal = await register(starosta);
    const result = await recordEvent(db, clerk, appeal, 'returned-incomplete', PAYLOADS['returned-incomplete'], later);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.code).toBe('forbidden');
  });

  it('after forwarded the register row is forwarded', async () => {
    const appeal = await register(starosta);
    const result = await recordEvent(db, starosta, appeal, 'forwarded', { note: 'До ради' }, later);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.event).toMatchObject({ appealId: appeal.id, villageId: 'hlyboke', kind: 'forwarded', role: 'starosta' });
    expect(await eventsOf(appeal.id)).toEqual(['forwarded']);
    expect(await counts(db)).toEqual({ appeals: 1, events: 1, register: 1, outbox: 2 });
    expect(await rowOf(appeal.id)).toMatchObject({ status: 'forwarded', isOpen: 1, updatedAt: later.now.toISOString() });
  });

  it('central answers; the row needs handover until the village delivers it', async () => {
    const appeal = await register(starosta);
    expect((await recordEvent(db, starosta, appeal, 'forwarded', PAYLOADS.forwarded, clockOn('2024-05-21'))).ok).toBe(true);

    const answered = await recordEvent(db, central, appeal, 'answered', PAYLOADS.answered, clockOn('2024-05-27'));
    expect(answered.ok).toBe(true);
    expect(await rowOf(appeal.id)).toMatchObject({ status: 'answered', isOpen: 0, needsHandover: 1 });

    const delivered = await recordEvent(db, starosta, appeal, 'delivered', PAYLOADS.delivered, clockOn('2024-05-28'));
    expect(delivered.ok).toBe(true);
    expect(await rowOf(appeal.id)).toMatchObject({ status: 'delivered', isOpen: 0, needsHandover: 0 });
    expect(await eventsOf(appeal.id)).toEqual(expect.arrayContaining(['forwarded', 'answered', 'delivered']));
  });

  it('an extension beyond 45 days writes no event and leaves the row alone', async () => {
    const appeal = await register(starosta);
    const rowBefore = await rowOf(appeal.id);
    const before = await counts(db);
    const result = await recordEvent(
      db,
      central,
      appeal,
      'extended',
      { newDueDate: '2024-07-05', applicantNotifiedOn: '2024-05-25', reason: 'Перевірка' }, // receipt + 46 days
      later,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain('beyond-max');
    expect(await counts(db)).toEqual(before);
    expect(await rowOf(appeal.id)).toEqual(rowBefore);
  });

  it('an extension to exactly 45 days is recorded and moves the due date', async () => {
    const appeal = await register(starosta);
    const result = await recordEvent(
      db,
      central,
      appeal,
      'extended',
      { newDueDate: '2024-07-04', applicantNotifiedOn: '2024-05-25', reason: 'Перевірка' },
      later,
    );
    expect(result.ok).toBe(true);
    expect(await rowOf(appeal.id)).toMatchObject({ dueDate: '2024-07-04', isExtended: 1, status: 'registered' });
  });

  it('the central office acts on any village', async () => {
    const zelene = profileOf({ villageCode: 'zelene', villageName: 'Зелене' });
    const appeal = await register(zelene);
    expect(appeal.regIndex).toBe('ZELENE.1-М-1');
    const result = await recordEvent(db, central, appeal, 'assigned', PAYLOADS.assigned, later);
    expect(result.ok).toBe(true);
    expect((await rowOf(appeal.id))?.status).toBe('in-progress');
  });
});
