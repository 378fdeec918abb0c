/**
 * Names shared by the app's sync code, the admin command and the CouchDB design documents: one database per village,
 * one central database, roles in `_users`, `_replicator` ids, and `_id` prefixes that tell a document's kind.
 *
 * One CouchDB may host several communities (a regional host serving many hromadas): every database, role and
 * replication id carries the community's code, so two communities on one server never meet.
 *
 *   database of the council        ov-<community>-central
 *   database of a village          ov-<community>-v-<village>
 *   roles                          ov:<community>:central, ov:<community>:village:<village>,
 *                                  ov:<community>:starosta, ov:<community>:clerk
 *   replications (_replicator ids) ov-<community>-v-<village>-to-central, ov-<community>-central-to-<village>
 *
 * Codes are `[a-z][a-z0-9_]{1,19}`: no `-` and no `:`, so the separators can never be part of a code and no two
 * (community, village) pairs give the same name.
 */

/** Community and village codes (`isVillageCode` in shared/domain/indexes accepts the same; a test keeps them in step). */
export const CODE_PATTERN = '^[a-z][a-z0-9_]{1,19}$';

const CODE_RE = new RegExp(CODE_PATTERN);

/** True for a valid community or village code. */
export function isCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_RE.test(value);
}

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

/** `_id` prefixes of the write-once records: created once, never changed; a conflict on one is tamper evidence. */
export const WRITE_ONCE_PREFIXES = [ID_PREFIX.appeal, ID_PREFIX.event, ID_PREFIX.file, ID_PREFIX.chunk] as const;

/** True for the `_id` of a write-once record (appeal, event, file, chunk). */
export function isWriteOnceId(id: string): boolean {
  return WRITE_ONCE_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/** Name of the design document (validation, replication filters, counts) in every Open Village database. */
export const DESIGN_DOC_ID = '_design/ov';

/** Every server-side name of one community. */
export interface CommunityNames {
  readonly code: string;
  /** The council's database. */
  readonly centralDb: string;
  /** Role of council staff (members of every database of the community). */
  readonly centralRole: string;
  /** Marks a village user as the starosta (may write the starosta's event kinds). */
  readonly starostaRole: string;
  /** Marks a village user as a clerk. */
  readonly clerkRole: string;
  /** What every village role starts with; the village code follows. */
  readonly villageRolePrefix: string;
  /** What every database of the community starts with. */
  readonly dbPrefix: string;
  /** What every `_replicator` id of the community starts with. */
  readonly replicationPrefix: string;
  villageDb(village: string): string;
  villageRole(village: string): string;
  /** `_replicator` id of the village → central replication. */
  toCentralReplicationId(village: string): string;
  /** `_replicator` id of the central → village replication. */
  toVillageReplicationId(village: string): string;
}

/** The names of a community's databases, roles and replications (see the file comment for the scheme). */
export function communityNames(code: string): CommunityNames {
  if (!isCode(code)) throw new Error(`invalid community code: ${code}`);
  const dbPrefix = `ov-${code}-`;
  const villageRolePrefix = `ov:${code}:village:`;
  return {
    code,
    centralDb: `${dbPrefix}central`,
    centralRole: `ov:${code}:central`,
    starostaRole: `ov:${code}:starosta`,
    clerkRole: `ov:${code}:clerk`,
    villageRolePrefix,
    dbPrefix,
    replicationPrefix: dbPrefix,
    villageDb: (village) => `${dbPrefix}v-${village}`,
    villageRole: (village) => `${villageRolePrefix}${village}`,
    toCentralReplicationId: (village) => `${dbPrefix}v-${village}-to-central`,
    toVillageReplicationId: (village) => `${dbPrefix}central-to-${village}`,
  };
}

/** Who a CouchDB account is in Open Village, read from its `_users` roles. */
export type AccountIdentity =
  | { community: string; role: 'central'; villageId: typeof CENTRAL_VILLAGE_ID }
  | { community: string; role: 'starosta' | 'clerk'; villageId: string };

/**
 * The account's community, role and village from its roles: `ov:<c>:central` is the council office;
 * `ov:<c>:village:<v>` a village user, the starosta with `ov:<c>:starosta`, else a clerk. Null when the account has
 * no Open Village role, or roles in more than one community or village (never guess which one is meant).
 */
export function identityFromRoles(roles: readonly string[]): AccountIdentity | null {
  const found: AccountIdentity[] = [];
  for (const role of roles) {
    const central = /^ov:([^:]+):central$/.exec(role);
    if (central?.[1] && isCode(central[1])) {
      found.push({ community: central[1], role: 'central', villageId: CENTRAL_VILLAGE_ID });
      continue;
    }
    const village = /^ov:([^:]+):village:([^:]+)$/.exec(role);
    if (village?.[1] && village[2] && isCode(village[1]) && isCode(village[2])) {
      const names = communityNames(village[1]);
      const kind = roles.includes(names.starostaRole) ? 'starosta' : 'clerk';
      found.push({ community: village[1], role: kind, villageId: village[2] });
    }
  }
  const [first] = found;
  if (!first || found.length > 1) return null;
  return first;
}

/** The database an account of this identity syncs with. */
export function databaseOf(identity: AccountIdentity): string {
  const names = communityNames(identity.community);
  return identity.role === 'central' ? names.centralDb : names.villageDb(identity.villageId);
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

/** A village in the central registry (`village:<code>` in the central database). */
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
 * Which community (amalgamated hromada) a database belongs to, with its name: every user reads it from their own
 * database at login; only server admins write it.
 */
export interface CommunityDoc {
  _id: string;
  _rev?: string;
  type: 'community';
  code: string;
  name: string;
}
