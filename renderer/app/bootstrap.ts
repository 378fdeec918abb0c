import { DEFAULT_DB_NAME, openDatabase } from '../data/database';
import { dropOldRegister } from '../data/idb';
import { loadProfile, type Profile } from '../data/profile.repository';
import { startProjection } from '../data/projection';
import { createRecords, type Records } from '../data/records';
import { RegisterIndex } from '../data/register-index';
import { SealedSnapshots } from '../data/register-snapshot';
import { importUnsealed } from '../data/sealed/unsealed-import';
import { SyncService } from '../data/sync/sync-service';
import { appClock } from './use-today';

export interface Boot {
  /** The screens' facade over the database: the only way the app's parts reach it after start-up. */
  records: Records;
  sync: SyncService;
  index: RegisterIndex;
  profile: Profile | null;
}

/**
 * Opens the local database with the data key an operator's sign-in unwrapped; the projection check and the full
 * in-memory index run after the first screen. The profile names the signed-in operator, so every record does.
 */
export async function bootstrap(unlocked: { dataKey: CryptoKey; operator: string }): Promise<Boot> {
  // Marks let the benchmark (and anyone with DevTools) see where start-up time goes.
  performance.mark('ov:start');
  await dropOldRegister(indexedDB, DEFAULT_DB_NAME);
  const db = await openDatabase({ key: unlocked.dataKey, name: DEFAULT_DB_NAME });
  performance.mark('ov:db-open');
  // A register of an earlier, unsealed version moves in once. A failed copy keeps the old one for the next sign-in.
  await importUnsealed(db).catch((error: unknown) => console.error('earlier register not imported', error));
  // Register rows follow the appeals and events from here on, whoever writes them; it stops when the database closes.
  startProjection(db);
  const index = new RegisterIndex(db, new SealedSnapshots(unlocked.dataKey, db.name));
  const stored = await loadProfile(db);
  const profile = stored ? { ...stored, operatorName: unlocked.operator } : null;
  const sync = new SyncService(db, __APP_VERSION__);
  const records = createRecords({ db, profile, clock: appClock, sync, appVersion: __APP_VERSION__, operator: unlocked.operator });
  // Sync resumes in the background with the remembered login; the register never waits for the network.
  void sync.init().catch((error: unknown) => console.error('sync did not start', error));
  return { records, index, profile, sync };
}
