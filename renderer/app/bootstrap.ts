import { type AppDatabase, openDatabase } from '../data/database';
import { loadProfile, type Profile } from '../data/profile.repository';
import { RegisterIndex } from '../data/register-index';
import { ensureRegister } from '../data/register-projection';

export interface Boot {
  db: AppDatabase;
  index: RegisterIndex;
  profile: Profile | null;
}

/** Opens the local database and prepares the register; the full in-memory index loads after the first screen. */
export async function bootstrap(): Promise<Boot> {
  // Marks let the benchmark (and anyone with DevTools) see where start-up time goes.
  performance.mark('ov:start');
  const db = await openDatabase();
  performance.mark('ov:db-open');
  await ensureRegister(db);
  performance.mark('ov:register-checked');
  const index = new RegisterIndex(db);
  const profile = await loadProfile(db);
  return { db, index, profile };
}
