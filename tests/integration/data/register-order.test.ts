/**
 * The register's default order kept in step with changes: after rows arrive, move (a corrected date received) and go,
 * RegisterIndex.newestFirst() is exactly the full sort of what the index holds, row for row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newestFirstOrder, RegisterIndex } from '../../../renderer/data/register-index';
import { addDays } from '../../../shared/lib/dates';
import { rowOf, TODAY } from '../../helpers/data/fixtures';
import { TestDatabases } from '../../helpers/data/test-db';

const dbs = new TestDatabases();
const indexes: RegisterIndex[] = [];
afterEach(async () => {
  for (const index of indexes.splice(0)) index.dispose();
  await dbs.removeAll();
});

/** A small deterministic generator, so that a failure reproduces. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('the register in its default order', () => {
  it('follows inserts, moves and deletions without a sort of everything, equal to the full sort', async () => {
    const db = await dbs.create('memory', { projection: false });
    const next = random(20261130);
    const row = (i: number) =>
      rowOf({ id: `R${String(i).padStart(4, '0')}`, receivedOn: addDays(TODAY, -next(30)), regIndex: `HLYBOKE.1-М-${i}` });
    await db.register.bulkInsert(Array.from({ length: 300 }, (_, i) => row(i)));
    const index = new RegisterIndex(db);
    indexes.push(index);
    await index.load();
    const sorted = () => [...index.all()].sort(newestFirstOrder).map((r) => r.id);
    expect(index.newestFirst().map((r) => r.id)).toEqual(sorted());

    for (let round = 0; round < 5; round++) {
      // A corrected date moves rows; new ones arrive; some go (as a rebuild would replace them).
      const moved = new Map(Array.from({ length: 20 }, () => row(next(300))).map((r) => [r.id, r]));
      await db.register.bulkUpsert([...moved.values()]);
      await db.register.bulkInsert(Array.from({ length: 10 }, (_, i) => row(1000 + round * 10 + i)));
      const gone = new Set(Array.from({ length: 3 }, () => `R${String(next(300)).padStart(4, '0')}`));
      await db.register.bulkRemove([...gone].filter((id) => [...index.all()].some((r) => r.id === id)));
      expect(index.newestFirst().map((r) => r.id)).toEqual(sorted());
    }
    expect(index.size).toBeGreaterThan(300);
  });
});
