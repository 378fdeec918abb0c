/** recordEvent should check the stored appeal, not the object its caller hands in. */
import { afterEach, expect, it } from 'vitest';
import { recordEvent } from '../../../renderer/data/events.repository';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import { clockOn, PAYLOADS, profileOf, storedAppeal } from '../../helpers/data/fixtures';
import { counts, TestDatabases } from '../../helpers/data/test-db';

const dbs = new TestDatabases();
afterEach(() => dbs.removeAll());

it('writes no event about an appeal that is not in the database', async () => {
  const db = await dbs.create('dexie');
  const result = await recordEvent(
    db,
    profileOf(),
    storedAppeal({ id: 'GHOST' }),
    'forwarded',
    PAYLOADS.forwarded,
    clockOn('2024-05-21'),
  );
  expect(result.ok).toBe(false);
  expect(await counts(db)).toEqual({ appeals: 0, events: 0, register: 0, outbox: 0 });
});

it("a village role cannot act on another village's appeal by relabelling the appeal object", async () => {
  const db = await dbs.create('dexie');
  const hlyboke = storedAppeal({ id: 'REAL' });
  await db.appeals.insert(hlyboke);
  const stranger = profileOf({ villageCode: 'zelene', villageName: 'Зелене' });
  const relabelled: Appeal = { ...hlyboke, villageId: 'zelene' };
  const result = await recordEvent(db, stranger, relabelled, 'comment', PAYLOADS.comment, clockOn('2024-05-21'));
  expect(result.ok).toBe(false);
  expect(await db.events.count().exec()).toBe(0);
});
