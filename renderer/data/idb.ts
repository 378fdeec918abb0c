/**
 * The app's own small IndexedDB databases beside RxDB's (the keyring, the register snapshot): one object store `kv`
 * each, one operation per transaction, and deletion of whole databases (an earlier register, a register whose keys
 * are gone).
 */

const STORE = 'kv';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs `op` on the `kv` store of database `name` (created when missing) and resolves once its transaction committed. */
export async function inStore<T>(
  factory: IDBFactory,
  name: string,
  mode: IDBTransactionMode,
  op: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  try {
    const tx = db.transaction(STORE, mode);
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await request(op(tx.objectStore(STORE)));
    await committed;
    return result;
  } finally {
    db.close();
  }
}

/** Deletes a whole database; one another tab still holds open goes once that tab closes. */
export function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/**
 * Deletes the register rows of the register schema's version 0 (before report facts), before the database opens.
 * Rows are derived data: the start's repair (App.tsx, ensureRegister) rebuilds them in the background, while RxDB's
 * migration copies documents through its replication protocol, minutes for 150,000 rows before the app could open
 * (50,000 measured at 253 s, docs/encryption-at-rest.md). RxDB then finds the old store empty and only forgets it.
 */
export function dropOldRegister(factory: IDBFactory, databaseName: string): Promise<void> {
  return deleteDatabase(factory, `rxdb-dexie-${databaseName}--0--register`);
}
