/**
 * A full disk at registration: the storage under RxDB refuses writes with the DOMException Chromium's IndexedDB raises
 * (`QuotaExceededError`). The registration fails with an error the form recognises as "out of space", and nothing of
 * it is stored: no appeal, no register row, no outbox row; with room again the next registration takes number 2.
 */

import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { type AppDatabase, openDatabase } from '../../../renderer/data/database';
import { isQuotaExceeded } from '../../../renderer/data/storage-errors';
import { CLOCK, draftOf, profileOf } from '../../helpers/data/fixtures';
import { counts, uniqueDbName } from '../../helpers/data/test-db';
import { testKey } from '../../helpers/data/test-key';

/** Memory storage whose writes fail as a full disk does while `full` is set. */
function fillableStorage(state: { full: boolean }): RxStorage<unknown, unknown> {
  const inner = getRxStorageMemory() as RxStorage<unknown, unknown>;
  return {
    ...inner,
    async createStorageInstance(params) {
      const instance = await inner.createStorageInstance(params);
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        if (state.full) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        return write(rows, context);
      };
      return instance;
    },
  };
}

let db: AppDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

describe('registration on a full disk', () => {
  it('fails as "out of space", stores nothing, and the number is not used up', async () => {
    const state = { full: false };
    db = await openDatabase({ name: uniqueDbName(), storage: fillableStorage(state), key: await testKey() });
    const first = await registerAppeal(db, profileOf(), draftOf({ surname: 'Перший' }), CLOCK);
    expect(first.ok).toBe(true);
    const before = await counts(db);

    state.full = true;
    const failed = await registerAppeal(db, profileOf(), draftOf({ surname: 'Другий' }), CLOCK).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isQuotaExceeded(failed)).toBe(true);
    state.full = false;
    expect(await counts(db)).toEqual(before);

    const second = await registerAppeal(db, profileOf(), draftOf({ surname: 'Другий' }), CLOCK);
    expect(second.ok && second.appeal.regSeq).toBe(2);
  });

  it('is recognised however RxDB and Dexie wrap or quote it, and nothing else is', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded({ name: 'RxError', parameters: { error: quota } })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', inner: { inner: quota } })).toBe(true);
    expect(isQuotaExceeded(new Error('AbortError: QuotaExceededError: transaction aborted'))).toBe(true);
    expect(isQuotaExceeded(new Error('ConstraintError: key already exists'))).toBe(false);
    expect(isQuotaExceeded(new DOMException('gone', 'NotFoundError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});
