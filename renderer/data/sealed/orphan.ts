/**
 * A sealed register whose keys are gone (the keyring's own database deleted or damaged, the rest of the profile kept):
 * nothing can open it, and a new operator's new key would fail on every record of it. The first-start screen says so,
 * and the new operator starts an empty register in its place.
 */
import { DEFAULT_DB_NAME } from '../database';
import { deleteDatabase } from '../idb';

const PREFIXES = [`rxdb-dexie-${DEFAULT_DB_NAME}--`, 'open-village-snapshot'];

async function names(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((d) => d.name ?? '').filter((n) => PREFIXES.some((p) => n.startsWith(p)));
}

/** True when this profile holds a sealed register (asked only when there is no keyring). */
export async function hasSealedRegister(factory: IDBFactory = indexedDB): Promise<boolean> {
  return (await names(factory)).some((n) => n.startsWith(PREFIXES[0] as string));
}

/** Deletes the sealed register and its snapshot. */
export async function deleteSealedRegister(factory: IDBFactory = indexedDB): Promise<void> {
  for (const name of await names(factory)) await deleteDatabase(factory, name);
}
