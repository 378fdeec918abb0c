/**
 * Names shared by the app's sync code, the admin command and the CouchDB design documents (DESIGN.md, central topology):
 * one database per village, one central database, roles in `_users`, and `_id` prefixes that tell a document's kind.
 */

/** The central office's database. */
export const CENTRAL_DB = 'ov_central';

/** Role of council staff (members of every database). */
export const CENTRAL_ROLE = 'ov:central';

/** Role that marks a village user as the starosta (may write the starosta's event kinds, PERMISSIONS.starosta). */
export const STAROSTA_ROLE = 'ov:starosta';

/** `villageId` of appeals the central office registers itself; never a village code (add-village refuses it). */
export const CENTRAL_VILLAGE_ID = 'central';

/** Document `_id` prefixes; the part after the prefix is the RxDB primary key (or the village code). */
export const ID_PREFIX = {
  appeal: 'appeal:',
  event: 'event:',
  status: 'status:',
  village: 'village:',
  file: 'file:',
  chunk: 'chunk:',
  community: 'community:',
} as const;

/** Name of the design document (validation, replication filters, counts) in every Open Village database. */
export const DESIGN_DOC_ID = '_design/ov';

/** Database of one village: `ov_v_<code>`. */
export function villageDbName(code: string): string {
  return `ov_v_${code}`;
}

/** Role of the users of one village: `ov:village:<code>`. */
export function villageRole(code: string): string {
  return `ov:village:${code}`;
}

/** `_replicator` document id of the village → central replication. */
export function toCentralReplicationId(code: string): string {
  return `${villageDbName(code)}-to-central`;
}

/** `_replicator` document id of the central → village replication. */
export function toVillageReplicationId(code: string): string {
  return `${CENTRAL_DB}-to-${code}`;
}

/** `_id` of a village's own status document (last sync, number waiting), written by that village's users. */
export function statusDocId(code: string): string {
  return `${ID_PREFIX.status}${code}`;
}

/** `_id` of the metadata document of an attached file. */
export function fileDocId(fileId: string): string {
  return `${ID_PREFIX.file}${fileId}`;
}

/** `_id` of chunk `n` of a file's bytes (one CouchDB attachment `data` each). */
export function chunkDocId(fileId: string, n: number): string {
  return `${ID_PREFIX.chunk}${fileId}:${n}`;
}

/** `_id` of the registry entry of a village in the central database. */
export function villageDocId(code: string): string {
  return `${ID_PREFIX.village}${code}`;
}

/** The status document a village publishes for the central office. */
export interface VillageStatusDoc {
  _id: string;
  _rev?: string;
  type: 'village-status';
  villageId: string;
  /** ISO timestamp of the village's last successful sync. */
  lastSyncAt: string | null;
  /** Records waiting to be sent at that time. */
  pending: number;
  appVersion: string;
}

/** A village in the central registry (`village:<code>` in `ov_central`). */
export interface VillageRegistryDoc {
  _id: string;
  _rev?: string;
  type: 'village';
  code: string;
  name: string;
}

/** `_id` of the community's identity document (`community:<code>`), written by the admin command into every database. */
export function communityDocId(code: string): string {
  return `${ID_PREFIX.community}${code}`;
}

/**
 * Which community (amalgamated hromada) the server serves: its code names transfer files, so a file of another
 * community is refused. Every user reads it from their own database at login; only server admins write it.
 */
export interface CommunityDoc {
  _id: string;
  _rev?: string;
  type: 'community';
  code: string;
  name: string;
}
