import { openDatabase } from '../data/database';
import { loadProfile, type Profile } from '../data/profile.repository';
import { startProjection } from '../data/projection';
import { createRecords, type Records } from '../data/records';
import { RegisterIndex } from '../data/register-index';
import { SyncService } from '../data/sync/sync-service';
import { appClock } from './use-today';

export interface Boot {
  /** The screens' facade over the database: the only way the app's parts reach it after start-up. */
  records: Records;
  sync: SyncService;
  index: RegisterIndex;
  profile: Profile | null;
}

/** Opens the local database; the projection check and the full in-memory index run after the first screen. */
export async function bootstrap(): Promise<Boot> {
  // Marks let the benchmark (and anyone with DevTools) see where start-up time goes.
  performance.mark('ov:start');
  const db = await openDatabase();
  performance.mark('ov:db-open');
  // Register rows follow the appeals and events from here on, whoever writes them; it stops when the database closes.
  startProjection(db);
  const index = new RegisterIndex(db);
  const profile = await loadProfile(db);
  const sync = new SyncService(db, __APP_VERSION__);
  const records = createRecords({ db, profile, clock: appClock, sync, appVersion: __APP_VERSION__ });
  // Sync resumes in the background with the remembered login; the register never waits for the network.
  void sync.init().catch((error: unknown) => console.error('sync did not start', error));
  return { records, index, profile, sync };
}
