/** The first page shown before the index loads must be the head of the order the full register then shows. */
import { afterEach, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { RegisterIndex } from '../../../renderer/data/register-index';
import { DEFAULT_SORT, EMPTY_FILTER, queryRegister } from '../../../renderer/features/register/register-query';
import { CLOCK, draftOf, profileOf, TODAY } from '../../helpers/data/fixtures';
import { settled, TestDatabases } from '../../helpers/data/test-db';

const dbs = new TestDatabases();
afterEach(() => dbs.removeAll());

it('with more rows on the newest day than fit the first page, the first page is the top of the default sort', async () => {
  const db = await dbs.create('dexie');
  for (const surname of ['Мельник', 'Бойко', 'Ткач', 'Мазур', 'Коваль']) {
    const result = await registerAppeal(db, profileOf(), draftOf({ surname }), CLOCK);
    expect(result.ok).toBe(true);
  }
  await settled(db);
  const index = new RegisterIndex(db);
  // As use-register-rows shows it: the first page, then sorted by the register's default order.
  const firstScreen = queryRegister(await index.firstPage(2), EMPTY_FILTER, DEFAULT_SORT, TODAY).map((r) => r.regIndex);
  await index.load();
  const loaded = queryRegister(index.all(), EMPTY_FILTER, DEFAULT_SORT, TODAY).map((r) => r.regIndex);
  index.dispose();
  expect(firstScreen).toEqual(loaded.slice(0, 2));
});
