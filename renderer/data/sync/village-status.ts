import type { CouchClient } from './couch-client';
import type { SyncConfig } from './sync-config';

/**
 * Each village publishes a small status document (`status:<village>`) after a successful sync, so that the council
 * sees who is behind: when the village last synced and how much still waits on its PC.
 */
export async function publishVillageStatus(
  client: CouchClient,
  config: SyncConfig,
  status: { lastSyncAt: string; pending: number; appVersion: string },
): Promise<void> {
  const id = `status:${config.villageId}`;
  const existing = await client.getDoc<{ _rev: string }>(config.dbName, id);
  await client.putDoc(config.dbName, {
    _id: id,
    ...(existing ? { _rev: existing._rev } : {}),
    type: 'village-status',
    villageId: config.villageId,
    lastSyncAt: status.lastSyncAt,
    pending: status.pending,
    appVersion: status.appVersion,
    by: config.username,
  });
}
