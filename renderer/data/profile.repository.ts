import type { Profile } from '../../shared/domain/profile';
import type { AppDatabase } from './database';

export type { Profile } from '../../shared/domain/profile';

const PROFILE_ID = 'profile';

/** Reads the profile of this PC, or null before the first setup. */
export async function loadProfile(db: AppDatabase): Promise<Profile | null> {
  const doc = await db.getLocal<Profile>(PROFILE_ID);
  return doc ? { ...(doc.toJSON().data as Profile) } : null;
}

/** Saves the profile of this PC. */
export async function saveProfile(db: AppDatabase, profile: Profile): Promise<void> {
  await db.upsertLocal<Profile>(PROFILE_ID, profile);
}
