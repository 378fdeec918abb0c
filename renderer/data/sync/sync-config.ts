import { isCode } from '../../../shared/couch/names';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import type { AppDatabase } from '../database';

/** Where and as whom this PC syncs (no secret here: the password lives in the OS key store or the browser's cookie). */
export interface SyncConfig {
  serverUrl: string;
  username: string;
  /** The community the account belongs to (its roles name it); the server's names carry it. */
  community: string;
  /** `ov-<community>-v-<village>` for a village user, `ov-<community>-central` for the council office. */
  dbName: string;
  role: Role;
  villageId: string;
}

const CONFIG_ID = 'sync-config';
const STATE_ID = 'sync-state';

/**
 * Reads the sync settings of this PC, or null before the first login. Settings saved before databases carried the
 * community's code (no `community`) name a database that no longer exists: they count as no login, and the PC asks
 * for one; the local register is untouched.
 */
export async function loadSyncConfig(db: AppDatabase): Promise<SyncConfig | null> {
  const doc = await db.getLocal<SyncConfig>(CONFIG_ID);
  const config = doc ? { ...(doc.toJSON().data as SyncConfig) } : null;
  return config && isCode(config.community) ? config : null;
}

/** Saves the sync settings of this PC. */
export async function saveSyncConfig(db: AppDatabase, config: SyncConfig): Promise<void> {
  await db.upsertLocal<SyncConfig>(CONFIG_ID, config);
}

/** The time of the last successful sync, kept across restarts. */
export async function loadLastSyncAt(db: AppDatabase): Promise<string | null> {
  const doc = await db.getLocal<{ lastSyncAt: string }>(STATE_ID);
  return doc ? ((doc.toJSON().data as { lastSyncAt: string }).lastSyncAt ?? null) : null;
}

/** Remembers the time of the last successful sync. */
export async function saveLastSyncAt(db: AppDatabase, lastSyncAt: string): Promise<void> {
  await db.upsertLocal(STATE_ID, { lastSyncAt });
}
