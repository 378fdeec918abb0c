import { type AppDatabase, openDatabase } from '../data/database';
import { loadProfile, type Profile } from '../data/profile.repository';
import { RegisterIndex } from '../data/register-index';

export interface Boot {
  db: AppDatabase;
  index: RegisterIndex;
  profile: Profile | null;
}

/** Opens the local database; the projection check and the full in-memory index run after the first screen. */
export async function bootstrap(): Promise<Boot> {
  // Marks let the benchmark (and anyone with DevTools) see where start-up time goes.
  performance.mark('ov:start');
  const db = await openDatabase();
  performance.mark('ov:db-open');
  const index = new RegisterIndex(db);
  const profile = await loadProfile(db);
  return { db, index, profile };
}
