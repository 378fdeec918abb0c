import type { Role } from '../../shared/domain/appeal/appeal.types';
import type { AppDatabase } from './database';

/** Who works at this PC: set once at first start (and, from the sync issue on, confirmed by the server login). */
export interface Profile {
  villageCode: string;
  villageName: string;
  /** Workstation number of this PC inside its village (1–99): part of every registration index it allocates. */
  workstation: number;
  operatorName: string;
  role: Role;
  /**
   * The community's code as the council gives it (Latin letters, like village codes): named in every backup and
   * transfer file so that a file of another community is refused (shared/transfer/acceptance.ts). Optional: PCs set
   * up before it existed add it on the backup screen.
   */
  communityCode?: string;
}

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
