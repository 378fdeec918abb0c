/**
 * Appeal ids carry their village: `<ULID>-<tag>`, where the tag is FNV-1a 32-bit of the village code (UTF-8 bytes;
 * codes are ASCII, the council's own appeals `central`) in base 36, left-padded with `0` to 7 characters. So an event or
 * file naming an appeal can be checked against its own `villageId` on the server, one document at a time (the same
 * arithmetic is written in ES5 inside `checkRecord`, shared/couch/record-rules.ts). Ids stay sortable by time.
 */

/** Length of an appeal id's village tag. */
export const VILLAGE_TAG_LENGTH = 7;

/** FNV-1a 32-bit of a village code (ASCII, so one byte per character), base 36, padded to 7 characters. */
export function villageTag(code: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(code)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(VILLAGE_TAG_LENGTH, '0');
}

/** The appeal id for a fresh ULID registered in `villageId`, e.g. `01J…-0k3x9aq`. */
export function appealIdFor(ulid: string, villageId: string): string {
  return `${ulid}-${villageTag(villageId)}`;
}

const APPEAL_ID = /^[0-9A-HJKMNP-TV-Z]{26}-([0-9a-z]{7})$/;

/** The village tag of an appeal id, or null when it is not `<ULID>-<tag>`. */
export function appealIdVillageTag(id: string): string | null {
  return APPEAL_ID.exec(id)?.[1] ?? null;
}

/** True when `id` is an appeal id of `villageId`. */
export function isAppealIdOf(id: string, villageId: string): boolean {
  return appealIdVillageTag(id) === villageTag(villageId);
}
