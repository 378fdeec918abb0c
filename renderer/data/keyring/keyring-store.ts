/**
 * Where a PC keeps its operators' keyring: a small IndexedDB database of its own, readable before anyone signs in
 * (the lock screen lists the operators), apart from the sealed register. On the desktop the operators' wraps are
 * sealed again by the OS key store (Electron safeStorage), so a copy of the profile folder alone cannot even start
 * guessing passwords; the recovery wrap stays outside that layer, so a reset OS key store still leaves the recovery
 * code as a way back (it is 32 random characters: nothing to guess).
 */
import type { KeyringBox } from '../../platform/platform';
import { inStore } from '../idb';
import { type Keyring, type OperatorEntry, parseKeyring } from './keyring';

const DB_NAME = 'open-village-keyring';
const KEY = 'keyring';

/** What the store holds. */
interface Stored {
  version: 1;
  recovery: Keyring['recovery'];
  operators: { box: 'os'; sealed: string } | { box: 'none'; list: OperatorEntry[] };
  idleMinutes: number;
  failures: number;
  lastFailureAt: string | null;
}

export type LoadedKeyring =
  | { state: 'none' }
  | { state: 'ready'; keyring: Keyring }
  /**
   * Only the recovery code opens it: the OS key store cannot open the operators' wraps here (another Windows user, a
   * reset key store), or they are damaged.
   */
  | { state: 'os-unreadable'; keyring: Keyring };

export interface KeyringStore {
  load(): Promise<LoadedKeyring>;
  save(keyring: Keyring): Promise<void>;
}

export function keyringStore(box: KeyringBox | null, factory: IDBFactory = indexedDB): KeyringStore {
  const withStore = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>) =>
    inStore(factory, DB_NAME, mode, op);

  return {
    async load() {
      const stored = (await withStore('readonly', (s) => s.get(KEY))) as Stored | undefined;
      if (!stored) return { state: 'none' };
      const rest = { version: 1, recovery: stored.recovery, idleMinutes: stored.idleMinutes, failures: stored.failures };
      const lastFailureAt = stored.lastFailureAt;
      if (stored.operators?.box === 'os') {
        let list: unknown = null;
        try {
          list = box ? JSON.parse(await box.open(stored.operators.sealed)) : null;
        } catch {
          list = null;
        }
        const keyring = parseKeyring({ ...rest, lastFailureAt, operators: list });
        if (keyring) return { state: 'ready', keyring };
        // Only the recovery code opens it now: an empty list of operators, the recovery wrap as it was.
        const recoveryOnly = parseKeyring({ ...rest, lastFailureAt, operators: [{ name: '-', ...stored.recovery }] });
        if (!recoveryOnly) return { state: 'none' };
        return { state: 'os-unreadable', keyring: { ...recoveryOnly, operators: [] } };
      }
      const keyring = parseKeyring({ ...rest, lastFailureAt, operators: stored.operators?.list });
      if (keyring) return { state: 'ready', keyring };
      const recoveryOnly = parseKeyring({ ...rest, lastFailureAt, operators: [{ name: '-', ...stored.recovery }] });
      // Damaged past the recovery wrap too: nothing opens the register any more (the first start says so, orphan.ts).
      if (!recoveryOnly) return { state: 'none' };
      return { state: 'os-unreadable', keyring: { ...recoveryOnly, operators: [] } };
    },

    async save(keyring) {
      const json = JSON.stringify(keyring.operators);
      const sealed = box ? await box.seal(json) : null;
      const stored: Stored = {
        version: 1,
        recovery: keyring.recovery,
        operators: sealed ? { box: 'os', sealed } : { box: 'none', list: keyring.operators },
        idleMinutes: keyring.idleMinutes,
        failures: keyring.failures,
        lastFailureAt: keyring.lastFailureAt,
      };
      await withStore('readwrite', (s) => s.put(stored, KEY));
    },
  };
}
