import 'fake-indexeddb/auto';
import { indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createKeyring,
  nextAttemptAt,
  normaliseRecoveryCode,
  parseKeyring,
  removeOperator,
  retryDelayMs,
  setOperator,
  unlock,
  unlockWithRecovery,
} from '../../../renderer/data/keyring/keyring';
import { keyringStore } from '../../../renderer/data/keyring/keyring-store';
import { openText, sealText } from '../../../renderer/data/sealed/seal';
import type { KeyringBox } from '../../../renderer/platform/platform';

/** Whether two data keys are the same key: what one seals, the other opens. */
async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  return openText(b, 'probe', await sealText(a, 'probe', 'x')).then(
    (t) => t === 'x',
    () => false,
  );
}

describe('the operators’ keyring', () => {
  it('unwraps the data key with the right password and the recovery code, and with nothing else', async () => {
    const { keyring, dataKey, recoveryCode } = await createKeyring('Коваль О. П.', 'пароль старости');
    expect(dataKey.extractable).toBe(false);
    const again = await unlock(keyring, 'коваль о. п.', 'пароль старости');
    expect(again && (await sameKey(dataKey, again))).toBe(true);
    expect(await unlock(keyring, 'Коваль О. П.', 'пароль старости ')).toBeNull();
    expect(await unlock(keyring, 'Бондар Л. М.', 'пароль старости')).toBeNull();
    const recovered = await unlockWithRecovery(keyring, recoveryCode.toLowerCase().replaceAll('-', ' '));
    expect(recovered && (await sameKey(dataKey, recovered))).toBe(true);
    expect(await unlockWithRecovery(keyring, 'AAAA-BBBB-CCCC')).toBeNull();
    // Nothing of the key or the passwords in what is stored.
    const stored = JSON.stringify(keyring);
    expect(stored).not.toContain('пароль');
    expect(stored).not.toContain(normaliseRecoveryCode(recoveryCode));
  }, 30_000);

  it('adds an operator only with a signed-in operator’s right password, gives a forgotten one a new password, never removes the last', async () => {
    const { keyring, dataKey, recoveryCode } = await createKeyring('Коваль О. П.', 'пароль старости');
    expect(
      await setOperator(keyring, { operator: 'Коваль О. П.', password: 'не той' }, 'Бондар Л. М.', 'пароль діловода'),
    ).toBeNull();
    const two = await setOperator(
      keyring,
      { operator: 'Коваль О. П.', password: 'пароль старости' },
      'Бондар Л. М.',
      'пароль діловода',
    );
    expect(two?.operators.map((o) => o.name)).toEqual(['Коваль О. П.', 'Бондар Л. М.']);
    const clerk = two && (await unlock(two, 'Бондар Л. М.', 'пароль діловода'));
    expect(clerk && (await sameKey(dataKey, clerk))).toBe(true);
    // Коваль forgot: the recovery code sets a new password; the old one stops working.
    const reset = two && (await setOperator(two, { recoveryCode }, 'Коваль О. П.', 'новий пароль'));
    expect(reset?.operators).toHaveLength(2);
    expect(reset && (await unlock(reset, 'Коваль О. П.', 'пароль старости'))).toBeNull();
    expect(reset && (await unlock(reset, 'Коваль О. П.', 'новий пароль'))).not.toBeNull();
    const one = reset && removeOperator(reset, 'Бондар Л. М.');
    expect(one?.operators.map((o) => o.name)).toEqual(['Коваль О. П.']);
    expect(one && removeOperator(one, 'Коваль О. П.').operators).toHaveLength(1);
  }, 60_000);

  it('lets three wrong passwords pass, then makes each next attempt wait longer, up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(retryDelayMs)).toEqual([0, 0, 0, 2000, 4000, 8000, 300_000]);
    const base = { version: 1, operators: [], recovery: { salt: '', iterations: 1, wrapped: '' }, idleMinutes: 10 } as const;
    expect(nextAttemptAt({ ...base, operators: [], failures: 4, lastFailureAt: '2026-11-30T10:00:00.000Z' })).toBe(
      Date.parse('2026-11-30T10:00:04.000Z'),
    );
    expect(nextAttemptAt({ ...base, operators: [], failures: 2, lastFailureAt: '2026-11-30T10:00:00.000Z' })).toBeNull();
  });

  it('refuses a stored keyring it did not write', () => {
    expect(parseKeyring(null)).toBeNull();
    expect(parseKeyring({ version: 2, operators: [] })).toBeNull();
    expect(parseKeyring({ version: 1, operators: [], recovery: { salt: 'a', wrapped: 'b', iterations: 600000 } })).toBeNull();
  });
});

describe('the keyring store', () => {
  /** A stand-in OS key store that can be switched off, as a reset Windows profile would. */
  function fakeBox(): KeyringBox & { broken: boolean; sealed: string[] } {
    const box = {
      broken: false,
      sealed: [] as string[],
      async seal(text: string) {
        const out = `os:${btoa(encodeURIComponent(text))}`;
        box.sealed.push(out);
        return out;
      },
      async open(sealed: string) {
        if (box.broken || !sealed.startsWith('os:')) throw new Error('cannot decrypt');
        return decodeURIComponent(atob(sealed.slice(3)));
      },
    };
    return box;
  }

  it('keeps the operators under the OS layer and the recovery wrap outside it, so a reset OS store leaves the recovery code', async () => {
    const box = fakeBox();
    const store = keyringStore(box, indexedDB);
    expect(await store.load()).toEqual({ state: 'none' });
    const { keyring, recoveryCode } = await createKeyring('Коваль О. П.', 'пароль старости');
    await store.save(keyring);
    expect(box.sealed).toHaveLength(1);
    expect(box.sealed[0]).not.toContain('Коваль');
    expect(await store.load()).toEqual({ state: 'ready', keyring });

    box.broken = true;
    const loaded = await store.load();
    expect(loaded.state).toBe('os-unreadable');
    if (loaded.state !== 'os-unreadable') return;
    expect(loaded.keyring.operators).toEqual([]);
    expect(await unlockWithRecovery(loaded.keyring, recoveryCode)).not.toBeNull();
  }, 30_000);

  it('offers the recovery code when the operators are damaged, and treats a keyring damaged past that as none', async () => {
    const store = keyringStore(null, indexedDB);
    const { keyring, recoveryCode } = await createKeyring('Коваль О. П.', 'пароль старости');
    const put = (value: unknown) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('open-village-keyring', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(value, 'keyring');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    const base = { version: 1, recovery: keyring.recovery, idleMinutes: 10, failures: 0, lastFailureAt: null };
    await put({ ...base, operators: { box: 'none', list: 'not a list' } });
    const loaded = await store.load();
    expect(loaded.state).toBe('os-unreadable');
    if (loaded.state === 'os-unreadable') expect(await unlockWithRecovery(loaded.keyring, recoveryCode)).not.toBeNull();
    await put({ ...base, recovery: { salt: 1 }, operators: { box: 'none', list: 'not a list' } });
    expect(await store.load()).toEqual({ state: 'none' });
  }, 30_000);
});
